import { checkedConfidence } from "./checkedConfidence";
import { checkedSeries } from "./checkedSeries";
import { historicalTail } from "./historicalTail";

/**
 * Historical value at risk: the loss not exceeded with probability c, read from the empirical
 * distribution of past returns.
 *
 * Formula: VaR_c = −Q_{1−c}(r), Q the linear-interpolation quantile (R type 7): with h = (n − 1)(1 − c)
 * and k = ⌊h⌋ on the sorted returns, Q = x_(k) + (h − k)(x_(k+1) − x_(k)).
 * Reference: matches empyrical `value_at_risk(r, cutoff = 1 − c)` = `np.percentile(r, 100(1 − c))`
 * (numpy default "linear"), Excel `PERCENTILE.INC` and simple-statistics `quantile`, with the sign flipped.
 * Conventions: losses are positive (0.05 = a 5 % loss in one period); negative when even the
 * (1 − c) quantile is a gain. Per period, not annualised; confidence default 0.95.
 * Complexity: O(n) expected (a quickselect on a copy; the input is not touched).
 *
 * @param returns per-period returns, at least two, all finite
 * @param confidence c in (0, 1), default 0.95
 * @returns the VaR as a positive loss fraction
 * @throws CoreError TOO_FEW_POINTS (fewer than two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError INVALID_ARGUMENT (confidence not strictly between 0 and 1)
 * @example historicalVaR([-0.1, 0, 0.1], 0.75); // => 0.05 (h = 0.5: halfway from −0.1 to 0)
 */
export function historicalVaR(returns: ArrayLike<number>, confidence?: number): number {
  const c = checkedConfidence(confidence);
  checkedSeries(returns, "returns", 2, "a value at risk");
  return historicalTail(returns, c).valueAtRisk;
}
