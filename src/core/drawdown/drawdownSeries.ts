import { checkedPrices } from "../stats/checkedPrices";

/**
 * Drawdown series (the "underwater curve"): how far each price sits below its running peak.
 *
 * Formula: D_t = P_t / max_{s≤t} P_s − 1, so D_t ≤ 0 and D_t = 0 at every new high.
 * Reference: Magdon-Ismail & Atiya (2004), "Maximum drawdown", Risk 17(10); matches
 * `p / np.maximum.accumulate(p) - 1` and empyrical's underwater curve.
 * Conventions (whole drawdown module): the series is signed (≤ 0) so it plots below the axis;
 * magnitudes — `maxDrawdown`, episode `depth` — are positive fractions in [0, 1).
 * Complexity: O(n) time; allocates the n-value output only.
 *
 * @param prices strictly positive prices or equity values, oldest first, at least two
 * @returns a new Float64Array of n drawdowns in (−1, 0]
 * @throws CoreError TOO_FEW_POINTS (fewer than two prices)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0, with its row)
 * @example drawdownSeries([100, 120, 90, 130]); // => Float64Array [0, 0, -0.25, 0]
 */
export function drawdownSeries(prices: ArrayLike<number>): Float64Array {
  checkedPrices(prices);
  const n = prices.length;
  const out = new Float64Array(n);
  let peak = prices[0];
  for (let t = 0; t < n; t++) {
    const p = prices[t];
    if (p >= peak) {
      peak = p;
      out[t] = 0;
    } else {
      out[t] = p / peak - 1;
    }
  }
  return out;
}
