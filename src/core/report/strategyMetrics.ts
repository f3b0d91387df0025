import type { BacktestResult } from "../backtest/backtest";
import { longestUnderwater } from "../drawdown/longestUnderwater";
import { CoreError, isCoreError } from "../errors";
import { seriesStatistics } from "../stats/seriesStatistics";
import type { StrategyMetrics } from "./types";
import { worstMonth } from "./worstMonth";

/** Options of {@link strategyMetrics}. */
export interface StrategyMetricsOptions {
  /** Periods per year (default 365). */
  readonly periodsPerYear?: number;
  /** Benchmark per-period returns aligned with the equity's rows (NaN = missing; row 0 unused). */
  readonly benchmarkReturns?: ArrayLike<number>;
  /** The backtest's starting capital (default 1): fees and final value are per 1 of it. */
  readonly initialCapital?: number;
}

/**
 * The report's figures of one backtest, from its start row to the last row.
 *
 * Formula: r_t = V_t / V_{t−1} − 1 for t > s (s = the backtest's start row), then
 * `seriesStatistics(r, { periodsPerYear, benchmark })` for CAGR, volatility, Sharpe, Sortino,
 * max drawdown, Calmar and the correlation to the benchmark — the very call BACKTEST's "stats"
 * output and STATS make, so the cells and the report agree to the last bit; `worstMonth` on the
 * dated curve; `longestUnderwater` on V_s … V_T; turnover, fees and rebalances from the backtest.
 * Reference: see each function (empyrical conventions; Magdon-Ismail & Atiya 2004 for drawdowns).
 * Conventions: periodsPerYear 365, risk-free and MAR 0 (the cells' defaults); fees per 1 of
 * starting capital; a figure undefined for the curve (a constant curve has no Sharpe) is its
 * CoreError, never NaN.
 * Complexity: O(n) in the rows after the start.
 *
 * @param result the backtest's result (equity, start row, turnover, fees)
 * @param days day numbers, one per equity row
 * @param options periodsPerYear, benchmarkReturns, initialCapital
 * @returns the strategy's figures
 * @throws CoreError TOO_FEW_POINTS (fewer than two rows from the start row: no return to measure)
 * @throws CoreError LENGTH_MISMATCH (days or benchmark not one per equity row)
 * @example strategyMetrics(backtest({ prices, dates, rule: [1, 0] }), dates).maxDrawdown; // => BTC's max drawdown
 */
export function strategyMetrics(
  result: BacktestResult,
  days: ArrayLike<number>,
  options: StrategyMetricsOptions = {}
): StrategyMetrics {
  const { equity, startRow } = result;
  const rows = equity.length;
  if (rows - startRow < 3) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `the backtest starts on row ${startRow + 1} of ${rows}; the report needs at least three rows from the start (two returns); give more history or a shorter lookback`,
      { argument: "prices" }
    );
  }
  if (days.length !== rows) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `days has ${days.length} values but the equity curve has ${rows}; give one per row`,
      { argument: "days" }
    );
  }
  const bench = options.benchmarkReturns;
  if (bench !== undefined && bench.length !== rows) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `benchmarkReturns has ${bench.length} values but the equity curve has ${rows}; give one per row`,
      { argument: "benchmarkReturns" }
    );
  }
  const capital = options.initialCapital ?? 1;
  const tail = equity.subarray(startRow);
  // Exactly BACKTEST's statsOf: returns of the curve from its start row.
  const returns = new Float64Array(tail.length - 1);
  for (let t = 1; t < tail.length; t++) returns[t - 1] = tail[t] / tail[t - 1] - 1;
  const stats = seriesStatistics(returns, {
    periodsPerYear: options.periodsPerYear,
    benchmark: bench === undefined ? undefined : Array.prototype.slice.call(bench, startRow + 1),
  });
  return {
    cagr: stats.cagr,
    annualisedVolatility: stats.annualisedVolatility,
    sharpeRatio: stats.sharpeRatio,
    sortinoRatio: stats.sortinoRatio,
    maxDrawdown: stats.maxDrawdown,
    calmarRatio: stats.calmarRatio,
    worstMonth: attempt(() => worstMonth(tail, Array.prototype.slice.call(days, startRow))),
    timeUnderWater: attempt(() => longestUnderwater(tail)),
    turnover: result.turnover,
    feesPaid: result.feesPaid / capital,
    correlationToBenchmark:
      stats.correlationTo ?? new CoreError("INVALID_ARGUMENT", "no benchmark was given"),
    finalValue: tail[tail.length - 1] / capital,
    rebalances: result.rebalanceRows.length,
  };
}

function attempt(compute: () => number): number | CoreError {
  try {
    return compute();
  } catch (error) {
    if (isCoreError(error)) return error;
    throw error;
  }
}
