import { checkedPrices } from "../stats/checkedPrices";

/**
 * Longest time under water: the most periods from a peak until the price first gets back to it
 * (or until the end of the series, if it never does).
 *
 * Formula: over every drawdown spell (peak index a, recovery index b = first t > a with
 * P_t ≥ P_a, or n − 1 when there is none), the maximum of b − a.
 * Reference: the `length` of the longest episode of `drawdownEpisodes`; the "drawdown duration"
 * of Magdon-Ismail & Atiya (2004), measured peak→recovery.
 * Conventions: counted in periods (a fall and a recovery on the next two rows is 2 periods:
 * peak → trough → recovery); the peak is the last row at the running high before the fall; a
 * price equal to the old peak counts as recovered; a series that never falls gives 0.
 * Complexity: O(n) time, O(1) extra memory.
 *
 * @param prices strictly positive prices or equity values, oldest first, at least two
 * @returns the longest underwater spell in periods, an integer in [0, n − 1]
 * @throws CoreError TOO_FEW_POINTS (fewer than two prices)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0, with its row)
 * @example longestUnderwater([100, 90, 95, 100, 80, 120]); // => 3 (rows 0 → 3)
 */
export function longestUnderwater(prices: ArrayLike<number>): number {
  checkedPrices(prices);
  const n = prices.length;
  let peak = prices[0];
  let peakIndex = 0;
  let longest = 0;
  for (let t = 1; t < n; t++) {
    if (prices[t] >= peak) {
      if (t - peakIndex > longest && t - 1 > peakIndex) longest = t - peakIndex;
      peak = prices[t];
      peakIndex = t;
    }
  }
  // An unrecovered spell runs to the last row; peakIndex < n − 1 means the series ended below it.
  if (peakIndex < n - 1 && n - 1 - peakIndex > longest) longest = n - 1 - peakIndex;
  return longest;
}
