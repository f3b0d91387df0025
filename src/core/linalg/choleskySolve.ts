import { CoreError } from "../errors";

/**
 * Solves A·x = b given the Cholesky factor L of A (A = L·Lᵀ, from {@link choleskyFactor}).
 *
 * Formula: forward substitution L·y = b, then back substitution Lᵀ·x = y.
 * Matches numpy `linalg.solve(A, b)` to rounding (the error is governed by cond(A)).
 * Complexity: O(size²) flops; allocates only the result.
 *
 * @param factor row-major lower-triangular L with a positive diagonal (size × size)
 * @param b right-hand side, length size
 * @returns x, a new `Float64Array`
 * @throws CoreError LENGTH_MISMATCH (factor.length ≠ b.length²)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in b)
 * @example choleskySolve(choleskyFactor([4, 2, 2, 5], 2), [6, 7]); // => Float64Array [1, 1]
 */
export function choleskySolve(factor: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const size = b.length;
  if (factor.length !== size * size) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `b has ${size} entries but the factor has ${factor.length}; pass a factor of size ${size} × ${size}`,
      { argument: "b" }
    );
  }
  const x = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(b[i])) {
      throw new CoreError(
        "NON_FINITE",
        `b: entry ${i + 1} is ${b[i]}; every entry must be a finite number`,
        { argument: "b", row: i }
      );
    }
    let sum = b[i];
    const row = i * size;
    for (let k = 0; k < i; k++) sum -= factor[row + k] * x[k];
    x[i] = sum / factor[row + i];
  }
  // Lᵀ·x = y walks L by columns; going from the last row keeps each update a single pass.
  for (let i = size - 1; i >= 0; i--) {
    const value = x[i] / factor[i * size + i];
    x[i] = value;
    for (let k = 0; k < i; k++) x[k] -= factor[i * size + k] * value;
  }
  return x;
}
