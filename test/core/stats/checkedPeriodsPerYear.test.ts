import fc from "fast-check";
import { checkedPeriodsPerYear } from "../../../src/core/stats/checkedPeriodsPerYear";
import { expectCoreError } from "./helpers";

describe("checkedPeriodsPerYear", () => {
  it("defaults to 365 (daily crypto) and passes positive values through", () => {
    expect(checkedPeriodsPerYear(undefined)).toBe(365);
    expect(checkedPeriodsPerYear(252)).toBe(252);
    expect(checkedPeriodsPerYear(365.25)).toBe(365.25);
    expect(checkedPeriodsPerYear(1)).toBe(1);
  });

  it("reads an options object { periodsPerYear } the same way, and null as omitted", () => {
    expect(checkedPeriodsPerYear({ periodsPerYear: 252 })).toBe(252);
    expect(checkedPeriodsPerYear({})).toBe(365);
    expect(checkedPeriodsPerYear(null)).toBe(365);
    expectCoreError(() => checkedPeriodsPerYear({ periodsPerYear: -1 }), "INVALID_ARGUMENT");
  });

  it("accepts every finite positive number unchanged", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (v) => {
        expect(checkedPeriodsPerYear(v)).toBe(v);
      }),
      { numRuns: 50 }
    );
  });

  it("throws INVALID_ARGUMENT on zero, negatives, NaN and ±Infinity, listing the usual values", () => {
    for (const bad of [0, -12, NaN, Infinity, -Infinity]) {
      expectCoreError(
        () => checkedPeriodsPerYear(bad),
        "INVALID_ARGUMENT",
        /periodsPerYear must be a number above 0/
      );
    }
  });
});
