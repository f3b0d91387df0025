import { checkedPeriodsPerYear } from "./checkedPeriodsPerYear";
import { checkedSeries } from "./checkedSeries";
import { finiteMetric } from "./finiteMetric";

/**
 * Annualised arithmetic mean return: the average per-period return scaled to a year.
 *
 * Formula: μ_ann = periodsPerYear · (1/n) Σ r_t.   Reference: empyrical `annual_return` is the
 * geometric CAGR, not this; this is the "mu" of mean–variance analysis (PyPortfolioOpt
 * `mean_historical_return(compounding=False)`).
 * Conventions: simple or log returns, per period, oldest first; periodsPerYear default 365 (crypto).
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least one, all finite
 * @param periodsPerYear periods in a year (default 365)
 * @returns the annualised mean, a fraction per year
 * @throws CoreError TOO_FEW_POINTS (empty)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError INVALID_ARGUMENT (periodsPerYear not above 0)
 * @example annualisedMean([0.01, 0.03], 12); // => 0.24
 */
export function annualisedMean(returns: ArrayLike<number>, periodsPerYear?: number): number {
  const ppy = checkedPeriodsPerYear(periodsPerYear);
  checkedSeries(returns, "returns", 1, "a mean");
  let sum = 0;
  for (let t = 0; t < returns.length; t++) sum += returns[t];
  return finiteMetric((sum / returns.length) * ppy, "annualised mean");
}
