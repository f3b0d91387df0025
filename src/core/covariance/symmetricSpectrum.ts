import { CoreError } from "../errors";
import { tridiagonalWorkspace } from "./tridiagonalWorkspace";

/** QL sweeps allowed per eigenvalue before giving up on convergence (EISPACK uses 30). */
const MAX_SWEEPS = 60;

/**
 * Reflectors per panel of the blocked tridiagonalisation: the trailing update of a panel is one SIMD
 * rank-2·PANEL update (dsyr2k). 32 (500 assets, Node 20) beat 16 and 64.
 */
const PANEL = 32;

/** Below this size the fused unblocked sweep is as fast (the panel bookkeeping does not pay). */
const BLOCKED_MIN_SIZE = 4 * PANEL;

/** Inverse-iteration solves per eigenvector: one from a generic start, one to polish. */
const INVERSE_ITERATIONS = 3;

/** All eigenvalues of a symmetric matrix, and its leading eigenvectors on demand. */
export interface SymmetricSpectrum {
  /** The eigenvalues, ascending. */
  readonly lambda: Float64Array;
  /**
   * The eigenvectors of the `count` largest eigenvalues: row r (entries r·n … r·n + n − 1) belongs
   * to lambda[n − 1 − r]; unit length, orthogonal to each other.
   */
  leadingVectors(count: number): Float64Array;
}

/**
 * Eigenvalues of a symmetric matrix and, lazily, a few leading eigenvectors: what denoising needs
 * (the whole spectrum for the Marchenko–Pastur fit, then the eigenvectors of the K signal
 * eigenvalues only), at a fraction of the cost of a full eigen-decomposition.
 *
 * Method: Householder tridiagonalisation A = Q T Qᵀ without forming Q (Golub & Van Loan, "Matrix
 * Computations", 4th ed., Alg. 8.3.1; the reflectors stay in the rows they annihilate), on the upper
 * triangle only, with each step's rank-2 update fused with the next step's product B v into one
 * sweep over the trailing block, two rows at a time (from 128 assets, with WebAssembly SIMD: blocked
 * as LAPACK dsytrd, panels of 32 reflectors, every O(n³) and O(n² · 32) loop in the SIMD kernels of
 * tridiagonalWorkspace: 13.5 ms against the fused sweep's 48 ms at 500 assets, Node 20); the
 * eigenvalues of T by the implicit QL algorithm with Wilkinson shifts (EISPACK tql1; Numerical
 * Recipes §11.4 tqli without vectors; ≈ 4 ms at 500 assets, bound by the latency of its chain of
 * square roots and divisions);
 * each requested eigenvector by inverse iteration on T − λI (tridiagonal Gaussian elimination with
 * partial pivoting, a zero pivot replaced by ε‖T‖, as LAPACK dstein), Gram–Schmidt against the
 * vectors already found (so clustered eigenvalues still give orthogonal vectors), then mapped back
 * with the reflectors. Why not linalg/symmetricEigen: ml-matrix forms every eigenvector
 * (tred2/tql2, column-strided loops), ≈ 0.9 s at n = 500 on the bench machine; this path is about
 * (2/3)n³ flops in contiguous sweeps, ≈ 18 ms there (Node 20), and denoising needs only K ≪ n vectors.
 * Accuracy: eigenvalues to a few ulps of ‖A‖ (backward stable, as tql1); eigenvectors with
 * residual ‖Av − λv‖ ≈ ε‖A‖ and orthogonality to ~ε/gap (Gram–Schmidt covers the clusters).
 * Complexity: O((2/3)n³) for the tridiagonalisation, O(n²) for the eigenvalues, O(n² + k·n) per
 * vector (k vectors already found).
 *
 * @param data symmetric row-major n × n matrix, finite entries; not modified (only the upper
 *   triangle is read)
 * @param n its size (≥ 1)
 * @returns { lambda, leadingVectors(count) }
 * @throws CoreError NOT_CONVERGED if an eigenvalue needs more than 60 QL sweeps (EISPACK allows 30;
 *   finite symmetric input converges in 2–3 per eigenvalue), rather than return an unconverged one
 * @example symmetricSpectrum(Float64Array.of(2, 1, 1, 2), 2).lambda; // => Float64Array [1, 3]
 */
export function symmetricSpectrum(data: Float64Array, n: number): SymmetricSpectrum {
  const a = Float64Array.from(data);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const beta = new Float64Array(n);
  // Step k reflects row k's part right of the diagonal, x, onto α e₁. Only the upper triangle of the
  // trailing block is kept. The rank-2 update of step k and the product B v of step k + 1 share one
  // pass over that triangle (the next reflector comes from row k + 1, updated first), so each step
  // reads and writes the block once: about (2/3)n³ flops in n contiguous sweeps.
  // Blocked (most of the update in the SIMD kernel) when it pays and SIMD is there; else fused.
  if (!(n >= BLOCKED_MIN_SIZE && blockedTridiagonalise(a, n, beta, d, e))) {
    fusedTridiagonalise(a, n, beta, d, e);
  }
  if (n >= 2) {
    d[n - 2] = a[(n - 2) * n + n - 2];
    e[n - 2] = a[(n - 2) * n + n - 1];
  }
  d[n - 1] = a[(n - 1) * n + n - 1];
  e[n - 1] = 0;
  const diagonal = Float64Array.from(d);
  const offDiagonal = Float64Array.from(e);
  const lambda = tridiagonalEigenvalues(d, e);
  lambda.sort();
  let scale = 0;
  for (let i = 0; i < n; i++) {
    scale = Math.max(
      scale,
      Math.abs(diagonal[i]) + Math.abs(offDiagonal[i]) + (i > 0 ? Math.abs(offDiagonal[i - 1]) : 0)
    );
  }

  const found: Float64Array[] = [];
  const leadingVectors = (count: number): Float64Array => {
    const out = new Float64Array(count * n);
    for (let r = 0; r < count; r++) {
      if (r >= found.length) {
        found.push(tridiagonalVector(diagonal, offDiagonal, lambda[n - 1 - r], scale, found));
      }
      const y = Float64Array.from(found[r]);
      // x = H_0 H_1 ⋯ H_{n−3} y: the last reflector first.
      for (let k = n - 3; k >= 0; k--) {
        const b = beta[k];
        if (b === 0) continue;
        const row = k * n;
        let s = 0;
        for (let j = k + 1; j < n; j++) s += a[row + j] * y[j];
        s *= b;
        for (let j = k + 1; j < n; j++) y[j] -= s * a[row + j];
      }
      out.set(y, r * n);
    }
    return out;
  };
  return { lambda, leadingVectors };
}

/** Eigenvalues of the symmetric tridiagonal (d, e), e[i] coupling i and i + 1: implicit QL (tql1). */
function tridiagonalEigenvalues(d: Float64Array, e: Float64Array): Float64Array {
  const n = d.length;
  for (let l = 0; l < n; l++) {
    let sweeps = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      if (sweeps++ >= MAX_SWEEPS) {
        throw new CoreError(
          "NOT_CONVERGED",
          `eigenvalue ${l + 1} of ${n} did not converge in ${MAX_SWEEPS} QL sweeps; check that the matrix is finite and symmetric`,
          { argument: "correlation" }
        );
      }
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = hypot(g, 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let shift = 0;
      let underflow = false;
      for (let i = m - 1; i >= l; i--) {
        const f = s * e[i];
        const b = c * e[i];
        r = hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          // Deflation by underflow: recover and restart the sweep.
          d[i + 1] -= shift;
          e[m] = 0;
          underflow = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - shift;
        r = (d[i] - g) * s + 2 * c * b;
        shift = s * r;
        d[i + 1] = g + shift;
        g = c * r - b;
      }
      if (underflow) continue;
      d[l] -= shift;
      e[l] = g;
      e[m] = 0;
    }
  }
  return d;
}

/** Squares whose sum lies in this range cannot overflow, and an underflowed square is below ε of it. */
const HYPOT_LOW = 2 ** -960;
const HYPOT_HIGH = 2 ** 960;

/**
 * √(x² + y²) without overflow or harmful underflow: the plain square root when the sum of squares is
 * safely inside the normal range (always, for a correlation's tridiagonal), else Math.hypot, which
 * scales. Why: V8's Math.hypot is a generic n-argument builtin, ≈ 2× the QL sweep's other work at
 * 500 assets; the two agree to about an ulp.
 */
function hypot(x: number, y: number): number {
  const sum = x * x + y * y;
  return sum > HYPOT_LOW && sum < HYPOT_HIGH ? Math.sqrt(sum) : Math.hypot(x, y);
}

/**
 * A unit eigenvector of the tridiagonal (d, e) for the eigenvalue μ by inverse iteration, made
 * orthogonal to the vectors in `against` (eigenvectors of other eigenvalues, possibly close ones).
 */
function tridiagonalVector(
  d: Float64Array,
  e: Float64Array,
  mu: number,
  scale: number,
  against: readonly Float64Array[]
): Float64Array {
  const n = d.length;
  const tiny = Number.EPSILON * Math.max(scale, Number.MIN_VALUE);
  // LU of T − μI with partial pivoting: U has diagonal u0 and two superdiagonals u1, u2.
  const u0 = new Float64Array(n);
  const u1 = new Float64Array(n);
  const u2 = new Float64Array(n);
  const multiplier = new Float64Array(n);
  const swapped = new Uint8Array(n);
  let diag = d[0] - mu;
  let sup = n > 1 ? e[0] : 0;
  for (let i = 0; i < n - 1; i++) {
    const sub = e[i];
    const nextDiag = d[i + 1] - mu;
    const nextSup = i + 1 < n - 1 ? e[i + 1] : 0;
    if (Math.abs(diag) >= Math.abs(sub)) {
      const pivot = diag === 0 ? tiny : diag;
      const l = sub / pivot;
      u0[i] = pivot;
      u1[i] = sup;
      u2[i] = 0;
      multiplier[i] = l;
      swapped[i] = 0;
      diag = nextDiag - l * sup;
      sup = nextSup;
    } else {
      const l = diag / sub;
      u0[i] = sub;
      u1[i] = nextDiag;
      u2[i] = nextSup;
      multiplier[i] = l;
      swapped[i] = 1;
      diag = sup - l * nextDiag;
      sup = -l * nextSup;
    }
  }
  u0[n - 1] = diag === 0 ? tiny : diag;
  // A start with every component non-zero and no special direction.
  let y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = 1 + ((i * 0.6180339887498949) % 1) * 0.5;
  for (let iteration = 0; iteration < INVERSE_ITERATIONS; iteration++) {
    // Solve L U x = P y: forward with the recorded row swaps, then back-substitute.
    const x = y;
    for (let i = 0; i < n - 1; i++) {
      if (swapped[i]) {
        const t = x[i];
        x[i] = x[i + 1];
        x[i + 1] = t - multiplier[i] * x[i];
      } else {
        x[i + 1] -= multiplier[i] * x[i];
      }
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = x[i];
      if (i + 1 < n) s -= u1[i] * x[i + 1];
      if (i + 2 < n) s -= u2[i] * x[i + 2];
      x[i] = s / u0[i];
    }
    for (const q of against) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += q[i] * x[i];
      for (let i = 0; i < n; i++) x[i] -= dot * q[i];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(x[i]));
    // Scale by the largest entry first so the sum of squares cannot overflow.
    let sum = 0;
    for (let i = 0; i < n; i++) {
      x[i] /= norm;
      sum += x[i] * x[i];
    }
    const inverse = 1 / Math.sqrt(sum);
    for (let i = 0; i < n; i++) x[i] *= inverse;
    y = x;
  }
  return y;
}

/**
 * Makes the Householder reflector of row k (x = A[k, k+1 …]) in place: stores v = x − α e₁ there,
 * v in `v`, β = 2 / vᵀv in beta[k], d[k] = A[k, k] and e[k] = α. Returns false when x = 0 (β = 0).
 */
function reflector(
  a: Float64Array,
  n: number,
  k: number,
  v: Float64Array,
  beta: Float64Array,
  d: Float64Array,
  e: Float64Array
): boolean {
  const row = k * n;
  let norm2 = 0;
  for (let j = k + 1; j < n; j++) norm2 += a[row + j] * a[row + j];
  d[k] = a[row + k];
  if (norm2 === 0) {
    e[k] = 0;
    beta[k] = 0;
    v.fill(0, k + 1, n);
    return false;
  }
  const x0 = a[row + k + 1];
  // α = −sign(x₀)‖x‖ avoids cancellation in x₀ − α; vᵀv = 2(α² − α x₀).
  const alpha = x0 > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
  e[k] = alpha;
  a[row + k + 1] = x0 - alpha;
  beta[k] = 1 / (alpha * alpha - alpha * x0);
  for (let j = k + 1; j < n; j++) v[j] = a[row + j];
  return true;
}

/** s = B v for the trailing block B = A[from …, from …], read from its upper triangle only. */
function symmetricProduct(
  a: Float64Array,
  n: number,
  from: number,
  v: Float64Array,
  s: Float64Array
): void {
  s.fill(0, from, n);
  for (let i = from; i < n; i++) {
    const ri = i * n;
    const vi = v[i];
    let si = a[ri + i] * vi;
    for (let j = i + 1; j < n; j++) {
      si += a[ri + j] * v[j];
      s[j] += a[ri + j] * vi;
    }
    s[i] += si;
  }
}

/**
 * The fused unblocked tridiagonalisation (the method described on symmetricSpectrum): one sweep
 * over the trailing block per step, the rank-2 update and the next product together.
 */
function fusedTridiagonalise(
  a: Float64Array,
  n: number,
  beta: Float64Array,
  d: Float64Array,
  e: Float64Array
): void {
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  const w = new Float64Array(n);
  const vOld = new Float64Array(n);
  let hasNext = n > 2 && reflector(a, n, 0, v, beta, d, e);
  if (hasNext) symmetricProduct(a, n, 1, v, p);
  for (let k = 0; k + 2 < n; k++) {
    const b = beta[k];
    if (!hasNext || b === 0) {
      // x = 0: nothing to reflect at this step; start the next one afresh.
      hasNext = k + 3 < n && reflector(a, n, k + 1, v, beta, d, e);
      if (hasNext) symmetricProduct(a, n, k + 2, v, p);
      continue;
    }
    // p ← β B v;  w = p − (β/2)(pᵀv) v  (kept in p);  B ← B − v wᵀ − w vᵀ.
    let vp = 0;
    for (let i = k + 1; i < n; i++) {
      p[i] *= b;
      vp += p[i] * v[i];
    }
    const half = 0.5 * b * vp;
    for (let i = k + 1; i < n; i++) p[i] -= half * v[i];
    w.set(p.subarray(k + 1, n), k + 1);
    vOld.set(v.subarray(k + 1, n), k + 1);
    // Row k + 1 first: the next reflector is read from it.
    const r1 = (k + 1) * n;
    for (let j = k + 1; j < n; j++) a[r1 + j] -= vOld[k + 1] * w[j] + w[k + 1] * vOld[j];
    hasNext = k + 3 < n && reflector(a, n, k + 1, v, beta, d, e);
    if (!hasNext) {
      for (let i = k + 2; i < n; i++) {
        const ri = i * n;
        const vi = vOld[i];
        const wi = w[i];
        for (let j = i; j < n; j++) a[ri + j] -= vi * w[j] + wi * vOld[j];
      }
      continue;
    }
    // Rows k + 2 …: update, and accumulate s = B' v' for the next step from the updated values.
    p.fill(0, k + 2, n);
    let i = k + 2;
    // Two rows at a time: each load of v, w, vOld and p[j] then serves both rows.
    for (; i + 1 < n; i += 2) {
      const r0 = i * n;
      const r1 = r0 + n;
      const v0 = vOld[i];
      const w0 = w[i];
      const n0 = v[i];
      const v1 = vOld[i + 1];
      const w1 = w[i + 1];
      const n1 = v[i + 1];
      const d0 = a[r0 + i] - (v0 * w0 + w0 * v0);
      a[r0 + i] = d0;
      const c01 = a[r0 + i + 1] - (v0 * w1 + w0 * v1);
      a[r0 + i + 1] = c01;
      const d1 = a[r1 + i + 1] - (v1 * w1 + w1 * v1);
      a[r1 + i + 1] = d1;
      let s0 = d0 * n0 + c01 * n1;
      let s1 = c01 * n0 + d1 * n1;
      for (let j = i + 2; j < n; j++) {
        const wj = w[j];
        const vj = vOld[j];
        const nj = v[j];
        const x0 = a[r0 + j] - (v0 * wj + w0 * vj);
        const x1 = a[r1 + j] - (v1 * wj + w1 * vj);
        a[r0 + j] = x0;
        a[r1 + j] = x1;
        s0 += x0 * nj;
        s1 += x1 * nj;
        p[j] += x0 * n0 + x1 * n1;
      }
      p[i] += s0;
      p[i + 1] += s1;
    }
    if (i < n) {
      const ri = i * n;
      const diagonal = a[ri + i] - 2 * vOld[i] * w[i];
      a[ri + i] = diagonal;
      p[i] += diagonal * v[i];
    }
  }
}

/**
 * Blocked Householder tridiagonalisation (LAPACK dsytrd/dlatrd, Golub & Van Loan Alg. 8.3.1 with
 * the WY-like rank-2k update): per panel of PANEL reflectors, each reflector is made from its row
 * brought up to date with the panel's earlier reflectors, and p = β B v is the product with the
 * trailing block as stored minus the panel's corrections V(Wᵀv) + W(Vᵀv); the trailing block is
 * updated once per panel, B ← B − V Wᵀ − W Vᵀ, on its upper triangle as the rank-2·PANEL product of
 * the packs [V W] and [W V] (dsyr2k). Every such loop (B v, the row refresh, the correction, the
 * trailing update) runs in tridiagonalWorkspace's WebAssembly SIMD kernels, whose memory holds the
 * matrix for the whole sweep (one copy in, one out). Same reflectors as the unblocked sweep up to
 * rounding (the sums are grouped differently), stored the same way (row k holds v_k, beta[k] its β).
 * Complexity: ≈ (1/3)n³ multiply-adds for the products B v (read-only) + (1/3)n³ for the trailing
 * updates, both in SIMD, + O(n² · PANEL) (SIMD) + O(n²) scalar (reflectors, packs).
 * Returns false, doing nothing, when WebAssembly SIMD is unavailable.
 */
function blockedTridiagonalise(
  matrix: Float64Array,
  n: number,
  beta: Float64Array,
  d: Float64Array,
  e: Float64Array
): boolean {
  const ld = 2 * PANEL;
  const workspace = tridiagonalWorkspace(n, PANEL);
  if (workspace === undefined) return false;
  // The matrix and every vector live in the kernels' memory for the whole sweep; copied back at the end.
  const { matrix: a, v, p, vs, ws, packA, packB } = workspace;
  a.set(matrix);
  for (let k0 = 0; k0 + 2 < n; k0 += PANEL) {
    const kEnd = Math.min(k0 + PANEL, n - 2);
    const width = kEnd - k0;
    for (let c = 0; c < width; c++) {
      const k = k0 + c;
      // Row k as the panel's earlier reflectors left it (the stored block is updated per panel).
      workspace.rowUpdate(k, c);
      const column = c * n;
      vs.fill(0, column, column + n);
      ws.fill(0, column, column + n);
      if (!reflector(a, n, k, v, beta, d, e)) continue;
      // p = B v with B as stored, then minus the panel's corrections V(Wᵀv) + W(Vᵀv).
      workspace.product(k + 1);
      workspace.panelCorrection(c, k + 1);
      // p ← β B v;  w = p − (β/2)(pᵀv) v.
      const b = beta[k];
      let vp = 0;
      for (let j = k + 1; j < n; j++) {
        p[j] *= b;
        vp += p[j] * v[j];
      }
      const half = 0.5 * b * vp;
      for (let j = k + 1; j < n; j++) {
        vs[column + j] = v[j];
        ws[column + j] = p[j] - half * v[j];
      }
    }
    // Trailing block (rows and columns kEnd …): B ← B − Σ_c (v_c w_cᵀ + w_c v_cᵀ), as [V W][W V]ᵀ.
    const m = n - kEnd;
    for (let i = 0; i < m; i++) {
      const index = kEnd + i;
      const at = i * ld;
      for (let c = 0; c < width; c++) {
        const vc = vs[c * n + index];
        const wc = ws[c * n + index];
        packA[at + c] = vc;
        packA[at + width + c] = wc;
        packB[at + c] = wc;
        packB[at + width + c] = vc;
      }
      // A narrower last panel: zero the rest of each row, which the kernel still reads.
      packA.fill(0, at + 2 * width, at + ld);
      packB.fill(0, at + 2 * width, at + ld);
    }
    workspace.trailingUpdate(kEnd);
  }
  matrix.set(a);
  return true;
}
