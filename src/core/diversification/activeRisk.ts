import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";

/** How a portfolio differs from an index: see {@link activeRisk}. */
export interface ActiveRisk {
  /** Σ_i min(w_i, b_i): the weight the two hold in common, in [0, 1] for weights summing to 1. */
  readonly overlap: number;
  /** ½ Σ_i |w_i − b_i| (Cremers & Petajisto 2009): the share of the portfolio that differs. */
  readonly activeShare: number;
  /** √((w − b)ᵀ Σ (w − b)): ex-ante tracking error, in the units of Σ (annualised if it is). */
  readonly trackingError: number;
  /** w − b per asset. */
  readonly activeWeights: Float64Array;
}

/**
 * Overlap, active share and ex-ante tracking error of a portfolio against an index.
 *
 * Formulas: overlap = Σ min(w_i, b_i); active share = ½ Σ |w_i − b_i| (Cremers & Petajisto 2009,
 * "How active is your fund manager?"); tracking error = √(aᵀΣa) with a = w − b (Grinold & Kahn,
 * "Active Portfolio Management", ch. 3). For weights that each sum to 1, overlap = 1 − active share.
 * Complexity: O(n²).
 *
 * @param weights the portfolio's weights
 * @param indexWeights the index's weights, same assets and order
 * @param cov covariance matrix of the assets (annualised for an annual tracking error)
 * @throws CoreError LENGTH_MISMATCH (different lengths); NON_FINITE (NaN/±Infinity in a weight or cov)
 * @example activeRisk([0.6, 0.4], [0.5, 0.5], diag(0.04, 0.09)).activeShare; // => 0.1
 */
export function activeRisk(
  weights: ArrayLike<number>,
  indexWeights: ArrayLike<number>,
  cov: SquareMatrix
): ActiveRisk {
  const n = cov.size;
  if (weights.length !== n || indexWeights.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `weights (${weights.length}), index weights (${indexWeights.length}) and the covariance (${n} assets) must cover the same assets`,
      { argument: "indexWeights" }
    );
  }
  const active = new Float64Array(n);
  let overlap = 0;
  let absolute = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(weights[i]) || !Number.isFinite(indexWeights[i])) {
      throw new CoreError(
        "NON_FINITE",
        `weights: ${cov.labels[i]} has a weight that is not a finite number`,
        {
          argument: "weights",
          column: i,
          label: cov.labels[i],
        }
      );
    }
    active[i] = weights[i] - indexWeights[i];
    overlap += Math.min(weights[i], indexWeights[i]);
    absolute += Math.abs(active[i]);
  }
  let variance = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += cov.data[i * n + j] * active[j];
    variance += active[i] * row;
  }
  if (!Number.isFinite(variance)) {
    throw new CoreError(
      "NON_FINITE",
      "the covariance matrix holds a value that is not a finite number",
      { argument: "prices" }
    );
  }
  // Rounding can leave a hair below zero for identical portfolios.
  return {
    overlap,
    activeShare: absolute / 2,
    trackingError: Math.sqrt(Math.max(variance, 0)),
    activeWeights: active,
  };
}
