import type { ReturnsPanel, SquareMatrix } from "../types";
import { correlationByOverlap } from "./correlationByOverlap";
import type { CorrelationMatrixOptions } from "./correlationMatrixOptions";
import { type ExponentialDecaySpec, exponentialDecay } from "./exponentialDecay";

/**
 * Exponentially weighted correlation matrix at the last date of the panel.
 *
 * Formula: with λ = 1 − α and, for a pair, the rows O where both have a return, ending at row L:
 * w_t = λ^(L − t), m = Σ w x / Σ w, ρ = Σ w (x − m_x)(y − m_y) / √(Σ w (x − m_x)² Σ w (y − m_y)²).
 * α from the half-life (α = 1 − exp(−ln 2 / h)) or the span (α = 2 / (s + 1)).
 * Conventions: weights by position (a row missing for either asset still ages the older rows, as
 * pandas `ignore_na=False`); a pair whose overlap ends before the last date keeps its value at its
 * last common row. pandas' bias correction (Σw)² / ((Σw)² − Σw²) multiplies the covariance and
 * both variances alike, so it cancels in ρ: biased or bias-corrected weights give the same matrix.
 * Reference: pandas `df.ewm(halflife=h, adjust=True).corr()` at the last date (pairwise); agrees
 * to ~1e-13.
 * Complexity: as `pearsonCorrelationMatrix`, O(rows · cols² / 2).
 *
 * @param returns returns panel (column-major, NaN = no return that period)
 * @param decay { halfLife } or { span } in rows
 * @param options minOverlap (default 3 common rows), onUndefinedPair ("throw" default, or "nan")
 * @returns symmetric matrix labelled like the panel, unit diagonal
 * @throws CoreError INVALID_ARGUMENT (bad decay, panel or option)
 * @throws CoreError NON_FINITE (±Infinity in the panel)
 * @throws CoreError TOO_FEW_POINTS (a pair shares fewer than minOverlap rows)
 * @throws CoreError ZERO_VARIANCE (an asset is constant over an overlap)
 * @example ewmCorrelationMatrix({ kind: "returns", rows: 3, cols: 2, data: Float64Array.of(1, 2, 3, 1, 3, 2), labels: ["A", "B"] }, { halfLife: 1 }).data[1];
 *   // => 0.17541… (weights 1/4, 1/2, 1)
 */
export function ewmCorrelationMatrix(
  returns: ReturnsPanel,
  decay: ExponentialDecaySpec,
  options: CorrelationMatrixOptions = {}
): SquareMatrix {
  const lambda = exponentialDecay(decay);
  return correlationByOverlap(returns, options, { kind: "exponential", decay: lambda });
}
