import { CoreError } from "../errors";

/**
 * Market-cap weights w = caps / Σ caps, after checking the caps.
 *
 * Complexity: O(N).
 *
 * @param marketCaps one non-negative cap per asset, not all 0
 * @param n the number of assets
 * @param labels asset labels for messages
 * @returns weights summing to 1
 * @throws CoreError LENGTH_MISMATCH, NON_FINITE, INVALID_ARGUMENT (negative cap; all 0)
 * @example marketWeights([3, 1], 2, ["BTC", "ETH"]); // => Float64Array [0.75, 0.25]
 */
export function marketWeights(
  marketCaps: ArrayLike<number>,
  n: number,
  labels: readonly string[]
): Float64Array {
  const argument = "marketCaps";
  if (marketCaps.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument} has ${marketCaps.length} entries but cov has ${n} assets; give one market cap per asset, in the same order`,
      { argument }
    );
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const cap = marketCaps[i];
    if (!Number.isFinite(cap)) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}: asset ${labels[i]} is ${cap}; every market cap must be a finite number`,
        { argument, column: i, label: labels[i] }
      );
    }
    if (cap < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument}: asset ${labels[i]} is ${cap}; market caps cannot be negative`,
        { argument, column: i, label: labels[i] }
      );
    }
    total += cap;
  }
  if (!(total > 0)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} are all 0; give at least one positive market cap`,
      { argument }
    );
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = marketCaps[i] / total;
  return weights;
}
