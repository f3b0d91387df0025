/**
 * Expected return μᵀw and variance wᵀΣw of a portfolio, skipping the assets with zero weight.
 *
 * Formula: μᵀw = Σ_i μ_i w_i; wᵀΣw = Σ_i w_i (Σ_j Σ_ij w_j), both summed in increasing i and j.
 * Why skip zeros: on a long-only frontier most assets sit at a zero bound (200 assets: about 40
 * held per corner), so the double sum costs n·h instead of n² for h holdings. The result is
 * bit-identical to the dense loops in the same order: a skipped term is ±0 (finite Σ), every partial
 * sum starts at +0, and adding ±0 to a number or to +0 leaves it unchanged. (The one exception: a
 * zero-weight asset's row Σ_j Σ_ij w_j overflowing to ±Infinity, where the dense loops give NaN;
 * that needs entries near 1e308, far above any covariance estimated here, whose sums of squares
 * are capped at 1e100.)
 * With skipZeros false every term is summed (the dense loops themselves), for inputs not known to be
 * finite: there NaN or ±Infinity times a zero weight is NaN, which skipping would drop.
 * Conventions: the variance is clipped at 0 (rounding can leave a hair below it for a singular Σ).
 * Complexity: O(n + h²) time with h the nonzero weights (O(n²) with skipZeros false), O(h) memory.
 *
 * @param mu expected returns, length n
 * @param cov row-major n × n covariance, finite (unless skipZeros is false)
 * @param n number of assets
 * @param w weights, length n
 * @param skipZeros true (default) for finite μ, Σ and w, as validated inputs are; false to sum
 *   every term as the dense loops do
 * @returns { expectedReturn, variance }
 * @throws nothing: an internal kernel
 * @example portfolioMoments(Float64Array.of(0.1, 0.2), Float64Array.of(0.04, 0, 0, 0.09), 2, Float64Array.of(1, 0));
 * // => { expectedReturn: 0.1, variance: 0.04 }
 */
export function portfolioMoments(
  mu: ArrayLike<number>,
  cov: Float64Array,
  n: number,
  w: ArrayLike<number>,
  skipZeros = true
): { expectedReturn: number; variance: number } {
  const held = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (!skipZeros || w[i] !== 0) held[count++] = i;
  let expectedReturn = 0;
  let variance = 0;
  for (let p = 0; p < count; p++) {
    const i = held[p];
    expectedReturn += mu[i] * w[i];
    const row = i * n;
    let s = 0;
    for (let q = 0; q < count; q++) {
      const j = held[q];
      s += cov[row + j] * w[j];
    }
    variance += w[i] * s;
  }
  return { expectedReturn, variance: Math.max(variance, 0) };
}
