import { CoreError } from "../errors";
import { checkedPeriodsPerYear } from "./checkedPeriodsPerYear";
import { checkedRate } from "./checkedRate";
import { checkedSeries } from "./checkedSeries";
import { sampleMoments } from "./sampleMoments";
import { finiteMetric } from "./finiteMetric";

/** Options for {@link sharpeRatio}. */
export interface SharpeOptions {
  /** Periods in a year (default 365). */
  readonly periodsPerYear?: number;
  /** Annual risk-free rate as a fraction (default 0). */
  readonly riskFree?: number;
}

/**
 * Annualised Sharpe ratio: excess arithmetic mean return per unit of volatility.
 *
 * Formula: S = (μ_ann − rf) / σ_ann with μ_ann = ppy · mean(r), σ_ann = √ppy · std(r, ddof = 1).
 * Equivalently S = √ppy · mean(r − rf/ppy) / std(r − rf/ppy, ddof = 1), which is exactly
 * empyrical `sharpe_ratio(r, risk_free = rf/ppy, annualization = ppy)`: the two readings agree.
 * Reference: Sharpe (1994), "The Sharpe Ratio", J. Portfolio Management 21(1).
 * Conventions: arithmetic (not geometric) mean; rf is an annual rate converted per period by
 * rf/ppy (simple division); sample (n − 1) volatility; periodsPerYear default 365.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least two, all finite
 * @param options periodsPerYear (default 365), riskFree (annual, default 0)
 * @returns the annualised Sharpe ratio
 * @throws CoreError TOO_FEW_POINTS (fewer than two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError ZERO_VARIANCE (constant returns: the ratio is undefined)
 * @throws CoreError INVALID_ARGUMENT (periodsPerYear not above 0, riskFree not finite)
 * @example sharpeRatio([0.01, 0.03], { periodsPerYear: 4 }); // => 2.8284271247461903 (0.08 / 0.0283)
 */
export function sharpeRatio(returns: ArrayLike<number>, options: SharpeOptions = {}): number {
  const ppy = checkedPeriodsPerYear(options.periodsPerYear);
  const riskFree = checkedRate(options.riskFree, "riskFree");
  checkedSeries(returns, "returns", 2, "a Sharpe ratio");
  const moments = sampleMoments(returns);
  if (moments.zeroSpread) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "returns: the series is constant, so its volatility is 0 and the Sharpe ratio is undefined; use a longer window or another asset",
      { argument: "returns" }
    );
  }
  return finiteMetric(
    (moments.mean * ppy - riskFree) / Math.sqrt(moments.variance * ppy),
    "Sharpe ratio"
  );
}
