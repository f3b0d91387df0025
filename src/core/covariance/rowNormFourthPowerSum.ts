/**
 * Σ_k ‖x_k‖⁴: the sum over the rows of a column-major matrix of each row's squared norm, squared.
 * Ledoit–Wolf's b̄² needs it (Σ_k ‖x_k‖⁴ / n is the mean of the squared rank-one terms' norms).
 *
 * Formula: Σ_k (Σ_j x_kj²)². Reference: Ledoit & Wolf (2004), Lemma 3.4; sklearn 1.2 forms the
 * same sum as the total of (X²)ᵀX², an O(n · p²) product, where this is O(n · p).
 * Conventions: the squared norms are accumulated column by column (contiguous reads), then their
 * squares summed in row order, as ledoitWolf did inline.
 * Complexity: O(n · p) time, O(n) extra memory.
 *
 * @param x column-major values, length n × p (entry (k, j) at x[j · n + k]); not modified
 * @param n number of rows
 * @param p number of columns
 * @returns the sum, ≥ 0
 * @throws nothing: the callers validate x
 * @example rowNormFourthPowerSum(Float64Array.of(1, 2, 3, 4), 2, 2); // => (1 + 9)² + (4 + 16)² = 500
 */
export function rowNormFourthPowerSum(x: Float64Array, n: number, p: number): number {
  const rowNorm2 = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const base = j * n;
    for (let k = 0; k < n; k++) {
      const v = x[base + k];
      rowNorm2[k] += v * v;
    }
  }
  let fourth = 0;
  for (let k = 0; k < n; k++) fourth += rowNorm2[k] * rowNorm2[k];
  return fourth;
}
