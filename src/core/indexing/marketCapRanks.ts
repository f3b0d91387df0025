import { checkMarketCaps } from "./checkMarketCaps";

/**
 * Rank of each constituent by market cap: 1 for the largest.
 *
 * Conventions: ties are broken by input order (the earlier constituent gets the better rank), so
 * every rank 1…n appears exactly once and the result does not depend on sort stability. This is
 * pandas `rank(ascending=False, method="first")`.
 * Complexity: O(n log n) time, O(n) memory.
 *
 * @param marketCaps strictly positive market caps, one per constituent
 * @returns 1-based ranks, same order as the input
 * @throws CoreError INVALID_ARGUMENT (empty; a cap ≤ 0)
 * @throws CoreError NON_FINITE (NaN or ±Infinity)
 * @example marketCapRanks([10, 30, 20, 30]); // => Int32Array [4, 1, 3, 2]
 */
export function marketCapRanks(marketCaps: ArrayLike<number>): Int32Array {
  checkMarketCaps(marketCaps, "marketCaps");
  const n = marketCaps.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => marketCaps[b] - marketCaps[a] || a - b);
  const ranks = new Int32Array(n);
  for (let r = 0; r < n; r++) ranks[order[r]] = r + 1;
  return ranks;
}
