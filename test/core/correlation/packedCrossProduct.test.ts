import fc from "fast-check";
import { PACK_WIDTH, packedCrossProduct } from "../../../src/core/correlation/packedCrossProduct";

/** Packs column-major columns 3-wide, zero-padded, as the kernel expects. */
function pack(columns: number[][], rows: number): Float64Array {
  const blocks = Math.ceil(columns.length / PACK_WIDTH);
  const out = new Float64Array(blocks * PACK_WIDTH * rows);
  columns.forEach((c, k) => {
    for (let t = 0; t < rows; t++) out[Math.floor(k / 3) * 3 * rows + 3 * t + (k % 3)] = c[t];
  });
  return out;
}

function dot(a: number[], b: number[]): number {
  return a.reduce((s, v, t) => s + v * b[t], 0);
}

describe("packedCrossProduct", () => {
  it("computes AᵀB for a hand-worked 2-row case", () => {
    // a0 = (1, 2), a1 = (3, 4); b0 = (5, 6): a0·b0 = 5 + 12 = 17, a1·b0 = 15 + 24 = 39
    const A = pack(
      [
        [1, 2],
        [3, 4],
      ],
      2
    );
    const B = pack([[5, 6]], 2);
    const out = new Float64Array(9);
    packedCrossProduct(A, 1, B, 1, 2, out, false);
    expect(out[0]).toBe(17);
    expect(out[3]).toBe(39);
  });

  it("equals plain dot products, across row blocks and ragged column counts (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer(),
        (na, nb, rows, seed) => {
          let s = seed;
          const rand = () => (s = (Math.imul(s, 1103515245) + 12345) | 0) / 2 ** 31;
          const A = Array.from({ length: na }, () => Array.from({ length: rows }, rand));
          const B = Array.from({ length: nb }, () => Array.from({ length: rows }, rand));
          const blocksA = Math.ceil(na / 3);
          const blocksB = Math.ceil(nb / 3);
          const out = new Float64Array(blocksA * 3 * blocksB * 3);
          packedCrossProduct(pack(A, rows), blocksA, pack(B, rows), blocksB, rows, out, false);
          for (let p = 0; p < na; p++)
            for (let q = 0; q < nb; q++)
              expect(out[p * blocksB * 3 + q]).toBeCloseTo(dot(A[p], B[q]), 10);
          // Upper-only on A with itself: every block at or above the diagonal block is filled.
          const self = new Float64Array(blocksA * 3 * blocksA * 3);
          const packedA = pack(A, rows);
          packedCrossProduct(packedA, blocksA, packedA, blocksA, rows, self, true);
          for (let p = 0; p < na; p++)
            for (let q = p; q < na; q++)
              expect(self[p * blocksA * 3 + q]).toBeCloseTo(dot(A[p], A[q]), 10);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("accumulates into out rather than overwriting (callers zero it)", () => {
    const A = pack([[1, 1]], 2);
    const out = new Float64Array(9).fill(1);
    packedCrossProduct(A, 1, A, 1, 2, out, true);
    expect(out[0]).toBe(3);
  });

  it("does nothing for zero rows (internal kernel: no validation, no throw)", () => {
    const out = new Float64Array(9);
    packedCrossProduct(new Float64Array(0), 1, new Float64Array(0), 1, 0, out, true);
    expect(Array.from(out)).toEqual(new Array(9).fill(0));
  });

  it("does not modify its packed inputs", () => {
    const A = pack(
      [
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
      ],
      2
    );
    const before = Array.from(A);
    packedCrossProduct(A, 2, A, 2, 2, new Float64Array(36), true);
    expect(Array.from(A)).toEqual(before);
  });
});
