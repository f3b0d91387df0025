import fc from "fast-check";
import { annualisedVolatility } from "../../../src/core/stats/annualisedVolatility";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("annualisedVolatility", () => {
  it("is the sample standard deviation times √ppy", () => {
    // mean 0.02; deviations ±0.01; Σd² = 0.0002; /(n−1 = 1) = 0.0002; √ = 0.0141421; × √4 = 0.0282843.
    expect(annualisedVolatility([0.01, 0.03], 4)).toBeCloseTo(Math.sqrt(0.0002) * 2, 15);
  });

  it("matches numpy std(ddof=1) × √ppy on the random fixtures", () => {
    for (const c of randomCases()) {
      expectClose(
        annualisedVolatility(c.returns, c.periodsPerYear),
        c.expected.annualisedVolatility,
        1e-11
      );
    }
  });

  it("is exactly 0 for a constant series (rounding noise is not volatility)", () => {
    expect(annualisedVolatility([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])).toBe(0);
  });

  it("is non-negative, shift-invariant and scales with |c|", () => {
    fc.assert(
      fc.property(returnsArbitrary(), fc.double({ min: 0.1, max: 10, noNaN: true }), (r, c) => {
        const vol = annualisedVolatility(r, 365);
        expect(vol).toBeGreaterThanOrEqual(0);
        expectClose(
          annualisedVolatility(
            r.map((x) => x + 0.01),
            365
          ),
          vol,
          1e-8
        );
        expectClose(
          annualisedVolatility(
            r.map((x) => -c * x),
            365
          ),
          c * vol,
          1e-8
        );
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS on empty and one-point series", () => {
    expectCoreError(() => annualisedVolatility([]), "TOO_FEW_POINTS", /is empty/);
    expectCoreError(
      () => annualisedVolatility([0.1]),
      "TOO_FEW_POINTS",
      /has 1 value; .* at least 2/
    );
  });

  it("throws NON_FINITE on NaN or Infinity", () => {
    expectCoreError(() => annualisedVolatility([0.1, -Infinity]), "NON_FINITE", /row 2/);
  });

  it("throws INVALID_ARGUMENT on a negative periodsPerYear", () => {
    expectCoreError(() => annualisedVolatility([0.1, 0.2], -365), "INVALID_ARGUMENT");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.01, -0.02, 0.03]);
    annualisedVolatility(input);
    expect(input).toEqual([0.01, -0.02, 0.03]);
  });
});
