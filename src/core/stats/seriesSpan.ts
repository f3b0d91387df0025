/** Where a panel column's data lies, from {@link seriesSpan}. */
export interface SeriesSpan {
  /** First row with a value, or −1 when the column is all NaN. */
  readonly first: number;
  /** Last row with a value, or −1 when the column is all NaN. */
  readonly last: number;
  /** First NaN strictly between `first` and `last` (a gap), or −1 when there is none. */
  readonly gapRow: number;
}

/**
 * The span of a panel column between its leading NaN (not listed yet) and trailing NaN (delisted,
 * or data ends), and the first gap inside it, so per-asset functions compute each asset on its own
 * span (DESIGN.md: blanks before the first price and after the last are not errors).
 *
 * Formula: first = min{t : x_t not NaN}, last = max{t : x_t not NaN}, gapRow = min{t ∈ (first, last) : x_t NaN}.
 * Conventions: only NaN counts as missing; ±Infinity is left for the caller's finiteness check.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param values one column, oldest first
 * @returns { first, last, gapRow }
 * @throws nothing
 * @example seriesSpan([NaN, 1, 2, NaN]); // => { first: 1, last: 2, gapRow: -1 }
 */
export function seriesSpan(values: ArrayLike<number>): SeriesSpan {
  let first = -1;
  let last = -1;
  for (let t = 0; t < values.length; t++) {
    if (Number.isNaN(values[t])) continue;
    if (first < 0) first = t;
    last = t;
  }
  let gapRow = -1;
  for (let t = first + 1; first >= 0 && t < last; t++) {
    if (Number.isNaN(values[t])) {
      gapRow = t;
      break;
    }
  }
  return { first, last, gapRow };
}
