import { CoreError } from "../errors";

/**
 * Equal weights: the naive 1/N portfolio, the benchmark every risk-based allocation is compared to.
 *
 * Formula: w_i = 1 / N.   Reference: DeMiguel, Garlappi & Uppal (2009), "Optimal versus naive
 * diversification", Review of Financial Studies 22(5).
 * Conventions: long-only, fully invested (the weights sum to 1).
 * Complexity: O(N).
 *
 * @param n number of assets, a positive integer
 * @returns a new Float64Array of n weights, each 1/n
 * @throws CoreError INVALID_ARGUMENT when n is not a positive integer
 * @example equalWeights(4); // => Float64Array [0.25, 0.25, 0.25, 0.25]
 */
export function equalWeights(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `n must be a positive whole number of assets; got ${n}`,
      { argument: "n" }
    );
  }
  return new Float64Array(n).fill(1 / n);
}
