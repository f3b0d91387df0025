import { checkedConfidence } from "../../../src/core/stats/checkedConfidence";
import { expectCoreError } from "./helpers";

describe("checkedConfidence", () => {
  it("defaults to 0.95 and passes (0, 1) through", () => {
    expect(checkedConfidence(undefined)).toBe(0.95);
    expect(checkedConfidence(0.99)).toBe(0.99);
  });

  it("throws INVALID_ARGUMENT outside the open interval, with the fix", () => {
    expectCoreError(
      () => checkedConfidence(95),
      "INVALID_ARGUMENT",
      "confidence must be strictly between 0 and 1 (e.g. 0.95 for 95 %); got 95"
    );
    for (const bad of [0, 1, -0.1, NaN])
      expectCoreError(() => checkedConfidence(bad), "INVALID_ARGUMENT");
  });
});
