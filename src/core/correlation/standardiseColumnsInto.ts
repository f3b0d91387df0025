import { type ColumnStandardisation, standardiseColumn } from "./standardiseColumn";

/**
 * Standardises columns of a column-major panel over the given rows into a column-contiguous pack
 * (column p at pack[start + p·ld …], rows n … ld zeroed), with correlationByOverlap's arithmetic
 * for Pearson: scaled by a power of two, mean and sum of squares by the corrected two-pass method
 * (Chan, Golub & LeVeque 1983), z = (x − m) · scale so that Σ z² = 1.
 * Conventions: sets zero[zeroStart + p] to 1 for a column with no spread (packed as zeros), else 0.
 * Each column's pack depends only on that column and the rows, so the Pearson matrix, its row
 * strips (pearsonCorrelationRows) and the matrix of a column subset see the same doubles.
 * Complexity: O(columns · n) time, no allocation beyond one moments record.
 *
 * @param data column-major values (entry (t, j) at data[j · rows + t]); not modified
 * @param rows rows per column of `data`
 * @param columns the columns to pack, in pack order
 * @param over the rows to standardise over, ascending
 * @param pack destination (a WebAssembly workspace pack), columns.length · ld values from start
 * @param start offset of the first packed column
 * @param ld column stride of the pack, ≥ over.length
 * @param zero flags of columns with no spread (written)
 * @param zeroStart index in `zero` of the first column
 * @throws nothing: an internal step; the callers validate the panel first
 * @example standardiseColumnsInto(Float64Array.of(1, 2, 3), 3, [0], Int32Array.of(0, 1, 2), pack, 0, 4, zero, 0);
 *   // pack ≈ [−0.7071, 0, 0.7071, 0], zero[0] = 0
 */
export function standardiseColumnsInto(
  data: Float64Array,
  rows: number,
  columns: readonly number[],
  over: Int32Array,
  pack: Float64Array,
  start: number,
  ld: number,
  zero: Uint8Array,
  zeroStart: number
): void {
  const n = over.length;
  // Overlaps are usually one run of rows (listing to delisting): read the data in place.
  const contiguous = n > 0 && over[n - 1] - over[0] === n - 1;
  const first = n > 0 ? over[0] : 0;
  const moments: ColumnStandardisation = { mean: 0, scale: 0 };
  for (let p = 0; p < columns.length; p++) {
    const column = pack.subarray(start + p * ld, start + (p + 1) * ld);
    const base = columns[p] * rows;
    // The pack column doubles as the scratch copy: it is rewritten below.
    if (contiguous) column.set(data.subarray(base + first, base + first + n));
    else for (let k = 0; k < n; k++) column[k] = data[base + over[k]];
    const { mean, scale } = standardiseColumn(column, n, undefined, moments);
    column.fill(0, n, ld);
    if (scale === 0) {
      zero[zeroStart + p] = 1;
      column.fill(0, 0, n);
      continue;
    }
    zero[zeroStart + p] = 0;
    for (let k = 0; k < n; k++) column[k] = (column[k] - mean) * scale;
  }
}
