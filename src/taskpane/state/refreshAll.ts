import type { IndexDefinition } from "../../data/indices/indexDefinitions";
import type { DataContext } from "../../data/runtime/createDataContext";
import { findOwnedTables } from "../excel/findOwnedTables";
import { SheetWriteError } from "../excel/sheetWriteError";
import { CoreError } from "../../core/errors";
import { PaneError } from "./paneError";
import { type ChartsResult, refreshCharts } from "./refreshCharts";
import { type RefreshOptions, type RefreshResult, refreshIndex } from "./refreshIndex";

/** What the Data tab's Refresh all reports. */
export interface RefreshAllResult {
  readonly index: RefreshResult;
  /** The charts, redrawn when their tables were in the workbook (undefined when they were not). */
  readonly charts?: ChartsResult | { readonly refused: string };
}

/**
 * Refresh all: refresh the index tables (Constituents, Prices, and the Analysis sheet when asked)
 * from the provider in use, through refreshIndex, whose rules hold (fetch and validate first, one
 * write, nothing over the user's cells, a failure leaves the old tables); then, when the charts'
 * tables (Frontier, Drawdowns) are Diversify's, recompute them and update the charts. A refusal of
 * the charts after the index was written is reported, not thrown: the index is already fresh.
 *
 * @param context the shared data context (provider in use, cache)
 * @param definition the index to rebuild (the Index tab's choice)
 * @param options as refreshIndex: history length, cancellation, progress, Analysis sheet
 * @returns the index refresh and the charts' outcome
 * @throws as refreshIndex (DataError, CoreError, PaneError, SheetWriteError), before anything is written
 * @example (await refreshAll(sharedDataContext(), INDEX_DEFINITIONS[0], { historyDays: 365 })).charts; // => undefined before any chart
 */
export async function refreshAll(
  context: DataContext,
  definition: IndexDefinition,
  options: RefreshOptions
): Promise<RefreshAllResult> {
  const index = await refreshIndex(context, definition, options);
  const found = await findOwnedTables(["Frontier", "Drawdowns"]);
  if (found.length === 0) return { index };
  try {
    return { index, charts: await refreshCharts() };
  } catch (error) {
    // The index is written; a refusal of the charts (SheetWriteError, or the core's on the new data) is reported.
    if (
      error instanceof SheetWriteError ||
      error instanceof CoreError ||
      error instanceof PaneError
    ) {
      return { index, charts: { refused: error.message } };
    }
    throw error;
  }
}
