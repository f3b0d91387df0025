import fc from "fast-check";
import { crossProduct } from "../../../src/core/covariance/crossProduct";
import { relativeError } from "./covarianceTestKit";

/** Plain triple loop, the definition Σ_t x_ti x_tj, as the reference. */
function naive(x: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let t = 0; t < rows; t++) s += x[i * rows + t] * x[j * rows + t];
      out[i * cols + j] = s;
    }
  }
  return out;
}

describe.each(["auto", "js"] as const)("crossProduct (%s kernel)", (kernel) => {
  it("matches the hand-worked 2 × 2 case", () => {
    // Columns [1, 2] and [3, 4]: 1 + 4 = 5, 3 + 8 = 11, 9 + 16 = 25.
    expect(Array.from(crossProduct(new Float64Array([1, 2, 3, 4]), 2, 2, kernel))).toEqual([
      5, 11, 11, 25,
    ]);
  });

  it("matches the triple-loop definition for every tile remainder and row-block boundary", () => {
    // Sizes cover cols mod 4 = 0..3 and rows on both sides of the 128-row block.
    for (const [rows, cols] of [
      [1, 1],
      [3, 4],
      [127, 5],
      [128, 6],
      [129, 7],
      [300, 9],
      [260, 12],
    ]) {
      const x = Float64Array.from(
        { length: rows * cols },
        (_, k) => Math.sin(k * 1.3) + (k % 7) / 10
      );
      expect(relativeError(crossProduct(x, rows, cols, kernel), naive(x, rows, cols))).toBeLessThan(
        1e-14
      );
    }
  });

  it("is exactly symmetric and agrees with the definition on random matrices", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 140 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 1000 }),
        (rows, cols, seed) => {
          const x = Float64Array.from({ length: rows * cols }, (_, k) =>
            Math.sin(seed * 7.1 + k * 0.37)
          );
          const c = crossProduct(x, rows, cols, kernel);
          for (let i = 0; i < cols; i++) {
            for (let j = 0; j < i; j++) expect(c[i * cols + j]).toBe(c[j * cols + i]);
          }
          expect(relativeError(c, naive(x, rows, cols))).toBeLessThan(1e-13);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("leaves its input unchanged", () => {
    const x = new Float64Array([1, 2, 3, 4, 5, 6]);
    crossProduct(x, 3, 2, kernel);
    expect(Array.from(x)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("ignores what an earlier, larger call left in the shared workspace (odd row counts)", () => {
    // The SIMD pack is reused: 4 rows of 1e6 first, then 3 rows whose padding row must count as 0.
    crossProduct(new Float64Array(8).fill(1e6), 4, 2, kernel);
    expect(Array.from(crossProduct(new Float64Array([1, 2, 3, 4, 5, 6]), 3, 2, kernel))).toEqual([
      14, 32, 32, 77,
    ]);
  });
});

describe("crossProduct kernels", () => {
  it("agree to rounding on a 200 × 1,825 panel (the SIMD one sums in another order)", () => {
    const rows = 1825;
    const cols = 200;
    const x = Float64Array.from({ length: rows * cols }, (_, k) => Math.sin(k * 0.71) * 0.05);
    expect(
      relativeError(crossProduct(x, rows, cols), crossProduct(x, rows, cols, "js"))
    ).toBeLessThan(1e-13);
  });
});
