import { CoreError } from "../errors";
import { maxDrawdownFromReturns } from "../drawdown/maxDrawdownFromReturns";
import { cagrFromReturns } from "./cagrFromReturns";
import { finiteMetric } from "./finiteMetric";

/**
 * Calmar ratio: compound annual growth per unit of maximum drawdown, over the whole series.
 *
 * Formula: Calmar = CAGR / MDD, with CAGR from `cagrFromReturns` (years = n / ppy) and MDD from
 * `maxDrawdownFromReturns` (a positive fraction, so the ratio has the sign of the CAGR).
 * Reference: matches empyrical `calmar_ratio` (annual_return / |max_drawdown|); Young (1991),
 * "Calmar ratio: a smoother tool", Futures 20(1) (there over 36 months; here the whole window).
 * Conventions: simple returns, oldest first; periodsPerYear default 365.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns simple returns, at least two, all finite and ≥ −1
 * @param periodsPerYear periods in a year (default 365)
 * @returns the Calmar ratio
 * @throws CoreError TOO_FEW_POINTS (fewer than two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError ZERO_VARIANCE (no drawdown at all: the ratio is undefined, as empyrical's NaN)
 * @throws CoreError INVALID_ARGUMENT (a return below −1; periodsPerYear not above 0)
 * @example calmarRatio([0.1, -0.5, 0.2], 3); // => -0.6799999999999999 (CAGR 1.1·0.5·1.2 − 1 = −0.34 over 1 year, MDD 0.5)
 */
export function calmarRatio(returns: ArrayLike<number>, periodsPerYear?: number): number {
  if (returns.length < 2) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `returns has ${returns.length} value${returns.length === 1 ? "" : "s"}; a Calmar ratio needs at least 2; use a longer window`,
      { argument: "returns" }
    );
  }
  const growth = cagrFromReturns(returns, periodsPerYear);
  const drawdown = maxDrawdownFromReturns(returns);
  if (drawdown === 0) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "returns: the equity curve never falls, so the maximum drawdown is 0 and the Calmar ratio is undefined; use a longer window",
      { argument: "returns" }
    );
  }
  return finiteMetric(growth / drawdown, "Calmar ratio");
}
