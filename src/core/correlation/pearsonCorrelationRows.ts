import { CoreError } from "../errors";
import type { Panel } from "../types";
import type { CorrelationMatrixOptions, UndefinedPairPolicy } from "./correlationMatrixOptions";
import { standardiseColumnsInto } from "./standardiseColumnsInto";
import { validateCorrelationInput } from "./validateCorrelationInput";
import { simdGramWorkspace } from "./wasm/simdGramWorkspace";

/** Default for `minOverlap`, as in pearsonCorrelationMatrix. */
const DEFAULT_MIN_OVERLAP = 3;

/**
 * The first `rowCount` rows of the Pearson correlation matrix of a complete panel (no missing
 * value), so that two threads can share one matrix: one computes these rows against every column,
 * the other the matrix of the remaining columns (pearsonCorrelationMatrix on that column subset).
 *
 * Formula: ρ_ij = Σ_t z_i[t] z_j[t] for i < rowCount and every j, z each column standardised over
 * all rows (standardiseColumnsInto); the diagonal is exactly 1, entries are clamped to [−1, 1] and a
 * pair with a constant column is NaN, as in pearsonCorrelationMatrix.
 * Reference: numpy.corrcoef(x, rowvar=False)[:rowCount]. Every entry is the same double that
 * pearsonCorrelationMatrix gives for the same panel: the same standardisation of each column and
 * the same WebAssembly SIMD kernel, whose value for a pair depends only on the two columns (each
 * lane sums the same rows in the same 256-row blocks wherever the pair sits in a tile).
 * Conventions: returns undefined, and the caller computes the whole matrix instead, when the panel
 * has a missing value (pairwise overlaps then differ), has fewer rows than minOverlap, a constant
 * column under onUndefinedPair "throw" (pearsonCorrelationMatrix words that error), or when
 * WebAssembly SIMD is unavailable (the JS kernel's pack layout differs).
 * Complexity: O(rows · rowCount · cols) multiply-adds plus O(rows · cols) to standardise every
 * column (each row needs all of them); memory: the shared SIMD workspace, two packs.
 *
 * @param panel column-major panel (NaN = missing), validated as pearsonCorrelationMatrix does
 * @param rowCount how many leading rows of the matrix, 0 to cols
 * @param options as pearsonCorrelationMatrix: minOverlap (default 3), onUndefinedPair, argument
 * @returns rowCount × cols row-major entries, or undefined (see Conventions)
 * @throws CoreError INVALID_ARGUMENT (no columns, inconsistent panel, bad option, rowCount outside 0…cols)
 * @throws CoreError NON_FINITE (±Infinity in the panel, with row and asset)
 * @example pearsonCorrelationRows({ rows: 3, cols: 2, data: Float64Array.of(1, 2, 3, 2, 4, 5), labels: ["A", "B"] }, 1);
 *   // => Float64Array [1, 0.98198…]
 */
export function pearsonCorrelationRows(
  panel: Panel,
  rowCount: number,
  options: CorrelationMatrixOptions = {}
): Float64Array | undefined {
  const argument = options.argument ?? "returns";
  const { rows, cols, data } = panel;
  const minOverlap = options.minOverlap ?? DEFAULT_MIN_OVERLAP;
  const policy: UndefinedPairPolicy = options.onUndefinedPair ?? "throw";
  validateCorrelationInput(panel, argument, minOverlap, policy);
  if (!Number.isInteger(rowCount) || rowCount < 0 || rowCount > cols) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `rowCount must be a whole number from 0 to ${cols}; got ${rowCount}`,
      { argument: "rowCount" }
    );
  }
  if (rows < minOverlap) return undefined;
  for (let k = 0; k < data.length; k++) if (data[k] !== data[k]) return undefined;
  const simd = simdGramWorkspace(cols, rows, true);
  if (!simd) return undefined;
  const { packA, packB, out: tile } = simd;

  const ld = rows + (rows % 2);
  const all = Array.from({ length: cols }, (_, j) => j);
  const over = Int32Array.from({ length: rows }, (_, t) => t);
  const zero = new Uint8Array(cols);
  standardiseColumnsInto(data, rows, all, over, packB, 0, ld, zero, 0);
  if (policy === "throw" && zero.includes(1)) return undefined;
  packA.set(packB.subarray(0, rowCount * ld));
  const ldOut = simd.crossProduct(rowCount, cols, ld, false);

  const result = new Float64Array(rowCount * cols);
  for (let p = 0; p < rowCount; p++) {
    for (let q = 0; q < cols; q++) {
      let value: number;
      if (zero[p] || zero[q]) value = NaN;
      else if (p === q) value = 1;
      // Rounding can push |ρ| a few ulps past 1 for (anti)collinear columns.
      else value = Math.max(-1, Math.min(1, tile[p * ldOut + q]));
      result[p * cols + q] = value;
    }
  }
  return result;
}
