import { checkedPeriodsPerYear } from "../../../src/core/stats/checkedPeriodsPerYear";
import { expectCoreError } from "./helpers";

describe("checkedPeriodsPerYear", () => {
  it("defaults to 365 and passes positive values through", () => {
    expect(checkedPeriodsPerYear(undefined)).toBe(365);
    expect(checkedPeriodsPerYear(252)).toBe(252);
    expect(checkedPeriodsPerYear(365.25)).toBe(365.25);
  });

  it("throws INVALID_ARGUMENT on zero, negatives, NaN and Infinity", () => {
    for (const bad of [0, -12, NaN, Infinity]) {
      expectCoreError(
        () => checkedPeriodsPerYear(bad),
        "INVALID_ARGUMENT",
        /periodsPerYear must be a number above 0/
      );
    }
  });
});
