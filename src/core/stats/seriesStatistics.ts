import { CoreError, isCoreError } from "../errors";
import { maxDrawdownFromReturns } from "../drawdown/maxDrawdownFromReturns";
import { annualisedMean } from "./annualisedMean";
import { annualisedVolatility } from "./annualisedVolatility";
import { beta } from "./beta";
import { bestPeriod } from "./bestPeriod";
import { cagrFromReturns } from "./cagrFromReturns";
import { calmarRatio } from "./calmarRatio";
import { checkedConfidence } from "./checkedConfidence";
import { checkedPeriodsPerYear } from "./checkedPeriodsPerYear";
import { checkedRate } from "./checkedRate";
import { checkedSeries } from "./checkedSeries";
import { cornishFisherVaR } from "./cornishFisherVaR";
import { correlationTo } from "./correlationTo";
import { excessKurtosis } from "./excessKurtosis";
import { gaussianVaR } from "./gaussianVaR";
import { historicalTail } from "./historicalTail";
import { sharpeRatio } from "./sharpeRatio";
import { shareOfPositivePeriods } from "./shareOfPositivePeriods";
import { skewness } from "./skewness";
import { sortinoRatio } from "./sortinoRatio";
import { trackingError } from "./trackingError";
import { worstPeriod } from "./worstPeriod";

/**
 * A metric's value, or the `CoreError` saying why it is undefined for this series (a constant
 * series has no Sharpe ratio; four returns are too few for a kurtosis). The STATS wrapper turns an
 * error into that one cell's Excel error, so one undefined ratio never blanks the whole column.
 */
export type Metric = number | CoreError;

/** Options for {@link seriesStatistics}. */
export interface SeriesStatisticsOptions {
  /** Periods in a year (default 365). */
  readonly periodsPerYear?: number;
  /** Annual risk-free rate for the Sharpe ratio (default 0). */
  readonly riskFree?: number;
  /** Annual minimum acceptable return for the Sortino ratio (default 0). */
  readonly mar?: number;
  /** VaR/CVaR confidence in (0, 1) (default 0.95). */
  readonly confidence?: number;
  /** Benchmark returns aligned with `returns` (NaN = missing); enables beta, correlation, TE. */
  readonly benchmark?: ArrayLike<number>;
}

/** Every metric of one return series; see the function of the same name for each convention. */
export interface SeriesStatistics {
  /** Number of returns used. */
  readonly periods: number;
  readonly cagr: Metric;
  readonly annualisedMean: Metric;
  readonly annualisedVolatility: Metric;
  readonly sharpeRatio: Metric;
  readonly sortinoRatio: Metric;
  /** Positive fraction, from the equity curve compounding the returns from 1. */
  readonly maxDrawdown: Metric;
  readonly calmarRatio: Metric;
  /** Losses are positive; at `confidence`. */
  readonly historicalVaR: Metric;
  readonly historicalCVaR: Metric;
  readonly gaussianVaR: Metric;
  readonly cornishFisherVaR: Metric;
  /** Sample-adjusted (scipy bias=False, Excel SKEW/KURT). */
  readonly skewness: Metric;
  readonly excessKurtosis: Metric;
  readonly bestPeriod: Metric;
  readonly worstPeriod: Metric;
  readonly shareOfPositivePeriods: Metric;
  /** Present only when a benchmark was given. */
  readonly beta?: Metric;
  readonly correlationTo?: Metric;
  readonly trackingError?: Metric;
}

/**
 * All risk and return metrics of one return series in one call: what the STATS custom function
 * shows per asset.
 *
 * Formula: each field is the function of the same name in `stats/` (or `maxDrawdownFromReturns`)
 * with the shared options, so the record always agrees with the single-metric functions; one
 * partial sort serves both historical VaR and CVaR.
 * Reference: empyrical's conventions throughout (see each function).
 * Conventions: simple per-period returns, oldest first, no NaN (use `panelStatistics` for panels
 * with blanks before listing / after delisting); periodsPerYear 365, riskFree and mar annual
 * (default 0), confidence 0.95. Policy: invalid input throws; a metric that is undefined for valid
 * input (zero volatility → ZERO_VARIANCE for the ratios and moments; fewer than 4 returns → the
 * kurtosis is TOO_FEW_POINTS) is a `CoreError` in its field, never NaN or Infinity.
 * Complexity: O(n): a dozen linear passes and one quickselect; O(n) memory for its copy.
 *
 * @param returns simple per-period returns, at least two, all finite
 * @param options periodsPerYear, riskFree, mar, confidence, benchmark
 * @returns one record of metrics
 * @throws CoreError TOO_FEW_POINTS (fewer than two returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in returns; ±Infinity in the benchmark)
 * @throws CoreError LENGTH_MISMATCH (benchmark of another length)
 * @throws CoreError INVALID_ARGUMENT (periodsPerYear ≤ 0, confidence outside (0, 1), non-finite rates)
 * @example seriesStatistics([0.01, -0.02, 0.03], { periodsPerYear: 12 }).annualisedMean; // => 0.07999999999999999 (0.02/3 × 12)
 */
export function seriesStatistics(
  returns: ArrayLike<number>,
  options: SeriesStatisticsOptions = {}
): SeriesStatistics {
  const periodsPerYear = checkedPeriodsPerYear(options.periodsPerYear);
  const riskFree = checkedRate(options.riskFree, "riskFree");
  const mar = checkedRate(options.mar, "mar");
  const confidence = checkedConfidence(options.confidence);
  checkedSeries(returns, "returns", 2, "statistics");
  const benchmark = options.benchmark;
  if (benchmark !== undefined && benchmark.length !== returns.length) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `benchmark has ${benchmark.length} rows but returns has ${returns.length}; use two ranges of the same dates`,
      { argument: "benchmark" }
    );
  }
  for (let t = 0; benchmark !== undefined && t < benchmark.length; t++) {
    if (benchmark[t] === Infinity || benchmark[t] === -Infinity) {
      throw new CoreError("NON_FINITE", `benchmark: row ${t + 1} is infinite; fix or remove it`, {
        argument: "benchmark",
        row: t,
      });
    }
  }
  const tail = historicalTail(returns, confidence);
  const stats: SeriesStatistics = {
    periods: returns.length,
    cagr: attempt(() => cagrFromReturns(returns, periodsPerYear)),
    annualisedMean: annualisedMean(returns, periodsPerYear),
    annualisedVolatility: annualisedVolatility(returns, periodsPerYear),
    sharpeRatio: attempt(() => sharpeRatio(returns, { periodsPerYear, riskFree })),
    sortinoRatio: attempt(() => sortinoRatio(returns, { periodsPerYear, mar })),
    maxDrawdown: attempt(() => maxDrawdownFromReturns(returns)),
    calmarRatio: attempt(() => calmarRatio(returns, periodsPerYear)),
    historicalVaR: tail.valueAtRisk,
    historicalCVaR: tail.conditionalValueAtRisk,
    gaussianVaR: gaussianVaR(returns, confidence),
    cornishFisherVaR: attempt(() => cornishFisherVaR(returns, confidence)),
    skewness: attempt(() => skewness(returns)),
    excessKurtosis: attempt(() => excessKurtosis(returns)),
    bestPeriod: bestPeriod(returns),
    worstPeriod: worstPeriod(returns),
    shareOfPositivePeriods: shareOfPositivePeriods(returns),
  };
  if (benchmark === undefined) return stats;
  return {
    ...stats,
    beta: attempt(() => beta(returns, benchmark)),
    correlationTo: attempt(() => correlationTo(returns, benchmark)),
    trackingError: attempt(() => trackingError(returns, benchmark, periodsPerYear)),
  };
}

/** Runs one metric; an undefined-for-this-series CoreError becomes the field's value. */
function attempt(compute: () => number): Metric {
  try {
    return compute();
  } catch (error) {
    if (isCoreError(error)) return error;
    throw error;
  }
}
