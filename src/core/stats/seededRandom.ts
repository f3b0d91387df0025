import { CoreError } from "../errors";

/**
 * A seeded pseudo-random generator of uniform numbers in [0, 1): the same seed gives the same
 * stream on every platform, so a resampled result recalculates to the same numbers.
 *
 * Algorithm: Mulberry32 (Tommy Ettinger, 2017, public domain): a 32-bit Weyl sequence
 * s ← s + 0x6D2B79F5 (mod 2³²) passed through two xor-shift-multiply rounds; period 2³², every
 * 32-bit output once. Plenty for bootstraps (10,000 resamples × 10⁴ rows draw 10⁸ < 2³² numbers),
 * not for cryptography. Math.imul keeps the products exact in 32 bits, so the stream is identical
 * in every JavaScript engine (and reproducible in any language with uint32 arithmetic).
 * Conventions: the seed is taken as an unsigned 32-bit integer; each call returns k / 2³² for an
 * integer k in [0, 2³²).
 * Complexity: O(1) per number, O(1) memory.
 *
 * @param seed a whole number in [0, 2³²)
 * @returns a function returning the next number of the stream on each call
 * @throws CoreError INVALID_ARGUMENT (seed not a whole number in [0, 2³²))
 * @example const next = seededRandom(1); next(); // => 0.6270739405881613
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `seed must be a whole number from 0 to 4294967295; got ${seed}`,
      { argument: "seed" }
    );
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
