import { checkedSeries } from "./checkedSeries";

/**
 * Best period: the largest single-period return.
 *
 * Formula: max_t r_t.   Reference: `np.max(r)`; the "best day/month" line of pyfolio tear sheets.
 * Conventions: per period (a day for daily data), not annualised.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least one, all finite
 * @returns the largest return
 * @throws CoreError TOO_FEW_POINTS (empty)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @example bestPeriod([0.01, -0.05, 0.03]); // => 0.03
 */
export function bestPeriod(returns: ArrayLike<number>): number {
  checkedSeries(returns, "returns", 1, "a best period");
  let best = -Infinity;
  for (let t = 0; t < returns.length; t++) if (returns[t] > best) best = returns[t];
  return best;
}
