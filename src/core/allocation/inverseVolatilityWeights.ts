import type { SquareMatrix } from "../types";
import { checkCovariance } from "./checkCovariance";

/**
 * Inverse-volatility weights ("naive risk parity"): each asset weighted by the inverse of its
 * volatility, so that, ignoring correlations, every asset carries the same stand-alone risk.
 *
 * Formula: w_i = (1/σ_i) / Σ_j (1/σ_j), σ_i = √Σ_ii.   Reference: the ERC portfolio when all
 * correlations are equal (Maillard, Roncalli & Teïletche 2010, §"Special cases"); matches numpy
 * `w = 1 / np.sqrt(np.diag(S)); w / w.sum()` (scripts/fixtures/allocation.py, to 1e-15).
 * Conventions: long-only, fully invested; only the diagonal of cov is used, but the whole matrix is
 * validated (so a bad matrix is reported here too, not silently used).
 * Complexity: O(N²) for validation (O(N³/6) with the PSD check), O(N) for the weights.
 *
 * @param cov covariance matrix (any periodicity: the weights do not depend on the scale)
 * @param checkPsd also check that cov is positive semidefinite (default true)
 * @returns a new Float64Array of weights summing to 1
 * @throws CoreError INVALID_ARGUMENT when cov is not square or not symmetric
 * @throws CoreError TOO_FEW_POINTS when cov has no asset
 * @throws CoreError NON_FINITE for NaN or ±Infinity in cov
 * @throws CoreError ZERO_VARIANCE for an asset with σ = 0, named
 * @throws CoreError SINGULAR_MATRIX when cov is not positive semidefinite
 * @example inverseVolatilityWeights({ size: 2, data: Float64Array.of(0.01, 0, 0, 0.04), labels: ["A", "B"] });
 *   // σ = 0.1, 0.2 → 1/σ = 10, 5 → Float64Array [2/3, 1/3]
 */
export function inverseVolatilityWeights(cov: SquareMatrix, checkPsd = true): Float64Array {
  checkCovariance(cov, { minSize: 1, purpose: "inverse-volatility weighting", checkPsd });
  const n = cov.size;
  const weights = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    weights[i] = 1 / Math.sqrt(cov.data[i * n + i]);
    total += weights[i];
  }
  for (let i = 0; i < n; i++) weights[i] /= total;
  return weights;
}
