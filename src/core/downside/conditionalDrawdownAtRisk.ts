/**
 * Conditional drawdown at risk: the mean of the worst (1 − α) share of the drawdowns, with the
 * boundary drawdown counted fractionally, i.e. the Rockafellar–Uryasev minimum the CDaR LP attains.
 *
 * Formula: CDaR_α(d) = min_ζ ζ + 1/((1−α)T) Σ_t (d_t − ζ)₊. With k = (1−α)T and d sorted in
 * decreasing order, the minimum is (Σ_{i≤⌊k⌋} d_(i) + (k − ⌊k⌋)·d_(⌊k⌋+1)) / k; when k ≤ 1 it is
 * max_t d_t (the maximum drawdown, the α → 1 limit).
 * Reference: Chekhlov, Uryasev & Zabarankin (2005), IJTAF 8(1), eq. (5); Rockafellar & Uryasev
 * (2002), "Conditional value-at-risk for general loss distributions", J. Banking & Finance 26.
 * Conventions: α in (0, 1); the drawdowns are not modified (a sorted copy is made).
 * Complexity: O(T log T) time, O(T) memory.
 *
 * @param drawdowns d_1 … d_T (T ≥ 1), e.g. from uncompoundedDrawdowns
 * @param alpha confidence level α in (0, 1)
 * @returns CDaR_α ≥ 0
 * @throws nothing: the caller validates α and the drawdowns
 * @example conditionalDrawdownAtRisk([0, 0.2, 0.1, 0.4], 0.5); // => 0.3 (mean of the worst two)
 */
export function conditionalDrawdownAtRisk(drawdowns: ArrayLike<number>, alpha: number): number {
  const T = drawdowns.length;
  const k = (1 - alpha) * T;
  const sorted = Float64Array.from(drawdowns).sort().reverse();
  if (k <= 1) return sorted[0];
  const whole = Math.floor(k);
  let sum = 0;
  for (let i = 0; i < whole; i++) sum += sorted[i];
  if (whole < T) sum += (k - whole) * sorted[whole];
  return sum / k;
}
