import { DataError } from "../dataError";
import { dayNumberOf } from "../dayNumberOf";
import { checkCloseRequest } from "../checkCloseRequest";
import type {
  Category,
  DailyCloses,
  DataProvider,
  IndexHolding,
  IndexSummary,
  MarketAsset,
} from "../types";
import { type CsvCloses, parseClosesCsv } from "./parseClosesCsv";

/** Options of {@link createCsvProvider}. */
export interface CsvProviderOptions {
  /** The CSV text (file contents or pasted); see parseClosesCsv for the format. */
  readonly text: string;
  /** Where it came from, shown in `source` (e.g. the file name); default "CSV". */
  readonly sourceName?: string;
}

/**
 * A provider over a user's CSV of daily closes (dates × symbols). The text is parsed on the first
 * call; a parse problem rejects every call with a DataError "badResponse" whose message is the
 * parser's (line, column and fix). `dailyCloses(symbols, days)` returns the rows of the last `days`
 * calendar days up to the file's last date (not today: a file is a snapshot). Symbols match the
 * header case-insensitively. No market caps, categories or indices.
 *
 * Complexity: parsing O(characters), once; each call O(rows × symbols asked).
 *
 * @param options the text and a name for it
 * @example (await createCsvProvider({ text: "date,BTC\n2024-01-01,42000" }).dailyCloses(["btc"], 1)).closes; // => Float64Array [42000]
 */
export function createCsvProvider(options: CsvProviderOptions): DataProvider {
  const sourceName = options.sourceName ?? "CSV";
  let parsed: CsvCloses | undefined;
  const data = (): CsvCloses => {
    if (parsed !== undefined) return parsed;
    const result = parseClosesCsv(options.text);
    if (!result.ok) throw new DataError("badResponse", `${sourceName}: ${result.reason}`);
    parsed = result.data;
    return parsed;
  };

  return {
    id: "csv",
    displayName: `CSV (${sourceName})`,
    capabilities: {
      universe: true,
      categories: false,
      dailyCloses: true,
      indices: false,
      maxHistoryDays: Infinity,
      needsApiKey: false,
    },
    async listMarkets(): Promise<MarketAsset[]> {
      return data().symbols.map((symbol) => ({
        id: symbol,
        symbol: symbol.toUpperCase(),
        name: symbol,
      }));
    },
    async listCategories(): Promise<Category[]> {
      return [];
    },
    async dailyCloses(symbols: readonly string[], days: number): Promise<DailyCloses> {
      const wanted = checkCloseRequest(symbols, days);
      const table = data();
      const upper = table.symbols.map((s) => s.toUpperCase());
      const columns = wanted.map((symbol) => {
        const column = upper.indexOf(symbol);
        if (column < 0) {
          throw new DataError(
            "notFound",
            `${sourceName} has no column ${symbol}: its columns are ${table.symbols.join(", ")}`
          );
        }
        return column;
      });
      const n = table.dates.length;
      const firstDay = dayNumberOf(table.dates[n - 1]) - days + 1;
      let first = 0;
      while (dayNumberOf(table.dates[first]) < firstDay) first++;
      const rows = n - first;
      const closes = new Float64Array(rows * columns.length);
      columns.forEach((column, j) =>
        closes.set(table.closes.subarray(column * n + first, column * n + n), j * rows)
      );
      return {
        provider: "csv",
        source: sourceName,
        symbols: wanted,
        dates: table.dates.slice(first),
        closes,
      };
    },
    async listIndices(): Promise<IndexSummary[]> {
      return [];
    },
    async indexHoldings(indexId: string): Promise<IndexHolding[]> {
      throw new DataError(
        "notFound",
        `${sourceName} has no indices (asked for "${indexId}"): a CSV holds prices only`
      );
    },
  };
}
