/**
 * A copy of a series multiplied by the power of two that brings its largest magnitude into
 * [0.5, 1]: exact (only exponents change; values pushed below 2^−1022 lose low bits), so
 * correlations are unchanged, while squares and
 * products of values near 1e±200 can no longer overflow to Infinity or underflow to 0.
 *
 * Conventions: NaN stays NaN; an all-zero (or all-NaN) series is copied unscaled; the exponent is
 * clamped to [−1020, 1024] so the factor stays finite (2^−1024 is an exact subnormal).
 * Complexity: O(n) time, one Float64Array.
 *
 * @param values numbers (NaN = missing); ±Infinity must have been rejected by the caller
 * @returns a new Float64Array
 * @throws nothing: internal helper, the caller validates
 * @example scaledCopy([3, -6, NaN]); // => Float64Array [0.375, -0.75, NaN]
 */
export function scaledCopy(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let maxAbs = 0;
  for (let t = 0; t < n; t++) {
    const a = Math.abs(values[t]);
    if (a > maxAbs) maxAbs = a;
  }
  const out = new Float64Array(n);
  let exponent = maxAbs > 0 ? Math.ceil(Math.log2(maxAbs)) : 0;
  // log2 rounds: a value a hair above a power of two can land one exponent short.
  if (maxAbs * 2 ** -exponent > 1) exponent++;
  exponent = Math.min(1024, Math.max(-1020, exponent));
  const factor = 2 ** -exponent;
  for (let t = 0; t < n; t++) out[t] = values[t] * factor;
  return out;
}
