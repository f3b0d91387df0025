import { CoreError } from "../errors";
import { checkedPeriodsPerYear } from "./checkedPeriodsPerYear";
import { checkedSeries } from "./checkedSeries";
import { finiteMetric } from "./finiteMetric";

/**
 * Compound annual growth rate from simple per-period returns, compounding them.
 *
 * Formula: W = Π (1 + r_t), years = n / periodsPerYear, CAGR = W^(1/years) − 1.
 * Reference: matches empyrical `annual_return` / `cagr` (`cum_returns_final(r) ** (1/years) − 1`).
 * Conventions: simple returns (not log), oldest first; periodsPerYear default 365. The product is
 * accumulated as a sum of log1p(r) so ten thousand daily factors neither overflow nor lose digits.
 * A total loss (some r = −1) gives −1.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns simple returns, at least one, all finite and ≥ −1
 * @param periodsPerYear periods in a year (default 365)
 * @returns the CAGR as a fraction per year, in [−1, ∞)
 * @throws CoreError TOO_FEW_POINTS (empty)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError INVALID_ARGUMENT (a return below −1, which no simple return can be; or
 *   periodsPerYear not above 0)
 * @example cagrFromReturns([0.1, 0.1], 2); // => 0.21000000000000002 (1.1 · 1.1 − 1 over one year)
 */
export function cagrFromReturns(returns: ArrayLike<number>, periodsPerYear?: number): number {
  const ppy = checkedPeriodsPerYear(periodsPerYear);
  checkedSeries(returns, "returns", 1, "a growth rate");
  let logGrowth = 0;
  for (let t = 0; t < returns.length; t++) {
    const r = returns[t];
    if (r < -1) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `returns: row ${t + 1} is ${r}, below −100 %; pass simple returns (log returns cannot be compounded this way)`,
        { argument: "returns", row: t }
      );
    }
    logGrowth += Math.log1p(r);
  }
  if (logGrowth === -Infinity) return -1;
  const years = returns.length / ppy;
  return finiteMetric(Math.expm1(logGrowth / years), "compound annual growth rate");
}
