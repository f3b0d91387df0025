import type { PairCorrelationOptions } from "./pairCorrelationOptions";
import { kendallCorrelationMatrix } from "./kendallCorrelationMatrix";
import { pairPanel } from "./pairPanel";

/**
 * Kendall's tau-b rank correlation of two series, over the rows where both have a value.
 *
 * Formula: τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)), n_c / n_d the concordant / discordant pairs,
 * n₀ = n(n−1)/2, n₁ and n₂ the pairs tied in x and in y. Knight's O(n log n) algorithm: sort by x
 * then y, count discordant pairs as merge-sort inversions of y, correct for x, y and joint ties.
 * Reference: scipy.stats.kendalltau(x, y) (variant "b", the default), to ~1e-15; NaN rows dropped
 * pairwise like `nan_policy="omit"` on pairs / pandas `Series.corr(method="kendall")`.
 * Complexity: O(n log n) time, O(n) memory.
 *
 * @param x first series (NaN = missing)
 * @param y second series, same length
 * @param options minOverlap (default 3), labels, argument name
 * @returns tau-b in [−1, 1]
 * @throws CoreError LENGTH_MISMATCH (x and y differ in length)
 * @throws CoreError INVALID_ARGUMENT (bad minOverlap)
 * @throws CoreError NON_FINITE (±Infinity)
 * @throws CoreError TOO_FEW_POINTS (fewer than minOverlap rows with both values)
 * @throws CoreError ZERO_VARIANCE (a series is constant over those rows)
 * @example kendallTau([1, 2, 3, 4], [1, 3, 2, 4]); // => 0.666… (5 concordant, 1 discordant of 6)
 */
export function kendallTau(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: PairCorrelationOptions = {}
): number {
  const argument = options.argument ?? "series";
  const panel = pairPanel(x, y, options.labels ?? ["x", "y"], argument);
  return kendallCorrelationMatrix(panel, { minOverlap: options.minOverlap, argument }).data[1];
}
