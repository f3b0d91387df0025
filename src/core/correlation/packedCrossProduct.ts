/**
 * Number of columns interleaved in one packed block. Three: a 3×3 register tile keeps
 * 9 accumulators + 6 loaded values = 15 live doubles, within the 16 SSE/AVX registers V8 allocates
 * on x64, whereas a 4×4 tile (16 + 8) spills. Measured on the 2-core dev box for 500 × 3,650
 * (CPU time, Gram only): packed 3×3 182–186 ms, packed 4×4 183–219 ms, packed 2×4 199–204 ms,
 * unpacked 4×4 ≈ 235 ms, naive ≈ 590 ms. 3×3 and 4×4 tie when the box is quiet; both run at about
 * the scalar peak (456 M multiply-adds, 2 flops per cycle at 2.6 GHz ≈ 175 ms), so only SIMD
 * (WebAssembly f64x2) or a second core would go faster. bench/core/correlation.bench.ts keeps the
 * alternatives.
 */
export const PACK_WIDTH = 3;

/**
 * Rows per cache block: a 3-column strip of 256 rows is 6 KB, so the A strip stays in L1 while the
 * B strips of one block-row (≤ ~1 MB for 500 columns) stream from L2.
 */
const ROW_BLOCK = 256;

/**
 * Cross products of packed columns: out[(3·a + p) · ldOut + 3·b + q] += Σ_t A_{a,p}[t] · B_{b,q}[t],
 * where a column k of a pack lives at pack[⌊k/3⌋·3·rows + 3·t + k mod 3] (three columns
 * interleaved, so the inner loop reads two contiguous streams).
 *
 * Formula: the Gram/cross-product block Aᵀ B (or its upper block-triangle when `upperOnly`, for
 * A = B: blocks b < a are skipped, the caller mirrors them).
 * Reference: the GotoBLAS/BLIS packing + register-tile scheme (Goto & van de Geijn 2008,
 * "Anatomy of high-performance matrix multiplication"), here with a 3×3 scalar tile.
 * Complexity: O(rows · blocksA · blocksB · 9) multiply-adds (half of that when `upperOnly`); no
 * allocation. Accumulates into `out`, which the caller zeroes.
 *
 * @param packA packed A, blocksA · 3 · rows values (pad missing columns with zeros)
 * @param blocksA number of 3-column blocks in A
 * @param packB packed B (may be `packA`)
 * @param blocksB number of 3-column blocks in B
 * @param rows rows per column
 * @param out row-major (3·blocksA) × (3·blocksB) accumulator
 * @param upperOnly compute only blocks b ≥ a (use when packB is packA)
 * @throws nothing: internal kernel, the caller sizes the buffers
 * @example packedCrossProduct(pack, 1, pack, 1, 2, out, true); // out[0] = Σ_t z0[t]², …
 */
export function packedCrossProduct(
  packA: Float64Array,
  blocksA: number,
  packB: Float64Array,
  blocksB: number,
  rows: number,
  out: Float64Array,
  upperOnly: boolean
): void {
  const ldOut = blocksB * PACK_WIDTH;
  const stride = PACK_WIDTH * rows;
  for (let t0 = 0; t0 < rows; t0 += ROW_BLOCK) {
    const t1 = Math.min(rows, t0 + ROW_BLOCK);
    for (let a = 0; a < blocksA; a++) {
      const aBase = a * stride;
      const aEnd = aBase + t1 * PACK_WIDTH;
      for (let b = upperOnly ? a : 0; b < blocksB; b++) {
        let c00 = 0;
        let c01 = 0;
        let c02 = 0;
        let c10 = 0;
        let c11 = 0;
        let c12 = 0;
        let c20 = 0;
        let c21 = 0;
        let c22 = 0;
        let q = b * stride + t0 * PACK_WIDTH;
        for (let p = aBase + t0 * PACK_WIDTH; p < aEnd; p += 3, q += 3) {
          const a0 = packA[p];
          const a1 = packA[p + 1];
          const a2 = packA[p + 2];
          const b0 = packB[q];
          const b1 = packB[q + 1];
          const b2 = packB[q + 2];
          c00 += a0 * b0;
          c01 += a0 * b1;
          c02 += a0 * b2;
          c10 += a1 * b0;
          c11 += a1 * b1;
          c12 += a1 * b2;
          c20 += a2 * b0;
          c21 += a2 * b1;
          c22 += a2 * b2;
        }
        const r = a * PACK_WIDTH * ldOut + b * PACK_WIDTH;
        out[r] += c00;
        out[r + 1] += c01;
        out[r + 2] += c02;
        out[r + ldOut] += c10;
        out[r + ldOut + 1] += c11;
        out[r + ldOut + 2] += c12;
        out[r + 2 * ldOut] += c20;
        out[r + 2 * ldOut + 1] += c21;
        out[r + 2 * ldOut + 2] += c22;
      }
    }
  }
}
