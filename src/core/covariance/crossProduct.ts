import { simdGramWorkspace } from "../correlation/wasm/simdGramWorkspace";
import { mirroredUpperRows } from "../linalg/mirroredUpperRows";

/**
 * Rows per block of the cross-product. A block of 128 rows × 500 assets is 512 KB, which stays in a
 * typical L2 cache while every 4 × 4 tile of the block is computed; longer blocks spill to L3.
 */
const ROW_BLOCK = 128;

/**
 * Cross-product XᵀX of a column-major matrix X (rows × cols): entry (i, j) is Σ_t x_ti · x_tj.
 *
 * Formula: C = XᵀX, symmetric, returned in full (row-major, cols × cols).
 * Reference: the BLAS `dsyrk` kernel, which numpy's `X.T @ X` calls; results agree to rounding
 * (the summation order differs).
 * How: with WebAssembly SIMD (every current browser, Node ≥ 16) the Gram kernel shared with the
 * Pearson correlation (correlation/wasm/simdGramWorkspace, 2 × 4 tiles of f64x2), about 3× the
 * scalar kernel; otherwise a cache-blocked scalar kernel with 4 × 4 register tiles. The two differ
 * only in summation order (|Δ| ≤ ~rows · 2⁻⁵³ · ‖x_i‖‖x_j‖).
 * Complexity: O(rows × cols²) time (half of it skipped by symmetry), O(rows × cols) extra memory
 * for the SIMD pack (reused between calls), O(cols²) for the result.
 *
 * @param x column-major values, length rows × cols (entry (t, j) at x[j * rows + t]); not modified
 * @param rows number of rows (observations)
 * @param cols number of columns (assets)
 * @param kernel "auto" (default: SIMD when available) or "js" (the scalar kernel, for tests)
 * @returns row-major cols × cols matrix XᵀX
 * @throws nothing: an internal kernel; its callers (the estimators) validate x.length = rows × cols
 * @example crossProduct(new Float64Array([1, 2, 3, 4]), 2, 2); // => Float64Array [5, 11, 11, 25]
 */
export function crossProduct(
  x: Float64Array,
  rows: number,
  cols: number,
  kernel: "auto" | "js" = "auto"
): Float64Array {
  const simd = kernel === "auto" && cols > 0 ? simdGramWorkspace(cols, rows, false) : undefined;
  if (simd === undefined) return jsCrossProduct(x, rows, cols);
  const ld = simd.maxLd;
  const { packA } = simd;
  for (let j = 0; j < cols; j++) {
    packA.set(x.subarray(j * rows, (j + 1) * rows), j * ld);
    // An odd row count leaves one padding row per column, which must not add to the sums.
    if (ld > rows) packA[j * ld + rows] = 0;
  }
  const ldOut = simd.crossProduct(cols, cols, ld, true);
  return mirroredUpperRows(simd.out, ldOut, cols, cols);
}

/**
 * The scalar kernel: rows in cache blocks; inside a block a 4 × 4 tile of outputs accumulates in
 * 16 locals, so each loaded value is used four times. Only tiles on or above the diagonal are
 * computed, then the lower triangle is mirrored.
 */
function jsCrossProduct(x: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols * cols);
  const quadCols = cols - (cols % 4);
  for (let t0 = 0; t0 < rows; t0 += ROW_BLOCK) {
    const t1 = Math.min(rows, t0 + ROW_BLOCK);
    for (let i = 0; i < quadCols; i += 4) {
      const a0 = i * rows;
      const a1 = a0 + rows;
      const a2 = a1 + rows;
      const a3 = a2 + rows;
      let j = i;
      for (; j < quadCols; j += 4) {
        const b0 = j * rows;
        const b1 = b0 + rows;
        const b2 = b1 + rows;
        const b3 = b2 + rows;
        let c00 = 0,
          c01 = 0,
          c02 = 0,
          c03 = 0;
        let c10 = 0,
          c11 = 0,
          c12 = 0,
          c13 = 0;
        let c20 = 0,
          c21 = 0,
          c22 = 0,
          c23 = 0;
        let c30 = 0,
          c31 = 0,
          c32 = 0,
          c33 = 0;
        for (let t = t0; t < t1; t++) {
          const x0 = x[a0 + t];
          const x1 = x[a1 + t];
          const x2 = x[a2 + t];
          const x3 = x[a3 + t];
          const y0 = x[b0 + t];
          const y1 = x[b1 + t];
          const y2 = x[b2 + t];
          const y3 = x[b3 + t];
          c00 += x0 * y0;
          c01 += x0 * y1;
          c02 += x0 * y2;
          c03 += x0 * y3;
          c10 += x1 * y0;
          c11 += x1 * y1;
          c12 += x1 * y2;
          c13 += x1 * y3;
          c20 += x2 * y0;
          c21 += x2 * y1;
          c22 += x2 * y2;
          c23 += x2 * y3;
          c30 += x3 * y0;
          c31 += x3 * y1;
          c32 += x3 * y2;
          c33 += x3 * y3;
        }
        const r0 = i * cols + j;
        const r1 = r0 + cols;
        const r2 = r1 + cols;
        const r3 = r2 + cols;
        out[r0] += c00;
        out[r0 + 1] += c01;
        out[r0 + 2] += c02;
        out[r0 + 3] += c03;
        out[r1] += c10;
        out[r1 + 1] += c11;
        out[r1 + 2] += c12;
        out[r1 + 3] += c13;
        out[r2] += c20;
        out[r2 + 1] += c21;
        out[r2 + 2] += c22;
        out[r2 + 3] += c23;
        out[r3] += c30;
        out[r3 + 1] += c31;
        out[r3 + 2] += c32;
        out[r3 + 3] += c33;
      }
      for (; j < cols; j++) {
        const b = j * rows;
        let c0 = 0;
        let c1 = 0;
        let c2 = 0;
        let c3 = 0;
        for (let t = t0; t < t1; t++) {
          const y = x[b + t];
          c0 += x[a0 + t] * y;
          c1 += x[a1 + t] * y;
          c2 += x[a2 + t] * y;
          c3 += x[a3 + t] * y;
        }
        out[i * cols + j] += c0;
        out[(i + 1) * cols + j] += c1;
        out[(i + 2) * cols + j] += c2;
        out[(i + 3) * cols + j] += c3;
      }
    }
    for (let i = quadCols; i < cols; i++) {
      const a = i * rows;
      for (let j = i; j < cols; j++) {
        const b = j * rows;
        let c = 0;
        for (let t = t0; t < t1; t++) c += x[a + t] * x[b + t];
        out[i * cols + j] += c;
      }
    }
  }
  for (let i = 1; i < cols; i++) {
    for (let j = 0; j < i; j++) out[i * cols + j] = out[j * cols + i];
  }
  return out;
}
