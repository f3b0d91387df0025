import { checkedConfidence } from "./checkedConfidence";
import { checkedSeries } from "./checkedSeries";
import { historicalTail } from "./historicalTail";

/**
 * Historical conditional value at risk (expected shortfall): the average loss in the worst (1 − c)
 * tail of past returns.
 *
 * Formula: with the returns sorted ascending and k = ⌊(n − 1)(1 − c)⌋ (0-based),
 * CVaR_c = −(1/(k + 1)) Σ_{i=0..k} x_(i): the mean of the returns at or below the order statistic
 * under the type-7 VaR quantile. Hence CVaR_c ≥ VaR_c (as losses) always.
 * Reference: matches empyrical `conditional_value_at_risk(r, cutoff = 1 − c)`
 * (`np.mean(np.partition(r, k)[:k + 1])`), with the sign flipped; Acerbi & Tasche (2002),
 * "Expected shortfall: a natural coherent alternative to value at risk".
 * Conventions: losses are positive; per period, not annualised; confidence default 0.95.
 * Complexity: O(n) expected (a quickselect on a copy; the input is not touched).
 *
 * @param returns per-period returns, at least two, all finite
 * @param confidence c in (0, 1), default 0.95
 * @returns the CVaR as a positive loss fraction
 * @throws CoreError TOO_FEW_POINTS (fewer than two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError INVALID_ARGUMENT (confidence not strictly between 0 and 1)
 * @example historicalCVaR([-0.1, -0.05, 0, 0.1, 0.2], 0.6); // => 0.07500000000000001 (k = ⌊4 · 0.4⌋ = 1: mean of −0.1, −0.05)
 */
export function historicalCVaR(returns: ArrayLike<number>, confidence?: number): number {
  const c = checkedConfidence(confidence);
  checkedSeries(returns, "returns", 2, "a conditional value at risk");
  return historicalTail(returns, c).conditionalValueAtRisk;
}
