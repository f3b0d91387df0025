/**
 * A Cholesky factor L·Lᵀ = Σ_FF of the covariance restricted to a changing set F of assets, updated
 * in O(k²) when an asset joins (one new row by forward substitution) or leaves (the row is deleted
 * and the factor restored to triangular form by Givens rotations), instead of refactoring in O(k³)
 * or keeping an explicit inverse. This is what makes each step of the critical line algorithm cost
 * O(k²) while staying as accurate as a fresh factorisation (rotations are orthogonal, so no error
 * growth; an updated inverse, as in the reference Python code, drifts).
 *
 * Reference: Golub & Van Loan, "Matrix Computations" (4th ed.), §6.5.4 (updating a Cholesky factor).
 * Storage: L is row-major with row stride `n` inside one preallocated `Float64Array` (n × n), so
 * updates never allocate. Positions (0 … size−1) are the order in which assets sit in the factor;
 * `members[p]` is the asset at position p. Right-hand sides passed to `solve` use the same order.
 *
 * @example
 * const chol = new UpdatableCholesky(new Float64Array([4, 2, 2, 3]), 2);
 * chol.append(0, 1e-10); chol.append(1, 1e-10); // L = [[2, 0], [1, √2]]
 * const x = new Float64Array(2);
 * chol.solve(new Float64Array([6, 5]), x); // x => [1, 1]
 */
export class UpdatableCholesky {
  /** Number of assets currently in the factor. */
  size = 0;
  /** `members[p]` is the asset index at position p (valid for p < size). */
  readonly members: Int32Array;
  private readonly n: number;
  private readonly cov: Float64Array;
  private readonly factor: Float64Array;

  /**
   * @param cov the full n × n covariance, row-major (read, never written)
   * @param n number of assets
   */
  constructor(cov: Float64Array, n: number) {
    this.n = n;
    this.cov = cov;
    this.factor = new Float64Array(n * n);
    this.members = new Int32Array(n);
  }

  /**
   * Adds an asset at the last position. Returns false, leaving the factor unchanged, when the new
   * pivot d = Σ_ii − ‖r‖² is not above `relativePivotTolerance · Σ_ii`: the asset is (numerically) a
   * linear combination of the assets already in the factor.
   */
  append(asset: number, relativePivotTolerance: number): boolean {
    const n = this.n;
    const k = this.size;
    const factor = this.factor;
    const cov = this.cov;
    const rowK = k * n;
    let sumSquares = 0;
    for (let p = 0; p < k; p++) {
      const rowP = p * n;
      let s = cov[this.members[p] * n + asset];
      for (let q = 0; q < p; q++) s -= factor[rowP + q] * factor[rowK + q];
      const r = s / factor[rowP + p];
      factor[rowK + p] = r;
      sumSquares += r * r;
    }
    const diagonal = cov[asset * n + asset];
    const pivot = diagonal - sumSquares;
    if (!(pivot > relativePivotTolerance * diagonal)) return false;
    factor[rowK + k] = Math.sqrt(pivot);
    this.members[k] = asset;
    this.size = k + 1;
    return true;
  }

  /** Position of an asset in the factor, or −1. O(k). */
  positionOf(asset: number): number {
    for (let p = 0; p < this.size; p++) if (this.members[p] === asset) return p;
    return -1;
  }

  /** Removes the asset at `position`; O(k²) with k − position − 1 Givens rotations. */
  remove(position: number): void {
    const n = this.n;
    const k = this.size;
    const factor = this.factor;
    // Deleting row p leaves rows p … k−2 with one entry right of the diagonal (column r + 1).
    for (let r = position; r < k - 1; r++) {
      const dst = r * n;
      const src = (r + 1) * n;
      for (let c = 0; c <= r + 1; c++) factor[dst + c] = factor[src + c];
      this.members[r] = this.members[r + 1];
    }
    // A rotation of columns (j, j+1) zeroes that entry; L·Lᵀ is unchanged because G·Gᵀ = I.
    for (let j = position; j < k - 1; j++) {
      const rowJ = j * n;
      const a = factor[rowJ + j];
      const b = factor[rowJ + j + 1];
      const h = Math.sqrt(a * a + b * b);
      const c = a / h;
      const s = b / h;
      factor[rowJ + j] = h;
      factor[rowJ + j + 1] = 0;
      for (let i = j + 1; i < k - 1; i++) {
        const row = i * n;
        const x = factor[row + j];
        const y = factor[row + j + 1];
        factor[row + j] = c * x + s * y;
        factor[row + j + 1] = c * y - s * x;
      }
    }
    this.size = k - 1;
  }

  /**
   * Solves Σ_FF · x = rhs by one forward and one backward substitution, O(k²). `rhs` and `out`
   * (both in position order, length ≥ size) may be the same array.
   */
  solve(rhs: Float64Array, out: Float64Array): void {
    const n = this.n;
    const k = this.size;
    const factor = this.factor;
    for (let p = 0; p < k; p++) {
      const rowP = p * n;
      let s = rhs[p];
      for (let q = 0; q < p; q++) s -= factor[rowP + q] * out[q];
      out[p] = s / factor[rowP + p];
    }
    // Backward with Lᵀ walked by rows of L (contiguous), subtracting each solved x_p from the rest.
    for (let p = k - 1; p >= 0; p--) {
      const rowP = p * n;
      const x = out[p] / factor[rowP + p];
      out[p] = x;
      for (let q = 0; q < p; q++) out[q] -= factor[rowP + q] * x;
    }
  }
}
