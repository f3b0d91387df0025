import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { validateSquareMatrix } from "./validateSquareMatrix";

/**
 * Default relative tolerance: eigenvalues down to −1e-10 × the largest diagonal entry count as zero,
 * well above the O(size · 1e-16) rounding of a correlation computed in floating point and well below
 * any negative eigenvalue that matters to an optimiser.
 */
const DEFAULT_TOLERANCE = 1e-10;

/**
 * Whether a symmetric matrix is positive semidefinite, up to a tolerance: a cheap check for callers
 * (e.g. before an optimiser, or after a user edits a correlation matrix by hand).
 *
 * Method: a Cholesky factorisation of A + δI with δ = tolerance × max(1, max_i a_ii); it succeeds
 * (every pivot > 0) exactly when the smallest eigenvalue of A exceeds −δ, up to rounding of
 * O(size · ε · ‖A‖). Reference: Higham (2009), "Cholesky factorization", WIREs Comp Stat 1(2).
 * Complexity: O(size³ / 6), stops at the first failing pivot; O(size²) memory.
 *
 * @param matrix a symmetric square matrix
 * @param tolerance relative tolerance δ (default 1e-10), ≥ 0
 * @returns true when every eigenvalue ≥ −δ (approximately)
 * @throws CoreError INVALID_ARGUMENT (not square, not symmetric, bad tolerance)
 * @throws CoreError NON_FINITE (NaN or ±Infinity entry)
 * @example isPositiveSemidefinite({ size: 2, data: Float64Array.of(1, 2, 2, 1), labels: ["A", "B"] }); // => false
 */
export function isPositiveSemidefinite(
  matrix: SquareMatrix,
  tolerance = DEFAULT_TOLERANCE
): boolean {
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `tolerance must be a finite number ≥ 0; got ${tolerance}`,
      { argument: "tolerance" }
    );
  }
  validateSquareMatrix(matrix, "matrix");
  const { size, data } = matrix;
  let maxDiagonal = 1;
  for (let i = 0; i < size; i++) maxDiagonal = Math.max(maxDiagonal, data[i * size + i]);
  const shift = tolerance * maxDiagonal;
  // Lower-triangular factor, row-major; only the lower triangle of A is read.
  const L = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = data[i * size + j] + (i === j ? shift : 0);
      const ri = i * size;
      const rj = j * size;
      for (let k = 0; k < j; k++) sum -= L[ri + k] * L[rj + k];
      if (i === j) {
        if (!(sum > 0)) return false;
        L[ri + i] = Math.sqrt(sum);
      } else {
        L[ri + j] = sum / L[rj + j];
      }
    }
  }
  return true;
}
