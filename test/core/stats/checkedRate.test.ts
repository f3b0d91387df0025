import { checkedRate } from "../../../src/core/stats/checkedRate";
import { expectCoreError } from "./helpers";

describe("checkedRate", () => {
  it("defaults to 0 and passes finite rates through (negative ones too)", () => {
    expect(checkedRate(undefined, "riskFree")).toBe(0);
    expect(checkedRate(-0.005, "riskFree")).toBe(-0.005);
  });

  it("throws INVALID_ARGUMENT on NaN and Infinity, naming the option", () => {
    expectCoreError(
      () => checkedRate(NaN, "mar"),
      "INVALID_ARGUMENT",
      /^mar must be a finite annual rate/
    );
    expectCoreError(() => checkedRate(Infinity, "riskFree"), "INVALID_ARGUMENT", /^riskFree/);
  });
});
