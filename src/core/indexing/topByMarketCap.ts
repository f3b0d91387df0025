import { CoreError } from "../errors";
import { marketCapRanks } from "./marketCapRanks";

/**
 * Selects the `count` largest constituents by market cap, as a top-N index does.
 *
 * Conventions: ties are broken by input order (see `marketCapRanks`), so the selection is
 * deterministic; the result lists input indices from the largest market cap down. When `count`
 * exceeds the universe, every constituent is returned (the index simply holds fewer names).
 * Complexity: O(n log n).
 *
 * @param marketCaps strictly positive market caps, one per constituent
 * @param count how many names to keep, a positive integer
 * @returns 0-based input indices of the selected names, largest first
 * @throws CoreError INVALID_ARGUMENT (count not a positive integer; empty or non-positive caps)
 * @throws CoreError NON_FINITE (a NaN or infinite market cap)
 * @example topByMarketCap([5, 50, 20, 50], 2); // => Int32Array [1, 3]
 */
export function topByMarketCap(marketCaps: ArrayLike<number>, count: number): Int32Array {
  if (!Number.isInteger(count) || count < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `count must be a whole number of at least 1; got ${count}`,
      { argument: "count" }
    );
  }
  const ranks = marketCapRanks(marketCaps);
  const kept = Math.min(count, ranks.length);
  const selected = new Int32Array(kept);
  for (let i = 0; i < ranks.length; i++) {
    if (ranks[i] <= kept) selected[ranks[i] - 1] = i;
  }
  return selected;
}
