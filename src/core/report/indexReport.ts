import { backtest } from "../backtest/backtest";
import { covarianceMatrix } from "../covariance/covarianceMatrix";
import { drawdownSeries } from "../drawdown/drawdownSeries";
import { diversificationCurve } from "../diversification/diversificationCurve";
import { CoreError } from "../errors";
import { returnsFromPrices } from "../returns/returnsFromPrices";
import { checkedPeriodsPerYear } from "../stats/checkedPeriodsPerYear";
import { rollingSharpe } from "./rollingSharpe";
import { strategyMetrics } from "./strategyMetrics";
import type { IndexReport, IndexReportInput, ReportStrategy, StrategyReport } from "./types";

/**
 * "Does diversification pay?": the chosen index against BTC alone, ETH alone, equal weight of the
 * same tokens and market-cap weight, over the same rows, through the backtest engine BACKTEST runs
 * and the statistics STATS shows.
 *
 * Algorithm:
 * 1. The index runs as given (fixed weights or its rule, its lookback and signal lag, its cash
 *    sleeve); its start row s = lookback + signalLag is every strategy's start, so all are measured
 *    over the same days. The other four are fixed weights with lookback s: BTC alone [1 on the BTC
 *    column] (the column labelled BTC, else the first, as BACKTEST's benchmark), ETH alone (left out
 *    when no column is labelled ETH), equal weight 1/N, market-cap weight cap_i / Σ cap (the given
 *    caps, e.g. the Constituents table's as-of caps: held as fixed targets through the history, so
 *    this strategy knows today's caps — say so beside it; left out when no cap is given).
 *    Each is `backtest` with the report's rebalancing and fee; an unlisted token's weight goes to
 *    the listed ones, as in BACKTEST.
 * 2. Per strategy `strategyMetrics` (seriesStatistics on the curve's returns from s, worst month,
 *    time under water, turnover, fees, correlation to BTC's returns), `rollingSharpe` over
 *    `rollingWindow` returns and `drawdownSeries` from s.
 * 3. The diversification curve of the universe: `diversificationCurve` of the annualised sample
 *    covariance of all columns' returns (complete rows), in column order — DIVCURVE(prices).
 * Reference: Evans & Archer (1968) for the curve; the backtest and statistics references there.
 * Conventions: periodsPerYear 365, risk-free 0, monthly rebalancing and 0 bp unless given
 * (BACKTEST's defaults); rolling window one year of rows (periodsPerYear).
 * Complexity: O(S · (rows · cols + rule cost)) for the S ≤ 5 backtests, O(S · rows · window) for
 * the rolling Sharpe, O(rows · cols²) for the covariance.
 *
 * @param input prices, dates, index, marketCaps, rebalance, feeBps, periodsPerYear, rollingWindow
 * @returns the strategies' curves, figures and rolling series, the omitted ones, the curve
 * @throws CoreError from `backtest` (bad weights, lookback longer than the history …) and from the
 *   statistics; INVALID_ARGUMENT (rollingWindow not in 2 … rows − s − 1); TOO_FEW_POINTS (fewer than
 *   three rows from the start)
 * @example indexReport({ prices, dates, index: { name: "ERC", rule, lookback: 365 } }).strategies.map((s) => s.name);
 *   // => ["ERC", "BTC only", "ETH only", "Equal weight"]
 */
export function indexReport(input: IndexReportInput): IndexReport {
  const { prices, dates, index } = input;
  const { cols, labels } = prices;
  const periodsPerYear = checkedPeriodsPerYear(input.periodsPerYear);
  const common = {
    prices,
    dates,
    rebalance: input.rebalance ?? "monthly",
    feeBps: input.feeBps ?? 0,
  };
  const indexResult = backtest({
    ...common,
    rule: index.rule,
    lookback: index.lookback,
    signalLag: index.signalLag,
    cashRate: index.cashRate,
  });
  const start = indexResult.startRow;
  const rows = prices.rows;
  const window = input.rollingWindow ?? Math.round(periodsPerYear);
  if (!Number.isInteger(window) || window < 2 || window > rows - start - 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `rollingWindow must be a whole number of returns from 2 to ${rows - start - 1} (the rows after the index's start on row ${start + 1}); got ${window}; give more history or a shorter window`,
      { argument: "rollingWindow" }
    );
  }
  const find = (symbol: string) => labels.findIndex((l) => l.trim().toUpperCase() === symbol);
  const btc = find("BTC");
  const benchmarkColumn = btc >= 0 ? btc : 0;
  const eth = find("ETH");
  const unit = (j: number) => Float64Array.from({ length: cols }, (_, k) => (k === j ? 1 : 0));
  const others: ReportStrategy[] = [
    { name: `${labels[benchmarkColumn]} only`, rule: unit(benchmarkColumn) },
  ];
  const omitted: Array<{ name: string; reason: string }> = [];
  if (eth >= 0 && eth !== benchmarkColumn) others.push({ name: "ETH only", rule: unit(eth) });
  else omitted.push({ name: "ETH only", reason: "the prices have no ETH column" });
  others.push({ name: "Equal weight", rule: new Float64Array(cols).fill(1 / cols) });
  const caps = capWeights(input.marketCaps, cols);
  if (caps !== undefined) others.push({ name: "Market-cap weight", rule: caps });
  else omitted.push({ name: "Market-cap weight", reason: "no market caps were given" });

  const results = [
    { name: index.name, result: indexResult },
    ...others.map((s) => ({
      name: s.name,
      result: backtest({ ...common, rule: s.rule, lookback: start }),
    })),
  ];
  // BTC's own returns (NaN before it lists): the correlation's benchmark, as STATS takes it.
  const benchmarkReturns = new Float64Array(rows).fill(NaN);
  const base = benchmarkColumn * rows;
  for (let t = 1; t < rows; t++)
    benchmarkReturns[t] = prices.data[base + t] / prices.data[base + t - 1] - 1;

  const strategies: StrategyReport[] = results.map(({ name, result }) => {
    const metrics = strategyMetrics(result, dates, { periodsPerYear, benchmarkReturns });
    const tail = result.equity.subarray(start);
    const sharpe = new Float64Array(rows).fill(NaN);
    sharpe.set(rollingSharpe(tail, window, periodsPerYear), start);
    const drawdown = new Float64Array(rows).fill(NaN);
    drawdown.set(drawdownSeries(tail), start);
    return { name, metrics, equity: result.equity, rollingSharpe: sharpe, drawdown };
  });
  const { matrix } = covarianceMatrix(returnsFromPrices(prices), {
    estimator: "sample",
    periodsPerYear,
  });
  return {
    strategies,
    omitted,
    startRow: start,
    benchmarkColumn,
    diversificationCurve: diversificationCurve(matrix),
    rollingWindow: window,
  };
}

/** cap_i / Σ cap over the positive finite caps (others 0); undefined when there is none. */
function capWeights(
  marketCaps: ArrayLike<number> | undefined,
  cols: number
): Float64Array | undefined {
  if (marketCaps === undefined) return undefined;
  if (marketCaps.length !== cols) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `marketCaps has ${marketCaps.length} values but prices has ${cols} columns; give one cap per token (blank where unknown)`,
      { argument: "marketCaps" }
    );
  }
  const weights = new Float64Array(cols);
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const cap = marketCaps[j];
    if (cap > 0 && Number.isFinite(cap)) {
      weights[j] = cap;
      sum += cap;
    }
  }
  if (sum === 0) return undefined;
  for (let j = 0; j < cols; j++) weights[j] /= sum;
  return weights;
}
