/**
 * A column whose spread is below this fraction of its largest magnitude is constant up to the
 * rounding of its mean (≈ n ulps); treating it as a real spread would return noise as a correlation.
 */
export const ZERO_SPREAD_RELATIVE = 1e-13;

/** The centring and scaling {@link standardiseColumn} found for a column. */
export interface ColumnStandardisation {
  /** The (weighted) mean of the power-of-two-scaled column. */
  mean: number;
  /** 1 / √Σ w (x − mean)², to multiply x − mean by; 0 when the column has no spread. */
  scale: number;
}

/**
 * Prepares one column for a correlation: scales x[0 … n) in place by a power of two, then finds
 * the (weighted) mean and the scale that makes Σ w z² = 1 for z = (x − mean) · scale.
 *
 * Why a power of two: exact, and sums of squares of values near 1e±200 then neither overflow nor
 * underflow; a correlation is invariant to the scale.
 * Formula: corrected two-pass (Chan, Golub & LeVeque 1983): deviations d from the first-pass mean,
 * mean = m₁ + Σwd/Σw and Σw(x − mean)² = Σwd² − (Σwd)²/Σw; as accurate as numpy.
 * A spread √(Σw(x − mean)²/Σw) at or below {@link ZERO_SPREAD_RELATIVE} × max|x| is no spread
 * (scale 0): the correlation with that column is undefined.
 * Complexity: O(n), no allocation.
 *
 * @param x the column's values over the rows used (scaled in place)
 * @param n how many leading entries of x to use
 * @param weights optional weight per row (exponential weighting); unweighted when omitted
 * @param out where to write the mean and scale (reused by callers in their column loops)
 * @returns out
 * @example standardiseColumn(Float64Array.of(1, 3), 2, undefined, { mean: 0, scale: 0 });
 * // => { mean: 0.5, scale: 1.4142… } (x scaled by 2⁻² to 0.25, 0.75: Σ(x − mean)² = 0.125)
 */
export function standardiseColumn(
  x: Float64Array,
  n: number,
  weights: Float64Array | undefined,
  out: ColumnStandardisation
): ColumnStandardisation {
  let maxAbs = 0;
  for (let k = 0; k < n; k++) {
    const a = Math.abs(x[k]);
    if (a > maxAbs) maxAbs = a;
  }
  const exponent = maxAbs > 0 ? Math.min(1024, Math.max(-1020, Math.ceil(Math.log2(maxAbs)))) : 0;
  const factor = 2 ** -exponent;
  maxAbs *= factor;
  let sumW = n;
  let sum = 0;
  if (weights !== undefined) {
    sumW = 0;
    for (let k = 0; k < n; k++) {
      const v = x[k] * factor;
      x[k] = v;
      sumW += weights[k];
      sum += weights[k] * v;
    }
  } else {
    for (let k = 0; k < n; k++) {
      const v = x[k] * factor;
      x[k] = v;
      sum += v;
    }
  }
  const firstMean = sum / sumW;
  let sumD = 0;
  let sumD2 = 0;
  if (weights !== undefined) {
    for (let k = 0; k < n; k++) {
      const d = x[k] - firstMean;
      sumD += weights[k] * d;
      sumD2 += weights[k] * d * d;
    }
  } else {
    for (let k = 0; k < n; k++) {
      const d = x[k] - firstMean;
      sumD += d;
      sumD2 += d * d;
    }
  }
  const squares = sumD2 - (sumD * sumD) / sumW;
  const spread = Math.sqrt(Math.max(0, squares) / sumW);
  out.mean = firstMean + sumD / sumW;
  out.scale = spread > ZERO_SPREAD_RELATIVE * maxAbs ? 1 / Math.sqrt(squares) : 0;
  return out;
}
