import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovariance } from "../allocation/checkCovariance";
import { checkWeights } from "./checkWeights";
import { finiteMetric } from "../stats/finiteMetric";
import { symmetricEigen } from "../linalg/symmetricEigen";

/** Options for {@link effectiveNumberOfBets}. */
export interface EffectiveNumberOfBetsOptions {
  /** "pca" (default, Meucci 2009) or "minimumtorsion" (Meucci, Santangelo & Deguest 2015); case-insensitive. */
  readonly method?: string;
  /** Iterations allowed to the minimum-torsion fixed point (default 10 000). */
  readonly maxIterations?: number;
}

/**
 * The minimum-torsion fixed point stops when no scale d_k moves by more than this, relatively:
 * 1e-12 is four orders above the rounding of an n×n eigen-decomposition and far tighter than the
 * reference code's 1e-8 on the objective, so the result is as exact as the arithmetic allows.
 */
const TORSION_TOLERANCE = 1e-12;
const DEFAULT_MAX_ITERATIONS = 10_000;
/**
 * An eigenvalue of the correlation matrix below this (relative to the largest) makes the
 * minimum-torsion factors undefined: their construction inverts the square root of D C D.
 */
const TORSION_SINGULAR_TOLERANCE = 1e-12;
/**
 * Eigenvalues closer than this (relative to the largest) are treated as one repeated eigenvalue:
 * an eigen-solver separates them only by rounding (≈ n·2⁻⁵³ relative), far below 1e-10.
 */
const DEGENERATE_EIGENVALUE_TOLERANCE = 1e-10;
/** Projections of a coordinate axis shorter than this add no new direction to a degenerate basis. */
const GRAM_SCHMIDT_FLOOR = 1e-6;

/**
 * Effective number of bets (ENB): the exponential of the entropy of the diversification
 * distribution p of portfolio variance across uncorrelated factors; from 1 (one bet) to N.
 *
 * Formula: ENB = exp(−Σ_k p_k ln p_k) (0·ln 0 = 0), with p_k = (t⁻ᵀw)_k (tΣw)_k / wᵀΣw ≥ 0 for
 * a torsion t whose factors tR are uncorrelated; Σ_k p_k = 1.
 * - "pca" (Meucci 2009, "Managing diversification", Risk 22(5)): t = Eᵀ, the eigenvectors of
 *   Σ = E Λ Eᵀ, so p_k = λ_k (e_kᵀw)² / wᵀΣw. When eigenvalues repeat, the principal portfolios
 *   are not unique (a known limit of the PCA version): each repeated eigenspace then gets a
 *   canonical basis, the coordinate axes projected onto it and orthonormalised (largest projection
 *   first), so a diagonal Σ uses the assets themselves, as numpy `eigh` does, and N equal
 *   uncorrelated assets held equally give N.
 * - "minimumtorsion" (Meucci, Santangelo & Deguest 2015, "Risk budgeting and diversification based
 *   on optimized uncorrelated factors", Risk 11/2015): the uncorrelated factors closest to the
 *   assets. With C the correlation matrix, the fixed point d_k = (u⁻¹ D C)_kk, u = √(D C D),
 *   D = diag(d) (the authors' `torsion.m`, iterated to 1e-12); then p_k = ((u D⁻¹(σ ⊙ w))_k)² / wᵀΣw.
 * Oracle: numpy `eigh` (PCA) and a numpy/scipy port of the authors' algorithm
 * (scripts/fixtures/diversification.py), to 1e-9.
 * Conventions: any weights (shorts allowed); zero-variance assets are accepted by "pca" only.
 * Complexity: O(N³) for the eigen-decomposition; "minimumtorsion" O(N³) per iteration.
 *
 * @param weights portfolio weights, one per asset
 * @param cov covariance matrix, positive semidefinite ("minimumtorsion": positive definite)
 * @param options method and iteration budget, or just the method as a string
 * @returns the effective number of bets, in [1, N]
 * @throws CoreError INVALID_ARGUMENT when cov is not square or not symmetric, or the method is unknown
 * @throws CoreError TOO_FEW_POINTS when cov has no asset
 * @throws CoreError LENGTH_MISMATCH when weights does not have one value per asset
 * @throws CoreError NON_FINITE for NaN or ±Infinity in weights or cov
 * @throws CoreError ZERO_VARIANCE when the portfolio has zero variance, or (minimum torsion) an asset has zero variance
 * @throws CoreError SINGULAR_MATRIX when cov is not positive semidefinite, or (minimum torsion) its correlation matrix is singular
 * @throws CoreError NOT_CONVERGED when the minimum-torsion iteration does not settle within maxIterations
 * @example effectiveNumberOfBets(Float64Array.of(0.5, 0.5), { size: 2, data: Float64Array.of(1, 0, 0, 1), labels: ["A", "B"] });
 *   // p = [0.5, 0.5] → exp(ln 2) => 2
 */
export function effectiveNumberOfBets(
  weights: ArrayLike<number>,
  cov: SquareMatrix,
  options: EffectiveNumberOfBetsOptions | string | null = {}
): number {
  // A bare string is the method; null (Excel's omitted argument) means the defaults.
  if (typeof options === "string") options = { method: options };
  options ??= {};
  // "minimum-torsion", "minimum_torsion" and "Minimum Torsion" all name the same method.
  const method = (options.method ?? "pca").toLowerCase().replace(/[\s_-]/g, "");
  if (method !== "pca" && method !== "minimumtorsion") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `method must be "pca" or "minimumtorsion"; got "${options.method}"`,
      { argument: "method" }
    );
  }
  checkCovariance(cov, {
    allowZeroVariance: method === "pca",
    purpose: "the effective number of bets",
  });
  checkWeights(weights, cov.size, { labels: cov.labels });
  const n = cov.size;
  const a = cov.data;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j] * weights[j];
    variance += weights[i] * s;
  }
  if (!(finiteMetric(variance, "portfolio variance", "weights") > 0)) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "weights: the portfolio has zero variance, so it has no bets to count; hold at least one risky asset",
      { argument: "weights" }
    );
  }
  const shares =
    method === "pca"
      ? principalShares(weights, cov, variance)
      : minimumTorsionShares(
          weights,
          cov,
          variance,
          options.maxIterations ?? DEFAULT_MAX_ITERATIONS
        );
  let entropy = 0;
  for (let k = 0; k < n; k++) {
    const p = shares[k];
    if (p > 0) entropy -= p * Math.log(p);
  }
  return Math.min(n, Math.max(1, Math.exp(entropy)));
}

function principalShares(
  weights: ArrayLike<number>,
  cov: SquareMatrix,
  variance: number
): Float64Array {
  const n = cov.size;
  const { lambda, vectors } = symmetricEigen(cov.data, n);
  canonicalDegenerateBasisInPlace(lambda, vectors, n);
  const shares = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    let exposure = 0;
    for (let i = 0; i < n; i++) exposure += vectors[i * n + k] * weights[i];
    // A PSD matrix can show eigenvalues of −1e-17: they are zeros, not negative variances.
    shares[k] = Math.max(0, lambda[k]) * exposure * exposure;
    total += shares[k];
  }
  // Σ_k λ_k (e_kᵀw)² = wᵀΣw exactly; dividing by the computed sum keeps Σ p = 1 to rounding.
  const denominator = total > 0 ? total : variance;
  for (let k = 0; k < n; k++) shares[k] /= denominator;
  return shares;
}

/**
 * Within a group of (numerically) equal eigenvalues any orthonormal basis of the eigenspace is
 * valid, so the PCA ENB would depend on rounding. Replace each group's vectors by a canonical
 * basis: Gram–Schmidt on the projections of the coordinate axes onto the eigenspace, largest
 * projection first (ties by asset index). For a diagonal Σ this is the coordinate basis (what
 * numpy `eigh` returns), and the choice is the same for Σ, cΣ and any rounding of them.
 */
function canonicalDegenerateBasisInPlace(
  lambda: Float64Array,
  vectors: Float64Array,
  n: number
): void {
  let largest = 0;
  for (const value of lambda) largest = Math.max(largest, Math.abs(value));
  const gap = DEGENERATE_EIGENVALUE_TOLERANCE * largest;
  const byValue = Array.from({ length: n }, (_, k) => k).sort((p, q) => lambda[p] - lambda[q]);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && lambda[byValue[end]] - lambda[byValue[end - 1]] <= gap) end++;
    if (end - start > 1) rebaseGroupInPlace(byValue.slice(start, end), vectors, n);
    start = end;
  }
}

function rebaseGroupInPlace(group: readonly number[], vectors: Float64Array, n: number): void {
  const m = group.length;
  // Projector onto the eigenspace: P = V Vᵀ (n × n, symmetric).
  const projector = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (const k of group) s += vectors[i * n + k] * vectors[j * n + k];
      projector[i * n + j] = s;
    }
  }
  const axes = Array.from({ length: n }, (_, i) => i).sort(
    (p, q) => projector[q * n + q] - projector[p * n + p] || p - q
  );
  const basis: Float64Array[] = [];
  for (const axis of axes) {
    if (basis.length === m) break;
    const v = projector.slice(axis * n, axis * n + n);
    for (const b of basis) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += b[i] * v[i];
      for (let i = 0; i < n; i++) v[i] -= dot * b[i];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
    // A projection this short is (numerically) spanned by the vectors already chosen.
    if (norm < GRAM_SCHMIDT_FLOOR) continue;
    for (let i = 0; i < n; i++) v[i] /= norm;
    basis.push(v);
  }
  if (basis.length < m) return; // cannot happen for an orthonormal V; keep the original vectors
  group.forEach((k, c) => {
    for (let i = 0; i < n; i++) vectors[i * n + k] = basis[c][i];
  });
}

/** λ_min / λ_max, or 0 when λ_min ≤ 0. */
function conditionRatio(lambda: Float64Array): number {
  let largest = 0;
  let smallest = Infinity;
  for (const value of lambda) {
    if (value > largest) largest = value;
    if (value < smallest) smallest = value;
  }
  return smallest > 0 ? smallest / largest : 0;
}

function minimumTorsionShares(
  weights: ArrayLike<number>,
  cov: SquareMatrix,
  variance: number,
  maxIterations: number
): Float64Array {
  const n = cov.size;
  const a = cov.data;
  const sigma = new Float64Array(n);
  for (let i = 0; i < n; i++) sigma[i] = Math.sqrt(a[i * n + i]);
  const correlation = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) correlation[i * n + j] = a[i * n + j] / (sigma[i] * sigma[j]);
  }
  if (conditionRatio(symmetricEigen(correlation, n).lambda) < TORSION_SINGULAR_TOLERANCE) {
    throw new CoreError(
      "SINGULAR_MATRIX",
      'cov: the correlation matrix is singular, so minimum-torsion factors do not exist; use method "pca" or a shrinkage estimator such as Ledoit–Wolf',
      { argument: "cov" }
    );
  }
  let d = new Float64Array(n).fill(1);
  const scaled = new Float64Array(n * n);
  // m = Eᵀ (D C) in row-major, so that (u⁻¹ D C)_kk = Σ_m E_km λ_m^(−½) m_mk.
  const projected = new Float64Array(n * n);
  let eigen = symmetricEigen(correlation, n);
  let converged = false;
  for (let iteration = 0; iteration < maxIterations && !converged; iteration++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) scaled[i * n + j] = d[i] * correlation[i * n + j] * d[j];
    }
    eigen = symmetricEigen(scaled, n);
    if (conditionRatio(eigen.lambda) < TORSION_SINGULAR_TOLERANCE) break;
    const e = eigen.vectors;
    projected.fill(0);
    for (let j = 0; j < n; j++) {
      // Row j of D C is d_j C_j·; accumulate E_jm · that row into row m of the projection.
      const dj = d[j];
      for (let m = 0; m < n; m++) {
        const weight = e[j * n + m] * dj;
        const row = m * n;
        const source = j * n;
        for (let k = 0; k < n; k++) projected[row + k] += weight * correlation[source + k];
      }
    }
    const next = new Float64Array(n);
    converged = true;
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let m = 0; m < n; m++)
        s += (e[k * n + m] / Math.sqrt(eigen.lambda[m])) * projected[m * n + k];
      next[k] = s;
      if (Math.abs(s - d[k]) > TORSION_TOLERANCE * Math.abs(d[k])) converged = false;
    }
    d = next;
  }
  if (!converged) {
    throw new CoreError(
      "NOT_CONVERGED",
      `minimum torsion did not converge in ${maxIterations} iterations; use method "pca"`,
      { argument: "cov" }
    );
  }
  // u = √(D C D) at the converged d; p_k = ((u y)_k)² / wᵀΣw with y = D⁻¹(σ ⊙ w).
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) scaled[i * n + j] = d[i] * correlation[i * n + j] * d[j];
  }
  eigen = symmetricEigen(scaled, n);
  const e = eigen.vectors;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = (sigma[i] * weights[i]) / d[i];
  // u y = E diag(√λ) Eᵀ y
  const inner = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += e[j * n + m] * y[j];
    inner[m] = s * Math.sqrt(Math.max(0, eigen.lambda[m]));
  }
  const shares = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let m = 0; m < n; m++) s += e[k * n + m] * inner[m];
    shares[k] = s * s;
    total += shares[k];
  }
  // Σ_k (u y)_k² = yᵀ D C D y = wᵀΣw identically; divide by the computed sum for Σ p = 1.
  const denominator = total > 0 ? total : variance;
  for (let k = 0; k < n; k++) shares[k] /= denominator;
  return shares;
}
