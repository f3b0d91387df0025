import { pricePanelFromColumns } from "../core/panel/pricePanelFromColumns";
import type { FillPolicy, PricePanel } from "../core/types";
import { unwrap } from "./boundary";
import { parseChoice } from "./parse/options";
import { parsePriceRange } from "./parse/priceRange";

/** A price panel read from a range, and whether the user's range had a header row to echo. */
export interface PricesArgument {
  readonly panel: PricePanel;
  readonly hasHeader: boolean;
  /** The cells of a leading "Date" column, when the range had one. */
  readonly dates?: unknown[];
}

/**
 * Reads a `prices` argument: parses the cells, then validates them as a core price panel, with
 * positions in messages counted as the user sees the selection (header row included).
 */
export function readPrices(
  range: unknown,
  fill: unknown,
  argument = "prices",
  fillChoices: readonly FillPolicy[] = ["none", "previous"]
): PricesArgument {
  const parsed = unwrap(parsePriceRange(range, argument));
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
