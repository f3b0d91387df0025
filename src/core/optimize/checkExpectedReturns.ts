import { CoreError } from "../errors";

/**
 * Validates a vector of expected returns (or any per-asset numerator) against the asset count.
 *
 * Complexity: O(n).
 *
 * @param mu one finite number per asset
 * @param n the number of assets
 * @param labels asset labels for messages
 * @param argument the argument name used in messages (default "mu")
 * @throws CoreError LENGTH_MISMATCH (mu.length ≠ n)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with the asset)
 * @example checkExpectedReturns([0.1, 0.2], 2, ["BTC", "ETH"]); // => undefined (no throw)
 */
export function checkExpectedReturns(
  mu: ArrayLike<number>,
  n: number,
  labels: readonly string[],
  argument = "mu"
): void {
  if (mu.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument} has ${mu.length} entries but cov has ${n} assets; give one value per asset, in the same order`,
      { argument }
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(mu[i])) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}: asset ${labels[i]} is ${mu[i]}; every entry must be a finite number`,
        { argument, column: i, label: labels[i] }
      );
    }
  }
}
