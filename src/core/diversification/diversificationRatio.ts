import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovariance } from "../allocation/checkCovariance";
import { checkWeights } from "./checkWeights";
import { finiteMetric } from "../stats/finiteMetric";

/**
 * Diversification ratio: the weighted average of the assets' volatilities over the portfolio's
 * volatility; 1 for a single asset or perfectly correlated assets, larger the more correlation
 * diversifies risk away.
 *
 * Formula: DR(w) = Σ_i w_i σ_i / √(wᵀΣw), σ_i = √Σ_ii.   Reference: Choueifaty & Coignard (2008),
 * "Toward maximum diversification", Journal of Portfolio Management 35(1); as numpy
 * `w @ sqrt(diag(S)) / sqrt(w @ S @ w)` (fixture scripts/fixtures/diversification.py, to 1e-12).
 * Conventions: scale-free in w and in cov (so daily or annualised cov give the same ratio);
 * meant for long-only weights (with shorts the numerator can be ≤ 0 and the ratio loses meaning,
 * but it is still returned as defined).
 * Complexity: O(N²) time, O(N³/6) for the PSD check.
 *
 * @param weights portfolio weights, one per asset
 * @param cov covariance matrix, positive semidefinite
 * @returns the diversification ratio (≥ 1 for long-only weights)
 * @throws CoreError INVALID_ARGUMENT when cov is not square or not symmetric
 * @throws CoreError TOO_FEW_POINTS when cov has no asset
 * @throws CoreError LENGTH_MISMATCH when weights does not have one value per asset
 * @throws CoreError NON_FINITE for NaN or ±Infinity in weights or cov
 * @throws CoreError SINGULAR_MATRIX when cov is not positive semidefinite
 * @throws CoreError ZERO_VARIANCE when the portfolio has zero variance
 * @example diversificationRatio(Float64Array.of(0.5, 0.5), { size: 2, data: Float64Array.of(0.04, 0, 0, 0.04), labels: ["A", "B"] });
 *   // (0.5·0.2 + 0.5·0.2) / √0.02 = 0.2 / 0.14142 → √2 ≈ 1.41421
 */
export function diversificationRatio(weights: ArrayLike<number>, cov: SquareMatrix): number {
  checkCovariance(cov, { allowZeroVariance: true, purpose: "the diversification ratio" });
  checkWeights(weights, cov.size, { labels: cov.labels });
  const n = cov.size;
  const a = cov.data;
  let variance = 0;
  let weightedVolatility = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += a[row + j] * weights[j];
    variance += weights[i] * s;
    weightedVolatility += weights[i] * Math.sqrt(a[row + i]);
  }
  if (!(variance > 0)) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "weights: the portfolio has zero variance, so the diversification ratio is undefined; hold at least one risky asset",
      { argument: "weights" }
    );
  }
  return finiteMetric(weightedVolatility / Math.sqrt(variance), "diversification ratio", "weights");
}
