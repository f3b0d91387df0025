import { dayNumberOf } from "../dayNumberOf";
import { toIsoDate } from "../toIsoDate";

/** A successfully parsed CSV of closes. */
export interface CsvCloses {
  /** Column headers after the date column, as written (trimmed). */
  readonly symbols: string[];
  /** ISO yyyy-mm-dd dates, strictly ascending. */
  readonly dates: string[];
  /** Column-major closes (dates × symbols); NaN for a blank cell. */
  readonly closes: Float64Array;
}

/** Result of {@link parseClosesCsv}: data, or the first problem with its 1-based line and column. */
export type CsvParseResult =
  | { readonly ok: true; readonly data: CsvCloses }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly line: number;
      readonly column?: number;
    };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * Parses a wide CSV of daily closes (a file's contents or text pasted by the user): a header row
 * `date,SYM1,SYM2,…`, then one row per date, oldest first. Made for untrusted text: it never
 * throws, it returns `{ok:false, reason, line, column}` for the first problem (excalidraw's parser
 * shape), with 1-based line and column numbers as an editor shows them.
 *
 * Accepted: delimiter `,` (or `;` or a tab, detected from the header line); cells optionally in
 * double quotes; dates as `yyyy-mm-dd` (a time after it, as in `2024-01-31T00:00:00Z` or
 * `2024-01-31 00:00`, is ignored: one row per UTC day), `yyyy/mm/dd`, or `dd.mm.yyyy`. Slash dates
 * with the day or month first (`01/02/2024`) are refused because they are ambiguous. Numbers use a
 * decimal point, no thousands separators; a blank cell is "no close" (NaN). Blank lines are skipped.
 * Rejected, each with its line and column: no header or no data rows, blank or duplicate symbols, a
 * bad date, a duplicate date, a row older than the one above (no silent sorting: the message asks
 * the user to sort), a ragged row, a non-numeric cell, a price ≤ 0.
 *
 * Complexity: O(characters) time; one Float64Array for the values.
 *
 * @param text the CSV text
 * @example parseClosesCsv("date,BTC\n2024-01-01,42000\n2024-01-02,44000").ok; // => true
 * @example parseClosesCsv("date,BTC\n2024-01-02,1\n2024-01-01,2"); // => { ok: false, line: 3, column: 1, reason: "…" }
 */
export function parseClosesCsv(text: string): CsvParseResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  let headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex < 0) {
    return {
      ok: false,
      reason: "the CSV is empty; paste a header row (date,BTC,ETH,…) and one row per date",
      line: 1,
    };
  }
  const headerLine = lines[headerIndex];
  const delimiter = headerLine.includes("\t")
    ? "\t"
    : headerLine.includes(";") && !headerLine.includes(",")
      ? ";"
      : ",";
  const header = splitCells(headerLine, delimiter);
  const headerLineNumber = headerIndex + 1;
  if (header.length < 2) {
    return {
      ok: false,
      reason: `line ${headerLineNumber}: the header has no symbol columns; write it as date,BTC,ETH,…`,
      line: headerLineNumber,
    };
  }
  const symbols = header.slice(1).map((cell) => cell.trim());
  const seen = new Map<string, number>();
  for (let j = 0; j < symbols.length; j++) {
    const column = j + 2;
    if (symbols[j] === "") {
      return {
        ok: false,
        reason: `line ${headerLineNumber}, column ${column}: the symbol is blank; name every column`,
        line: headerLineNumber,
        column,
      };
    }
    const key = symbols[j].toUpperCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return {
        ok: false,
        reason: `line ${headerLineNumber}, column ${column}: ${symbols[j]} appears twice (also column ${earlier}); remove or rename one`,
        line: headerLineNumber,
        column,
      };
    }
    seen.set(key, column);
  }

  const rows: { line: number; cells: string[] }[] = [];
  for (headerIndex++; headerIndex < lines.length; headerIndex++) {
    if (lines[headerIndex].trim() === "") continue;
    rows.push({ line: headerIndex + 1, cells: splitCells(lines[headerIndex], delimiter) });
  }
  if (rows.length === 0) {
    return {
      ok: false,
      reason: "the CSV has a header but no rows of prices; add one row per date",
      line: headerLineNumber + 1,
    };
  }

  const n = rows.length;
  const width = symbols.length;
  const dates = new Array<string>(n);
  const closes = new Float64Array(n * width);
  let previousDay = -Infinity;
  for (let t = 0; t < n; t++) {
    const { line, cells } = rows[t];
    if (cells.length !== width + 1) {
      return {
        ok: false,
        reason: `line ${line}: has ${cells.length} cells but the header has ${width + 1}; every row needs a date and one cell per symbol (blank = no price)`,
        line,
        column: cells.length > width + 1 ? width + 2 : cells.length + 1,
      };
    }
    const dateText = cells[0].trim();
    const day = parseDay(dateText);
    if (Number.isNaN(day)) {
      return {
        ok: false,
        reason: `line ${line}, column 1: "${dateText}" is not a date; write dates as yyyy-mm-dd (also yyyy/mm/dd or dd.mm.yyyy)`,
        line,
        column: 1,
      };
    }
    if (day === previousDay) {
      return {
        ok: false,
        reason: `line ${line}, column 1: date ${toIsoDate(day)} appears twice (also line ${rows[t - 1].line}); keep one row per date`,
        line,
        column: 1,
      };
    }
    if (day < previousDay) {
      return {
        ok: false,
        reason: `line ${line}, column 1: date ${toIsoDate(day)} is older than ${toIsoDate(previousDay)} on line ${rows[t - 1].line}; sort the rows by date, oldest first`,
        line,
        column: 1,
      };
    }
    previousDay = day;
    dates[t] = toIsoDate(day);
    for (let j = 0; j < width; j++) {
      const cell = cells[j + 1].trim();
      const column = j + 2;
      if (cell === "") {
        closes[j * n + t] = NaN;
        continue;
      }
      if (!NUMBER.test(cell)) {
        return {
          ok: false,
          reason: `line ${line}, column ${column} (${symbols[j]}): "${cell}" is not a number; use digits with a decimal point, or leave the cell blank`,
          line,
          column,
        };
      }
      const value = Number(cell);
      if (!(value > 0) || !Number.isFinite(value)) {
        return {
          ok: false,
          reason: `line ${line}, column ${column} (${symbols[j]}): ${cell} is not a positive price; fix it or leave the cell blank`,
          line,
          column,
        };
      }
      closes[j * n + t] = value;
    }
  }
  return { ok: true, data: { symbols, dates, closes } };
}

function parseDay(text: string): number {
  let match = ISO_DATE.exec(text);
  if (match !== null) return dayNumberOf(`${match[1]}-${match[2]}-${match[3]}`);
  match = SLASH_DATE.exec(text);
  if (match !== null) return dayNumberOf(`${match[1]}-${pad(match[2])}-${pad(match[3])}`);
  match = DOTTED_DATE.exec(text);
  if (match !== null) return dayNumberOf(`${match[3]}-${pad(match[2])}-${pad(match[1])}`);
  return NaN;
}

function pad(part: string): string {
  return part.length === 1 ? `0${part}` : part;
}

/** Splits one line; double-quoted cells may hold the delimiter, "" is a literal quote. */
function splitCells(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}
