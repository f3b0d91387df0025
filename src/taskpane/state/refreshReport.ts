import { indexReport } from "../../core/report/indexReport";
import type { IndexReport } from "../../core/report/types";
import { DEMO_SOURCE } from "../../data/demo/demoProvider";
import type { IndexDefinition } from "../../data/indices/indexDefinitions";
import { readTables } from "../excel/readTable";
import { type ReportWriteOutcome, writeReportSheet } from "../excel/writeReportSheet";
import { PaneError } from "./paneError";
import { reportIndexStrategy, type ReportSettings } from "./reportIndexStrategy";
import { reportInputs } from "./reportInputs";
import { reportLayout } from "./reportLayout";

/** The sheet the report is written to. */
export const REPORT_SHEET = "Report";

/** A step of the report, for the progress bar. */
export interface ReportProgress {
  /** 0 to 1. */
  readonly fraction: number;
  readonly label: string;
}

/** Options of {@link refreshReport}. */
export interface ReportOptions {
  readonly onProgress?: (progress: ReportProgress) => void;
  /** Lets the progress bar paint between steps (default: a macrotask); tests pass a no-op. */
  readonly yieldToUi?: () => Promise<void>;
}

/** What the Report tab shows after a run. */
export interface ReportResult {
  readonly report: IndexReport;
  readonly write: ReportWriteOutcome;
  readonly days: number;
  readonly tokens: number;
  readonly demo: boolean;
}

/** A year of daily rows: the rolling Sharpe's window when the history allows it. */
const ROLLING_DAYS = 365;
/** A rolling Sharpe over fewer returns than a month says little. */
const MIN_ROLLING_DAYS = 30;

/**
 * The Report tab's one action: read the Prices and Constituents tables, run the chosen index and
 * the four comparisons through the core report (indexReport: the backtest engine and statistics
 * BACKTEST and STATS use), lay the Report sheet out (reportLayout), and only then write it
 * (writeReportSheet: owned sheet, never over the user's cells, charts by name). Every check and
 * every number comes before the write, so a bad input or a failed run leaves the previous Report
 * sheet as it was. The rolling Sharpe uses a year of rows, or what the history leaves after the
 * index's start (at least 30 days).
 *
 * @param definition the chosen index definition
 * @param settings the tab's fields as typed (trend window, volatility target, cash rate, fee)
 * @param options progress
 * @returns the report, what was written, sizes
 * @throws PaneError (no Prices table, bad fields, too little history), CoreError (the core's
 *   refusals, e.g. a volatility target ≤ 0), SheetWriteError (the workbook)
 * @example await refreshReport(INDEX_DEFINITIONS[0], { trendWindow: "", volTarget: "", cashRate: "", feeBps: "10" });
 */
export async function refreshReport(
  definition: IndexDefinition,
  settings: ReportSettings,
  options: ReportOptions = {}
): Promise<ReportResult> {
  const step = async (fraction: number, label: string) => {
    options.onProgress?.({ fraction, label });
    await (options.yieldToUi ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0))))();
  };
  await step(0.05, "Reading the Prices and Constituents tables");
  const [prices, constituents] = await readTables(["Prices", "Constituents"]);
  if (prices === undefined) {
    throw new PaneError(
      "The report runs on the Prices table, and this workbook has none; build an index in the Index tab first."
    );
  }
  const inputs = reportInputs(prices, constituents);
  const tokens = inputs.prices.labels;
  const index = reportIndexStrategy(
    definition,
    tokens,
    inputs.marketCaps,
    settings,
    inputs.prices.rows
  );
  await step(0.25, `Backtesting ${definition.name} and the comparisons`);
  const start = (index.strategy.lookback ?? 0) + (index.strategy.signalLag ?? 0);
  const available = inputs.prices.rows - start - 1;
  if (available < MIN_ROLLING_DAYS) {
    throw new PaneError(
      `${definition.name} starts investing after ${start} days, which leaves ${Math.max(available, 0)} days of the ${inputs.prices.rows} in the Prices table; ` +
        "the report needs at least 30. Build the index with a longer history (Index tab)."
    );
  }
  const report = indexReport({
    prices: inputs.prices,
    dates: inputs.dates,
    index: index.strategy,
    marketCaps: inputs.marketCaps,
    feeBps: index.feeBps,
    rebalance: "monthly",
    periodsPerYear: 365,
    rollingWindow: Math.min(ROLLING_DAYS, available),
  });
  await step(0.7, "Writing the Report sheet");
  const demo = inputs.source.trim().toLowerCase() === DEMO_SOURCE;
  const c = index.cells;
  const weights =
    typeof c.weightsOrMethod === "string"
      ? `"${c.weightsOrMethod}"`
      : // Full precision: the call reproduces the index column exactly.
        `{${c.weightsOrMethod.map((w) => String(w)).join(",")}}`;
  const args = [
    "Prices[#All]",
    weights,
    '"monthly"',
    "",
    String(index.feeBps),
    c.lookback === null ? "" : String(c.lookback),
    '"stats"',
    "365",
    c.adaptive === null ? "" : `"${c.adaptive}"`,
    c.cashRate === null ? "" : String(c.cashRate),
  ];
  while (args[args.length - 1] === "") args.pop();
  const layout = reportLayout(
    report,
    {
      indexName: definition.name,
      source: inputs.source === "" ? "the Prices table" : inputs.source,
      demo,
      asOf: inputs.asOf,
      settings:
        `Universe: the ${tokens.length} tokens of the Prices table; every strategy rebalanced monthly, fee ${index.feeBps} bp of traded value` +
        (index.adaptiveText === ""
          ? ""
          : `; rule "${index.adaptiveText}" (signals trade the next day), cash earning ${(c.cashRate ?? 0) * 100} % a year`) +
        "; 365 days a year, risk-free 0.",
      cells: `=DIVERSIFY.BACKTEST(${args.join(",")})`.slice(1),
    },
    inputs.serials,
    tokens
  );
  const write = await writeReportSheet(REPORT_SHEET, layout);
  options.onProgress?.({ fraction: 1, label: "Done" });
  return { report, write, days: inputs.prices.rows, tokens: tokens.length, demo };
}
