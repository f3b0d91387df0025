import { checkedConfidence } from "./checkedConfidence";
import { checkedSeries } from "./checkedSeries";
import { normalQuantile } from "./normalQuantile";
import { sampleMoments } from "./sampleMoments";
import { finiteMetric } from "./finiteMetric";

/**
 * Gaussian conditional value at risk (expected shortfall): the mean loss beyond the Gaussian VaR,
 * for a normal distribution with the sample's mean and standard deviation.
 *
 * Formula: with α = 1 − c, CVaR_c = −μ + σ · φ(Φ⁻¹(α)) / α, φ the standard normal density,
 * μ the sample mean and σ the sample standard deviation (n − 1). Always ≥ `gaussianVaR` at the
 * same c (the tail mean lies beyond the quantile).
 * Reference: as `-(r.mean() - r.std(ddof=1) * scipy.stats.norm.pdf(norm.ppf(α)) / α)`, i.e.
 * `-scipy.stats.norm.expect(lambda x: x, loc, scale, ub=VaR-quantile, conditional=True)`;
 * PerformanceAnalytics `ES(method = "gaussian")` (sign flipped); McNeil, Frey & Embrechts,
 * "Quantitative Risk Management", ex. 2.14.
 * Conventions: losses are positive; per period; confidence default 0.95. A constant series gives −μ.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least two, all finite
 * @param confidence c in (0, 1), default 0.95
 * @returns the expected shortfall as a positive loss fraction
 * @throws CoreError TOO_FEW_POINTS (fewer than two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError INVALID_ARGUMENT (confidence not strictly between 0 and 1)
 * @example gaussianCVaR([-0.01, 0.01], 0.95); // => 0.029171164276576844 (0.014142 × φ(1.644854) / 0.05 = 0.014142 × 2.062713)
 */
export function gaussianCVaR(returns: ArrayLike<number>, confidence?: number): number {
  const c = checkedConfidence(confidence);
  checkedSeries(returns, "returns", 2, "a conditional value at risk");
  const moments = sampleMoments(returns);
  const sigma = moments.zeroSpread ? 0 : Math.sqrt(moments.variance);
  const alpha = 1 - c;
  const z = normalQuantile(alpha);
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  return finiteMetric(-moments.mean + (sigma * density) / alpha, "conditional value at risk");
}
