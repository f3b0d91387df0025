import fc from "fast-check";
import {
  PACK_WIDTH,
  packedCrossProduct,
} from "../../../../src/core/correlation/packedCrossProduct";
import {
  type SimdGramWorkspace,
  simdGramWorkspace,
} from "../../../../src/core/correlation/wasm/simdGramWorkspace";
import { isCoreError } from "../../../../src/core/errors";

/**
 * Agreement with the sequential JS sums, relative to ‖a‖‖b‖ (the bound of |a·b| by Cauchy–Schwarz):
 * the kernels differ only in summation order, ≈ √rows ulps in practice, ≤ rows ulps in theory.
 */
const AGREEMENT = 1e-13;

function workspaceOf(maxColumns: number, maxRows: number, separateB: boolean): SimdGramWorkspace {
  const w = simdGramWorkspace(maxColumns, maxRows, separateB);
  if (!w)
    throw new Error("WebAssembly SIMD is expected on the Node versions this project supports");
  return w;
}

/** Writes columns into a SIMD pack: column k at k·ld, rows past the column's length zeroed. */
function fillPack(pack: Float64Array, columns: readonly number[][], ld: number): void {
  pack.fill(0, 0, columns.length * ld);
  columns.forEach((c, k) => pack.set(c, k * ld));
}

/** The same columns in packedCrossProduct's 3-interleaved layout. */
function interleaved(columns: readonly number[][], rows: number): Float64Array {
  const out = new Float64Array(Math.ceil(columns.length / PACK_WIDTH) * PACK_WIDTH * rows);
  columns.forEach((c, k) => {
    for (let t = 0; t < rows; t++) out[Math.floor(k / 3) * 3 * rows + 3 * t + (k % 3)] = c[t];
  });
  return out;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let t = 0; t < a.length; t++) s += a[t] * b[t];
  return s;
}

function norm(a: readonly number[]): number {
  return Math.sqrt(dot(a, a));
}

/** Runs the SIMD kernel on A (and B); returns a copy of out's first A.length rows and ldOut. */
function simdProduct(
  A: number[][],
  B: number[][] | null,
  rows: number
): { out: Float64Array; ldOut: number } {
  const ld = rows + (rows % 2);
  const w = workspaceOf(Math.max(A.length, B?.length ?? 0), rows, B !== null);
  fillPack(w.packA, A, ld);
  if (B) fillPack(w.packB, B, ld);
  // Stale values in out must not leak into the result: crossProduct overwrites.
  w.out.fill(NaN);
  const ldOut = w.crossProduct(A.length, B ? B.length : A.length, ld, B === null);
  return { out: w.out.slice(0, A.length * ldOut), ldOut };
}

const column = (rows: number) =>
  fc.array(
    fc.oneof(
      fc.constant(0),
      // Away from subnormal products, where any summation order is exact only up to 2⁻¹⁰⁷⁴.
      fc
        .double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true })
        .map((v) => (Math.abs(v) < 1e-150 ? 0 : v)),
      fc.integer({ min: -5, max: 5 })
    ),
    { minLength: rows, maxLength: rows }
  );

const columnsCase = fc
  .record({ rows: fc.integer({ min: 1, max: 600 }), colsA: fc.integer({ min: 1, max: 11 }) })
  .chain(({ rows, colsA }) =>
    fc.record({
      rows: fc.constant(rows),
      A: fc.array(column(rows), { minLength: colsA, maxLength: colsA }),
      B: fc.array(column(rows), { minLength: 1, maxLength: 8 }),
    })
  );

describe("simdGramWorkspace", () => {
  it("computes the Gram of a hand-worked 3-row case (odd rows padded with a zero row)", () => {
    // a0 = (1, 2, 3), a1 = (4, 5, 6), ld = 4 (row 3 is padding 0), columns 2–3 padding:
    // a0·a0 = 1 + 4 + 9 = 14; a0·a1 = 4 + 10 + 18 = 32; a1·a1 = 16 + 25 + 36 = 77.
    const { out, ldOut } = simdProduct(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      null,
      3
    );
    expect(ldOut).toBe(4);
    expect(Array.from(out)).toEqual([14, 32, 0, 0, 32, 77, 0, 0]);
  });

  it("computes AᵀB for two packs (hand-worked: a0 = (1, 2), b0 = (5, 6), b1 = (−1, 1))", () => {
    // a0·b0 = 5 + 12 = 17; a0·b1 = −1 + 2 = 1; B pads to 4 columns.
    const { out, ldOut } = simdProduct(
      [[1, 2]],
      [
        [5, 6],
        [-1, 1],
      ],
      2
    );
    expect(ldOut).toBe(4);
    expect(Array.from(out)).toEqual([17, 1, 0, 0]);
  });

  it("agrees with the JS kernel and a naive triple loop on random sizes, odd rows and columns (property)", () => {
    fc.assert(
      fc.property(columnsCase, ({ rows, A, B }) => {
        const blocksA = Math.ceil(A.length / 3);
        const blocksB = Math.ceil(B.length / 3);
        // Gram of A, upper triangle.
        const gram = simdProduct(A, null, rows);
        const js = new Float64Array(9 * blocksA * blocksA);
        const packA = interleaved(A, rows);
        packedCrossProduct(packA, blocksA, packA, blocksA, rows, js, true);
        const ld = 3 * blocksA;
        for (let i = 0; i < A.length; i++) {
          for (let j = i; j < A.length; j++) {
            const scale = Math.max(norm(A[i]) * norm(A[j]), Number.MIN_VALUE);
            const s = gram.out[i * gram.ldOut + j];
            expect(Math.abs(s - js[i * ld + j])).toBeLessThanOrEqual(AGREEMENT * scale);
            expect(Math.abs(s - dot(A[i], A[j]))).toBeLessThanOrEqual(AGREEMENT * scale);
          }
        }
        // Full cross product AᵀB of two packs.
        const cross = simdProduct(A, B, rows);
        const jsCross = new Float64Array(9 * blocksA * blocksB);
        packedCrossProduct(packA, blocksA, interleaved(B, rows), blocksB, rows, jsCross, false);
        const ldB = 3 * blocksB;
        for (let i = 0; i < A.length; i++) {
          for (let j = 0; j < B.length; j++) {
            const scale = Math.max(norm(A[i]) * norm(B[j]), Number.MIN_VALUE);
            const s = cross.out[i * cross.ldOut + j];
            expect(Math.abs(s - jsCross[i * ldB + j])).toBeLessThanOrEqual(AGREEMENT * scale);
            expect(Math.abs(s - dot(A[i], B[j]))).toBeLessThanOrEqual(AGREEMENT * scale);
          }
        }
      }),
      { numRuns: 50 }
    );
  });

  it("is exact on integers, across several 256-row cache blocks and an odd row count", () => {
    // Integer products and sums below 2⁵³ are exact in every order, so the kernels must agree bit for bit.
    const rows = 3651;
    const columns = Array.from({ length: 7 }, (_, k) =>
      Array.from({ length: rows }, (_, t) => ((t * (k + 3) + k * k) % 17) - 8)
    );
    const { out, ldOut } = simdProduct(columns, null, rows);
    expect(ldOut).toBe(8);
    for (let i = 0; i < 7; i++) {
      for (let j = i; j < 7; j++) expect(out[i * ldOut + j]).toBe(dot(columns[i], columns[j]));
    }
  });

  it("gives exact zeros for zero columns and for an all-zero pack", () => {
    const { out, ldOut } = simdProduct(
      [
        [0, 0, 0, 0, 0],
        [1, -2, 3, -4, 5],
      ],
      null,
      5
    );
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(0);
    expect(out[ldOut + 1]).toBe(1 + 4 + 9 + 16 + 25);
    expect(Array.from(simdProduct([[0, 0, 0]], null, 3).out)).toEqual([0, 0, 0, 0]);
  });

  it("handles one column, one row and zero rows", () => {
    expect(simdProduct([[0.5, -2, 4]], null, 3).out[0]).toBe(0.25 + 4 + 16);
    expect(simdProduct([[3]], null, 1).out[0]).toBe(9);
    const w = workspaceOf(1, 0, false);
    w.out.fill(NaN);
    expect(w.crossProduct(1, 1, 0, true)).toBe(4);
    expect(Array.from(w.out.subarray(0, 16))).toEqual(new Array(16).fill(0));
  });

  it("overwrites out, whatever it held before", () => {
    const w = workspaceOf(1, 2, false);
    fillPack(w.packA, [[1, 2]], 2);
    w.out.fill(10);
    w.crossProduct(1, 1, 2, true);
    // 1·1 + 2·2, not 10 + 5
    expect(w.out[0]).toBe(5);
  });

  it("reuses one instance: a later, larger workspace grows the same memory and detaches old views", () => {
    const small = workspaceOf(3, 10, false);
    const again = workspaceOf(3, 10, false);
    expect(again.packA.buffer).toBe(small.packA.buffer);
    const large = workspaceOf(600, 4000, true);
    expect(large.packA.length).toBe(600 * 4000);
    expect(large.packB.byteOffset).toBe(600 * 4000 * 8);
    expect(large.out.length).toBe(600 * 600);
    // The small workspace's buffer was the memory before it grew.
    expect(small.packA.length).toBe(0);
    // And the grown memory still computes: a0 = (1, …, 1) over 3,999 rows.
    const ones = new Array(3999).fill(1);
    expect(simdProduct([ones], null, 3999).out[0]).toBe(3999);
  });

  it("leaves the caller's pack columns unchanged (only padding columns and out are written)", () => {
    const w = workspaceOf(5, 7, true);
    fillPack(w.packA, [[1, 2, 3, 4, 5, 6, 7]], 8);
    fillPack(w.packB, [[7, 6, 5, 4, 3, 2, 1], [0.5, 0, 0, 0, 0, 0, -0.5], [2]], 8);
    const beforeA = w.packA.slice(0, 8);
    const beforeB = w.packB.slice(0, 3 * 8);
    const ldOut = w.crossProduct(1, 3, 8, false);
    expect(w.packA.slice(0, 8)).toEqual(beforeA);
    expect(w.packB.slice(0, 3 * 8)).toEqual(beforeB);
    expect(w.out[0]).toBe(7 + 12 + 15 + 16 + 15 + 12 + 7);
    expect(w.out[1]).toBe(0.5 - 3.5);
    expect(w.out[2]).toBe(2);
    expect(ldOut).toBe(4);
  });

  describe("throws INVALID_ARGUMENT", () => {
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (isCoreError(e)) return e.code;
        throw e;
      }
      throw new Error("did not throw");
    };

    it("for maxColumns below 1 or not an integer", () => {
      expect(code(() => simdGramWorkspace(0, 5, false))).toBe("INVALID_ARGUMENT");
      expect(code(() => simdGramWorkspace(1.5, 5, false))).toBe("INVALID_ARGUMENT");
      expect(code(() => simdGramWorkspace(NaN, 5, false))).toBe("INVALID_ARGUMENT");
      expect(() => simdGramWorkspace(0, 5, false)).toThrow(
        "maxColumns must be an integer of at least 1; got 0"
      );
    });

    it("for maxRows negative or not an integer", () => {
      expect(code(() => simdGramWorkspace(2, -1, false))).toBe("INVALID_ARGUMENT");
      expect(code(() => simdGramWorkspace(2, 2.5, false))).toBe("INVALID_ARGUMENT");
    });

    it("for column counts outside the workspace", () => {
      const w = workspaceOf(3, 4, true);
      expect(code(() => w.crossProduct(4, 4, 4, true))).toBe("INVALID_ARGUMENT");
      expect(code(() => w.crossProduct(-1, 1, 4, false))).toBe("INVALID_ARGUMENT");
      expect(code(() => w.crossProduct(1.5, 1, 4, false))).toBe("INVALID_ARGUMENT");
    });

    it("for an odd ld or one past maxLd", () => {
      const w = workspaceOf(3, 5, false);
      expect(w.maxLd).toBe(6);
      expect(code(() => w.crossProduct(1, 1, 3, true))).toBe("INVALID_ARGUMENT");
      expect(code(() => w.crossProduct(1, 1, 8, true))).toBe("INVALID_ARGUMENT");
      expect(() => w.crossProduct(1, 1, 3, true)).toThrow("ld must be an even integer from 0 to 6");
    });

    it("for colsB ≠ colsA when B is pack A (upperOnly, or no separate B)", () => {
      expect(code(() => workspaceOf(6, 4, true).crossProduct(2, 1, 4, true))).toBe(
        "INVALID_ARGUMENT"
      );
      expect(code(() => workspaceOf(6, 4, false).crossProduct(2, 5, 4, false))).toBe(
        "INVALID_ARGUMENT"
      );
    });
  });
});
