/**
 * Average (fractional) ranks of `values[0..count)`, written into `out`, using `sorted` as scratch.
 *
 * Formula: rank(x) = (L + U + 1) / 2 where L is the number of values below x and U the number of
 * values ≤ x, i.e. tied values share the mean of the 1-based positions they occupy.
 * Reference: scipy.stats.rankdata(method="average"), pandas `rank()`; −0 and +0 tie.
 * Complexity: O(count log count) — one native typed-array sort (no comparator) and one binary search
 * per value; no allocation, so the correlation loops can call it once per column without garbage.
 *
 * @param values finite numbers (the caller has removed missing values)
 * @param count how many leading entries of `values` to rank
 * @param sorted scratch of length ≥ count; holds the sorted values afterwards
 * @param out receives the ranks (may alias neither `values` nor `sorted`)
 * @returns `out`
 * @throws nothing: the caller validates (this is an internal kernel)
 * @example averageRanksInto([10, 30, 20, 30], 4, new Float64Array(4), new Float64Array(4)); // => [1, 3.5, 2, 3.5]
 */
export function averageRanksInto(
  values: ArrayLike<number>,
  count: number,
  sorted: Float64Array,
  out: Float64Array
): Float64Array {
  const view = sorted.subarray(0, count);
  for (let i = 0; i < count; i++) view[i] = values[i];
  view.sort();
  for (let i = 0; i < count; i++) {
    const x = values[i];
    // lower bound: first position whose value is not below x
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    const below = lo;
    hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (view[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    out[i] = (below + lo + 1) / 2;
  }
  return out;
}
