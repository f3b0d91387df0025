import type { PairCorrelationOptions } from "./pairCorrelationOptions";
import { pairPanel } from "./pairPanel";
import { spearmanCorrelationMatrix } from "./spearmanCorrelationMatrix";

/**
 * Spearman's rank correlation of two series: Pearson's correlation of their average ranks, over the
 * rows where both have a value (ranked on those rows only).
 *
 * Formula: ρˢ = Σ (R_x − R̄)(R_y − R̄) / √(Σ (R_x − R̄)² Σ (R_y − R̄)²), ties sharing their mean rank
 * (so no 1 − 6Σd²/(n(n²−1)) shortcut, which is wrong with ties).
 * Reference: scipy.stats.spearmanr(x, y).correlation, to ~1e-14; pandas
 * `Series.corr(method="spearman")` for the pairwise NaN rule.
 * Complexity: O(n log n).
 *
 * @param x first series (NaN = missing)
 * @param y second series, same length
 * @param options minOverlap (default 3), labels, argument name
 * @returns ρˢ in [−1, 1]
 * @throws CoreError LENGTH_MISMATCH (x and y differ in length)
 * @throws CoreError INVALID_ARGUMENT (bad minOverlap)
 * @throws CoreError NON_FINITE (±Infinity)
 * @throws CoreError TOO_FEW_POINTS (fewer than minOverlap rows with both values)
 * @throws CoreError ZERO_VARIANCE (a series is constant over those rows)
 * @example spearmanCorrelation([1, 2, 3, 4], [1, 3, 2, 4]); // => 0.8
 */
export function spearmanCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: PairCorrelationOptions = {}
): number {
  const argument = options.argument ?? "series";
  const panel = pairPanel(x, y, options.labels ?? ["x", "y"], argument);
  return spearmanCorrelationMatrix(panel, { minOverlap: options.minOverlap, argument }).data[1];
}
