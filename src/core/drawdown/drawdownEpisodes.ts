import { CoreError } from "../errors";
import { checkedPrices } from "../stats/checkedPrices";

/** One drawdown episode: a fall from a peak, its trough, and the recovery to the peak (if any). */
export interface DrawdownEpisode {
  /** Row of the peak: the last row at the running high before the fall. */
  readonly peakIndex: number;
  /** Row of the lowest price before recovery (the first such row on ties). */
  readonly troughIndex: number;
  /** First row after the trough with a price ≥ the peak; null = not recovered by the last row. */
  readonly recoveryIndex: number | null;
  /** Depth 1 − P_trough / P_peak, a positive fraction in (0, 1). */
  readonly depth: number;
  /** Periods from peak to recovery, or from peak to the last row when not recovered. */
  readonly length: number;
  /** Periods from trough to recovery; null when not recovered. */
  readonly timeToRecover: number | null;
}

/**
 * The worst `k` drawdown episodes of a price series, deepest first.
 *
 * An episode is a maximal spell below the running peak: it starts at the peak, reaches its trough
 * (the minimum of the spell) and ends at the first price back at or above the peak. Spells are
 * disjoint by construction, so episodes never overlap; a second dip before the recovery belongs to
 * the same episode. Formula: depth = 1 − P_trough / P_peak; the deepest depth equals `maxDrawdown`.
 * Reference: the drawdown table of pyfolio `gen_drawdown_table` (peak, valley, recovery, duration),
 * with pyfolio's "remove the worst episode and search again" replaced by one scan of the spells,
 * which gives the same disjoint episodes.
 * Conventions: prices oldest first; indices are 0-based rows; lengths in periods; depth positive as
 * in `maxDrawdown`; ties in depth keep the earlier episode first.
 * Complexity: O(n log k) time (one scan, a size-k min-heap of the deepest episodes), O(k) memory;
 * with k omitted, O(n + E log E) for E episodes (collected, then sorted once).
 *
 * @param prices strictly positive prices or equity values, oldest first, at least two
 * @param k how many episodes to return, a positive integer (default: all)
 * @returns up to k episodes sorted by depth, deepest first (empty when the series never falls)
 * @throws CoreError TOO_FEW_POINTS (fewer than two prices)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0, with its row)
 * @throws CoreError INVALID_ARGUMENT (k not a positive integer)
 * @example drawdownEpisodes([100, 80, 100, 90, 95], 1);
 *   // => [{ peakIndex: 0, troughIndex: 1, recoveryIndex: 2, depth: 0.19999999999999996, length: 2, timeToRecover: 1 }]
 */
export function drawdownEpisodes(prices: ArrayLike<number>, k?: number): DrawdownEpisode[] {
  const limit = k ?? Infinity;
  if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 1))) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `k must be a whole number of episodes, 1 or more; got ${k}`,
      { argument: "k" }
    );
  }
  checkedPrices(prices);
  const n = prices.length;
  const heap = new EpisodeHeap(limit);
  let peak = prices[0];
  let peakIndex = 0;
  let trough = peak;
  let troughIndex = -1;
  for (let t = 1; t < n; t++) {
    const p = prices[t];
    if (p >= peak) {
      if (troughIndex >= 0) {
        heap.offer(peakIndex, troughIndex, t, 1 - trough / peak, n);
        troughIndex = -1;
      }
      peak = p;
      peakIndex = t;
    } else if (troughIndex < 0 || p < trough) {
      trough = p;
      troughIndex = t;
    }
  }
  if (troughIndex >= 0) heap.offer(peakIndex, troughIndex, null, 1 - trough / peak, n);
  return heap.sorted();
}

/**
 * Keeps the `capacity` deepest episodes. A binary min-heap ordered so the root is the episode to
 * evict first (shallowest; on equal depth, the later one). Objects are built only for episodes that
 * enter the heap, so a long noisy series with many shallow spells allocates little.
 */
class EpisodeHeap {
  private readonly items: DrawdownEpisode[] = [];

  constructor(private readonly capacity: number) {}

  offer(
    peakIndex: number,
    troughIndex: number,
    recoveryIndex: number | null,
    depth: number,
    n: number
  ): void {
    const items = this.items;
    if (items.length >= this.capacity) {
      const root = items[0];
      // Scanning runs oldest first, so an equal depth never displaces the earlier episode.
      if (depth <= root.depth) return;
    }
    const episode: DrawdownEpisode = {
      peakIndex,
      troughIndex,
      recoveryIndex,
      depth,
      length: (recoveryIndex ?? n - 1) - peakIndex,
      timeToRecover: recoveryIndex === null ? null : recoveryIndex - troughIndex,
    };
    if (this.capacity === Infinity) {
      // Keeping every episode: no eviction, so heap order is wasted work; sorted() sorts once.
      items.push(episode);
    } else if (items.length < this.capacity) {
      items.push(episode);
      this.siftUp(items.length - 1);
    } else {
      items[0] = episode;
      this.siftDown(0);
    }
  }

  sorted(): DrawdownEpisode[] {
    return this.items.slice().sort((a, b) => b.depth - a.depth || a.peakIndex - b.peakIndex);
  }

  /** True when a should be evicted before b. */
  private evictsFirst(a: DrawdownEpisode, b: DrawdownEpisode): boolean {
    return a.depth < b.depth || (a.depth === b.depth && a.peakIndex > b.peakIndex);
  }

  private siftUp(index: number): void {
    const items = this.items;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.evictsFirst(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const items = this.items;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && this.evictsFirst(items[left], items[smallest])) smallest = left;
      if (right < items.length && this.evictsFirst(items[right], items[smallest])) smallest = right;
      if (smallest === i) return;
      [items[i], items[smallest]] = [items[smallest], items[i]];
      i = smallest;
    }
  }
}
