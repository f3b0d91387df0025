import fc from "fast-check";
import { blackLittermanWeights } from "../../../src/core/bayesian/blackLittermanWeights";
import { matrix, problemArbitrary } from "./bayesianTestUtils";

describe("blackLittermanWeights", () => {
  it("is Σ⁻¹μ normalised by its sum (hand-worked)", () => {
    // Σ = 0.04 I, μ = (0.1, 0.2): Σ⁻¹μ = (2.5, 5) → (1/3, 2/3).
    const w = blackLittermanWeights([0.1, 0.2], matrix([0.04, 0, 0, 0.04]));
    expect(w[0]).toBeCloseTo(1 / 3, 15);
    expect(w[1]).toBeCloseTo(2 / 3, 15);
    // A short position survives: μ = (−0.1, 0.2) → (−2.5, 5)/2.5 = (−1, 2).
    const short = blackLittermanWeights([-0.1, 0.2], matrix([0.04, 0, 0, 0.04]));
    expect(Array.from(short)).toEqual([expect.closeTo(-1, 14), expect.closeTo(2, 14)]);
  });

  it("sums to 1 and solves Σw ∝ μ", () => {
    fc.assert(
      fc.property(problemArbitrary, ({ n, cov, prior }) => {
        let w: Float64Array;
        try {
          w = blackLittermanWeights(prior, cov);
        } catch {
          return; // raw weights summing to 0: tested below
        }
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        // Σw = μ / s for the scale s = 1ᵀΣ⁻¹μ: the ratios (Σw)_i / μ_i agree.
        let scale = NaN;
        for (let i = 0; i < n; i++) {
          let sw = 0;
          for (let j = 0; j < n; j++) sw += cov.data[i * n + j] * w[j];
          if (Math.abs(prior[i]) < 1e-3) continue;
          if (Number.isNaN(scale)) scale = sw / prior[i];
          else expect(Math.abs(sw / prior[i] - scale)).toBeLessThan(1e-6 * Math.abs(scale) + 1e-9);
        }
      }),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    it("INFEASIBLE when the raw weights sum to 0", () => {
      expect(() => blackLittermanWeights([0.1, -0.1], matrix([0.04, 0, 0, 0.04]))).toThrow(
        expect.objectContaining({ code: "INFEASIBLE", argument: "mu" })
      );
      expect(() => blackLittermanWeights([0, 0], matrix([0.04, 0, 0, 0.04]))).toThrow(
        expect.objectContaining({ code: "INFEASIBLE" })
      );
    });
    it("LENGTH_MISMATCH, NON_FINITE and SINGULAR_MATRIX for bad inputs", () => {
      expect(() => blackLittermanWeights([0.1], matrix([1, 0, 0, 1]))).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
      expect(() => blackLittermanWeights([0.1, NaN], matrix([1, 0, 0, 1]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
      expect(() => blackLittermanWeights([0.1, 0.2], matrix([1, 1, 1, 1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });

  it("leaves its inputs unchanged", () => {
    const mu = Object.freeze([0.1, 0.2]);
    const cov = matrix([0.04, 0.01, 0.01, 0.04]);
    blackLittermanWeights(mu, cov);
    expect(mu).toEqual([0.1, 0.2]);
    expect(Array.from(cov.data)).toEqual([0.04, 0.01, 0.01, 0.04]);
  });
});
