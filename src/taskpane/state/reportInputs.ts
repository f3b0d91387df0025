import { pricePanel } from "../../core/panel/pricePanel";
import type { PricePanel } from "../../core/types";
import type { TableContents } from "../excel/readTable";
import { PaneError } from "./paneError";

/** What the report reads from the workbook's Prices and Constituents tables. */
export interface ReportInputs {
  readonly prices: PricePanel;
  /** Day numbers (days since 1970-01-01) of the Prices rows. */
  readonly dates: Float64Array;
  /** Excel serials of the Prices rows (for the dated tables). */
  readonly serials: readonly number[];
  /** Market cap per token from Constituents (NaN where blank or missing). */
  readonly marketCaps: Float64Array;
  /** Constituents' Source (e.g. "demo data"), or "" when the table has none. */
  readonly source: string;
  /** Constituents' As of (Excel serial), or the last Prices date. */
  readonly asOf: number;
}

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const EXCEL_UNIX_EPOCH = 25_569;

/**
 * The report's inputs from the Prices table (Date, then one column of closes per token, oldest
 * first, blank before a listing) and the Constituents table (Symbol, Market cap, As of, Source;
 * its CASH row, if any, is not a token). Checked before anything is computed or written.
 *
 * @param prices the Prices table as read
 * @param constituents the Constituents table as read, if the workbook has one
 * @returns panel, dates, market caps, source, as-of date
 * @throws PaneError (no Date column or tokens, a text cell, dates not increasing); CoreError from
 *   pricePanel (a price ≤ 0, a gap inside a series)
 * @example reportInputs(prices, constituents).prices.labels; // => ["BTC", "ETH", …]
 */
export function reportInputs(
  prices: TableContents,
  constituents: TableContents | undefined
): ReportInputs {
  const [dateHeader, ...labels] = prices.headers.map(String);
  if (dateHeader.trim().toLowerCase() !== "date" || labels.length === 0) {
    throw new PaneError(
      `The ${prices.name} table should start with a Date column followed by one column per token; ` +
        "build or refresh the index to rewrite it."
    );
  }
  const values: number[][] = [];
  const serials: number[] = [];
  prices.rows.forEach((row, t) => {
    const serial = row[0];
    if (
      typeof serial !== "number" ||
      !Number.isInteger(serial) ||
      (t > 0 && serial <= serials[t - 1])
    ) {
      throw new PaneError(
        `${prices.name}: row ${t + 2} has the date "${String(serial)}"; the Date column must hold increasing dates. ` +
          "Refresh the index to rewrite it."
      );
    }
    serials.push(serial);
    values.push(
      labels.map((label, j) => {
        const cell = row[j + 1];
        if (cell === "" || cell === null || cell === undefined) return NaN;
        if (typeof cell === "number") return cell;
        throw new PaneError(
          `${prices.name}: row ${t + 2}, column ${label} holds "${String(cell)}", not a price; correct it or refresh the index.`
        );
      })
    );
  });
  if (values.length < 3) {
    throw new PaneError(
      `The ${prices.name} table has ${values.length} days of prices; the report needs a history. Build the index with 1 or 5 years of history.`
    );
  }
  const panel = pricePanel(values, { labels, argument: prices.name, rowOffset: 1 });
  const marketCaps = new Float64Array(labels.length).fill(NaN);
  let source = "";
  let asOf = serials[serials.length - 1];
  if (constituents !== undefined) {
    const header = constituents.headers.map((h) => String(h).trim().toLowerCase());
    const symbol = header.indexOf("symbol");
    const cap = header.indexOf("market cap");
    const asOfColumn = header.indexOf("as of");
    const sourceColumn = header.indexOf("source");
    for (const row of constituents.rows) {
      const j = symbol < 0 ? -1 : labels.indexOf(String(row[symbol]));
      if (j >= 0 && cap >= 0 && typeof row[cap] === "number") marketCaps[j] = row[cap] as number;
      if (sourceColumn >= 0 && source === "" && typeof row[sourceColumn] === "string")
        source = row[sourceColumn] as string;
      if (asOfColumn >= 0 && typeof row[asOfColumn] === "number") asOf = row[asOfColumn] as number;
    }
  }
  return {
    prices: panel,
    dates: Float64Array.from(serials, (s) => s - EXCEL_UNIX_EPOCH),
    serials,
    marketCaps,
    source,
    asOf,
  };
}
