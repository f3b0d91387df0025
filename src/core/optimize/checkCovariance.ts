import { CoreError } from "../errors";
import { checkSymmetricMatrix } from "../linalg/checkSymmetricMatrix";
import { choleskyFactor } from "../linalg/choleskyFactor";
import type { SquareMatrix } from "../types";

/**
 * Validates a covariance matrix for the optimisers: square, labelled, finite, symmetric and
 * positive definite (so the quadratic programme is strictly convex and the optimum unique).
 *
 * Method: the shape here (in this function's words: at least one asset, LENGTH_MISMATCH for the
 * data), the entries with {@link checkSymmetricMatrix} (shared with the allocation check; the
 * diagonal is left to the factorisation, symmetry is judged against the largest entry), then a
 * Cholesky factorisation ({@link choleskyFactor}) as the positive-definiteness test (as numpy
 * `linalg.cholesky` raising LinAlgError).
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
  checkSymmetricMatrix(cov, { argument, variances: "unchecked", symmetryScale: "largest" });
  return choleskyFactor(cov.data, n, argument, cov.labels);
}
