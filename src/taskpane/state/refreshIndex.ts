import { buildIndex, type BuiltIndex } from "../../data/indices/buildIndex";
import type { IndexDefinition } from "../../data/indices/indexDefinitions";
import type { DataContext } from "../../data/runtime/createDataContext";
import { DataError } from "../../data/dataError";
import type { WriteReport } from "../excel/tableBlock";
import { writeOwnedTables } from "../excel/writeOwnedTables";
import { type OwnedSheetOutcome, writeOwnedSheet } from "../excel/writeOwnedSheet";
import { SheetWriteError } from "../excel/sheetWriteError";
import { analysisLayout } from "./analysisLayout";
import { indexTables } from "./indexTables";

/** The optional sheet of formulas on the index tables. */
export const ANALYSIS_SHEET = "Analysis";

/** A step of a refresh, for the progress bar. */
export interface RefreshProgress {
  /** 0 to 1. */
  readonly fraction: number;
  readonly label: string;
}

/** Options of {@link refreshIndex}. */
export interface RefreshOptions {
  /** Days of prices written to the Prices table. */
  readonly historyDays: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RefreshProgress) => void;
  /** The writer (tests swap it; default writeOwnedTables). */
  readonly write?: typeof writeOwnedTables;
  /** Also write (or refresh) the Analysis sheet of formulas on the tables (default false). */
  readonly analysis?: boolean;
}

/** What the Index tab reports after a refresh. */
export interface RefreshResult {
  readonly built: BuiltIndex;
  readonly report: WriteReport;
  /** True when the numbers are the built-in simulated demo data. */
  readonly demo: boolean;
  readonly days: number;
  /** What happened to the Analysis sheet when it was asked for: created, refreshed, or why not. */
  readonly analysis?: OwnedSheetOutcome | { readonly refused: string };
  /**
   * Which coin each ambiguous ticker of the index resolved to, as the provider says it (e.g.
   * "UNI = uniswap (Uniswap, rank 30; 2 coins have this ticker …)"); empty when none was ambiguous
   * or the provider has one coin per ticker (demo, CSV).
   */
  readonly resolutions: readonly string[];
}

/**
 * Build or Refresh: fetch the universe and the closes through the runtime's data context (its
 * cache and batching, shared with DIVERSIFY.HISTORY), build the index with the data layer's
 * buildIndex (the same computation as DIVERSIFY.INDEX), shape and validate the Constituents and
 * Prices tables, and only then write both in one Excel.run. Any failure before the write —
 * provider error, cancellation, too few prices — leaves the workbook exactly as it was. With
 * `analysis`, the Analysis sheet (analysisLayout's formulas, a heat map on the correlations) is
 * then written by writeOwnedSheet; if it refuses (a sheet of that name is not ours, or a cell it
 * needs is taken), the tables stay written and `analysis.refused` says why.
 *
 * @param context the shared data context (provider, cache)
 * @param definition the index to build
 * @param options history length, cancellation, progress, writer
 * @returns the index, what was written and whether it is demo data
 * @throws DataError (provider), CoreError (weighting), PaneError (no prices), SheetWriteError (workbook)
 * @example await refreshIndex(sharedDataContext(), INDEX_DEFINITIONS[0], { historyDays: 365 });
 */
export async function refreshIndex(
  context: DataContext,
  definition: IndexDefinition,
  options: RefreshOptions
): Promise<RefreshResult> {
  const { signal, onProgress } = options;
  const step = (fraction: number, label: string) => {
    if (signal?.aborted) throw new DataError("cancelled", "Cancelled before writing");
    onProgress?.({ fraction, label });
  };
  const provider = context.provider();
  step(0.05, `Fetching the market list from ${provider.displayName}`);
  const built = await buildIndex(definition, provider, {
    dailyCloses: (symbols, days) => context.dailyCloses(symbols, days),
    clock: context.clock,
    signal,
  });
  // An adaptive index's CASH sleeve row has no prices to fetch.
  const tokens = built.constituents.filter((c) => c.cash !== true).map((c) => c.symbol);
  step(0.4, `Fetching ${options.historyDays} days of prices for ${tokens.length} tokens`);
  const closes = await context.dailyCloses(tokens, options.historyDays);
  step(0.7, "Checking the data");
  const blocks = indexTables(built, closes);
  step(0.8, "Writing Constituents and Prices");
  const report = await (options.write ?? writeOwnedTables)(blocks, { signal });
  let analysis: RefreshResult["analysis"];
  if (options.analysis === true) {
    onProgress?.({ fraction: 0.95, label: "Writing the Analysis sheet" });
    const layout = analysisLayout(tokens.length, {
      cashRow: built.constituents.some((c) => c.cash === true),
    });
    try {
      analysis = await writeOwnedSheet(ANALYSIS_SHEET, {
        cells: layout.cells,
        colorScale: layout.heatMap,
      });
    } catch (error) {
      // The tables are written and correct; the optional sheet's refusal is reported beside them.
      if (!(error instanceof SheetWriteError)) throw error;
      analysis = { refused: error.message };
    }
  }
  onProgress?.({ fraction: 1, label: "Done" });
  const resolutions = provider.describeSymbols?.(closes.symbols) ?? [];
  return {
    built,
    report,
    demo: provider.id === "demo",
    days: closes.dates.length,
    analysis,
    resolutions,
  };
}
