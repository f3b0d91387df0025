import fc from "fast-check";
import { diversificationRatio } from "../../../src/core/diversification/diversificationRatio";
import { copyMatrix, covWithPerAsset, squareMatrix } from "../allocation/testMatrices";
import { diagnostics } from "./diagnosticsFixture";

describe("diversificationRatio", () => {
  it("is √2 for two equal, uncorrelated assets held equally (hand-worked)", () => {
    // Σ w_i σ_i = 0.5·0.2 + 0.5·0.2 = 0.2; σ_p = √(0.25·0.04·2) = √0.02 → 0.2/0.141421 = √2.
    expect(diversificationRatio([0.5, 0.5], squareMatrix([0.04, 0, 0, 0.04]))).toBeCloseTo(
      Math.SQRT2,
      14
    );
  });

  it("is 1 for a single asset and for perfectly correlated assets", () => {
    expect(diversificationRatio([1], squareMatrix([0.09]))).toBe(1);
    // ρ = 1, σ = 0.1, 0.3: σ_p = 0.5·0.1 + 0.5·0.3 = Σ w σ.
    expect(diversificationRatio([0.5, 0.5], squareMatrix([0.01, 0.03, 0.03, 0.09]))).toBeCloseTo(
      1,
      14
    );
  });

  it(`matches numpy (${diagnostics.header.generator})`, () => {
    for (const c of diagnostics.cases) {
      const dr = diversificationRatio(c.weights, squareMatrix(c.cov));
      expect(Math.abs(dr - c.diversificationRatio)).toBeLessThan(
        1e-12 * Math.abs(c.diversificationRatio)
      );
    }
  });

  it("is ≥ 1 for long-only weights and scale-free in w and cov (property)", () => {
    fc.assert(
      fc.property(covWithPerAsset(1, 8, 0.01, 1), ([cov, w]) => {
        const dr = diversificationRatio(w, cov);
        expect(dr).toBeGreaterThanOrEqual(1 - 1e-12);
        const scaled = diversificationRatio(
          w.map((x) => 3 * x),
          squareMatrix(Array.from(cov.data, (v) => v * 365))
        );
        expect(Math.abs(scaled - dr)).toBeLessThan(1e-10 * dr);
      }),
      { numRuns: 80 }
    );
  });

  it("leaves its inputs unchanged", () => {
    const cov = squareMatrix([0.04, 0.01, 0.01, 0.09]);
    const copy = copyMatrix(cov);
    const w = Float64Array.of(0.3, 0.7);
    diversificationRatio(w, cov);
    expect(cov).toEqual(copy);
    expect(Array.from(w)).toEqual([0.3, 0.7]);
  });

  describe("preconditions", () => {
    const cov = squareMatrix([0.04, 0, 0, 0.01]);
    it("rejects weights of the wrong length (LENGTH_MISMATCH)", () => {
      expect(() => diversificationRatio([1, 0, 0], cov)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("rejects Infinity in the weights (NON_FINITE)", () => {
      expect(() => diversificationRatio([Infinity, 0], cov)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
    it("rejects a zero-variance portfolio (ZERO_VARIANCE)", () => {
      expect(() => diversificationRatio([0, 1], squareMatrix([0.04, 0, 0, 0]))).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE" })
      );
    });
    it("rejects a non-PSD cov (SINGULAR_MATRIX)", () => {
      expect(() => diversificationRatio([0.5, 0.5], squareMatrix([1, -2, -2, 1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });
});
