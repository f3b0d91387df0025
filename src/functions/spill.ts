import { makeExcelError } from "./excelError";
import { MAX_NUMBER_BYTES, cellUpperBound, declarePayloadBound } from "./payloadSize";

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

/**
 * Spills a row-major square matrix, labelled (a blank corner, names across and down — the shape
 * other functions accept back as a covariance/correlation input) or bare. A non-finite entry
 * becomes a #N/A in that cell only, with `reason(i, j)` as its message. The grid's worst-case JSON
 * bytes are declared for the payload check (declarePayloadBound): return it as it is.
 */
export function spillSquareMatrix(
  matrix: { readonly size: number; readonly data: Float64Array },
  labels: readonly string[] | undefined,
  reason: (i: number, j: number) => string
): SpillCell[][] {
  const { size, data } = matrix;
  // Rows sized up front and filled by index: 2.4× faster than push for 500 × 500 in Node 20, and
  // the spill was about a quarter of CORRMATRIX's time outside the core in Chromium (bench/browser).
  const offset = labels !== undefined ? 1 : 0;
  const out = new Array<SpillCell[]>(size + offset);
  // Summed as if every entry were a number; a #N/A entry adds its difference. The check would
  // otherwise read all size² cells again (0.087 ms for 200 × 200 in the full Node bench).
  let worstBytes = 2 * (size + offset) + 2 + size * size * MAX_NUMBER_BYTES;
  if (labels !== undefined) {
    out[0] = ["", ...labels];
    for (const cell of out[0]) worstBytes += cellUpperBound(cell);
  }
  for (let i = 0; i < size; i++) {
    const row = new Array<SpillCell>(size + offset);
    if (labels !== undefined) {
      row[0] = labels[i];
      worstBytes += cellUpperBound(row[0]);
    }
    const base = i * size;
    for (let j = 0; j < size; j++) {
      const value = data[base + j];
      if (Number.isFinite(value)) {
        row[j + offset] = value;
      } else {
        // The reason is built only for a bad cell: a 200 × 200 spill would otherwise format 40,000 messages.
        const cell = finiteCell(value, reason(i, j));
        worstBytes += cellUpperBound(cell) - MAX_NUMBER_BYTES;
        row[j + offset] = cell;
      }
    }
    out[i + offset] = row;
  }
  return declarePayloadBound(out, worstBytes);
}

/**
 * Spills a table: an optional header row, then rows whose numbers are checked cell by cell (a
 * non-finite number becomes #N/A with `reason`), strings and booleans passed through.
 */
export function spillTable(
  header: readonly string[] | undefined,
  rows: ReadonlyArray<ReadonlyArray<number | string | boolean | CustomFunctions.Error>>,
  reason: (row: number, column: number) => string
): SpillCell[][] {
  const out: SpillCell[][] = header ? [[...header]] : [];
  rows.forEach((row, r) => {
    out.push(
      row.map((cell, c) =>
        typeof cell === "number" && !Number.isFinite(cell) ? finiteCell(cell, reason(r, c)) : cell
      )
    );
  });
  return out;
}

/** A weights spill: "Asset, Weight" rows when the assets are named, else one column of weights. */
export function spillWeights(
  labels: readonly string[],
  named: boolean,
  weights: ArrayLike<number>
): SpillCell[][] {
  const rows = Array.from(weights, (w, i) => (named ? [labels[i], w] : [w]));
  return spillTable(
    named ? ["Asset", "Weight"] : undefined,
    rows,
    (r) => `the weight of ${labels[r]} is undefined`
  );
}
