import { CoreError } from "../errors";
import { checkSymmetricMatrix } from "../linalg/checkSymmetricMatrix";
import type { SquareMatrix } from "../types";

/**
 * The O(N²) part of the covariance check: shape, labels, finite entries, variances ≥ 0 and symmetry
 * (as checkCovariance, without its O(N³/3) Cholesky test). For the steps that only multiply by Σ
 * (view variances, Ω): the steps that solve with Σ (prior, posterior, weights) test definiteness,
 * so Black–Litterman factorises Σ three times instead of five.
 * Complexity: O(N²).
 *
 * @param cov the covariance matrix (row-major, size × size, one label per asset)
 * @throws CoreError INVALID_ARGUMENT (size < 1; labels not size long; not symmetric)
 * @throws CoreError LENGTH_MISMATCH (data not size × size)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with row and column)
 * @throws CoreError SINGULAR_MATRIX (a negative variance)
 * @example checkCovarianceEntries({ size: 1, data: Float64Array.of(0.04), labels: ["BTC"] }); // => undefined (no throw)
 */
export function checkCovarianceEntries(cov: SquareMatrix): void {
  const n = cov.size;
  if (!Number.isInteger(n) || n < 1) {
    throw new CoreError("INVALID_ARGUMENT", "cov is empty; pass at least one asset", {
      argument: "cov",
    });
  }
  if (cov.data.length !== n * n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `cov has ${cov.data.length} entries but size ${n} needs ${n * n}; pass a square matrix`,
      { argument: "cov" }
    );
  }
  checkSymmetricMatrix(cov, {
    argument: "cov",
    variances: "nonnegative",
    symmetryScale: "largest",
  });
}
