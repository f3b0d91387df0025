import fc from "fast-check";
import { minimumVarianceConstrained } from "../../../src/core/optimize/minimumVarianceConstrained";
import { minimumVarianceEffectiveHoldings } from "../../../src/core/optimize/minimumVarianceEffectiveHoldings";
import {
  covOf,
  covarianceArbitrary,
  limitsFixture,
  maxAbsDifference,
  variance,
} from "./limitsTestKit";

const effective = (w: ArrayLike<number>) => 1 / Array.from(w).reduce((s, x) => s + x * x, 0);

describe("minimumVarianceEffectiveHoldings", () => {
  it("gives the only portfolio with 1/Σw² = n: equal weights (hand-worked)", () => {
    // Σ = diag(0.04, 0.01): unlimited minvar (0.2, 0.8) has 1/Σw² = 1/0.68 ≈ 1.47 < 2.
    const cov = covOf([0.04, 0, 0, 0.01]);
    const r = minimumVarianceEffectiveHoldings(cov, 2);
    expect(r.weights[0]).toBeCloseTo(0.5, 12);
    expect(r.binding).toContain("effective holdings ≥ 2");
  });

  it("returns the unlimited minvar when the limit does not bind", () => {
    const cov = covOf([0.04, 0, 0, 0.01]);
    const r = minimumVarianceEffectiveHoldings(cov, 1.2);
    const free = minimumVarianceConstrained(cov).weights;
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(free[i], 14));
    expect(r.binding).not.toContain("effective holdings ≥ 1.2");
  });

  it(`matches scipy SLSQP on ${limitsFixture.cases.effectiveHoldings.length} problems`, () => {
    expect(limitsFixture.header.script).toBe("scripts/fixtures/limits.py");
    for (const c of limitsFixture.cases.effectiveHoldings) {
      const r = minimumVarianceEffectiveHoldings(covOf(c.cov), c.N, { upper: c.upper });
      expect(maxAbsDifference(r.weights, c.weights)).toBeLessThan(1e-7);
      expect(variance(covOf(c.cov), r.weights)).toBeLessThanOrEqual(c.variance * (1 + 1e-9));
    }
  });

  it("reaches effn and costs no less variance than unlimited (property)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 7 })
          .chain((n) =>
            fc.tuple(covarianceArbitrary(n), fc.double({ min: 0, max: 1, noNaN: true }))
          ),
        ([cov, t]) => {
          const N = 1 + t * (cov.size - 1);
          const r = minimumVarianceEffectiveHoldings(cov, N);
          expect(effective(r.weights)).toBeGreaterThanOrEqual(N * (1 - 1e-11));
          expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          const free = minimumVarianceConstrained(cov);
          expect(variance(cov, r.weights)).toBeGreaterThanOrEqual(
            variance(cov, free.weights) * (1 - 1e-12)
          );
        }
      ),
      { numRuns: 40 }
    );
  });

  it("refuses effn outside [1, n] and an effn the caps cannot reach, giving the bound", () => {
    const cov = covOf([0.04, 0, 0, 0, 0.09, 0, 0, 0, 0.16]);
    expect(() => minimumVarianceEffectiveHoldings(cov, 4)).toThrow(
      /from 1 to the number of assets \(3\)/
    );
    expect(() => minimumVarianceEffectiveHoldings(cov, 0.5)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    // Caps (0.6, 0.6, 0.1): the most even is (0.45, 0.45, 0.1), 1/Σw² = 1/0.415 = 2.40964.
    expect(() => minimumVarianceEffectiveHoldings(cov, 2.9, { upper: [0.6, 0.6, 0.1] })).toThrow(
      /allow at most 2.40964 effective holdings/
    );
    const frozen = Object.freeze({ ...cov, data: Float64Array.from(cov.data) });
    const copy = Array.from(frozen.data);
    minimumVarianceEffectiveHoldings(frozen, 2.5);
    expect(Array.from(frozen.data)).toEqual(copy);
  });
});
