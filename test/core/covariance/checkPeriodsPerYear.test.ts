import fc from "fast-check";
import { checkPeriodsPerYear } from "../../../src/core/covariance/checkPeriodsPerYear";
import { coreErrorOf } from "./covarianceTestKit";

describe("checkPeriodsPerYear", () => {
  it("defaults to 365 (daily crypto) and passes valid factors through", () => {
    expect(checkPeriodsPerYear(undefined)).toBe(365);
    expect(checkPeriodsPerYear(252)).toBe(252);
    expect(checkPeriodsPerYear(1)).toBe(1);
  });

  it("reads an options object { periodsPerYear } the same way, and null as omitted", () => {
    expect(checkPeriodsPerYear({ periodsPerYear: 252 })).toBe(252);
    expect(checkPeriodsPerYear({})).toBe(365);
    expect(checkPeriodsPerYear(null as unknown as undefined)).toBe(365);
    expect(coreErrorOf(() => checkPeriodsPerYear({ periodsPerYear: -1 })).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("accepts every finite positive number unchanged", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (v) => {
        expect(checkPeriodsPerYear(v)).toBe(v);
      }),
      { numRuns: 50 }
    );
  });

  it("throws INVALID_ARGUMENT for 0, negatives, NaN and ±Infinity, listing the usual values", () => {
    for (const bad of [0, -12, NaN, Infinity, -Infinity]) {
      const error = coreErrorOf(() => checkPeriodsPerYear(bad));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.message).toContain("periodsPerYear must be a number above 0");
    }
  });
});
