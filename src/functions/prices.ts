import { pricePanelFromColumns } from "../core/panel/pricePanelFromColumns";
import type { FillPolicy, PricePanel } from "../core/types";
import { unwrap } from "./boundary";
import { parseChoice } from "./parse/options";
import { parsePriceRange } from "./parse/priceRange";
import { leaseScratch } from "./parse/scratchLease";

/** A price panel read from a range, and whether the user's range had a header row to echo. */
export interface PricesArgument {
  readonly panel: PricePanel;
  readonly hasHeader: boolean;
  /** The cells of a leading "Date" column, when the range had one. */
  readonly dates?: unknown[];
}

/**
 * Reads a `prices` argument: parses the cells, then validates them as a core price panel, with
 * positions in messages counted as the user sees the selection (header row included). The panel's
 * data comes from `allocate` when given (see parsePriceRange).
 */
export function readPrices(
  range: unknown,
  fill: unknown,
  argument = "prices",
  fillChoices: readonly FillPolicy[] = ["none", "previous"],
  allocate?: (length: number) => Float64Array
): PricesArgument {
  const parsed = unwrap(parsePriceRange(range, argument, allocate));
  const fillPolicy = unwrap(parseChoice(fill, "fill", fillChoices, "none"));
  const panel = pricePanelFromColumns(parsed.data, parsed.rows, {
    labels: parsed.labels,
    fill: fillPolicy,
    argument,
    rowOffset: parsed.headerRows,
    columnOffset: parsed.skippedColumns,
  });
  return { panel, hasHeader: parsed.labels !== undefined, dates: parsed.dates };
}

/**
 * Reads a `prices` argument into the shared scratch array (leaseScratch) and runs `consume` on it,
 * for functions whose prices die within the call: `consume` must return only fresh data (a spill,
 * returns, statistics), never the panel or a view of its data.
 */
export function usingPrices<T>(
  range: unknown,
  fill: unknown,
  consume: (read: PricesArgument) => T,
  argument = "prices",
  fillChoices: readonly FillPolicy[] = ["none", "previous"]
): T {
  const scratch = leaseScratch();
  try {
    return consume(readPrices(range, fill, argument, fillChoices, scratch.allocate));
  } finally {
    scratch.release();
  }
}
