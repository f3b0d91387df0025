/**
 * One column's sort order and ordinal ranks restricted to a subset of its rows, from the column's
 * sort order over all its rows, plus the number of pairs tied within the subset.
 *
 * Why: pairwise-complete rank correlation needs each column ranked over each overlap it takes part
 * in; filtering an order computed once is O(rows), where sorting again per overlap is
 * O(rows log rows).
 * Method: walk the full order and keep the rows the subset holds (`position[row] ≥ 0`); the k-th
 * kept point gets ordinal k, and when the value changes the tie group just closed learns its last
 * ordinal. Keeping the order's sequence keeps it stable when it was.
 * Reference: scipy.stats.rankdata(method="ordinal") − 1 for the ordinals, and method="max" − 1 for
 * the tie ends, over the subset.
 * Conventions: ranks are 0-based; tied values get distinct ordinals (in the order's sequence) and
 * share their tie end, the group's last ordinal; −0 and +0 tie, as under ===. The tie count is
 * Σ t(t−1)/2 over the tie groups, the n₁ / n₂ of Kendall's tau-b.
 * Complexity: O(|sortedRows|), no allocation.
 *
 * @param data column-major values (the column's rows in `sortedRows` must not be NaN)
 * @param base offset of the column in `data` (column index × rows)
 * @param sortedRows the column's row indices in ascending order of value
 * @param position row → index in the subset (0 … n−1), or −1 for a row outside it
 * @param order receives the subset's indices in ascending order of value (n of them)
 * @param ordinal receives, by subset index, its position in `order`
 * @param tieEnd receives, by subset index, the last position in `order` holding the same value
 * @returns the number of pairs of subset rows with tied values
 * @throws nothing: internal kernel, the caller validates
 * @example ordinalRanksOnRowsInto(Float64Array.of(5, 7, 5, 9), 0, Int32Array.of(0, 2, 1, 3), Int32Array.of(-1, 0, 1, 2), o, r, e);
 *   // => 0 (rows 1, 2, 3 hold 7, 5, 9: o = [1, 0, 2], r = e = [1, 0, 2])
 */
export function ordinalRanksOnRowsInto(
  data: Float64Array,
  base: number,
  sortedRows: Int32Array,
  position: Int32Array,
  order: Int32Array,
  ordinal: Int32Array,
  tieEnd: Int32Array
): number {
  let n = 0;
  let runStart = 0;
  let previous = NaN;
  let ties = 0;
  for (let k = 0; k < sortedRows.length; k++) {
    const row = sortedRows[k];
    const index = position[row];
    if (index < 0) continue;
    const v = data[base + row];
    // NaN !== anything, so the first kept value opens a group (closing an empty one).
    if (v !== previous) {
      ties += closeGroup(order, tieEnd, runStart, n);
      runStart = n;
      previous = v;
    }
    order[n] = index;
    ordinal[index] = n;
    n++;
  }
  return ties + closeGroup(order, tieEnd, runStart, n);
}

/** Gives order[start … end) the tie end end − 1 and returns the group's tied pairs. */
function closeGroup(order: Int32Array, tieEnd: Int32Array, start: number, end: number): number {
  for (let m = start; m < end; m++) tieEnd[order[m]] = end - 1;
  const size = end - start;
  return (size * (size - 1)) / 2;
}
