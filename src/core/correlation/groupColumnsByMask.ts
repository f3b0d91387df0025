/** Columns that are present on exactly the same rows. */
export interface MaskGroup {
  /** 0-based column indices, ascending. */
  readonly columns: number[];
  /** The rows (ascending) where these columns have a value. */
  readonly rows: Int32Array;
}

/**
 * Groups the columns of a column-major panel by their availability mask (which rows are not NaN).
 *
 * Why: pairwise-complete correlation is, for two columns with the same mask, an ordinary correlation
 * over that mask; real panels have few masks (assets listed or delisted on a few dates), so grouping
 * lets one blocked kernel serve many pairs.
 * Method: an FNV-1a hash of the present row indices, confirmed row by row against each candidate.
 * Complexity: O(rows · cols) expected.
 *
 * @param data column-major values, NaN = missing
 * @param rows rows per column
 * @param cols number of columns
 * @returns groups in order of their first column
 * @throws nothing
 * @example groupColumnsByMask(Float64Array.of(NaN, 1, 2, NaN, 3, 4), 3, 2); // => [{ columns: [0, 1], rows: Int32Array [1, 2] }]
 */
export function groupColumnsByMask(data: Float64Array, rows: number, cols: number): MaskGroup[] {
  const groups: MaskGroup[] = [];
  const byHash = new Map<number, number[]>();
  const present = new Int32Array(rows);
  let completeGroup = -1;
  for (let j = 0; j < cols; j++) {
    const base = j * rows;
    let count = 0;
    for (let t = 0; t < rows; t++) {
      // v === v is false only for NaN: cheaper than Number.isNaN on this hot path.
      const v = data[base + t];
      if (v === v) present[count++] = t;
    }
    // The usual case, a column with no blank, needs neither hashing nor comparing.
    if (count === rows && completeGroup >= 0) {
      groups[completeGroup].columns.push(j);
      continue;
    }
    let hash = 0x811c9dc5;
    for (let k = 0; k < count; k++) hash = Math.imul(hash ^ present[k], 0x01000193);
    hash = Math.imul(hash ^ count, 0x01000193);
    const candidates = byHash.get(hash) ?? [];
    let found = -1;
    for (const g of candidates) {
      if (sameRows(groups[g].rows, present, count)) {
        found = g;
        break;
      }
    }
    if (found >= 0) {
      groups[found].columns.push(j);
      continue;
    }
    if (count === rows) completeGroup = groups.length;
    candidates.push(groups.length);
    byHash.set(hash, candidates);
    groups.push({ columns: [j], rows: present.slice(0, count) });
  }
  return groups;
}

function sameRows(rows: Int32Array, present: Int32Array, count: number): boolean {
  if (rows.length !== count) return false;
  for (let k = 0; k < count; k++) if (rows[k] !== present[k]) return false;
  return true;
}
