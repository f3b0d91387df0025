import { EigenvalueDecomposition, Matrix } from "ml-matrix";

/** Entries this far below the largest (relative) cannot move any eigenvalue at double precision. */
const NEGLIGIBLE_RELATIVE = 2 ** -600;

/** Eigen-decomposition of a symmetric matrix. */
export interface SymmetricEigen {
  /** Eigenvalues, in ml-matrix's order (ascending). */
  readonly lambda: Float64Array;
  /** Row-major n × n eigenvectors: column k (vectors[i·n + k]) belongs to lambda[k]. */
  readonly vectors: Float64Array;
}

/**
 * Eigenvalues and eigenvectors of a symmetric row-major matrix, safe at any magnitude.
 *
 * Method: ml-matrix's symmetric EigenvalueDecomposition (Householder tridiagonalisation + QL,
 * as EISPACK tred2/tql2). Why the wrapper: entries near 1e±308 overflow or underflow inside it,
 * and subnormal entries beside normal ones can derail its iteration (both were seen to crash it),
 * so a matrix whose largest entry lies outside [1e-100, 1e100] is first scaled by a power of four
 * (exact; square roots then scale exactly too) and the eigenvalues scaled back; entries below
 * 2⁻⁶⁰⁰ of the largest are set to 0 (they cannot change an eigenvalue at double precision).
 * Matrices of ordinary magnitude without such entries are decomposed exactly as before.
 * Complexity: O(n³).
 *
 * @param data symmetric matrix, row-major n × n, finite entries (not modified)
 * @param n its size
 * @returns eigenvalues and eigenvectors
 * @throws nothing for finite symmetric input
 * @example symmetricEigen(Float64Array.of(2, 0, 0, 3), 2).lambda; // => Float64Array [2, 3]
 */
export function symmetricEigen(data: Float64Array, n: number): SymmetricEigen {
  let largest = 0;
  for (const value of data) largest = Math.max(largest, Math.abs(value));
  // Capped so that 2^±exponent stays finite when the largest entry is itself subnormal.
  const exponent =
    largest > 1e100 || (largest > 0 && largest < 1e-100)
      ? Math.max(-1000, Math.min(1000, 2 * Math.round(Math.log2(largest) / 2)))
      : 0;
  const factor = 2 ** -exponent;
  const floor = largest * factor * NEGLIGIBLE_RELATIVE;
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = data[i * n + j] * factor;
      m.set(i, j, Math.abs(value) < floor ? 0 : value);
    }
  }
  const decomposition = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const lambda = Float64Array.from(decomposition.realEigenvalues, (value) => value * 2 ** exponent);
  const e = decomposition.eigenvectorMatrix;
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) vectors[i * n + k] = e.get(i, k);
  return { lambda, vectors };
}
