import type { SquareMatrix } from "../types";

/**
 * wᵀΣw for a covariance Σ, clamped at 0: a variance (or squared tracking error, with w the
 * active weights) whose rounding may dip a hair below zero, so that its square root is never NaN.
 *
 * Formula: Σᵢ wᵢ Σⱼ Σᵢⱼ wⱼ, row by row in index order (the same sums as before the two limited
 * minimum-variance optimizers shared it).
 * Conventions: Σ row-major n × n, in any units; w of length n.
 * Complexity: O(n²).
 *
 * @param cov the covariance matrix
 * @param w the weights
 * @returns max(wᵀΣw, 0)
 * @example clampedQuadraticForm({ size: 2, data: Float64Array.from([0.04, 0, 0, 0.01]), labels: ["A", "B"] }, [0.5, 0.5]); // => 0.0125
 */
export function clampedQuadraticForm(cov: SquareMatrix, w: ArrayLike<number>): number {
  const n = cov.size;
  let v = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += cov.data[i * n + j] * w[j];
    v += w[i] * row;
  }
  return Math.max(v, 0);
}
