import { CoreError } from "../errors";
import { choleskyFactor } from "../linalg/choleskyFactor";
import type { SquareMatrix } from "../types";

/** |Σ_ij − Σ_ji| ≤ this × max|Σ|: estimators compute both triangles in floating point. */
const SYMMETRY_TOLERANCE = 1e-10;

/**
 * Validates a covariance matrix for the optimisers: square, labelled, finite, symmetric and
 * positive definite (so the quadratic programme is strictly convex and the optimum unique).
 *
 * Method: shape and value checks, then a Cholesky factorisation ({@link choleskyFactor}) as the
 * positive-definiteness test (as numpy `linalg.cholesky` raising LinAlgError).
 * Complexity: O(n³/3) for the factorisation.
 *
 * @param cov the covariance matrix (row-major, size × size, one label per asset)
 * @param argument the argument name used in messages (default "cov")
 * @returns the Cholesky factor L (row-major), for callers that can reuse it
 * @throws CoreError INVALID_ARGUMENT (size < 1; labels not size long; not symmetric)
 * @throws CoreError LENGTH_MISMATCH (data not size × size)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with row and column)
 * @throws CoreError SINGULAR_MATRIX (not positive definite: with the asset and the fix)
 * @example checkCovariance({ size: 2, data: Float64Array.from([4, 2, 2, 5]), labels: ["A", "B"] });
 * // => Float64Array [2, 0, 1, 2]
 */
export function checkCovariance(cov: SquareMatrix, argument = "cov"): Float64Array {
  const n = cov.size;
  if (!Number.isInteger(n) || n < 1) {
    throw new CoreError("INVALID_ARGUMENT", `${argument} is empty; pass at least one asset`, {
      argument,
    });
  }
  if (cov.data.length !== n * n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument} has ${cov.data.length} entries but size ${n} needs ${n * n}; pass a square matrix`,
      { argument }
    );
  }
  if (cov.labels.length !== n) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} has ${cov.labels.length} labels for ${n} assets; give one label per asset`,
      { argument }
    );
  }
  let largest = 0;
  for (let i = 0; i < n * n; i++) {
    const value = cov.data[i];
    if (!Number.isFinite(value)) {
      const row = Math.floor(i / n);
      throw new CoreError(
        "NON_FINITE",
        `${argument}: row ${row + 1}, column ${(i % n) + 1} (${cov.labels[row]}) is ${value}; every entry must be a finite number`,
        { argument, row, column: i % n, label: cov.labels[row] }
      );
    }
    largest = Math.max(largest, Math.abs(value));
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(cov.data[i * n + j] - cov.data[j * n + i]) > SYMMETRY_TOLERANCE * largest) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `${argument} is not symmetric at (${cov.labels[i]}, ${cov.labels[j]}); pass a covariance matrix`,
          { argument, row: i, column: j, label: cov.labels[i] }
        );
      }
    }
  }
  return choleskyFactor(cov.data, n, argument, cov.labels);
}
