import fc from "fast-check";
import { annualisedMean } from "../../../src/core/stats/annualisedMean";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("annualisedMean", () => {
  it("scales the arithmetic mean by the periods per year", () => {
    // mean(0.01, 0.03) = 0.02; × 12 months = 0.24.
    expect(annualisedMean([0.01, 0.03], 12)).toBeCloseTo(0.24, 15);
  });

  it("defaults to 365 periods per year", () => {
    // mean(0.001, 0.003) = 0.002; × 365 = 0.73.
    expect(annualisedMean([0.001, 0.003])).toBeCloseTo(0.73, 14);
  });

  it("matches numpy mean × ppy on the random fixtures", () => {
    for (const c of randomCases()) {
      expectClose(annualisedMean(c.returns, c.periodsPerYear), c.expected.annualisedMean, 1e-12);
    }
  });

  it("is linear: the mean of r + a is the mean of r plus a × ppy", () => {
    fc.assert(
      fc.property(returnsArbitrary(), fc.double({ min: -0.1, max: 0.1, noNaN: true }), (r, a) => {
        const shifted = r.map((x) => x + a);
        expectClose(annualisedMean(shifted, 52), annualisedMean(r, 52) + a * 52, 1e-9);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS on an empty series", () => {
    expectCoreError(() => annualisedMean([]), "TOO_FEW_POINTS", /returns is empty/);
  });

  it("throws NON_FINITE on NaN or Infinity, naming the row", () => {
    expectCoreError(() => annualisedMean([0.1, NaN]), "NON_FINITE", /row 2/);
    expectCoreError(() => annualisedMean([Infinity, 0.1]), "NON_FINITE", /row 1/);
  });

  it("throws INVALID_ARGUMENT on a periodsPerYear that is not above 0", () => {
    expectCoreError(() => annualisedMean([0.1], 0), "INVALID_ARGUMENT", /periodsPerYear/);
    expectCoreError(() => annualisedMean([0.1], NaN), "INVALID_ARGUMENT");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.01, -0.02, 0.03]);
    annualisedMean(input);
    expect(input).toEqual([0.01, -0.02, 0.03]);
  });
});
