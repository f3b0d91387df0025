import type { WeightRule } from "../backtest/backtest";
import type { CalendarFrequency } from "../backtest/rebalanceRows";
import type { DiversificationStep } from "../diversification/diversificationCurve";
import type { Metric } from "../stats/seriesStatistics";
import type { PricePanel } from "../types";

/**
 * One strategy of the report, as the backtest engine takes it: fixed target weights or a rule
 * re-estimated at each rebalance, with its own lookback, signal lag and cash sleeve.
 */
export interface ReportStrategy {
  /** Column heading, e.g. "Top 20 risk parity", "BTC only", "Equal weight". */
  readonly name: string;
  /** Fixed weights (one per price column) or a rule, exactly as `backtest` takes them. */
  readonly rule: ArrayLike<number> | WeightRule;
  /** Rows of returns a rule sees (a rule's backtest starts after lookback + signalLag rows). */
  readonly lookback?: number;
  /** Rows between a rule's signal and its trade (1 for adaptive rules: trade the next day). */
  readonly signalLag?: number;
  /** Annual rate of the cash sleeve (weights may sum below 1), as `backtest` takes it. */
  readonly cashRate?: number;
}

/** The figures of one strategy over the report's period. */
export interface StrategyMetrics {
  readonly cagr: Metric;
  readonly annualisedVolatility: Metric;
  readonly sharpeRatio: Metric;
  readonly sortinoRatio: Metric;
  /** Positive fraction. */
  readonly maxDrawdown: Metric;
  readonly calmarRatio: Metric;
  /** Worst calendar-month return (negative for a loss). */
  readonly worstMonth: Metric;
  /** Longest time under water, in rows (days for daily prices). */
  readonly timeUnderWater: Metric;
  /** Σ turnover of the rebalances after the initial purchase (backtest's `turnover`). */
  readonly turnover: number;
  /** Fees paid, initial purchase included, per 1 of starting capital. */
  readonly feesPaid: number;
  /** Pearson correlation of the strategy's and the benchmark's per-period returns. */
  readonly correlationToBenchmark: Metric;
  /** Value at the last row per 1 invested. */
  readonly finalValue: number;
  /** Rebalances, the initial purchase included. */
  readonly rebalances: number;
}

/** One strategy's report: its backtest curve, figures, and rolling series (row-aligned). */
export interface StrategyReport {
  readonly name: string;
  readonly metrics: StrategyMetrics;
  /** Equity per row (1 until the start row). */
  readonly equity: Float64Array;
  /** Rolling Sharpe ratio ending at each row (NaN before a full window). */
  readonly rollingSharpe: Float64Array;
  /** Drawdown from the running peak at each row (≤ 0; NaN before the start row). */
  readonly drawdown: Float64Array;
}

/** Inputs of `indexReport`. */
export interface IndexReportInput {
  /** Prices of the index's universe, rows = dates oldest first (NaN before listing). */
  readonly prices: PricePanel;
  /** Day numbers (days since 1970-01-01), one per row, strictly increasing. */
  readonly dates: ArrayLike<number>;
  /** The chosen index, as BACKTEST would run it. */
  readonly index: ReportStrategy;
  /**
   * Market caps per price column (NaN or ≤ 0 where unknown) for the market-cap strategy; omitted
   * or without any positive cap, that strategy is left out (and `omitted` says why).
   */
  readonly marketCaps?: ArrayLike<number>;
  /** Calendar rebalancing of every strategy (default "monthly", BACKTEST's default). */
  readonly rebalance?: CalendarFrequency;
  /** Fee in basis points of traded value (default 0, BACKTEST's default). */
  readonly feeBps?: number;
  /** Periods per year (default 365). */
  readonly periodsPerYear?: number;
  /** Returns in the rolling Sharpe window (default periodsPerYear: one year). */
  readonly rollingWindow?: number;
}

/** Output of `indexReport`. */
export interface IndexReport {
  /** The index, BTC alone, ETH alone, equal weight, market-cap weight (those available). */
  readonly strategies: readonly StrategyReport[];
  /** Strategies left out and why (no ETH column; no market caps). */
  readonly omitted: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
  /** First invested row, common to every strategy. */
  readonly startRow: number;
  /** Price column of the benchmark (BTC, or the first column when there is none). */
  readonly benchmarkColumn: number;
  /** Equal-weight volatility of the first k tokens in column order, k = 1 … N. */
  readonly diversificationCurve: readonly DiversificationStep[];
  /** Rows of returns in the rolling window. */
  readonly rollingWindow: number;
}
