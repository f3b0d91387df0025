import type { Metric } from "../../core/stats/seriesStatistics";
import type { IndexReport, StrategyMetrics } from "../../core/report/types";
import type { CellValue } from "../excel/tableBlock";
import { DATE_FORMAT } from "./excelDates";
import { DRAWDOWN_FORMAT, PERCENT_FORMAT } from "./numberFormats";

/** A rectangular block of the Report sheet: values and one number format per column. */
export interface ReportBlock {
  /** What the block is, for tests and messages ("stats", "rolling Sharpe" …). */
  readonly name: string;
  /** 0-based top-left cell. */
  readonly row: number;
  readonly column: number;
  /** Rows of equal length, the first the header (or the title line). */
  readonly values: ReadonlyArray<readonly CellValue[]>;
  /** Number format per column ("" = General); the header row stays General. */
  readonly formats?: readonly string[];
  /** Or a number format per row, for the columns after the first (the statistics' figures). */
  readonly rowFormats?: readonly string[];
}

/** A chart of the Report sheet over a block's columns (header row included, series by column). */
export interface ReportChart {
  /** Found again by this name on a refresh (never duplicated). */
  readonly name: string;
  readonly title: string;
  /** The block and its columns charted (adjacent, header row included). */
  readonly block: string;
  readonly firstColumn: number;
  readonly columns: number;
  /** The block column labelling the categories (dates, holdings). */
  readonly categoryColumn: number;
}

/** The whole Report sheet. */
export interface ReportSheet {
  readonly blocks: readonly ReportBlock[];
  readonly charts: readonly ReportChart[];
}

/** The header lines of the report. */
export interface ReportHeader {
  readonly indexName: string;
  /** "demo data" for the demo provider; the provider's source text otherwise. */
  readonly source: string;
  readonly demo: boolean;
  /** Excel serial of the data's as-of date. */
  readonly asOf: number;
  /** The rebalancing, fee, cash-rate and rule line. */
  readonly settings: string;
  /** BACKTEST's arguments that give the index column in cells. */
  readonly cells: string;
}

/** Where the dated tables start: right of the statistics (column H). */
const ROLLING_COLUMN = 7;
/** Where the charts sit (they float over cells and write none). */
export const REPORT_CHART_COLUMN = 22;
/** Undefined figures show as this text, never as 0 or NaN. */
const UNDEFINED = "n/a";

const METRICS: ReadonlyArray<[string, (m: StrategyMetrics) => Metric, string]> = [
  ["CAGR", (m) => m.cagr, PERCENT_FORMAT],
  ["Annualised volatility", (m) => m.annualisedVolatility, PERCENT_FORMAT],
  ["Sharpe ratio", (m) => m.sharpeRatio, "0.00"],
  ["Sortino ratio", (m) => m.sortinoRatio, "0.00"],
  ["Max drawdown", (m) => m.maxDrawdown, PERCENT_FORMAT],
  ["Calmar ratio", (m) => m.calmarRatio, "0.00"],
  ["Worst month", (m) => m.worstMonth, PERCENT_FORMAT],
  ["Time under water (days)", (m) => m.timeUnderWater, "0"],
  ["Turnover", (m) => m.turnover, "0.00"],
  ["Fees paid (per 1 invested)", (m) => m.feesPaid, "0.0000"],
  ["Correlation to BTC", (m) => m.correlationToBenchmark, "0.00"],
  ["Final value (per 1 invested)", (m) => m.finalValue, "0.00"],
  ["Rebalances", (m) => m.rebalances, "0"],
];

/**
 * The Report sheet's cells: the header lines (index, data source — "demo data" labelled as
 * such —, as-of date and period, settings, the BACKTEST call that reproduces the index), the
 * statistics table (one row per figure, one column per strategy; an undefined figure is "n/a"),
 * the diversification curve below it, and right of them, from column H, the rolling Sharpe table
 * and the drawdown table (Date, one column per strategy, from the common start row; blank before
 * a full window); three line charts over them.
 *
 * @param report the core's report
 * @param header the header's facts
 * @param serials Excel serials of the price rows
 * @param tokens the token labels, in the price columns' order
 * @returns the blocks and charts
 * @example reportLayout(report, header, serials, tokens).blocks.map((b) => b.name);
 *   // => ["header", "stats", "diversification curve", "rolling Sharpe", "drawdown"]
 */
export function reportLayout(
  report: IndexReport,
  header: ReportHeader,
  serials: readonly number[],
  tokens: readonly string[]
): ReportSheet {
  const names = report.strategies.map((s) => s.name);
  const start = report.startRow;
  const last = serials.length - 1;
  const days = last - start;
  const line = (text: string): CellValue[] => [text];
  const period = `${isoOf(serials[start])} to ${isoOf(serials[last])} (${days} days, from the index's first investment)`;
  const headerValues: CellValue[][] = [
    line(
      `Does diversification pay? ${header.indexName} against BTC alone, ETH alone, equal weight and market-cap weight`
    ),
    line(
      `Data source: ${header.demo ? "demo data (simulated prices, not market data)" : header.source}`
    ),
    line(`As of ${isoOf(header.asOf)}; period ${period}`),
    line(header.settings),
    line(`The index column in cells: ${header.cells}`),
    line(
      report.omitted.length === 0
        ? "Market-cap weight: fixed targets from the Constituents table's market caps as of that date, held through the history (today's caps: a look-ahead)."
        : `Not shown: ${report.omitted.map((o) => `${o.name} (${o.reason})`).join("; ")}.`
    ),
  ];
  const blocks: ReportBlock[] = [{ name: "header", row: 0, column: 0, values: headerValues }];

  const statsRow = headerValues.length + 1;
  const stats: CellValue[][] = [["Metric", ...names]];
  for (const [label, pick] of METRICS) {
    stats.push([label, ...report.strategies.map((s) => cellOf(pick(s.metrics)))]);
  }
  // The figures differ by row (percentages, ratios, days), so the formats go by row.
  blocks.push({
    name: "stats",
    row: statsRow,
    column: 0,
    values: stats,
    rowFormats: ["", ...METRICS.map(([, , format]) => format)],
  });

  const curveRow = statsRow + stats.length + 1;
  const curve: CellValue[][] = [
    ["Holdings", "Added", "Portfolio volatility", "Average token volatility", "Ratio"],
    ...report.diversificationCurve.map((step, k) => [
      k + 1,
      tokens[step.added],
      step.volatility,
      step.averageVolatility,
      step.averageVolatility > 0 ? step.volatility / step.averageVolatility : UNDEFINED,
    ]),
  ];
  blocks.push({
    name: "diversification curve",
    row: curveRow,
    column: 0,
    values: curve,
    formats: ["0", "@", PERCENT_FORMAT, PERCENT_FORMAT, "0.00"],
  });

  const sharpe: CellValue[][] = [
    ["Date", ...names.map((n) => `Sharpe ${report.rollingWindow}d: ${n}`)],
  ];
  const drawdown: CellValue[][] = [["Date", ...names.map((n) => `Drawdown: ${n}`)]];
  for (let t = start; t <= last; t++) {
    sharpe.push([serials[t], ...report.strategies.map((s) => numberOrBlank(s.rollingSharpe[t]))]);
    drawdown.push([serials[t], ...report.strategies.map((s) => numberOrBlank(s.drawdown[t]))]);
  }
  const dd = ROLLING_COLUMN + names.length + 2;
  blocks.push({
    name: "rolling Sharpe",
    row: 0,
    column: ROLLING_COLUMN,
    values: sharpe,
    formats: [DATE_FORMAT, ...names.map(() => "0.00")],
  });
  blocks.push({
    name: "drawdown",
    row: 0,
    column: dd,
    values: drawdown,
    formats: [DATE_FORMAT, ...names.map(() => DRAWDOWN_FORMAT)],
  });
  return {
    blocks,
    charts: [
      {
        name: "Diversify report Sharpe",
        title: `Rolling ${report.rollingWindow}-day Sharpe ratio`,
        block: "rolling Sharpe",
        firstColumn: 1,
        columns: names.length,
        categoryColumn: 0,
      },
      {
        name: "Diversify report drawdown",
        title: "Drawdown from the running peak",
        block: "drawdown",
        firstColumn: 1,
        columns: names.length,
        categoryColumn: 0,
      },
      {
        name: "Diversify report diversification curve",
        title: "Diversification curve: volatility of equal weights of the first k tokens",
        block: "diversification curve",
        firstColumn: 2,
        columns: 2,
        categoryColumn: 0,
      },
    ],
  };
}

function cellOf(value: Metric): CellValue {
  return typeof value === "number" && Number.isFinite(value) ? value : UNDEFINED;
}

function numberOrBlank(value: number): CellValue {
  return Number.isFinite(value) ? (value === 0 ? 0 : value) : "";
}

function isoOf(serial: number): string {
  return new Date((serial - 25_569) * 86_400_000).toISOString().slice(0, 10);
}
