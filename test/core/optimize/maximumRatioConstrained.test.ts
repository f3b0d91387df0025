import fc from "fast-check";
import { maximumRatioConstrained } from "../../../src/core/optimize/maximumRatioConstrained";
import {
  dot,
  expectFeasible,
  matrix,
  portfolioProblem,
  quadratic,
  randomFeasiblePortfolio,
} from "./portfolioTestUtils";

describe("maximumRatioConstrained", () => {
  it("homogenises a two-asset problem with a binding cap (hand-worked)", () => {
    // Σ = diag(0.04, 0.04), a = (0.1, 0.3): unconstrained w ∝ Σ⁻¹a = (0.25, 0.75). With w2 ≤ 0.6
    // the ratio (0.1w1 + 0.3w2)/(0.2·sqrt(w1² + w2²)) still rises up to the cap (its maximiser is
    // beyond it), so w = (0.4, 0.6): ratio = 0.22/(0.2·sqrt(0.52)) = 1.1/sqrt(0.52).
    const result = maximumRatioConstrained([0.1, 0.3], matrix([0.04, 0, 0, 0.04], ["A", "B"]), {
      upper: [1, 0.6],
    });
    expect(result.weights[0]).toBeCloseTo(0.4, 12);
    expect(result.weights[1]).toBeCloseTo(0.6, 12);
    expect(result.ratio).toBeCloseTo(1.1 / Math.sqrt(0.52), 12);
    expect(result.binding).toEqual(["asset B: max 0.6"]);
  });

  it("is invariant to scaling a (the ratio scales, the weights do not)", () => {
    fc.assert(
      fc.property(
        portfolioProblem,
        fc.integer({ min: 1, max: 1000 }),
        ({ cov, constraints }, k) => {
          const a = Array.from({ length: cov.size }, (_, i) => 0.1 + 0.05 * i);
          const one = maximumRatioConstrained(a, cov, constraints);
          const scaled = maximumRatioConstrained(
            a.map((v) => v * k),
            cov,
            constraints
          );
          one.weights.forEach((v, i) => expect(Math.abs(scaled.weights[i] - v)).toBeLessThan(1e-8));
          expect(scaled.ratio! / one.ratio!).toBeCloseTo(k, 8);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("is feasible and beats random feasible portfolios", () => {
    fc.assert(
      fc.property(portfolioProblem, ({ cov, mu, constraints, centre }) => {
        const a = mu.map((v) => Math.abs(v) + 0.01);
        const result = maximumRatioConstrained(a, cov, constraints);
        expectFeasible(result.weights, constraints);
        const other = randomFeasiblePortfolio(constraints, cov.size, centre);
        expect(result.ratio!).toBeGreaterThanOrEqual(
          dot(a, other) / Math.sqrt(quadratic(cov, other)) - 1e-9
        );
      }),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    const cov = matrix([0.04, 0, 0, 0.04]);
    it("INFEASIBLE when no feasible portfolio has a positive numerator", () => {
      expect(() => maximumRatioConstrained([-0.1, -0.2], cov)).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(/positive aᵀw/),
        })
      );
    });
    it("INFEASIBLE for infeasible bounds", () => {
      expect(() => maximumRatioConstrained([0.1, 0.2], cov, { lower: [0.5, 0.7] })).toThrow(
        expect.objectContaining({ code: "INFEASIBLE" })
      );
    });
    it("NON_FINITE and LENGTH_MISMATCH on a bad numerator", () => {
      expect(() => maximumRatioConstrained([0.1, Infinity], cov)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
      expect(() => maximumRatioConstrained([0.1], cov)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("SINGULAR_MATRIX on a singular covariance", () => {
      expect(() => maximumRatioConstrained([0.1, 0.2], matrix([1, 1, 1, 1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });

  it("leaves its inputs unchanged", () => {
    const a = Object.freeze([0.1, 0.3]);
    const data = Float64Array.from([0.04, 0, 0, 0.04]);
    maximumRatioConstrained(
      a,
      { size: 2, data, labels: ["A", "B"] },
      Object.freeze({ upper: Object.freeze([1, 0.6]) })
    );
    expect([a, Array.from(data)]).toEqual([
      [0.1, 0.3],
      [0.04, 0, 0, 0.04],
    ]);
  });
});
