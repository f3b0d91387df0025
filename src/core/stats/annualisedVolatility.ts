import { checkedPeriodsPerYear } from "./checkedPeriodsPerYear";
import { checkedSeries } from "./checkedSeries";
import { sampleMoments } from "./sampleMoments";
import { finiteMetric } from "./finiteMetric";

/**
 * Annualised volatility: the sample standard deviation of per-period returns scaled by √ppy.
 *
 * Formula: σ_ann = √periodsPerYear · √( Σ (r_t − r̄)² / (n − 1) ).   Reference: matches numpy
 * `np.std(r, ddof=1) * np.sqrt(ppy)`, empyrical `annual_volatility` and Excel `STDEV.S` × √ppy.
 * Conventions: sample (n − 1) estimator; square-root-of-time scaling (assumes uncorrelated periods);
 * periodsPerYear default 365. A constant series gives 0 (a volatility, unlike a ratio, is defined).
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least two, all finite
 * @param periodsPerYear periods in a year (default 365)
 * @returns the annualised volatility, ≥ 0
 * @throws CoreError TOO_FEW_POINTS (fewer than two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError INVALID_ARGUMENT (periodsPerYear not above 0)
 * @example annualisedVolatility([0.01, 0.03], 4); // => 0.0282842712474619 (√0.0002 · √4)
 */
export function annualisedVolatility(returns: ArrayLike<number>, periodsPerYear?: number): number {
  const ppy = checkedPeriodsPerYear(periodsPerYear);
  checkedSeries(returns, "returns", 2, "a sample standard deviation");
  const moments = sampleMoments(returns);
  // Rounding-level spread is reported as exactly 0 so callers never see 1e-17 "volatility".
  return moments.zeroSpread
    ? 0
    : finiteMetric(Math.sqrt(moments.variance * ppy), "annualised volatility");
}
