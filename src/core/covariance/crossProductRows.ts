import { simdGramWorkspace } from "../correlation/wasm/simdGramWorkspace";

/** Rows per block of the scalar kernel: crossProduct's, so each entry is summed the same way. */
const ROW_BLOCK = 128;

/**
 * The first `rowCount` rows of the cross-product XᵀX of a column-major matrix X (rows × cols):
 * entry (i, j) = Σ_t x_ti · x_tj for i < rowCount and every j. With crossProduct of the columns
 * from rowCount on, it gives the whole XᵀX in two halves that two threads compute at once.
 *
 * Formula: C[i, j] = Σ_t x_ti x_tj, row-major rowCount × cols.
 * Reference: the rows of BLAS `dsyrk` / numpy `X.T @ X`; every entry is the same double that
 * crossProduct gives (same kernel, whose value for a pair depends only on the two columns: the
 * WebAssembly SIMD kernel sums each pair over the same 256-row blocks and lanes wherever it sits in
 * a tile, and the scalar fallback sums it sequentially within the same 128-row blocks).
 * Complexity: O(rows · rowCount · cols) time; the SIMD packs (reused between calls) and the
 * rowCount × cols result.
 *
 * @param x column-major values, length rows × cols; not modified
 * @param rows number of rows (observations)
 * @param cols number of columns (assets)
 * @param rowCount how many leading rows of XᵀX, 0 to cols (the caller checks)
 * @param kernel "auto" (default: SIMD when available) or "js" (the scalar kernel, for tests)
 * @returns row-major rowCount × cols entries
 * @throws nothing: an internal kernel; its callers validate x.length = rows × cols
 * @example crossProductRows(new Float64Array([1, 2, 3, 4]), 2, 2, 1); // => Float64Array [5, 11]
 */
export function crossProductRows(
  x: Float64Array,
  rows: number,
  cols: number,
  rowCount: number,
  kernel: "auto" | "js" = "auto"
): Float64Array {
  const out = new Float64Array(rowCount * cols);
  if (rowCount === 0) return out;
  const simd = kernel === "auto" ? simdGramWorkspace(cols, rows, true) : undefined;
  if (simd === undefined) {
    jsCrossProductRows(x, rows, cols, rowCount, out);
    return out;
  }
  const ld = simd.maxLd;
  const { packA, packB } = simd;
  for (let j = 0; j < cols; j++) {
    packB.set(x.subarray(j * rows, (j + 1) * rows), j * ld);
    // An odd row count leaves one padding row per column, which must not add to the sums.
    if (ld > rows) packB[j * ld + rows] = 0;
  }
  packA.set(packB.subarray(0, rowCount * ld));
  const ldOut = simd.crossProduct(rowCount, cols, ld, false);
  const gram = simd.out;
  for (let i = 0; i < rowCount; i++) out.set(gram.subarray(i * ldOut, i * ldOut + cols), i * cols);
  return out;
}

/**
 * Scalar kernel: per 128-row block and entry, a sequential sum added to the entry, as crossProduct's
 * scalar kernel does (its 4 × 4 tiles keep one accumulator per entry); 1 × 4 tiles here.
 */
function jsCrossProductRows(
  x: Float64Array,
  rows: number,
  cols: number,
  rowCount: number,
  out: Float64Array
): void {
  const quadCols = cols - (cols % 4);
  for (let t0 = 0; t0 < rows; t0 += ROW_BLOCK) {
    const t1 = Math.min(rows, t0 + ROW_BLOCK);
    for (let i = 0; i < rowCount; i++) {
      const a = i * rows;
      const r = i * cols;
      let j = 0;
      for (; j < quadCols; j += 4) {
        const b0 = j * rows;
        const b1 = b0 + rows;
        const b2 = b1 + rows;
        const b3 = b2 + rows;
        let c0 = 0;
        let c1 = 0;
        let c2 = 0;
        let c3 = 0;
        for (let t = t0; t < t1; t++) {
          const v = x[a + t];
          c0 += v * x[b0 + t];
          c1 += v * x[b1 + t];
          c2 += v * x[b2 + t];
          c3 += v * x[b3 + t];
        }
        out[r + j] += c0;
        out[r + j + 1] += c1;
        out[r + j + 2] += c2;
        out[r + j + 3] += c3;
      }
      for (; j < cols; j++) {
        const b = j * rows;
        let c = 0;
        for (let t = t0; t < t1; t++) c += x[a + t] * x[b + t];
        out[r + j] += c;
      }
    }
  }
}
