/** A seeded pseudo-random source; see {@link createRandom}. */
export interface SeededRandom {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Student-t with `nu` > 2 degrees of freedom, scaled to unit variance. */
  studentT(nu: number): number;
}

const TWO_POW_32 = 4294967296;

/**
 * A seeded generator for the demo data (never Math.random, so the same seed gives the same prices on
 * every machine). Uniforms come from sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG, PractRand
 * clean to 2^40+ bytes) on 32-bit integer arithmetic; normals from the polar Box–Muller method (both
 * values used); Student-t as Z / sqrt(G / nu) with G ~ χ²(nu) = 2·Gamma(nu/2) drawn by Marsaglia &
 * Tsang (2000), then scaled by sqrt((nu − 2) / nu) to unit variance.
 *
 * Complexity: O(1) per draw, no allocation after creation.
 *
 * @param seed any integer; equal seeds give equal streams
 * @example createRandom(42).uniform(); // => the same number on every run
 */
export function createRandom(seed: number): SeededRandom {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed | 0;
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  };
  // Discard the first outputs: sfc32 needs a few rounds to mix a small seed.
  for (let i = 0; i < 15; i++) next();

  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * factor;
    hasSpare = true;
    return u * factor;
  };

  const gamma = (shape: number): number => {
    // Marsaglia–Tsang needs shape ≥ 1; every nu we use is > 2, so shape = nu / 2 > 1.
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
      if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
    }
  };

  return {
    uniform: next,
    normal,
    studentT(nu: number): number {
      const chiSquare = 2 * gamma(nu / 2);
      return normal() * Math.sqrt((nu - 2) / chiSquare);
    },
  };
}
