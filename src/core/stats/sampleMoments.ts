/**
 * Relative spread below which a series counts as constant. A constant series such as
 * [0.1, 0.1, 0.1] has a mean a few ulps away from 0.1, so its computed deviations are ~1e-17, not 0;
 * dividing by that spread would turn rounding noise into a huge Sharpe ratio or skewness. 1e-12 of
 * the largest magnitude is ~4,500 ulps: far above rounding, far below any real market move.
 */
export const ZERO_SPREAD_RELATIVE = 1e-12;

/** Central moments of a series, from {@link sampleMoments}. */
export interface SampleMoments {
  /** Number of values. */
  readonly n: number;
  /** Arithmetic mean. */
  readonly mean: number;
  /** Population central moments m_k = Σ (x − mean)^k / n, for k = 2, 3, 4. */
  readonly m2: number;
  readonly m3: number;
  readonly m4: number;
  /** Sample variance Σ (x − mean)² / (n − 1) (numpy ddof=1); NaN when n < 2. */
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  /** True when the spread is zero or at rounding level (see {@link ZERO_SPREAD_RELATIVE}). */
  readonly zeroSpread: boolean;
}

/**
 * Mean, central moments (orders 2–4), sample variance, minimum and maximum of a series, in two
 * passes over the values.
 *
 * Formula: mean = Σx/n, then a corrected two-pass sum (Chan, Golub & LeVeque 1983): with
 * d = x − mean, m2 = (Σd² − (Σd)²/n)/n, m3 = Σd³/n, m4 = Σd⁴/n; variance = n·m2/(n − 1).
 * The second pass removes the cancellation error of the textbook Σx² − n·mean² formula.
 * Conventions: the caller validates (non-empty, finite; see `checkedSeries`); NaN is not skipped.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param values finite values, at least one
 * @returns the moments; `variance` is NaN when n = 1
 * @throws nothing (callers check their preconditions first)
 * @example sampleMoments([1, 2, 3, 4]).variance; // => 1.6666666666666667
 */
export function sampleMoments(values: ArrayLike<number>): SampleMoments {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let t = 0; t < n; t++) {
    const x = values[t];
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = sum / n;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let t = 0; t < n; t++) {
    const d = values[t] - mean;
    const d2 = d * d;
    s1 += d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  const m2 = Math.max(0, (s2 - (s1 * s1) / n) / n);
  const scale = Math.max(Math.abs(min), Math.abs(max));
  const zeroSpread = min === max || Math.sqrt(m2) <= ZERO_SPREAD_RELATIVE * scale;
  return {
    n,
    mean,
    m2,
    m3: s3 / n,
    m4: s4 / n,
    variance: n > 1 ? (n * m2) / (n - 1) : NaN,
    min,
    max,
    zeroSpread,
  };
}
