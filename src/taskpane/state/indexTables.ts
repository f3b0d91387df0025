import type { BuiltIndex } from "../../data/indices/buildIndex";
import type { DailyCloses } from "../../data/types";
import type { CellValue, TableBlock } from "../excel/tableBlock";
import { DATE_FORMAT, excelSerialOf } from "./excelDates";
import { PERCENT_FORMAT, TEXT_FORMAT, WHOLE_FORMAT, priceFormat } from "./numberFormats";
import { PaneError } from "./paneError";

/** The Constituents table's columns, in order (a public contract: users' formulas refer to them). */
export const CONSTITUENTS_HEADERS = [
  "Symbol",
  "Name",
  "Sector",
  "Tier",
  "Market cap",
  "Weight",
  "As of",
  "Source",
] as const;

/** What the Market cap cell of the CASH sleeve row says (it has no market cap and no price). */
export const CASH_SLEEVE_TEXT = "cash sleeve";

/**
 * The two tables of an index build, validated before anything is written: `Constituents`
 * (symbol, name, sector, tier, market cap, weight, as-of date, source) on sheet Constituents, and
 * `Prices` (Date + one column per constituent, oldest first, blank before a listing) on sheet
 * Prices. Every constituent must have at least one close; a missing market cap is written blank.
 * An adaptive index's CASH row (the stablecoin sleeve, last) says "cash sleeve" in the Market cap
 * column and has no Prices column: Rebalance prices it at 1 and the charts read Prices only.
 * Formats: text columns "@" (kept as typed), market cap "#,##0", weight "0.00%", dates
 * "yyyy-mm-dd" (Excel serials, 1900 date system), prices with the decimals their size needs.
 *
 * @param built the index from buildIndex
 * @param closes daily closes covering at least the constituents
 * @returns [Constituents, Prices]
 * @throws PaneError when a constituent has no close at all, or no dates came back
 * @example indexTables(built, closes).map((b) => b.name); // => ["Constituents", "Prices"]
 */
export function indexTables(built: BuiltIndex, closes: DailyCloses): [TableBlock, TableBlock] {
  // The CASH sleeve of an adaptive index has no price: it is a Constituents row, not a Prices column.
  const symbols = built.constituents.filter((c) => c.cash !== true).map((c) => c.symbol);
  const days = closes.dates.length;
  if (days === 0) {
    throw new PaneError(
      `${closes.source} returned no prices; try a longer history or another provider.`
    );
  }
  const columnOf = new Map(closes.symbols.map((s, j) => [s, j]));
  const columns = symbols.map((symbol) => {
    const j = columnOf.get(symbol);
    const series = j === undefined ? undefined : closes.closes.subarray(j * days, (j + 1) * days);
    if (series === undefined || !series.some((v) => Number.isFinite(v))) {
      throw new PaneError(
        `No prices for ${symbol} in the last ${days} days from ${closes.source}; nothing was written. ` +
          "Choose a longer history or another index."
      );
    }
    return series;
  });
  const asOf = excelSerialOf(built.asOf);
  const constituents: TableBlock = {
    name: "Constituents",
    sheet: "Constituents",
    headers: [...CONSTITUENTS_HEADERS],
    rows: built.constituents.map((c) => [
      c.symbol,
      c.name,
      c.sector,
      String(c.tier),
      c.cash === true ? CASH_SLEEVE_TEXT : Number.isFinite(c.marketCap) ? c.marketCap : "",
      c.weight,
      asOf,
      built.source,
    ]),
    // Text columns are "@" so a symbol such as "-X", "00" or "TRUE" stays the text it is.
    formats: [
      TEXT_FORMAT,
      TEXT_FORMAT,
      TEXT_FORMAT,
      TEXT_FORMAT,
      WHOLE_FORMAT,
      PERCENT_FORMAT,
      DATE_FORMAT,
      TEXT_FORMAT,
    ],
  };
  const rows: CellValue[][] = new Array(days);
  for (let t = 0; t < days; t++) {
    const row: CellValue[] = new Array(symbols.length + 1);
    row[0] = excelSerialOf(closes.dates[t]);
    for (let j = 0; j < symbols.length; j++) {
      const value = columns[j][t];
      // Blank, not 0, before a token's listing: 0 would read as a price.
      row[j + 1] = Number.isFinite(value) ? value : "";
    }
    rows[t] = row;
  }
  const prices: TableBlock = {
    name: "Prices",
    sheet: "Prices",
    headers: ["Date", ...symbols],
    rows,
    formats: [DATE_FORMAT, ...columns.map((series) => priceFormat(series))],
  };
  return [constituents, prices];
}
