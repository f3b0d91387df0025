import fc from "fast-check";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { semidefiniteCholeskyPasses } from "../../../src/core/linalg/semidefiniteCholeskyPasses";
import type { SquareMatrix } from "../../../src/core/types";
import { gram, maxDiagonal, referenceError } from "./psdTestKit";

function smallestEigenvalue(cov: SquareMatrix): number {
  const n = cov.size;
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m.set(i, j, cov.data[i * n + j]);
  return Math.min(...new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues);
}

describe("semidefiniteCholeskyPasses", () => {
  it("refuses [[1, 2], [2, 1]] and accepts [[1, 1], [1, 1]] (hand-worked)", () => {
    // [[1, 2], [2, 1]]: second pivot 1 − 2² = −3 (eigenvalues 3, −1). [[1, 1], [1, 1]]: pivot 0, PSD.
    expect(semidefiniteCholeskyPasses(Float64Array.of(1, 2, 2, 1), 2, 1)).toBe(false);
    expect(semidefiniteCholeskyPasses(Float64Array.of(1, 1, 1, 1), 2, 1)).toBe(true);
  });

  it("passes a positive definite matrix of several blocks, and a singular PSD one (T < N)", () => {
    // 100 assets: four blocks of 32, so three trailing updates in the SIMD kernel.
    const definite = gram(100, 300, 1);
    const singular = gram(100, 40, 2);
    expect(smallestEigenvalue(definite)).toBeGreaterThan(0);
    expect(smallestEigenvalue(singular)).toBeLessThan(1e-12);
    expect(semidefiniteCholeskyPasses(definite.data, 100, maxDiagonal(definite))).toBe(true);
    expect(semidefiniteCholeskyPasses(singular.data, 100, maxDiagonal(singular))).toBe(true);
  });

  it("fails where an entry far from the first block breaks definiteness", () => {
    const cov = gram(100, 300, 3);
    const n = cov.size;
    const data = Float64Array.from(cov.data);
    // |Σ_ij| > √(Σ_ii Σ_jj) violates Cauchy–Schwarz: a 2 × 2 minor with a negative determinant.
    data[90 * n + 70] = data[70 * n + 90] = 1.5 * Math.sqrt(data[70 * n + 70] * data[90 * n + 90]);
    expect(semidefiniteCholeskyPasses(data, n, maxDiagonal(cov))).toBe(false);
  });

  it("agrees with checkCovariance's row-by-row test on random matrices (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 33, max: 80 }),
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 1 << 30 }),
        (n, rows, shift, seed) => {
          const cov = gram(n, rows, seed);
          // A diagonal shift makes some of them indefinite (shift below −λ_min), far from the tolerance.
          const data = Float64Array.from(cov.data);
          for (let i = 0; i < n; i++) data[i * n + i] += shift * maxDiagonal(cov);
          const shifted = { ...cov, data };
          if (data.some((v, k) => k % (n + 1) === 0 && v <= 0)) return;
          const lambda = smallestEigenvalue(shifted);
          // Skip the band where rounding may decide (|λ_min| within 1e-8 of the tolerance's scale).
          if (Math.abs(lambda) < 1e-8 * maxDiagonal(shifted)) return;
          const passes = semidefiniteCholeskyPasses(data, n, maxDiagonal(shifted));
          expect(passes).toBe(lambda > 0);
          expect(passes).toBe(referenceError(shifted) === undefined);
        }
      ),
      { numRuns: 40 }
    );
  });

  it("does not modify its input", () => {
    const cov = gram(70, 100, 4);
    const before = Float64Array.from(cov.data);
    semidefiniteCholeskyPasses(cov.data, 70, maxDiagonal(cov));
    expect(cov.data).toEqual(before);
  });
});
