/**
 * Intersection of two ascending row-index lists, written into `out`.
 *
 * Complexity: O(|a| + |b|), no allocation.
 *
 * @param a ascending row indices
 * @param b ascending row indices
 * @param out receives the common rows (length ≥ min(|a|, |b|))
 * @returns how many rows are common
 * @throws nothing
 * @example intersectSortedRows(Int32Array.of(1, 2, 5), Int32Array.of(2, 5, 7), new Int32Array(3)); // => 2 (out = [2, 5, …])
 */
export function intersectSortedRows(a: Int32Array, b: Int32Array, out: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out[n++] = a[i];
      i++;
      j++;
    }
  }
  return n;
}
