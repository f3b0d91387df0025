import { checkedSeries } from "./checkedSeries";

/**
 * Share of positive periods ("hit rate"): the fraction of periods with a return above zero.
 *
 * Formula: #{t : r_t > 0} / n.   Reference: `np.mean(r > 0)`.
 * Conventions: a zero return is not positive (a flat day counts against the share).
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least one, all finite
 * @returns a fraction in [0, 1]
 * @throws CoreError TOO_FEW_POINTS (empty)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @example shareOfPositivePeriods([0.01, -0.05, 0, 0.03]); // => 0.5
 */
export function shareOfPositivePeriods(returns: ArrayLike<number>): number {
  checkedSeries(returns, "returns", 1, "a share of positive periods");
  let positive = 0;
  for (let t = 0; t < returns.length; t++) if (returns[t] > 0) positive++;
  return positive / returns.length;
}
