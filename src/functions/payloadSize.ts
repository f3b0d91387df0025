import { CoreError } from "../core/errors";

/**
 * Excel caps what a custom function receives and returns at 5 MB (OfficeDev/office-js #4654);
 * past it the cell stays #BUSY! with no message (#2786, #2222). We refuse at 4 MiB, leaving room
 * for Excel's own envelope and for estimates that run low.
 */
export const SAFE_PAYLOAD_BYTES = 4 * 1024 * 1024;

/**
 * JSON bytes one number may take: "-1.2345678901234567e-308" is 24 characters, plus a separator.
 * Most take fewer, so a grid of numbers is estimated high, never low.
 */
const NUMBER_BYTES = 25;
/** Quotes and separator around a string; its characters count 3 bytes (UTF-8 of any BMP character). */
const STRING_OVERHEAD_BYTES = 3;
const BYTES_PER_CHARACTER = 3;
/** An Excel error in a result cell (code, message and the object around them), message aside. */
const ERROR_OVERHEAD_BYTES = 48;
/** Excel's own limit of one cell's text; bounds a cell we do not look at. */
const MAX_CELL_BYTES = 32_767 * BYTES_PER_CHARACTER + ERROR_OVERHEAD_BYTES;

/**
 * An upper estimate of the JSON bytes of a value as Excel would carry it: a number 25 bytes, a
 * string 3 bytes per character plus 3, a boolean or blank 6, an error its message plus 48, and a
 * grid the sum over its cells. No serialisation: one pass of type checks over the cells, and none
 * at all when even 32,767-character cells everywhere would fit the cap.
 *
 * Complexity: O(cells), O(1) for small grids.
 *
 * @param value a scalar, a row (1-D array) or a grid (2-D array) as functions take and return them
 * @returns the estimate in bytes
 * @example estimatePayloadBytes([[1, 2], ["BTC", true]]); // => 25 + 25 + 12 + 6 = 68
 */
export function estimatePayloadBytes(value: unknown): number {
  if (!Array.isArray(value)) return cellBytes(value);
  let bytes = 0;
  for (const row of value) {
    if (!Array.isArray(row)) {
      bytes += cellBytes(row);
      continue;
    }
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      // Numbers first: they are nearly every cell of a price or returns grid.
      bytes += typeof cell === "number" ? NUMBER_BYTES : cellBytes(cell);
    }
  }
  return bytes;
}

function cellBytes(cell: unknown): number {
  if (typeof cell === "number") return NUMBER_BYTES;
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

/** Number of cells of a scalar (1), a row or a grid. O(rows). */
function cellCount(value: unknown): number {
  if (!Array.isArray(value)) return 1;
  let cells = 0;
  for (const row of value) cells += Array.isArray(row) ? row.length : 1;
  return cells;
}

/**
 * Refuses a result Excel could not carry: when the estimate of {@link estimatePayloadBytes} is
 * over {@link SAFE_PAYLOAD_BYTES}, a CoreError (#VALUE! at the boundary) saying how big, how many
 * cells and what to do, instead of a cell stuck on #BUSY!. Results too small to matter (fewer
 * cells than the cap allows even at Excel's longest text) are passed without a look at their cells.
 *
 * Complexity: O(rows) for small results, O(cells) otherwise; no serialisation.
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
