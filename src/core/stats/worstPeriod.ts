import { checkedSeries } from "./checkedSeries";

/**
 * Worst period: the smallest (most negative) single-period return.
 *
 * Formula: min_t r_t.   Reference: `np.min(r)`; the "worst day/month" line of pyfolio tear sheets.
 * Conventions: a signed return (−0.05 = a 5 % fall), unlike the VaR functions, which report
 * losses as positive numbers; per period, not annualised.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least one, all finite
 * @returns the smallest return
 * @throws CoreError TOO_FEW_POINTS (empty)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @example worstPeriod([0.01, -0.05, 0.03]); // => -0.05
 */
export function worstPeriod(returns: ArrayLike<number>): number {
  checkedSeries(returns, "returns", 1, "a worst period");
  let worst = Infinity;
  for (let t = 0; t < returns.length; t++) if (returns[t] < worst) worst = returns[t];
  return worst;
}
