import { CoreError } from "../errors";
import { marketCapRanks } from "./marketCapRanks";

/** Options for `tierLabels`, {@link tierIndices} and `tieredWeights`. */
export interface TierOptions {
  /**
   * Rank breaks, strictly increasing whole numbers ≥ 1: tier k holds ranks
   * (breaks[k−1], breaks[k]]. Default [20, 100]: ranks 1–20 large, 21–100 mid, 101+ small.
   */
  readonly breaks?: readonly number[];
  /** One distinct name per tier (breaks.length + 1); default ["large", "mid", "small"] for two breaks, else "tier 1", "tier 2", …. */
  readonly names?: readonly string[];
}

/** The tiers of a universe: each constituent's 0-based tier and the tier names, largest first. */
export interface Tiers {
  readonly tier: Int32Array;
  readonly names: readonly string[];
}

/** DESIGN.md domain notes: large caps are the top 10–20, mid caps ranks 20–100, small caps 100+. */
const DEFAULT_BREAKS: readonly number[] = [20, 100];
const DEFAULT_NAMES: readonly string[] = ["large", "mid", "small"];

/**
 * Market-cap tier index of each constituent (0 = largest tier) from its rank by market cap.
 *
 * Conventions: rank 1 is the largest market cap, ties broken by input order (see
 * `marketCapRanks`). Breaks are ranks, not amounts, so tiers stay stable as prices move. The
 * defaults follow DESIGN.md's domain notes: ranks 1–20 "large", 21–100 "mid", 101+ "small". A
 * 40-token universe then has 20 large, 20 mid and no small names; pass breaks [10, 25] to split
 * it more evenly. A tier may be empty.
 * Complexity: O(n log n + n·k) for k breaks.
 *
 * @param marketCaps strictly positive market caps, one per constituent
 * @param options rank breaks and tier names
 * @returns tier index per constituent (input order) and the tier names
 * @throws CoreError INVALID_ARGUMENT (empty or non-positive caps; breaks not strictly increasing whole ranks ≥ 1; names not one distinct name per tier)
 * @throws CoreError NON_FINITE (a NaN or infinite market cap)
 * @example tierIndices([900, 5, 60], { breaks: [1, 2] }).tier; // => Int32Array [0, 2, 1]
 */
export function tierIndices(marketCaps: ArrayLike<number>, options: TierOptions = {}): Tiers {
  const breaks = options.breaks ?? DEFAULT_BREAKS;
  for (let k = 0; k < breaks.length; k++) {
    const b = breaks[k];
    if (!Number.isInteger(b) || b < 1 || (k > 0 && b <= breaks[k - 1])) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `breaks must be strictly increasing whole ranks of at least 1 (e.g. [20, 100]); got [${breaks.join(", ")}]`,
        { argument: "breaks" }
      );
    }
  }
  const names = options.names ?? defaultNames(breaks.length + 1);
  if (names.length !== breaks.length + 1 || new Set(names).size !== names.length) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${breaks.length} breaks make ${breaks.length + 1} tiers; give ${breaks.length + 1} distinct names (got ${names.length}: ${names.join(", ")})`,
      { argument: "names" }
    );
  }
  const ranks = marketCapRanks(marketCaps);
  const tier = new Int32Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) {
    let k = 0;
    while (k < breaks.length && ranks[i] > breaks[k]) k++;
    tier[i] = k;
  }
  return { tier, names: [...names] };
}

function defaultNames(count: number): readonly string[] {
  if (count === DEFAULT_NAMES.length) return DEFAULT_NAMES;
  return Array.from({ length: count }, (_, k) => `tier ${k + 1}`);
}
