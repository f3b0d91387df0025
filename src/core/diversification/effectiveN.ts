import { CoreError } from "../errors";

/**
 * Effective number of holdings: the inverse Herfindahl–Hirschman index of the weights; N for
 * equal weights, 1 when everything is in one asset.
 *
 * Formula: N_eff = 1 / Σ_i w_i².   Reference: Meucci (2009), "Managing diversification", Risk 22(5)
 * (the "effective number of constituents"); as numpy `1 / np.sum(w ** 2)`.
 * Conventions: the weights are used as given (pass fully invested weights summing to 1 for the
 * usual reading); shorts count by their square.
 * Complexity: O(N).
 *
 * @param weights portfolio weights
 * @returns 1 / Σ w_i²
 * @throws CoreError INVALID_ARGUMENT when there are no weights or all are zero
 * @throws CoreError NON_FINITE for NaN or ±Infinity (with its position)
 * @example effectiveN(Float64Array.of(0.5, 0.25, 0.25)); // 1 / (0.25 + 0.0625 + 0.0625) => 2.6667
 */
export function effectiveN(weights: ArrayLike<number>): number {
  if (weights.length === 0) {
    throw new CoreError("INVALID_ARGUMENT", "weights is empty; give one weight per asset", {
      argument: "weights",
    });
  }
  let sumOfSquares = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!Number.isFinite(w)) {
      throw new CoreError(
        "NON_FINITE",
        `weights: value ${i + 1} is not a finite number; fix the weight`,
        { argument: "weights", row: i }
      );
    }
    sumOfSquares += w * w;
  }
  if (!(sumOfSquares > 0)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      "weights are all zero; give at least one non-zero weight",
      { argument: "weights" }
    );
  }
  return 1 / sumOfSquares;
}
