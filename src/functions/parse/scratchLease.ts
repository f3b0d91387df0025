/**
 * Largest scratch array kept between calls: 4 Mi doubles (32 MB), e.g. 500 assets × 8,000 days.
 * Bigger inputs get a fresh array that the garbage collector reclaims as usual.
 */
const MAX_KEPT_LENGTH = 4 * 1024 * 1024;

let kept: Float64Array | undefined;
let leased = false;

/** A loan of the shared scratch array; see {@link leaseScratch}. */
export interface ScratchLease {
  /**
   * A Float64Array of `length` for data that dies before the lease is released. The first call
   * lends the shared array (its old contents included: the caller overwrites every element); any
   * further call, or a call after release, returns a fresh array.
   */
  readonly allocate: (length: number) => Float64Array;
  /** Gives the shared array back; call it in a `finally`. */
  readonly release: () => void;
}

/**
 * Lends one reusable Float64Array for intermediate data inside one synchronous call, such as the
 * prices a function turns into returns and then drops.
 *
 * Why: a fresh multi-megabyte typed array costs more in page faults than filling it (Node 20 here:
 * 0.86 ms vs 0.09 ms for 365,000 doubles; headless Chromium, Excel's engine: 1.8 ms vs 0.09 ms),
 * which was a third of parsing a 200 × 1,825 price range.
 * Safety: custom functions that parse prices run synchronously, so one lease is live at a time;
 * a nested lease (a second range parsed while the first is held) or a second allocation in one
 * lease gets fresh memory, never the array already lent out. Nothing that escapes the call may
 * point into the lent array.
 * Complexity: O(1), plus one allocation when the kept array must grow.
 */
export function leaseScratch(): ScratchLease {
  if (leased) return { allocate: (length) => new Float64Array(length), release: () => {} };
  leased = true;
  let lent = false;
  let released = false;
  return {
    allocate(length) {
      if (lent || released || length > MAX_KEPT_LENGTH) return new Float64Array(length);
      lent = true;
      if (kept === undefined || kept.length < length) kept = new Float64Array(length);
      return kept.subarray(0, length);
    },
    release() {
      if (released) return;
      released = true;
      leased = false;
    },
  };
}
