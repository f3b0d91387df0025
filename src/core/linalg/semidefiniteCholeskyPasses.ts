import { simdGramWorkspace } from "../correlation/wasm/simdGramWorkspace";

/**
 * Columns per block. Each trailing update is one Gram call over rows of this length; 32 keeps the
 * scalar panel solves (about n² · BLOCK / 2 multiply-adds in all) small beside the n³/6 of the
 * updates, which run in the SIMD kernel (500 assets, Node 20: 48 and 64 were no faster).
 */
const BLOCK = 32;

/**
 * Whether the semidefinite Cholesky factorisation of a symmetric matrix passes: the fast path of the
 * positive-semidefiniteness test of allocation/checkCovariance, with the same tolerances, computed by
 * blocks so that most of the work runs in the WebAssembly SIMD Gram kernel.
 *
 * Method: right-looking blocked Cholesky (Golub & Van Loan, "Matrix Computations", 4th ed.,
 * Alg. 4.2.4) on the symmetrised lower triangle ½(A + Aᵀ): per block of BLOCK columns, the
 * semidefinite Cholesky of the diagonal block and the triangular solve of the panel below it (scalar,
 * as checkCovariance: a pivot ≤ pivotFloor is a zero eigen-direction, accepted when the rest of its
 * column is within offDiagonalFloor of zero, Cauchy–Schwarz; a pivot below −pivotFloor proves a
 * negative eigenvalue), then the trailing update A₂₂ ← A₂₂ − L₂₁L₂₁ᵀ as one Gram product of the
 * panel's rows (correlation/wasm/simdGramWorkspace, upper triangle).
 * Why a yes/no answer: the blocked order meets a failure in a different place from the row-by-row
 * order, and the sums differ in rounding; callers that get false run checkCovariance's own test,
 * which names the column exactly as before (and has the last word in a case within rounding of the
 * tolerance).
 * Conventions: pivotFloor = 1e-10 × the largest diagonal entry and offDiagonalFloor =
 * √(pivotFloor × the largest diagonal entry), as checkCovariance.
 * Complexity: O(n³/6) multiply-adds (in the SIMD kernel) + O(n² · BLOCK / 2) scalar; O(n²) memory
 * and the kernel's workspace.
 *
 * @param data symmetric row-major n × n matrix, finite, positive diagonal (the caller has checked
 *   its entries); not modified
 * @param n its size (≥ 1)
 * @param maxDiagonal its largest diagonal entry (the scale of the tolerances)
 * @returns true when the factorisation passes, false when it fails, or undefined when WebAssembly
 *   SIMD is unavailable (the caller then runs its scalar test)
 * @throws nothing: an internal kernel for validated matrices
 * @example semidefiniteCholeskyPasses(Float64Array.of(1, 2, 2, 1), 2, 1); // => false (eigenvalue −1)
 */
export function semidefiniteCholeskyPasses(
  data: Float64Array,
  n: number,
  maxDiagonal: number
): boolean | undefined {
  const workspace = n > BLOCK ? simdGramWorkspace(n, BLOCK, false) : undefined;
  if (workspace === undefined) return n > BLOCK ? undefined : scalarPasses(data, n, maxDiagonal);
  const pivotFloor = 1e-10 * maxDiagonal;
  const offDiagonalFloor = Math.sqrt(pivotFloor * maxDiagonal);
  // Lower triangle of ½(A + Aᵀ), row-major; the trailing updates are applied to it in place.
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) l[i * n + j] = 0.5 * (data[i * n + j] + data[j * n + i]);
    l[i * n + i] = data[i * n + i];
  }
  const { packA } = workspace;
  for (let k0 = 0; k0 < n; k0 += BLOCK) {
    const k1 = Math.min(n, k0 + BLOCK);
    if (!factorPanel(l, n, k0, k1, pivotFloor, offDiagonalFloor)) return false;
    const m = n - k1;
    if (m === 0) break;
    // Pack: column c of A is row k1 + c of the panel, its entries in columns k0 … k1 − 1.
    const ld = BLOCK;
    const width = k1 - k0;
    for (let c = 0; c < m; c++) {
      const source = (k1 + c) * n + k0;
      packA.set(l.subarray(source, source + width), c * ld);
    }
    const ldOut = workspace.crossProduct(m, m, ld, true);
    const product = workspace.out;
    // product[p·ldOut + q] (q ≥ p) is Σ_k L_{k1+p,k} L_{k1+q,k}: subtract it from the lower entry.
    for (let q = 0; q < m; q++) {
      const row = (k1 + q) * n + k1;
      for (let p = 0; p <= q; p++) l[row + p] -= product[p * ldOut + q];
    }
  }
  return true;
}

/**
 * The semidefinite Cholesky of columns k0 … k1 − 1 (already updated by the earlier blocks): the
 * diagonal block row by row, then every row below it; false at the first failing pivot or entry.
 */
function factorPanel(
  l: Float64Array,
  n: number,
  k0: number,
  k1: number,
  pivotFloor: number,
  offDiagonalFloor: number
): boolean {
  for (let i = k0; i < n; i++) {
    const rowI = i * n;
    const last = i < k1 ? i : k1;
    for (let j = k0; j < last; j++) {
      const rowJ = j * n;
      let s = l[rowI + j];
      for (let k = k0; k < j; k++) s -= l[rowI + k] * l[rowJ + k];
      const pivot = l[rowJ + j];
      if (pivot > 0) {
        l[rowI + j] = s / pivot;
      } else {
        if (Math.abs(s) > offDiagonalFloor) return false;
        l[rowI + j] = 0;
      }
    }
    if (i < k1) {
      let s = l[rowI + i];
      for (let k = k0; k < i; k++) s -= l[rowI + k] * l[rowI + k];
      if (s > pivotFloor) {
        l[rowI + i] = Math.sqrt(s);
      } else if (s < -pivotFloor) {
        return false;
      } else {
        l[rowI + i] = 0;
      }
    }
  }
  return true;
}

/** A matrix of one block: the panel step alone. */
function scalarPasses(data: Float64Array, n: number, maxDiagonal: number): boolean {
  const pivotFloor = 1e-10 * maxDiagonal;
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) l[i * n + j] = 0.5 * (data[i * n + j] + data[j * n + i]);
    l[i * n + i] = data[i * n + i];
  }
  return factorPanel(l, n, 0, n, pivotFloor, Math.sqrt(pivotFloor * maxDiagonal));
}
