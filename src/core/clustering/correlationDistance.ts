import type { SquareMatrix } from "../types";
import { checkCovarianceBlocked } from "../linalg/checkCovarianceBlocked";

/**
 * The correlation distance of López de Prado (2016) between every pair of assets, in scipy's
 * condensed form (the upper triangle, row by row), ready for {@link linkage}.
 *
 * Formula: ρ_ij = Σ_ij / √(Σ_ii Σ_jj), d_ij = √((1 − ρ_ij) / 2), so d ∈ [0, 1] is a metric.
 * Reference: López de Prado (2016), "Building diversified portfolios that outperform out of
 * sample", Journal of Portfolio Management 42(4); as PyPortfolioOpt `HRPOpt`
 * (`squareform(((1 - corr) / 2) ** 0.5)`). Entry (i, j), i < j, sits at index
 * n·i − i(i+1)/2 + j − i − 1, as `scipy.spatial.distance.squareform`.
 * Conventions: accepts a covariance or a correlation matrix (a correlation is its own
 * normalisation); ρ is clipped to [−1, 1] because rounding can push it a hair outside, which would
 * make the square root NaN.
 * Complexity: O(N²) time, N(N−1)/2 values (plus the O(N³/6) PSD check when asked, by blocks in the
 * SIMD Gram kernel: linalg/checkCovarianceBlocked, the errors of allocation/checkCovariance).
 *
 * @param cov covariance or correlation matrix
 * @param checkPsd also check that cov is positive semidefinite (default true)
 * @returns a new Float64Array of N(N−1)/2 distances
 * @throws CoreError INVALID_ARGUMENT when cov is not square or not symmetric
 * @throws CoreError TOO_FEW_POINTS when cov has fewer than two assets
 * @throws CoreError NON_FINITE for NaN or ±Infinity in cov
 * @throws CoreError ZERO_VARIANCE for an asset with zero variance, named
 * @throws CoreError SINGULAR_MATRIX when cov is not positive semidefinite (only when checkPsd)
 * @example correlationDistance({ size: 2, data: Float64Array.of(1, 0.5, 0.5, 1), labels: ["A", "B"] });
 *   // √((1 − 0.5)/2) = 0.5 → Float64Array [0.5]
 */
export function correlationDistance(cov: SquareMatrix, checkPsd = true): Float64Array {
  checkCovarianceBlocked(cov, { minSize: 2, purpose: "clustering", checkPsd });
  const n = cov.size;
  const a = cov.data;
  const out = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const scaleI = Math.sqrt(a[i * n + i]);
    for (let j = i + 1; j < n; j++) {
      const rho = Math.min(1, Math.max(-1, a[i * n + j] / (scaleI * Math.sqrt(a[j * n + j]))));
      out[k++] = Math.sqrt((1 - rho) / 2);
    }
  }
  return out;
}
