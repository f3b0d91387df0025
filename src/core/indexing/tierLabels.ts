import { tierIndices, type TierOptions } from "./tierIndices";

/**
 * Market-cap tier name of each constituent ("large", "mid", "small"), from its rank by market cap.
 *
 * Conventions: as `tierIndices` — rank 1 is the largest (ties by input order); default breaks
 * [20, 100] give ranks 1–20 "large", 21–100 "mid", 101+ "small" (DESIGN.md domain notes). For a
 * 40-token universe pass smaller breaks such as [10, 25].
 * Complexity: O(n log n).
 *
 * @param marketCaps strictly positive market caps, one per constituent
 * @param options rank breaks and tier names
 * @returns the tier name of each constituent, input order
 * @throws CoreError INVALID_ARGUMENT (empty or non-positive caps; bad breaks; names not one distinct name per tier)
 * @throws CoreError NON_FINITE (a NaN or infinite market cap)
 * @example tierLabels([900, 5, 60, 30], { breaks: [1, 2] }); // => ["large", "small", "mid", "small"]
 */
export function tierLabels(marketCaps: ArrayLike<number>, options: TierOptions = {}): string[] {
  const { tier, names } = tierIndices(marketCaps, options);
  return Array.from(tier, (k) => names[k]);
}
