import { CoreError } from "../core/errors";

/**
 * Validates the `limit` of `listMarkets` the same way for every provider.
 *
 * Complexity: O(1).
 *
 * @param limit how many assets; undefined means the default
 * @param defaultLimit used when `limit` is undefined (100 everywhere today)
 * @returns the limit to use
 * @throws CoreError INVALID_ARGUMENT (not a whole number ≥ 1)
 * @example checkLimit(undefined, 100); // => 100
 */
export function checkLimit(limit: number | undefined, defaultLimit: number): number {
  const value = limit ?? defaultLimit;
  if (!Number.isInteger(value) || value < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `limit must be a whole number of at least 1; got ${value}`,
      {
        argument: "limit",
      }
    );
  }
  return value;
}
