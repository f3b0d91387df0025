import { makeExcelError } from "./excelError";

/** What a custom function may put in a cell. */
export type SpillCell = number | string | boolean | CustomFunctions.Error;

/**
 * A number for a cell: finite numbers pass; NaN and ±Infinity become a `#N/A` error in that cell
 * with the given reason, because Excel must never show NaN (and `null` would show as 0).
 */
export function finiteCell(value: number, reasonIfNotFinite: string): SpillCell {
  return Number.isFinite(value) ? value : makeExcelError("na", reasonIfNotFinite);
}

/**
 * Spills a column-major dates × assets panel as a row-major grid, optionally under a header row of
 * labels. Missing values (NaN) show as empty cells (""), which is what they are: no observation.
 *
 * Complexity: O(rows × cols).
 */
export function spillPanel(
  panel: { readonly rows: number; readonly cols: number; readonly data: Float64Array },
  labels: readonly string[] | undefined
): SpillCell[][] {
  const out: SpillCell[][] = [];
  if (labels !== undefined) out.push([...labels]);
  const { rows, cols, data } = panel;
  for (let t = 0; t < rows; t++) {
    const row = new Array<SpillCell>(cols);
    for (let j = 0; j < cols; j++) {
      const value = data[j * rows + t];
      row[j] = Number.isFinite(value) ? value : "";
    }
    out.push(row);
  }
  return out;
}
