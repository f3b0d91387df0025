import { CoreError } from "../errors";

/**
 * Validates a weight vector against the number of assets of a covariance matrix: the length must
 * match and every weight must be finite. Weights may be negative (short positions) and need not
 * sum to 1: the diagnostics are defined for any exposure vector.
 * Complexity: O(N).
 *
 * @param weights the portfolio weights; not modified
 * @param n number of assets the weights must cover
 * @param labels asset labels, for messages
 * @throws CoreError INVALID_ARGUMENT when there are no weights
 * @throws CoreError LENGTH_MISMATCH when the length is not n
 * @throws CoreError NON_FINITE for NaN or ±Infinity, naming the asset
 * @example checkWeights(Float64Array.of(0.5, 0.5), 2, ["A", "B"]); // => undefined
 */
export function checkWeights(
  weights: ArrayLike<number>,
  n: number,
  labels: readonly string[]
): void {
  if (weights.length === 0) {
    throw new CoreError("INVALID_ARGUMENT", "weights is empty; give one weight per asset", {
      argument: "weights",
    });
  }
  if (weights.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `weights has ${weights.length} values but cov has ${n} assets; give one weight per asset`,
      { argument: "weights" }
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(weights[i])) {
      const label = labels[i] ?? `Asset ${i + 1}`;
      throw new CoreError(
        "NON_FINITE",
        `weights: value ${i + 1} (${label}) is not a finite number; fix the weight`,
        { argument: "weights", row: i, label }
      );
    }
  }
}
