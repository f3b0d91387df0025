import { CoreError } from "../errors";

/**
 * Relative pivot tolerance: a pivot below `size × ε × (largest diagonal entry)` is what rounding
 * alone can produce from an exactly singular matrix, so the matrix is treated as not positive
 * definite rather than factorised into a factor with a meaningless, huge inverse.
 */
const PIVOT_TOLERANCE = 4 * Number.EPSILON;

/**
 * Cholesky factor of a symmetric positive definite matrix: the lower-triangular L with A = L·Lᵀ.
 *
 * Formula: L_jj = sqrt(A_jj − Σ_{k<j} L_jk²), L_ij = (A_ij − Σ_{k<j} L_ik L_jk) / L_jj for i > j
 * (Cholesky–Banachiewicz, row by row). Reads only the lower triangle of A, as LAPACK `dpotrf('L')`
 * and numpy `linalg.cholesky` do; matches numpy to rounding.
 * Conventions: row-major in and out; the strict upper triangle of the result is zero.
 * Complexity: O(size³ / 3) flops, one size × size `Float64Array`.
 *
 * @param matrix row-major size × size symmetric matrix (only the lower triangle is read)
 * @param size the dimension, at least 1
 * @param argument the argument name used in error messages (default "matrix")
 * @param labels optional row labels, used in error messages
 * @returns L, row-major, lower triangular with a positive diagonal
 * @throws CoreError INVALID_ARGUMENT (size not a positive integer)
 * @throws CoreError LENGTH_MISMATCH (matrix.length ≠ size²)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in the lower triangle)
 * @throws CoreError SINGULAR_MATRIX (not positive definite: a pivot ≤ tolerance, with its row)
 * @example choleskyFactor([4, 2, 2, 5], 2); // => Float64Array [2, 0, 1, 2]
 */
export function choleskyFactor(
  matrix: ArrayLike<number>,
  size: number,
  argument = "matrix",
  labels?: readonly string[]
): Float64Array {
  if (!Number.isInteger(size) || size < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument}: size must be a positive integer; got ${size}`,
      { argument }
    );
  }
  if (matrix.length !== size * size) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument} has ${matrix.length} entries but a ${size} × ${size} matrix needs ${size * size}; pass a square matrix`,
      { argument }
    );
  }
  let maxDiagonal = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      const value = matrix[i * size + j];
      if (!Number.isFinite(value)) {
        throw new CoreError(
          "NON_FINITE",
          `${argument}: row ${i + 1}, column ${j + 1} is ${value}; every entry must be a finite number`,
          { argument, row: i, column: j, label: labels?.[i] }
        );
      }
    }
    maxDiagonal = Math.max(maxDiagonal, Math.abs(matrix[i * size + i]));
  }
  const threshold = PIVOT_TOLERANCE * size * maxDiagonal;
  const factor = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const rowI = i * size;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * size;
      let sum = matrix[rowI + j];
      // Both rows are read left to right: contiguous in row-major storage.
      for (let k = 0; k < j; k++) sum -= factor[rowI + k] * factor[rowJ + k];
      if (i === j) {
        if (!(sum > threshold)) {
          const name = labels?.[i] === undefined ? "" : ` (${labels[i]})`;
          throw new CoreError(
            "SINGULAR_MATRIX",
            `${argument} is not positive definite: pivot ${i + 1}${name} is ${sum.toPrecision(3)}; ` +
              `remove redundant assets, use a longer window, or add a ridge / use a shrinkage estimator (ledoitwolf)`,
            { argument, row: i, column: i, label: labels?.[i] }
          );
        }
        factor[rowI + i] = Math.sqrt(sum);
      } else {
        factor[rowI + j] = sum / factor[rowJ + j];
      }
    }
  }
  return factor;
}
