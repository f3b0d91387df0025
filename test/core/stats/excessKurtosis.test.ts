import fc from "fast-check";
import { sampleKurtosis } from "simple-statistics";
import { excessKurtosis } from "../../../src/core/stats/excessKurtosis";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("excessKurtosis", () => {
  it("is the sample-adjusted G2 by default, g2 with bias = true", () => {
    // x = [1, 2, 3, 10]: d = [−3, −2, −1, 6]; m2 = 12.5; m4 = (81 + 16 + 1 + 1296)/4 = 348.5;
    // g2 = 348.5 / 156.25 − 3 = −0.7696; G2 = ((5 g2 + 6) × 3) / (2 × 1) = 3.228.
    expect(excessKurtosis([1, 2, 3, 10], true)).toBeCloseTo(-0.7696, 12);
    expect(excessKurtosis([1, 2, 3, 10])).toBeCloseTo(3.228, 12);
  });

  it("matches scipy.stats.kurtosis(bias=False) and (bias=True) on the random fixtures", () => {
    for (const c of randomCases()) {
      expectClose(excessKurtosis(c.returns), c.expected.excessKurtosis, 1e-10);
      expectClose(excessKurtosis(c.returns, true), c.expected.excessKurtosisBiased, 1e-10);
    }
  });

  it("matches simple-statistics sampleKurtosis (also G2)", () => {
    fc.assert(
      fc.property(returnsArbitrary(4, 40), (r) => {
        expectClose(excessKurtosis(r), sampleKurtosis(r), 1e-7);
      }),
      PROPERTY_RUNS
    );
  });

  it("is invariant to order, sign, shift and positive scale; g2 ≥ −2", () => {
    fc.assert(
      fc.property(
        returnsArbitrary(4, 40),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (r, c) => {
          const k = excessKurtosis(r);
          expectClose(excessKurtosis(r.map((x) => -x)), k, 1e-8);
          expectClose(excessKurtosis([...r].reverse()), k, 1e-8);
          expectClose(excessKurtosis(r.map((x) => c * x + 0.01)), k, 1e-6);
          expect(excessKurtosis(r, true)).toBeGreaterThanOrEqual(-2 - 1e-12);
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("throws ZERO_VARIANCE on a constant series", () => {
    expectCoreError(() => excessKurtosis([0.3, 0.3, 0.3, 0.3]), "ZERO_VARIANCE", /constant/);
  });

  it("throws TOO_FEW_POINTS below four values and NON_FINITE on Infinity", () => {
    expectCoreError(() => excessKurtosis([0.1, 0.2, 0.3]), "TOO_FEW_POINTS", /at least 4/);
    expectCoreError(() => excessKurtosis([0.1, 0.2, 0.3, Infinity]), "NON_FINITE", /row 4/);
  });

  it("leaves its input unchanged", () => {
    const input = frozen([1, 2, 3, 10]);
    excessKurtosis(input);
    expect(input).toEqual([1, 2, 3, 10]);
  });
});
