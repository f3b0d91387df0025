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
  for (let j = 0; j < cols; j++) {
    const base = j * rows;
    let hash = 0x811c9dc5;
    let count = 0;
    for (let t = 0; t < rows; t++) {
      if (!Number.isNaN(data[base + t])) {
        hash = Math.imul(hash ^ t, 0x01000193);
        count++;
      }
    }
    hash = Math.imul(hash ^ count, 0x01000193);
    const candidates = byHash.get(hash) ?? [];
    let found = -1;
    for (const g of candidates) {
      if (sameMask(data, rows, groups[g].columns[0], j)) {
        found = g;
        break;
      }
    }
    if (found >= 0) {
      groups[found].columns.push(j);
      continue;
    }
    const present = new Int32Array(count);
    for (let t = 0, k = 0; t < rows; t++) if (!Number.isNaN(data[base + t])) present[k++] = t;
    candidates.push(groups.length);
    byHash.set(hash, candidates);
    groups.push({ columns: [j], rows: present });
  }
  return groups;
}

function sameMask(data: Float64Array, rows: number, i: number, j: number): boolean {
  for (let t = 0; t < rows; t++) {
    if (Number.isNaN(data[i * rows + t]) !== Number.isNaN(data[j * rows + t])) return false;
  }
  return true;
}
