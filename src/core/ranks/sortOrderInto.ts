/**
 * The stable ascending sort order of `values[0..count)`: out[k] is the index of the k-th smallest
 * value, ties kept in index order.
 *
 * Method: a native typed-array sort of a copy (no comparator callback, so no per-compare call), then
 * each index is placed at the lower bound of its value plus the number of equal values placed before.
 * Reference: numpy.argsort(kind="stable"); −0 and +0 tie.
 * Complexity: O(count log count), no allocation.
 *
 * @param values finite numbers
 * @param count how many leading entries to order
 * @param sorted scratch ≥ count; holds the sorted values afterwards
 * @param filled scratch ≥ count (zeroed here)
 * @param out receives the order
 * @returns `out`
 * @throws nothing: the caller validates (internal kernel)
 * @example sortOrderInto([3, 1, 2, 1], 4, new Float64Array(4), new Int32Array(4), new Int32Array(4)); // => [1, 3, 2, 0]
 */
export function sortOrderInto(
  values: ArrayLike<number>,
  count: number,
  sorted: Float64Array,
  filled: Int32Array,
  out: Int32Array
): Int32Array {
  const view = sorted.subarray(0, count);
  for (let i = 0; i < count; i++) view[i] = values[i];
  view.sort();
  filled.fill(0, 0, count);
  for (let i = 0; i < count; i++) {
    const x = values[i];
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    out[lo + filled[lo]++] = i;
  }
  return out;
}
