import { CoreError } from "../errors";
import { checkedSeries } from "../stats/checkedSeries";

/**
 * Maximum drawdown of the equity curve that compounds simple returns from a start of 1.
 *
 * Formula: W_0 = 1, W_t = W_{t−1}(1 + r_t); MDD = max_t (1 − W_t / max_{s≤t} W_s).
 * The starting value counts as a peak, so a first return of −10 % is a 10 % drawdown.
 * Reference: matches empyrical `max_drawdown` (which prepends the start value 100) with the sign
 * flipped; equals `maxDrawdown` of the prices that produced the returns.
 * Conventions: simple returns, oldest first; a positive fraction in [0, 1] (1 after a −100 % return).
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns simple returns, at least one, all finite and ≥ −1
 * @returns maximum drawdown in [0, 1]
 * @throws CoreError TOO_FEW_POINTS (empty)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError INVALID_ARGUMENT (a return below −1)
 * @example maxDrawdownFromReturns([0.2, -0.25, 0.4444444444444444]); // => 0.25
 */
export function maxDrawdownFromReturns(returns: ArrayLike<number>): number {
  checkedSeries(returns, "returns", 1, "a drawdown");
  // Track wealth relative to the running peak (W_t / peak) instead of W_t itself: a long run of
  // large returns would overflow W_t, while the ratio stays in [0, 1].
  let relative = 1;
  let worst = 0;
  for (let t = 0; t < returns.length; t++) {
    const r = returns[t];
    if (r < -1) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `returns: row ${t + 1} is ${r}, below −100 %; pass simple returns`,
        { argument: "returns", row: t }
      );
    }
    relative *= 1 + r;
    if (relative >= 1) {
      relative = 1;
    } else if (1 - relative > worst) {
      worst = 1 - relative;
    }
  }
  return worst;
}
