/**
 * A size × size symmetric array built from the upper triangle of the first `rowCount` rows of a
 * row-major source with row stride `ld`: for i < rowCount and j ≥ i, out[i][j] = out[j][i] =
 * source[i·ld + j]; every other entry is 0 (with rowCount = size, the whole symmetric matrix).
 *
 * Why: the Gram kernels fill only the upper triangle (symmetry halves their work), so the full
 * crossProduct and the first part of a split product both mirror it into the layout the
 * estimators read.
 * Complexity: O(rowCount · size) copies plus the O(size²) allocation.
 *
 * @param source row-major values, entry (i, j) at source[i·ld + j] for j ≥ i; not modified
 * @param ld the source's row stride (≥ size)
 * @param rowCount the rows to copy and mirror, 0 ≤ rowCount ≤ size
 * @param size the output's dimension
 * @returns a fresh row-major size × size Float64Array
 * @throws nothing: an internal helper; callers pass consistent sizes
 * @example mirroredUpperRows(new Float64Array([1, 2, 0, 5]), 2, 2, 2); // => Float64Array [1, 2, 2, 5]
 */
export function mirroredUpperRows(
  source: Float64Array,
  ld: number,
  rowCount: number,
  size: number
): Float64Array {
  const out = new Float64Array(size * size);
  for (let i = 0; i < rowCount; i++) {
    for (let j = i; j < size; j++) {
      const value = source[i * ld + j];
      out[i * size + j] = value;
      out[j * size + i] = value;
    }
  }
  return out;
}
