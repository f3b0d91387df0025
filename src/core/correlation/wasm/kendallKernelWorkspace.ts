import { growMemoryTo } from "./growMemory";
import { kendallKernelWasm } from "./kendallKernelWasm";
import { lazySimdKernel } from "./lazySimdKernel";

/** Largest point count of the 3-level kernel (512 words of 32 ordinals; i16 counts stay exact). */
const MAX_POINTS = 16384;
/** Largest point count of the 2-level kernel (64 words). */
const MAX_POINTS_TWO_LEVELS = 2048;
/** Bytes of the kernel's counting structure (discordant3's; discordant2 uses the first 400). */
const COUNTS_BYTES = 3216;
/** Largest workspace: addresses stay far below 2³¹, which the kernel's signed loop bounds assume. */
const MAX_WORKSPACE_BYTES = 2 ** 30;

/** Rank arrays living in the kernel's linear memory, plus the kernel entry point. */
export interface KendallKernelWorkspace {
  /** Sort orders: local column ℓ's at [ℓ·n, (ℓ+1)·n) for the n of the current overlap. */
  readonly orders: Int32Array;
  /** Ordinal ranks, same layout. */
  readonly ordinals: Int32Array;
  /** Tie ends, same layout. */
  readonly tieEnds: Int32Array;
  /**
   * Discordant pairs of (x, y) = local columns (xColumn, yColumn) over n points, x without ties:
   * Σ_k #{s < k : y's ordinal at xOrder[s] > y's tie end at xOrder[k]} (see kendallKernel.wat).
   */
  readonly discordant: (xColumn: number, yColumn: number, n: number) => number;
  /** The same when y has no ties either (its tie ends are not read): a little faster. */
  readonly discordantDistinct: (xColumn: number, yColumn: number, n: number) => number;
}

/** A kernel export: discordant pairs from x's order, y's ordinals and tie ends, n, the counts. */
type Discordance = (xo: number, yr: number, ye: number, n: number, c: number) => number;

interface Kernel {
  readonly memory: WebAssembly.Memory;
  readonly discordant2: Discordance;
  readonly discordant3: Discordance;
  readonly discordantDistinct2: Discordance;
  readonly discordantDistinct3: Discordance;
}

/** The instantiated kernel, shared by every call (null: unavailable, use the JS kernel). */
const instance = lazySimdKernel<Kernel>(() => kendallKernelWasm);

/**
 * A workspace for the WebAssembly SIMD discordance kernel (kendallKernel.wat): the sort orders,
 * ordinal ranks and tie ends of up to `maxColumns` columns of up to `maxPoints` points, as views on
 * the kernel's memory, so the ranks are written once per column and overlap and each pair is one
 * kernel call on them.
 *
 * Formula: discordant(x, y, n) = Σ_k (k − #{s < k : ordinal_y(π_s) ≤ tieEnd_y(π_k)}), π = x's
 * ascending order: Knight's (1966) count of discordant pairs for an x without ties, exact in
 * integers (Knight, "A computer method for calculating Kendall's tau with ungrouped data", JASA
 * 61(314)). The prefix counts come from a bit set over the ordinals with i16 run counts in v128
 * lanes (the layout is in the .wat file): a count is a popcount plus 2–3 loads and an insert one OR
 * plus 2–3 vector compare-and-subtracts, with no data-dependent branch.
 * Method: the module (≈ 800 bytes, under Chromium's 4 KB limit for synchronous compilation on the
 * main thread) is compiled synchronously on first use and reused; memory grows to fit and never
 * shrinks, so views from an earlier call are detached by a later, larger one.
 * Complexity: discordant O(n); the workspace O(1) apart from growing the memory.
 *
 * @param maxColumns largest number of local columns (≥ 1)
 * @param maxPoints largest overlap n
 * @returns the workspace, or undefined when WebAssembly SIMD is unavailable, instantiation is
 *   refused, maxPoints exceeds 16,384 (i16 counts) or the memory cannot grow: the caller then uses
 *   the JS kernel (kendallTauFromRanks)
 * @throws nothing: every failure means "use the JS kernel"
 * @example const w = kendallKernelWorkspace(2, 3)!;
 *   w.orders.set([0, 1, 2], 0); w.ordinals.set([0, 2, 1], 3); w.tieEnds.set([0, 2, 1], 3);
 *   w.discordant(0, 1, 3); // => 1 (x = 1, 2, 3; y = 1, 3, 2)
 */
export function kendallKernelWorkspace(
  maxColumns: number,
  maxPoints: number
): KendallKernelWorkspace | undefined {
  if (maxPoints > MAX_POINTS || maxColumns < 1) return undefined;
  const kernel = instance();
  if (kernel === null) return undefined;
  const arrayBytes = 4 * maxColumns * Math.max(1, maxPoints);
  // Counts first (at 0, so 16-byte aligned for the v128 lanes), then the three rank arrays.
  const bytes = COUNTS_BYTES + 3 * arrayBytes;
  if (bytes > MAX_WORKSPACE_BYTES) return undefined;
  const memory = kernel.memory;
  if (!growMemoryTo(memory, bytes)) return undefined;
  const counts = 0;
  const ordersAt = COUNTS_BYTES;
  const ordinalsAt = ordersAt + arrayBytes;
  const tieEndsAt = ordinalsAt + arrayBytes;
  const buffer = memory.buffer;
  const length = arrayBytes / 4;
  const two = maxPoints <= MAX_POINTS_TWO_LEVELS;
  const count = two ? kernel.discordant2 : kernel.discordant3;
  const countDistinct = two ? kernel.discordantDistinct2 : kernel.discordantDistinct3;
  return {
    orders: new Int32Array(buffer, ordersAt, length),
    ordinals: new Int32Array(buffer, ordinalsAt, length),
    tieEnds: new Int32Array(buffer, tieEndsAt, length),
    discordant: (xColumn, yColumn, n) => {
      const x = 4 * xColumn * n;
      const y = 4 * yColumn * n;
      return count(ordersAt + x, ordinalsAt + y, tieEndsAt + y, n, counts);
    },
    discordantDistinct: (xColumn, yColumn, n) => {
      const x = 4 * xColumn * n;
      const y = 4 * yColumn * n;
      return countDistinct(ordersAt + x, ordinalsAt + y, tieEndsAt + y, n, counts);
    },
  };
}
