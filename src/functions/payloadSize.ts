import { CoreError } from "../core/errors";

/**
 * Excel caps what a custom function receives and returns at 5 MB (OfficeDev/office-js #4654);
 * past it the cell stays #BUSY! with no message (#2786, #2222). We refuse above 97 % of 5 MiB:
 * the room left is for Excel's own envelope around the values and for the sampling error of
 * {@link estimatePayloadBytes} (well under 1 % on result grids). A cap any lower would refuse a
 * 500-asset CORRMATRIX (about 4.9 MB of JSON), a size users run and Excel carries.
 */
export const SAFE_PAYLOAD_BYTES = Math.floor(5 * 1024 * 1024 * 0.97);

/** How many numbers of a grid are converted to text to learn their typical JSON length. */
const NUMBER_SAMPLE = 4096;
/** Quotes and separator around a string; its characters count 3 bytes (UTF-8 of any BMP character). */
const STRING_OVERHEAD_BYTES = 3;
const BYTES_PER_CHARACTER = 3;
/** An Excel error in a result cell (code, message and the object around them), message aside. */
const ERROR_OVERHEAD_BYTES = 48;
/**
 * The longest JSON a number can take, with its separator: 17 significant digits, a sign, a point
 * and a three-digit exponent ("-1.2345678901234567e-308", 24 characters) plus the comma.
 */
export const MAX_NUMBER_BYTES = 25;
/** Excel's own limit of one cell's text; bounds a cell we do not look at. */
const MAX_CELL_BYTES = 32_767 * BYTES_PER_CHARACTER + ERROR_OVERHEAD_BYTES;

/**
 * An estimate of the JSON bytes of a value as Excel would carry it. Text, booleans, blanks and
 * errors are counted exactly (a string 3 bytes per character plus 3, a boolean or blank 6, an
 * error its message plus 48; the brackets around the grid and each row 2). Numbers are the bulk of a result and converting each to text would
 * cost more than many computations (≈ 60 ms for 250,000 cells), so their length is measured on
 * the numbers of evenly spaced whole rows, about 4,096 cells in all (`String(x).length` plus a
 * separator, as JSON.stringify writes them), and scaled to their count: the numbers of one result come from one computation,
 * so their lengths vary little across the grid (a 500 × 500 correlation matrix: within 0.1 % of
 * the exact total).
 *
 * Complexity: O(cells) type checks, plus about 4,096 conversions to text (one row at least).
 *
 * @param value a scalar, a row (1-D array) or a grid (2-D array) as functions take and return them
 * @returns the estimate in bytes
 * @example estimatePayloadBytes([[1, 2.5], ["BTC", true]]); // => 2 + 4 + 12 + 6 + 3 · 2 = 30
 */
export function estimatePayloadBytes(value: unknown): number {
  if (!Array.isArray(value)) return cellBytes(value);
  // Whole rows are sampled, not every k-th cell: a stride that lines up with the row length
  // would measure one column only (dates, say) and miss the long numbers beside it.
  const rowsSampled = Math.max(
    1,
    Math.floor(NUMBER_SAMPLE / Math.max(1, cellCount(value) / value.length))
  );
  const rowStride = Math.max(1, Math.floor(value.length / rowsSampled));
  let otherBytes = 0;
  let numbers = 0;
  let sampled = 0;
  let sampledBytes = 0;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    const cells: readonly unknown[] = Array.isArray(row) ? row : [row];
    const measured = r % rowStride === 0;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (typeof cell !== "number") {
        otherBytes += cellBytes(cell);
      } else {
        numbers++;
        if (measured) {
          sampled++;
          sampledBytes += numberBytes(cell);
        }
      }
    }
  }
  const brackets = 2 * value.length + 2;
  return (
    brackets + otherBytes + (sampled === 0 ? 0 : Math.ceil((sampledBytes / sampled) * numbers))
  );
}

/** JSON bytes of one number and its separator: what JSON.stringify writes (null for ±∞/NaN). */
function numberBytes(x: number): number {
  return (Number.isFinite(x) ? String(x).length : 4) + 1;
}

function cellBytes(cell: unknown): number {
  if (typeof cell === "number") return numberBytes(cell);
  if (typeof cell === "string") return cell.length * BYTES_PER_CHARACTER + STRING_OVERHEAD_BYTES;
  if (cell !== null && typeof cell === "object") {
    const message = (cell as { message?: unknown }).message;
    return (
      ERROR_OVERHEAD_BYTES +
      (typeof message === "string" ? message.length * BYTES_PER_CHARACTER : 0)
    );
  }
  return 6;
}

/**
 * JSON bytes a grid can take at most: every number at its longest, other cells exactly. O(cells).
 * Indexed loops that only count a row's numbers (one multiplication per row): 4-5× faster than
 * for-of adding 25 per cell (Node 20: 0.012 vs 0.059 ms for BACKTEST's 1,827 × 4 equity spill),
 * the same integer sum.
 */
function payloadUpperBound(grid: readonly unknown[]): number {
  let bytes = 2 * grid.length + 2;
  for (let r = 0; r < grid.length; r++) {
    const row: unknown = grid[r];
    if (!Array.isArray(row)) {
      bytes += typeof row === "number" ? MAX_NUMBER_BYTES : cellBytes(row);
      continue;
    }
    let numbers = 0;
    for (let c = 0; c < row.length; c++) {
      const cell: unknown = row[c];
      if (typeof cell === "number") numbers++;
      else bytes += cellBytes(cell);
    }
    bytes += numbers * MAX_NUMBER_BYTES;
  }
  return bytes;
}

/** Number of cells of a scalar (1), a row or a grid. O(rows). */
function cellCount(value: unknown): number {
  if (!Array.isArray(value)) return 1;
  let cells = 0;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    cells += Array.isArray(row) ? row.length : 1;
  }
  return cells;
}

/** Worst-case JSON bytes of grids, as the code that wrote them summed them (declarePayloadBound). */
const declaredBounds = new WeakMap<object, number>();

/**
 * The most JSON bytes one cell can take as the worst-case bound counts it: a number at its longest
 * ({@link MAX_NUMBER_BYTES}), any other cell exactly (as estimatePayloadBytes counts it). O(1).
 *
 * @example cellUpperBound(0.5); // => 25
 */
export function cellUpperBound(cell: unknown): number {
  return typeof cell === "number" ? MAX_NUMBER_BYTES : cellBytes(cell);
}

/**
 * Records a grid's worst-case JSON bytes as its builder summed them while writing the cells:
 * 2 per row plus 2, and {@link cellUpperBound} of every cell, the very sum refuseOversizedResult
 * would otherwise make by reading every cell again. Only for a grid returned as it is (no cell
 * changed after): refuseOversizedResult takes the declared sum instead of its own.
 *
 * Why: the boundary's check reads cells of every function's results, so in a runtime that has run
 * several functions its element loads are megamorphic and box each double of a number row: 0.14
 * ms for BACKTEST's 1,827 × 4 equity spill in the full Node bench (0.014 ms when BACKTEST ran
 * alone); with the spill's declared sum the whole check took 0.005 ms there. O(1); returns the grid.
 */
export function declarePayloadBound<T extends unknown[]>(grid: T, bytes: number): T {
  declaredBounds.set(grid, bytes);
  return grid;
}

/** The worst-case bytes declared for a grid (declarePayloadBound), or undefined. O(1). */
export function declaredPayloadBound(grid: unknown): number | undefined {
  return typeof grid === "object" && grid !== null ? declaredBounds.get(grid) : undefined;
}

/**
 * Refuses a result Excel could not carry: when the estimate of {@link estimatePayloadBytes} is
 * over {@link SAFE_PAYLOAD_BYTES}, a CoreError (#VALUE! at the boundary) saying how big, how many
 * cells and what to do, instead of a cell stuck on #BUSY!. Results too small to matter (fewer
 * cells than the cap allows even at Excel's longest text) are passed without a look at their cells.
 *
 * Complexity: O(rows) for small results, O(cells) otherwise, with about 4,096 numbers written
 * as text to measure them.
 *
 * @param result what the function is about to return
 * @param maxBytes the cap (default SAFE_PAYLOAD_BYTES)
 * @throws CoreError INVALID_ARGUMENT when the result is too large
 * @example refuseOversizedResult([[1]]); // => returns, nothing to refuse
 */
export function refuseOversizedResult(result: unknown, maxBytes = SAFE_PAYLOAD_BYTES): void {
  if (!Array.isArray(result)) return;
  const cells = cellCount(result);
  if (cells * MAX_CELL_BYTES <= maxBytes) return;
  // Mostly-number results (backtests, weights, matrices) are cleared by their worst case before
  // any number is written as text: the sampling conversions cost more than a small backtest.
  // A builder that declared that sum (declarePayloadBound) spares reading the cells for it.
  if ((declaredBounds.get(result) ?? payloadUpperBound(result)) <= maxBytes) return;
  const bytes = estimatePayloadBytes(result);
  if (bytes <= maxBytes) return;
  throw new CoreError(
    "INVALID_ARGUMENT",
    `the result is about ${megabytes(bytes)} (${cells.toLocaleString("en-US")} cells), more than Excel passes to a cell (5 MB; it would stay #BUSY!); ask for a shorter window or fewer assets, or use the pane's tables`
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
