/**
 * The first problem found in a CSV (excalidraw's parser shape): `reason` is the whole message for
 * the user (it starts with "line L, column C:" and ends with the fix), `line` and `column` are
 * 1-based as an editor shows them (the header is line 1 when it is the first line; `column` counts
 * cells, not characters).
 */
export interface CsvFailure {
  readonly ok: false;
  readonly reason: string;
  readonly line: number;
  readonly column?: number;
}

/**
 * A {@link CsvFailure} at a cell, its reason prefixed with "line L, column C:" (and the symbol,
 * when the cell is a price) so every message names its place in one steady grammar.
 *
 * Complexity: O(length of the message).
 *
 * @param line 1-based line of the cell's row
 * @param column 1-based cell column, or undefined for a problem with the whole row
 * @param message what is wrong and the fix, without the place
 * @param symbol the column's symbol, shown after the column number
 * @example csvFailureAt(3, 2, '"x" is not a number', "BTC").reason; // => 'line 3, column 2 (BTC): "x" is not a number'
 */
export function csvFailureAt(
  line: number,
  column: number | undefined,
  message: string,
  symbol?: string
): CsvFailure {
  const place =
    column === undefined
      ? `line ${line}`
      : `line ${line}, column ${column}${symbol === undefined ? "" : ` (${symbol})`}`;
  return { ok: false, reason: `${place}: ${message}`, line, column };
}
