import fc from "fast-check";
import { seededRandom } from "../../../src/core/stats/seededRandom";

/** Mulberry32 written out with BigInt arithmetic mod 2³², independently of Math.imul. */
function mulberry32BigInt(seed: number): () => number {
  const M = 2n ** 32n;
  const mul = (a: bigint, b: bigint) => (a * b) % M;
  let state = BigInt(seed);
  return () => {
    state = (state + 0x6d2b79f5n) % M;
    let t = state;
    t = mul(t ^ (t >> 15n), t | 1n);
    t = t ^ ((t + mul(t ^ (t >> 7n), t | 61n)) % M);
    return Number((t ^ (t >> 14n)) % M) / 2 ** 32;
  };
}

describe("seededRandom", () => {
  it("gives the documented first numbers for seed 1", () => {
    const next = seededRandom(1);
    expect(next()).toBe(0.6270739405881613);
    expect(next()).toBe(0.002735721180215478);
  });

  it("matches Mulberry32 computed in exact integer arithmetic (1,000 draws, random seeds)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const a = seededRandom(seed);
        const b = mulberry32BigInt(seed);
        for (let k = 0; k < 1000; k++) expect(a()).toBe(b());
      }),
      { numRuns: 20 }
    );
  });

  it("stays in [0, 1) and has a mean near 1/2 and a variance near 1/12", () => {
    const next = seededRandom(20261203);
    let sum = 0;
    let squares = 0;
    const count = 100000;
    for (let k = 0; k < count; k++) {
      const u = next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      squares += u * u;
    }
    const mean = sum / count;
    // Standard errors: 0.289/√n ≈ 0.0009 for the mean; allow five of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
    expect(Math.abs(squares / count - mean * mean - 1 / 12)).toBeLessThan(0.003);
  });

  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it.each([-1, 1.5, 2 ** 32, Number.NaN])("refuses seed %p", (seed) => {
    expect(() => seededRandom(seed)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "seed" })
    );
  });
});
