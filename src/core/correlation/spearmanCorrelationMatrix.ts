import type { ReturnsPanel, SquareMatrix } from "../types";
import { correlationByOverlap } from "./correlationByOverlap";
import type { CorrelationMatrixOptions } from "./correlationMatrixOptions";

/**
 * Spearman rank correlation matrix: the Pearson correlation of the average ranks, on
 * pairwise-complete observations.
 *
 * Formula: ρˢ_ij = Pearson(rank(x_i), rank(x_j)), ranks over the rows both assets have (re-ranked on
 * each overlap, as pandas does), ties sharing their average rank.
 * Reference: scipy.stats.spearmanr (complete data) and pandas `DataFrame.corr("spearman")`
 * (pairwise, `min_periods = minOverlap`); agrees to ~1e-14.
 * Complexity: O(G · cols · rows log rows) for ranking (G = number of distinct listing masks, usually
 * small) plus the O(rows · cols² / 2) Pearson kernel.
 *
 * @param returns returns panel (column-major, NaN = no return that period)
 * @param options minOverlap (default 3), onUndefinedPair ("throw" default, or "nan"), argument name
 * @returns symmetric matrix labelled like the panel, unit diagonal
 * @throws CoreError INVALID_ARGUMENT (no columns, inconsistent panel, bad option)
 * @throws CoreError NON_FINITE (±Infinity in the panel)
 * @throws CoreError TOO_FEW_POINTS (a pair shares fewer than minOverlap rows, naming both assets)
 * @throws CoreError ZERO_VARIANCE (an asset is constant over an overlap)
 * @example spearmanCorrelationMatrix({ kind: "returns", rows: 3, cols: 2, data: Float64Array.of(1, 2, 3, 3, 1, 2), labels: ["A", "B"] }).data;
 *   // => Float64Array [1, -0.5, -0.5, 1]
 */
export function spearmanCorrelationMatrix(
  returns: ReturnsPanel,
  options: CorrelationMatrixOptions = {}
): SquareMatrix {
  return correlationByOverlap(returns, options, { kind: "spearman" });
}
