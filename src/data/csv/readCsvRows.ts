import Papa from "papaparse";
import { type CsvFailure, csvFailureAt } from "./csvFailure";
import { type CsvDelimiter, detectDelimiter } from "./detectDelimiter";

/** One non-blank row of a CSV: its cells (trimmed, unquoted) and the line it starts on. */
export interface CsvRow {
  /** 1-based line number as an editor shows it (CRLF, LF and a lone CR each end one line). */
  readonly line: number;
  readonly cells: string[];
}

/** The rows of a CSV and the delimiter they were split on. */
export interface CsvRows {
  readonly ok: true;
  readonly delimiter: CsvDelimiter;
  readonly rows: CsvRow[];
}

/**
 * Splits CSV text into rows of cells with their line numbers (RFC 4180 quoting: a cell in double
 * quotes may hold the delimiter and line breaks, `""` inside it is one quote). The text may start
 * with a UTF-8 byte-order mark and mix CRLF, LF and lone CR line ends (old Mac exports); the
 * delimiter is found by {@link detectDelimiter}. Cells are trimmed; a cell papaparse leaves quoted
 * because spaces come before its quote (`date, "BTC"`) is unquoted too. Rows whose cells are all
 * blank are dropped: blank lines, the trailing line break, and the `;;;` rows Excel writes for the
 * empty rows of a used range.
 *
 * Tokenising is papaparse's (`Papa.parse` with an explicit delimiter, step mode for each row's
 * offset); line breaks are first rewritten to `\n` so that one newline serves the whole file and a
 * row's line is one plus the line breaks before it. An unterminated or malformed quote is
 * refused with its line and cell column.
 *
 * Complexity: O(characters) time and memory.
 *
 * @param text the whole CSV text
 * @example (readCsvRows('\uFEFFDatum;BTC\r\n"01.01.2024";"42,5"\r\n') as CsvRows).rows[1]; // => { line: 2, cells: ["01.01.2024", "42,5"] }
 */
export function readCsvRows(text: string): CsvRows | CsvFailure {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = normalised.split("\n");
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  const delimiter = detectDelimiter(lines[headerIndex] ?? "", lines[headerIndex + 1] ?? "");

  const rows: CsvRow[] = [];
  let failure: CsvFailure | undefined;
  let rowStart = 0;
  let line = 1;
  let counted = 0; // offset up to which line breaks are counted into `line`
  Papa.parse<string[]>(normalised, {
    delimiter,
    newline: "\n",
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      for (; counted < rowStart; counted++) if (normalised.charCodeAt(counted) === 10) line++;
      const cells = result.data.map(cleanCell);
      const quoteError = result.errors.find((error) => error.type === "Quotes");
      if (quoteError !== undefined) {
        failure = csvFailureAt(
          line,
          cells.length,
          quoteError.code === "InvalidQuotes"
            ? 'text follows the closing quote of this cell; put the whole cell in quotes, writing a quote inside it as two ("")'
            : 'a quote opens in this cell but never closes; close it, or write a quote inside a quoted cell as two ("")'
        );
        parser.abort();
        return;
      }
      if (cells.some((cell) => cell !== "")) rows.push({ line, cells });
      rowStart = result.meta.cursor;
    },
  });
  return failure ?? { ok: true, delimiter, rows };
}

function cleanCell(cell: string): string {
  const trimmed = cell.trim();
  // Papaparse unquotes a cell only when the quote is its first character.
  if (
    trimmed.length >= 2 &&
    trimmed !== cell &&
    trimmed.startsWith('"') &&
    trimmed.endsWith('"') &&
    /^\s+"/.test(cell)
  ) {
    return trimmed.slice(1, -1).replace(/""/g, '"').trim();
  }
  return trimmed;
}
