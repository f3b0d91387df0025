import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";

/**
 * Largest asymmetry |a_ij − a_ji| tolerated, relative to the largest entry: a matrix computed in
 * floating point and copied through a sheet can differ across the diagonal in the last digits.
 */
const SYMMETRY_RELATIVE = 1e-10;

/**
 * Checks that a matrix is a finite, symmetric square matrix with one label per row.
 *
 * Complexity: O(size²).
 *
 * @param matrix the matrix to check
 * @param argument the argument name used in messages
 * @returns the largest absolute entry (useful as a scale)
 * @throws CoreError INVALID_ARGUMENT (empty, data length ≠ size², labels, not symmetric)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with row and column)
 * @example validateSquareMatrix({ size: 1, data: Float64Array.of(1), labels: ["A"] }, "matrix"); // => 1
 */
export function validateSquareMatrix(matrix: SquareMatrix, argument: string): number {
  const { size, data, labels } = matrix;
  if (
    !Number.isInteger(size) ||
    size < 1 ||
    data.length !== size * size ||
    labels.length !== size
  ) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} must be a square matrix with size² values and one label per row; got size ${size} with ${data.length} values and ${labels.length} labels`,
      { argument }
    );
  }
  let scale = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const v = data[i * size + j];
      if (!Number.isFinite(v)) {
        throw new CoreError(
          "NON_FINITE",
          `${argument}: row ${i + 1} (${labels[i]}), column ${j + 1} (${labels[j]}) is ${v}; every entry must be a finite number`,
          { argument, row: i, column: j, label: labels[j] }
        );
      }
      scale = Math.max(scale, Math.abs(v));
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const a = data[i * size + j];
      const b = data[j * size + i];
      if (Math.abs(a - b) > SYMMETRY_RELATIVE * scale) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `${argument} is not symmetric: entry (${i + 1}, ${j + 1}) is ${a} but (${j + 1}, ${i + 1}) is ${b}; give a symmetric matrix`,
          { argument, row: i, column: j, label: labels[j] }
        );
      }
    }
  }
  return scale;
}
