/**
 * The price range parser as it was before the eight-row fast path (commit cc828b5), kept verbatim
 * as the oracle the property test compares parsePriceRange against: same data (Object.is, NaN
 * included), same labels, dates, positions and messages.
 */
import { type Parsed, invalid, ok } from "../../../src/functions/parse/result";
import {
  columnLetter,
  describeCell,
  isBlankCell,
  isErrorCell,
  numericDataTypeValue,
} from "../../../src/functions/parse/cell";
import { toGrid } from "../../../src/functions/parse/vector";

/** A price range as the core wants it: column-major numbers (NaN = no price) and optional labels. */
interface ParsedPriceRange {
  /** Column-major values (asset j's row t at data[j·rows + t]), NaN for "no price". */
  readonly data: Float64Array;
  /** Number of data rows (dates) below any header. */
  readonly rows: number;
  /** Labels from the header row, or undefined when the range has none. */
  readonly labels?: string[];
  /** 1 when the first row of the selection was read as labels, else 0. */
  readonly headerRows: number;
  /** 1 when a leading date column (header "Date") was skipped, else 0. */
  readonly skippedColumns: number;
  /** The skipped date column's cells, one per data row, for functions that echo dates. */
  readonly dates?: unknown[];
}

/** Rows transposed per block when parsing; 64 rows × a few hundred columns stays in L1/L2. */
const PARSE_ROW_BLOCK = 64;

/** A first-column header that marks dates: "Date", or "Date (demo data, as of 2025-06-30)" as HISTORY labels it. */
const DATE_HEADER = /^(date|dates|time|timestamp|day|datetime)\b/i;

/**
 * Parses a price range as Excel passes it (row-major `any[][]`).
 *
 * - A first row whose non-blank cells are all non-numeric text is the header of asset labels;
 *   blank header cells get "Asset j". A header that mixes text and numbers is an error.
 * - A first column headed "Date" (or "Time", "Timestamp", "Day") is skipped, so a whole table
 *   reference such as `Prices[#All]` works.
 * - Blank cells (`""`, `null`) and 0 mean "no price": Excel desktop passes an empty cell as 0.
 * - Rows that are blank to the end of the selection are dropped (a selection longer than the data).
 * - Text, booleans and error values in the data are rejected with their cell position.
 *
 * Positions in messages are Excel-style within the selection: column letter and row number, counting
 * from the selection's top-left as A1, plus the label.
 * `allocate` supplies the column-major array (default: a fresh one; readReturns lends a scratch
 * array, as the prices die once the returns are computed).
 */
export function referenceParsePriceRange(
  range: unknown,
  argument = "prices",
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length)
): Parsed<ParsedPriceRange> {
  const grid = toGrid(range);
  if (grid.length === 0 || grid[0].length === 0) {
    return invalid(`${argument} is empty; select a range of prices (dates down, assets across)`);
  }
  const width = grid[0].length;
  for (let r = 1; r < grid.length; r++) {
    if (grid[r].length !== width) {
      return invalid(
        `${argument}: row ${r + 1} has ${grid[r].length} cells but row 1 has ${width}`
      );
    }
  }
  const header = readHeader(grid[0], argument);
  if (!header.ok) return header;
  const labels = header.data;
  const headerRows = labels === undefined ? 0 : 1;
  const skipDate = labels !== undefined && DATE_HEADER.test(labels[0].trim()) ? 1 : 0;

  let lastRow = grid.length - 1;
  while (lastRow >= headerRows && grid[lastRow].every(isBlankOrZero)) lastRow--;
  if (lastRow < headerRows) {
    return invalid(`${argument} has no prices below its header; select the prices too`);
  }
  const assetCount = width - skipDate;
  if (assetCount === 0) {
    return invalid(`${argument} holds only a date column; select the price columns too`);
  }

  // Written straight into the core's column-major layout in blocks of rows: a block's writes to
  // each column stay within a few nearby cache lines (measured ~1.5× faster than one long pass).
  const rows = lastRow - headerRows + 1;
  // Every element is written below, so a reused array (leaseScratch) needs no clearing.
  const data = allocate(rows * assetCount);
  for (let r0 = headerRows; r0 <= lastRow; r0 += PARSE_ROW_BLOCK) {
    const r1 = Math.min(lastRow, r0 + PARSE_ROW_BLOCK - 1);
    for (let r = r0; r <= r1; r++) {
      const row = grid[r];
      const t = r - headerRows;
      for (let c = skipDate; c < width; c++) {
        const cell = row[c];
        const at = (c - skipDate) * rows + t;
        if (typeof cell === "number" && cell > 0 && cell < Infinity) {
          data[at] = cell;
        } else if (cell === 0 || isBlankCell(cell)) {
          data[at] = NaN;
        } else if (typeof cell === "number" && Number.isFinite(cell)) {
          // A negative price: kept, so the core rejects it naming the asset and the fix.
          data[at] = cell;
        } else if (Number.isFinite(numericDataTypeValue(cell))) {
          // A price formatted as a data type (Double, FormattedNumber): its number, 0 = no price.
          const price = numericDataTypeValue(cell) as number;
          data[at] = price === 0 ? NaN : price;
        } else {
          return invalid(describeBadPriceCell(cell, argument, r, c, labels), r, c);
        }
      }
    }
  }
  return ok({
    data,
    rows,
    labels: labels?.slice(skipDate),
    headerRows,
    skippedColumns: skipDate,
    dates: skipDate ? grid.slice(headerRows, lastRow + 1).map((row) => row[0]) : undefined,
  });
}

function isBlankOrZero(cell: unknown): boolean {
  return isBlankCell(cell) || cell === 0;
}

function readHeader(first: unknown[], argument: string): Parsed<string[] | undefined> {
  const textCells = first.filter((cell) => typeof cell === "string" && cell.trim() !== "");
  if (textCells.length === 0) return ok(undefined);
  const labels: string[] = [];
  for (let c = 0; c < first.length; c++) {
    const cell = first[c];
    if (isBlankCell(cell)) {
      labels.push(`Asset ${labels.length + 1}`);
    } else if (typeof cell === "string") {
      labels.push(cell.trim());
    } else {
      return invalid(
        `${argument}: row 1 mixes labels and ${describeCell(cell)} at ${columnLetter(c)}1; use a header row of names only, or no header`,
        0,
        c
      );
    }
  }
  return ok(labels);
}

/**
 * Why a cell cannot be read as a price: a non-finite number, text, a boolean or an error value.
 */
function describeBadPriceCell(
  cell: unknown,
  argument: string,
  r: number,
  c: number,
  labels: readonly string[] | undefined
): string {
  if (typeof cell === "number") {
    return `${argument}: cell ${columnLetter(c)}${r + 1} is not a finite number`;
  }
  const label = labels ? ` (${labels[c]})` : "";
  const fix = isErrorCell(cell) ? "fix the source cell" : "prices must be numbers";
  return `${argument}: cell ${columnLetter(c)}${r + 1}${label} holds ${describeCell(cell)}; ${fix}`;
}
