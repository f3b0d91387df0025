import { checkedConfidence } from "./checkedConfidence";
import { checkedSeries } from "./checkedSeries";
import { normalQuantile } from "./normalQuantile";
import { sampleMoments } from "./sampleMoments";
import { finiteMetric } from "./finiteMetric";

/**
 * Gaussian (parametric, variance–covariance) value at risk: the loss quantile of a normal
 * distribution with the sample's mean and standard deviation.
 *
 * Formula: VaR_c = −(μ + σ · Φ⁻¹(1 − c)), μ the sample mean, σ the sample standard deviation (n − 1).
 * Reference: as `-scipy.stats.norm.ppf(1 − c, loc=r.mean(), scale=r.std(ddof=1))`; PerformanceAnalytics
 * `VaR(method = "gaussian")` (sign flipped); Jorion, "Value at Risk" (3rd ed.), ch. 5.
 * Conventions: losses are positive; per period (scale by √ppy yourself only if returns are i.i.d.);
 * the mean is kept (not assumed 0); confidence default 0.95. A constant series gives −μ.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least two, all finite
 * @param confidence c in (0, 1), default 0.95
 * @returns the VaR as a positive loss fraction
 * @throws CoreError TOO_FEW_POINTS (fewer than two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError INVALID_ARGUMENT (confidence not strictly between 0 and 1)
 * @example gaussianVaR([-0.01, 0.01], 0.95); // => 0.023261743073533465 (σ = √0.0002 = 0.014142 × 1.644854)
 */
export function gaussianVaR(returns: ArrayLike<number>, confidence?: number): number {
  const c = checkedConfidence(confidence);
  checkedSeries(returns, "returns", 2, "a value at risk");
  const moments = sampleMoments(returns);
  const sigma = moments.zeroSpread ? 0 : Math.sqrt(moments.variance);
  return finiteMetric(-(moments.mean + sigma * normalQuantile(1 - c)), "value at risk");
}
