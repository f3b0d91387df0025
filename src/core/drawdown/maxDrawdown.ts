import { checkedPrices } from "../stats/checkedPrices";

/**
 * Maximum drawdown: the largest peak-to-trough fall of a price series, as a fraction of the peak.
 *
 * Formula: MDD = max_t (1 − P_t / max_{s≤t} P_s).   Reference: Magdon-Ismail & Atiya (2004),
 * "Maximum drawdown", Risk 17(10); equals −min(`drawdownSeries`) and empyrical `max_drawdown`
 * (which returns it negative) with the sign flipped.
 * Conventions: prices (not returns), oldest first; a positive fraction in [0, 1); a series that
 * never falls gives 0. For returns use `maxDrawdownFromReturns`.
 * Complexity: O(n) time, O(1) extra memory.
 *
 * @param prices strictly positive prices or equity values, oldest first, at least two
 * @returns maximum drawdown in [0, 1)
 * @throws CoreError TOO_FEW_POINTS (fewer than two prices)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0, with its row)
 * @example maxDrawdown([100, 120, 90, 130]); // => 0.25
 */
export function maxDrawdown(prices: ArrayLike<number>): number {
  checkedPrices(prices);
  let peak = prices[0];
  let worst = 0;
  for (let t = 1; t < prices.length; t++) {
    const p = prices[t];
    if (p > peak) {
      peak = p;
    } else {
      const fall = 1 - p / peak;
      if (fall > worst) worst = fall;
    }
  }
  return worst;
}
