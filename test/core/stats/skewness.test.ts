import fc from "fast-check";
import { sampleSkewness } from "simple-statistics";
import { skewness } from "../../../src/core/stats/skewness";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("skewness", () => {
  it("is the adjusted Fisher–Pearson G1 by default, g1 with bias = true", () => {
    // x = [1, 2, 3, 10]: mean 4; d = [−3, −2, −1, 6]; m2 = 50/4 = 12.5; m3 = (−27 − 8 − 1 + 216)/4 = 45;
    // g1 = 45 / 12.5^1.5 = 1.0182337649; G1 = g1 × √(4 × 3) / 2 = 1.7636326148.
    expect(skewness([1, 2, 3, 10], true)).toBeCloseTo(45 / Math.pow(12.5, 1.5), 14);
    expect(skewness([1, 2, 3, 10])).toBeCloseTo((45 / Math.pow(12.5, 1.5)) * Math.sqrt(3), 14);
  });

  it("matches scipy.stats.skew(bias=False) and (bias=True) on the random fixtures", () => {
    for (const c of randomCases()) {
      expectClose(skewness(c.returns), c.expected.skewness, 1e-10);
      expectClose(skewness(c.returns, true), c.expected.skewnessBiased, 1e-10);
    }
  });

  it("matches simple-statistics sampleSkewness (also G1)", () => {
    fc.assert(
      fc.property(returnsArbitrary(3, 40), (r) => {
        expectClose(skewness(r), sampleSkewness(r), 1e-8);
      }),
      PROPERTY_RUNS
    );
  });

  it("is odd under negation and invariant to order, shift and positive scale", () => {
    fc.assert(
      fc.property(
        returnsArbitrary(3, 40),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (r, c) => {
          const s = skewness(r);
          expectClose(skewness(r.map((x) => -x)), -s, 1e-8);
          expectClose(skewness([...r].reverse()), s, 1e-8);
          expectClose(skewness(r.map((x) => c * x + 0.01)), s, 1e-6);
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("throws ZERO_VARIANCE on a constant series", () => {
    expectCoreError(() => skewness([0.3, 0.3, 0.3]), "ZERO_VARIANCE", /constant/);
  });

  it("throws TOO_FEW_POINTS below three values and NON_FINITE on NaN", () => {
    expectCoreError(() => skewness([0.1, 0.2]), "TOO_FEW_POINTS", /at least 3/);
    expectCoreError(() => skewness([0.1, 0.2, NaN]), "NON_FINITE");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([1, 2, 3, 10]);
    skewness(input);
    expect(input).toEqual([1, 2, 3, 10]);
  });
});
