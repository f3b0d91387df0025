import fc from "fast-check";
import { symmetricProductWorkspace } from "../../../src/core/covariance/symmetricProductWorkspace";

/** A seeded uniform generator on [−0.5, 0.5) (LCG), so a failing case can be replayed. */
function uniformFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296 - 0.5;
  };
}

describe("symmetricProductWorkspace (WebAssembly SIMD dsymv, upper triangle)", () => {
  it("multiplies the hand-worked 2 × 2 and 5 × 5 cases", () => {
    const two = symmetricProductWorkspace(2)!;
    // [[2, 1], [1, 3]] (1, 1) = (3, 4); the lower entry is never read, so a NaN there is harmless.
    two.matrix.set([2, 1, NaN, 3]);
    two.v.set([1, 1]);
    two.product(0);
    expect(Array.from(two.s)).toEqual([3, 4]);
    // One 4-row block with one odd column left over (5 = 4 + 1), and the scalar last row.
    const five = symmetricProductWorkspace(5)!;
    // B_ij = i + j + 1 (upper triangle), v = (1, 0, 2, 0, 1): s_i = Σ_j (i + j + 1) v_j
    // = 4(i + 1) + (0 + 4 + 4) = 4i + 12.
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) five.matrix[i * 5 + j] = j >= i ? i + j + 1 : NaN;
    five.v.set([1, 0, 2, 0, 1]);
    five.product(0);
    expect(Array.from(five.s)).toEqual([12, 16, 20, 24, 28]);
    // From 2: the block rows and columns 2 … 4, s_i = (i + 3)·2 + (i + 5)·1 = 3i + 11 for i ≥ 2.
    five.s.fill(-7);
    five.product(2);
    expect(Array.from(five.s)).toEqual([-7, -7, 17, 20, 23]);
  });

  it("equals the sum over the full symmetric block for every size and start (upper triangle only)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 0, max: 69 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (n, start, seed) => {
          const from = start % n;
          const uniform = uniformFrom(seed);
          const w = symmetricProductWorkspace(n)!;
          const full = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = i; j < n; j++) {
              const value = 2 * uniform();
              full[i * n + j] = value;
              full[j * n + i] = value;
              w.matrix[i * n + j] = value;
              // The lower triangle is stale in the tridiagonalisation: it must not be read.
              if (j > i) w.matrix[j * n + i] = NaN;
            }
          }
          for (let i = 0; i < n; i++) w.v[i] = 2 * uniform();
          w.s.fill(5);
          w.product(from);
          for (let i = 0; i < from; i++) expect(w.s[i]).toBe(5);
          for (let i = from; i < n; i++) {
            let sum = 0;
            let magnitude = 0;
            for (let j = from; j < n; j++) {
              sum += full[i * n + j] * w.v[j];
              magnitude += Math.abs(full[i * n + j] * w.v[j]);
            }
            // Grouping differs (two lanes, 4-row blocks): rounding only, ≤ n ε Σ|terms|.
            expect(Math.abs(w.s[i] - sum)).toBeLessThanOrEqual(n * Number.EPSILON * magnitude);
          }
        }
      ),
      { numRuns: 200 }
    );
  });

  it("rejects a start outside the matrix and sizes it cannot hold", () => {
    const w = symmetricProductWorkspace(3)!;
    expect(() => w.product(3)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => w.product(-1)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => w.product(0.5)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(symmetricProductWorkspace(0)).toBeUndefined();
    expect(symmetricProductWorkspace(1.5)).toBeUndefined();
    // 8 · 20,000² bytes is past the 2 GiB address range the kernel assumes.
    expect(symmetricProductWorkspace(20000)).toBeUndefined();
  });
});
