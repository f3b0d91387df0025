import { CoreError } from "../errors";
import { checkedPeriodsPerYear } from "./checkedPeriodsPerYear";
import { checkedRate } from "./checkedRate";
import { checkedSeries } from "./checkedSeries";
import { finiteMetric } from "./finiteMetric";

/** Options for {@link sortinoRatio}. */
export interface SortinoOptions {
  /** Periods in a year (default 365). */
  readonly periodsPerYear?: number;
  /** Minimum acceptable return, an ANNUAL rate (default 0); used per period as mar/ppy. */
  readonly mar?: number;
}

/**
 * Annualised Sortino ratio: mean excess return over the minimum acceptable return (MAR) per unit of
 * downside deviation.
 *
 * Formula: with m = mar/ppy per period and a_t = r_t − m over ALL n periods,
 * DD = √ppy · √( (1/n) Σ min(0, a_t)² )  (periods above the MAR count as zeros, divisor n, not n − 1),
 * Sortino = ppy · mean(a) / DD.
 * Reference: matches empyrical `sortino_ratio(r, required_return = mar/ppy, annualization = ppy)`
 * and its `downside_risk`; Sortino & Price (1994), "Performance measurement in a downside risk
 * framework", J. Investing 3(3).
 * Conventions: arithmetic mean; mar annual (as riskFree in `sharpeRatio`), converted by simple
 * division; periodsPerYear default 365.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least two, all finite
 * @param options periodsPerYear (default 365), mar (annual, default 0)
 * @returns the annualised Sortino ratio
 * @throws CoreError TOO_FEW_POINTS (fewer than two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError ZERO_VARIANCE (no period below the MAR: the downside deviation is 0)
 * @throws CoreError INVALID_ARGUMENT (periodsPerYear not above 0, mar not finite)
 * @example sortinoRatio([0.02, -0.01], { periodsPerYear: 1 }); // => 0.7071067811865476 (0.005 / √0.00005)
 */
export function sortinoRatio(returns: ArrayLike<number>, options: SortinoOptions = {}): number {
  const ppy = checkedPeriodsPerYear(options.periodsPerYear);
  const mar = checkedRate(options.mar, "mar") / ppy;
  checkedSeries(returns, "returns", 2, "a Sortino ratio");
  const n = returns.length;
  let sum = 0;
  let downside = 0;
  for (let t = 0; t < n; t++) {
    const excess = returns[t] - mar;
    sum += excess;
    if (excess < 0) downside += excess * excess;
  }
  if (downside === 0) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "returns: no period is below the minimum acceptable return, so the downside deviation is 0 and the Sortino ratio is undefined; use a longer window or a higher mar",
      { argument: "returns" }
    );
  }
  return finiteMetric(((sum / n) * ppy) / Math.sqrt((downside / n) * ppy), "Sortino ratio");
}
