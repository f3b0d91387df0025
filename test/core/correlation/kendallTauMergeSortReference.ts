/**
 * Below this many values a run is sorted by insertion, counting each shift as one inversion:
 * short runs stay in registers/L1 and save the first four merge passes. A conventional cut-off,
 * not tuned on this machine.
 */
const INSERTION_RUN = 16;

/**
 * Kendall's tau-b of (x, y) given x's ascending sort order, by Knight's O(n log n) algorithm.
 *
 * Formula: τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)), n₀ = n(n−1)/2, n₁ = Σ tᵢ(tᵢ−1)/2 over x tie
 * groups, n₂ the same for y; n_c − n_d = n₀ − n₁ − n₂ + n₃ − 2·S, where n₃ counts pairs tied in both
 * and S is the number of swaps a merge sort makes on y once the pairs are sorted by x then y.
 * Reference: Knight (1966), "A computer method for calculating Kendall's tau with ungrouped data",
 * JASA 61(314); scipy.stats.kendalltau (variant "b"), which uses the same counts.
 * Complexity: O(n log n) time; no allocation (buffers from the caller).
 * Use: a test reference only. The product counts with `kendallTauFromRanks` (prefix counts, ~4×
 * faster per pair); this merge-sort kernel, checked against scipy in kendallTauFromOrder.test.ts,
 * is the independent implementation that kernel must match bit for bit.
 *
 * @param x values of the first series (indexed by `order`)
 * @param y values of the second series, same indexing
 * @param order x's ascending sort order over the n rows
 * @param n number of rows
 * @param sequence scratch ≥ n
 * @param buffer scratch ≥ n
 * @returns tau-b in [−1, 1], or NaN when x or y is constant (every pair tied); the caller, which
 *   knows which columns are constant, turns that into its error
 * @throws nothing: internal kernel, the caller validates
 * @example kendallTauFromOrder([1, 2, 3], [1, 3, 2], Int32Array.of(0, 1, 2), 3, s, b); // => 0.333… (1 discordant pair of 3)
 */
export function kendallTauFromOrder(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  order: Int32Array,
  n: number,
  sequence: Float64Array,
  buffer: Float64Array
): number {
  for (let k = 0; k < n; k++) sequence[k] = y[order[k]];
  let xTies = 0;
  let jointTies = 0;
  let start = 0;
  while (start < n) {
    const xv = x[order[start]];
    let end = start + 1;
    while (end < n && x[order[end]] === xv) end++;
    const length = end - start;
    if (length > 1) {
      xTies += (length * (length - 1)) / 2;
      // Within an x tie the pairs are sorted by y (Knight's secondary key); only y values matter.
      sequence.subarray(start, end).sort();
      let run = start;
      while (run < end) {
        let stop = run + 1;
        while (stop < end && sequence[stop] === sequence[run]) stop++;
        const m = stop - run;
        jointTies += (m * (m - 1)) / 2;
        run = stop;
      }
    }
    start = end;
  }
  const swaps = countInversions(sequence, buffer, n);
  const sorted = mergePasses(n) % 2 === 0 ? sequence : buffer;
  let yTies = 0;
  start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    const m = end - start;
    yTies += (m * (m - 1)) / 2;
    start = end;
  }
  const total = (n * (n - 1)) / 2;
  if (xTies === total || yTies === total) return NaN;
  const numerator = total - xTies - yTies + jointTies - 2 * swaps;
  const product = (total - xTies) * (total - yTies);
  // The counts are exact integers; while their product is too (below 2^53), one square root makes
  // a perfectly ordered pair exactly ±1 (scipy's two roots give 0.9999999999999999).
  const tau =
    product <= Number.MAX_SAFE_INTEGER
      ? numerator / Math.sqrt(product)
      : numerator / Math.sqrt(total - xTies) / Math.sqrt(total - yTies);
  return Math.max(-1, Math.min(1, tau));
}

/**
 * Sorts a[0..n) ascending by insertion runs then bottom-up merges, counting strict inversions
 * (pairs k < l with a[k] > a[l]); equal values are not inversions. The sorted values end in `a`
 * when `mergePasses(n)` is even, else in `b`; returns the inversion count.
 */
function countInversions(a: Float64Array, b: Float64Array, n: number): number {
  let swaps = 0;
  for (let start = 0; start < n; start += INSERTION_RUN) {
    const end = Math.min(n, start + INSERTION_RUN);
    for (let k = start + 1; k < end; k++) {
      const v = a[k];
      let m = k - 1;
      while (m >= start && a[m] > v) {
        a[m + 1] = a[m];
        m--;
      }
      swaps += k - 1 - m;
      a[m + 1] = v;
    }
  }
  let source = a;
  let target = b;
  for (let width = INSERTION_RUN; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(n, left + width);
      const right = Math.min(n, left + 2 * width);
      let i = left;
      let j = mid;
      let k = left;
      while (i < mid && j < right) {
        if (source[i] <= source[j]) {
          target[k++] = source[i++];
        } else {
          swaps += mid - i;
          target[k++] = source[j++];
        }
      }
      while (i < mid) target[k++] = source[i++];
      while (j < right) target[k++] = source[j++];
    }
    const swap = source;
    source = target;
    target = swap;
  }
  return swaps;
}

function mergePasses(n: number): number {
  let passes = 0;
  for (let width = INSERTION_RUN; width < n; width *= 2) passes++;
  return passes;
}
