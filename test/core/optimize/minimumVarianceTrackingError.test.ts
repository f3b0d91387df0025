import fc from "fast-check";
import { minimumVarianceConstrained } from "../../../src/core/optimize/minimumVarianceConstrained";
import { minimumVarianceTrackingError } from "../../../src/core/optimize/minimumVarianceTrackingError";
import {
  covOf,
  covarianceArbitrary,
  limitsFixture,
  maxAbsDifference,
  variance,
} from "./limitsTestKit";

describe("minimumVarianceTrackingError", () => {
  it("moves along the line to the benchmark when uncorrelated (hand-worked)", () => {
    // Σ = diag(0.04, 0.01), w_b = (1, 0): penalised optimum w = (1 − θ)·(0.2, 0.8) + θ·(1, 0) (the
    // QP min wᵀΣw − 2θ w_bᵀΣw has w ∝ Σ⁻¹(λ1 + 2θΣw_b)). TE = |0.8 − 0.8θ|·√(0.04 + 0.01)… so the
    // cap 0.1 is met with equality, and the weights stay on that line.
    const cov = covOf([0.04, 0, 0, 0.01]);
    const r = minimumVarianceTrackingError(cov, [1, 0], 0.1);
    expect(r.trackingError).toBeCloseTo(0.1, 10);
    const dw = r.weights[0] - 1;
    expect(Math.sqrt(0.04 * dw * dw + 0.01 * r.weights[1] ** 2)).toBeCloseTo(0.1, 10);
    expect(r.binding).toContain("tracking error ≤ 0.1");
  });

  it(`matches scipy SLSQP on ${limitsFixture.cases.trackingError.length} problems`, () => {
    for (const c of limitsFixture.cases.trackingError) {
      const r = minimumVarianceTrackingError(covOf(c.cov), c.benchmark, c.te, { upper: c.upper });
      expect(maxAbsDifference(r.weights, c.weights)).toBeLessThan(1e-7);
      expect(r.trackingError).toBeLessThanOrEqual(c.te * (1 + 1e-11));
      expect(variance(covOf(c.cov), r.weights)).toBeLessThanOrEqual(c.variance * (1 + 1e-9));
    }
  });

  it("meets the cap and costs no less variance than unlimited (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((n) =>
          fc.tuple(
            covarianceArbitrary(n),
            fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
              minLength: n,
              maxLength: n,
            }),
            fc.double({ min: 0.05, max: 1, noNaN: true })
          )
        ),
        ([cov, raw, share]) => {
          const total = raw.reduce((a, b) => a + b, 0);
          const b = raw.map((x) => x / total);
          const free = minimumVarianceConstrained(cov);
          const diff = Array.from(free.weights).map((w, i) => w - b[i]);
          const cap = share * Math.sqrt(variance(cov, diff)) + 1e-9;
          const r = minimumVarianceTrackingError(cov, b, cap);
          expect(r.trackingError).toBeLessThanOrEqual(cap * (1 + 1e-11));
          expect(variance(cov, r.weights)).toBeGreaterThanOrEqual(
            variance(cov, free.weights) * (1 - 1e-12)
          );
        }
      ),
      { numRuns: 40 }
    );
  });

  it("refuses a cap below the least tracking error the constraints allow, and bad inputs", () => {
    const cov = covOf([0.04, 0, 0, 0.01]);
    // w_b = (1, 0) with caps 0.5: the closest is (0.5, 0.5), TE = √(0.04·0.25 + 0.01·0.25) = 0.111803.
    expect(() => minimumVarianceTrackingError(cov, [1, 0], 0.05, { upper: 0.5 })).toThrow(
      /at least 0.111803/
    );
    expect(() => minimumVarianceTrackingError(cov, [1, 0], 0)).toThrow(/above 0/);
    expect(() => minimumVarianceTrackingError(cov, [1], 0.1)).toThrow(
      /benchmarkWeights must be 2 finite weights/
    );
  });
});
