// Which parser, and why: tokenising (quotes, doubled quotes, quoted delimiters and line breaks)
// is papaparse's, not hand-written. The splitter this file had cut lines before looking at
// quotes, so a quoted cell holding a line break broke its row, and an unterminated quote silently
// ran to the end of the line. Papaparse, maintained and widely used, implements RFC 4180 quoting
// and reports malformed quotes, which readCsvRows turns into line-and-column messages. Its cost,
// measured with webpack --mode production: about 24 KB more in each of taskpane.js and
// functions.js (papaparse ≈ 21 KB minified, 7.5 KB gzipped; the rules below ≈ 4.5 KB more than the
// old parser). What papaparse does not decide is the export dialect (delimiter, decimal
// separator, thousands grouping, date forms, day/month order, Excel serials): that is done in
// the files imported below, each with its rule written down, because a wrong guess there is a
// wrong number, not a crash.
import { toIsoDate } from "../toIsoDate";
import { type CsvFailure, csvFailureAt } from "./csvFailure";
import { type DecimalDialect, detectDecimalSeparator } from "./detectDecimalSeparator";
import { type DayOrderEvidence, detectDayOrder } from "./detectDayOrder";
import { MAX_EXCEL_SERIAL, PHANTOM_LEAP_DAY_SERIAL } from "./excelSerialToDay";
import { type DateCell, dayOf, readDateCell } from "./readDateCell";
import { readCsvRows } from "./readCsvRows";
import { readDecimal } from "./readDecimal";

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
export type CsvParseResult = { readonly ok: true; readonly data: CsvCloses } | CsvFailure;

const DATE_FORMS =
  "write dates as yyyy-mm-dd (also dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy/mm/dd or Excel date numbers)";
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Parses a wide CSV of daily closes (a file's contents or text pasted by the user): a header row
 * `date,SYM1,SYM2,…`, then one row per date, oldest first. Made for untrusted text: it never
 * throws, it returns `{ok:false, reason, line, column}` for the first problem (excalidraw's parser
 * shape), with 1-based line and column numbers as an editor shows them (line 1 is the header when
 * nothing precedes it; the column counts cells).
 *
 * Accepted, as spreadsheets export: delimiter `,`, `;` or a tab (detectDelimiter: from the header);
 * a UTF-8 BOM; CRLF, LF or lone CR line ends; cells in double quotes, holding delimiters or `""`;
 * blank lines and all-blank rows anywhere (a trailing line break, Excel's `;;;`). Dates
 * (readDateCell): `yyyy-mm-dd` with or without a time (ignored: one row per UTC day), `yyyy/mm/dd`,
 * `dd.mm.yyyy`, `dd/mm/yyyy` or `mm/dd/yyyy` (also with `-`; the order is the column's: the first
 * date with a part above 12 tells it, detectDayOrder; a column where no date tells is refused),
 * Excel serials of the 1900 system with its leap-year bug (excelSerialToDay). Numbers (readDecimal)
 * with a decimal point or a decimal comma, one for the whole file (detectDecimalSeparator: the first
 * cell that reads only one way decides, else `;` means comma and `,` point), thousands grouped by
 * the other of `.`/`,`, a space or `'` (`42.265,19`, `1,234.5`, `12 345`), an exponent; a blank
 * cell is "no close" (NaN).
 * Rejected, each with its line and column and the fix: no header or no data rows, blank or
 * duplicate symbols, a malformed quote, a bad or ambiguous date, a duplicate date, a row older
 * than the one above (no silent sorting: the message asks the user to sort), a ragged row, a
 * non-numeric cell, a decimal separator other than the file's, a price ≤ 0.
 *
 * Complexity: O(characters) time; one Float64Array for the values.
 *
 * @param text the CSV text
 * @example parseClosesCsv("date,BTC\n2024-01-01,42000\n2024-01-02,44000").ok; // => true
 * @example parseClosesCsv("Datum;BTC\r\n01.01.2024;42.265,19"); // => { ok: true, data: { symbols: ["BTC"], dates: ["2024-01-01"], closes: Float64Array [42265.19] } }
 * @example parseClosesCsv("date,BTC\n2024-01-02,1\n2024-01-01,2"); // => { ok: false, line: 3, column: 1, reason: "…" }
 */
export function parseClosesCsv(text: string): CsvParseResult {
  const read = readCsvRows(text);
  if (!read.ok) return read;
  if (read.rows.length === 0) {
    return {
      ok: false,
      reason: "the CSV is empty; paste a header row (date,BTC,ETH,…) and one row per date",
      line: 1,
    };
  }
  const [{ line: headerLine, cells: header }, ...rows] = read.rows;
  if (header.length < 2) {
    return csvFailureAt(
      headerLine,
      undefined,
      "the header has no symbol columns; write it as date,BTC,ETH,…"
    );
  }
  const symbols = header.slice(1);
  const seen = new Map<string, number>();
  for (let j = 0; j < symbols.length; j++) {
    const column = j + 2;
    if (symbols[j] === "") {
      return csvFailureAt(headerLine, column, "the symbol is blank; name every column");
    }
    const key = symbols[j].toUpperCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return csvFailureAt(
        headerLine,
        column,
        `${symbols[j]} appears twice (also column ${earlier}); remove or rename one`
      );
    }
    seen.set(key, column);
  }
  if (rows.length === 0) {
    return {
      ok: false,
      reason: "the CSV has a header but no rows of prices; add one row per date",
      line: headerLine + 1,
    };
  }

  const dateCells = rows.map(({ line, cells }) => ({
    line,
    text: cells[0],
    cell: readDateCell(cells[0]),
  }));
  const dayOrder = detectDayOrder(dateCells);
  const decimal = detectDecimalSeparator(rows, read.delimiter);
  const n = rows.length;
  const width = symbols.length;
  const dates = new Array<string>(n);
  const closes = new Float64Array(n * width);
  let previousDay = -Infinity;
  for (let t = 0; t < n; t++) {
    const { line, cells } = rows[t];
    if (cells.length !== width + 1) {
      // The message names the row, not one cell; `column` still points at the first missing or extra cell.
      return {
        ok: false,
        reason: `line ${line}: has ${cells.length} cells but the header has ${width + 1}; every row needs a date and one cell per symbol (blank = no price)`,
        line,
        column: cells.length > width + 1 ? width + 2 : cells.length + 1,
      };
    }
    const date = dayOfCell(dateCells[t].text, dateCells[t].cell, dayOrder);
    if (typeof date === "string") return csvFailureAt(line, 1, date);
    if (date === previousDay) {
      return csvFailureAt(
        line,
        1,
        `date ${toIsoDate(date)} appears twice (also line ${rows[t - 1].line}); keep one row per date`
      );
    }
    if (date < previousDay) {
      return csvFailureAt(
        line,
        1,
        `date ${toIsoDate(date)} is older than ${toIsoDate(previousDay)} on line ${rows[t - 1].line}; sort the rows by date, oldest first`
      );
    }
    previousDay = date;
    dates[t] = toIsoDate(date);
    for (let j = 0; j < width; j++) {
      const cell = cells[j + 1];
      if (cell === "") {
        closes[j * n + t] = NaN;
        continue;
      }
      const value = priceOfCell(cell, decimal);
      if (typeof value === "string") return csvFailureAt(line, j + 2, value, symbols[j]);
      closes[j * n + t] = value;
    }
  }
  return { ok: true, data: { symbols, dates, closes } };
}

/** The day of a date cell, or the message (without its place) saying why there is none. */
function dayOfCell(
  text: string,
  cell: DateCell,
  dayOrder: DayOrderEvidence | undefined
): number | string {
  const notADate = `"${text}" is not a date; ${DATE_FORMS}`;
  switch (cell.kind) {
    case "day":
      return Number.isNaN(cell.day) ? notADate : cell.day;
    case "serial":
      if (!Number.isNaN(cell.day)) return cell.day;
      return cell.serial === PHANTOM_LEAP_DAY_SERIAL
        ? `${text} is Excel's 29 February 1900, a day that never existed (Excel keeps Lotus 1-2-3's leap-year bug); fix the date`
        : `"${text}" is not a date: Excel date numbers run from 1 (1900-01-01) to ${MAX_EXCEL_SERIAL} (9999-12-31); ${DATE_FORMS}`;
    case "yearLast": {
      const dayFirst = dayOf(cell.year, cell.second, cell.first);
      const monthFirst = dayOf(cell.year, cell.first, cell.second);
      if (cell.first === cell.second) return Number.isNaN(dayFirst) ? notADate : dayFirst;
      if (dayOrder === undefined) {
        if (Number.isNaN(dayFirst) || Number.isNaN(monthFirst)) return notADate;
        return `"${text}" could be ${cell.first} ${MONTHS[cell.second - 1]} or ${MONTHS[cell.first - 1]} ${cell.second}, ${cell.year}, and no date in the column has a day above 12 to tell which; write the dates as yyyy-mm-dd`;
      }
      const day = dayOrder.order === "dayFirst" ? dayFirst : monthFirst;
      if (!Number.isNaN(day)) return day;
      const otherWay = dayOrder.order === "dayFirst" ? monthFirst : dayFirst;
      if (Number.isNaN(otherWay)) return notADate;
      return `"${text}" has the ${dayOrder.order === "dayFirst" ? "month" : "day"} first, but "${dayOrder.text}" on line ${dayOrder.line} has the ${dayOrder.order === "dayFirst" ? "day" : "month"} first; write every date in the same order (or as yyyy-mm-dd)`;
    }
    case "notADate":
      return notADate;
  }
}

/** The positive price of a non-blank cell, or the message (without its place) saying why not. */
function priceOfCell(cell: string, decimal: DecimalDialect): number | string {
  const other = decimal.separator === "." ? "," : ".";
  const name = (separator: string) => (separator === "." ? "decimal point" : "decimal comma");
  const value = readDecimal(cell, decimal.separator);
  // Reading the other way only matters for the messages and for a tab file's ambiguous cells.
  const otherValue =
    Number.isNaN(value) || decimal.refuseAmbiguous ? readDecimal(cell, other) : NaN;
  if (Number.isNaN(value)) {
    if (Number.isNaN(otherValue)) {
      return `"${cell}" is not a number; use digits with a ${name(decimal.separator)}, or leave the cell blank`;
    }
    const evidence = decimal.evidence;
    const where =
      evidence === undefined
        ? "this file"
        : `line ${evidence.line}, column ${evidence.column} ("${evidence.cell}")`;
    return `"${cell}" has a ${name(other)} but ${where} has a ${name(decimal.separator)}; write every number with the same decimal separator`;
  }
  if (decimal.refuseAmbiguous && !Number.isNaN(otherValue) && !Object.is(value, otherValue)) {
    return `"${cell}" reads as ${value} with a decimal point and as ${otherValue} with a decimal comma, and no other cell of this tab-separated file tells which it uses; write the number without thousands separators, or with all its decimals`;
  }
  if (!(value > 0) || !Number.isFinite(value)) {
    return `${cell} is not a positive price; fix it or leave the cell blank`;
  }
  return value;
}
