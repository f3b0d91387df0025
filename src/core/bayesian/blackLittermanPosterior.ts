import { CoreError, isCoreError } from "../errors";
import { choleskyFactor } from "../linalg/choleskyFactor";
import { checkCovariance } from "../optimize/checkCovariance";
import { checkExpectedReturns } from "../optimize/checkExpectedReturns";
import type { SquareMatrix } from "../types";
import { checkTau } from "./checkTau";
import { checkViews } from "./checkViews";
import type { BlackLittermanViews } from "./types";

/** Posterior expected returns and covariance, in the shapes every optimiser takes (mu, cov). */
export interface BlackLittermanPosterior {
  /** μ_BL, one per asset, in the order of cov. */
  readonly mu: Float64Array;
  /** Σ_BL, labelled as the prior covariance, symmetric positive definite. */
  readonly cov: SquareMatrix;
}

/**
 * Black–Litterman posterior: the prior returns π updated by K views P μ = Q + ε, ε ~ N(0, Ω).
 *
 * Formula (textbook): μ_BL = [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹ [(τΣ)⁻¹π + PᵀΩ⁻¹Q],
 * Σ_BL = Σ + [(τΣ)⁻¹ + PᵀΩ⁻¹P]⁻¹. Computed in the equivalent form (Woodbury identity) that needs
 * neither Σ⁻¹ nor Ω⁻¹, so a fully confident view (ω = 0) is exact:
 * A = P τΣ Pᵀ + Ω,  μ_BL = π + τΣPᵀ A⁻¹ (Q − Pπ),  Σ_BL = Σ + τΣ − τΣPᵀ A⁻¹ P τΣ,
 * with A factorised by Cholesky (A = LLᵀ, H = L⁻¹ P τΣ, so the update of Σ is HᵀH and stays
 * symmetric). A view with ω = +Infinity (Idzorek confidence 0) is dropped, which is its exact limit.
 * Reference: Black & Litterman (1992); He & Litterman (1999); PyPortfolioOpt `bl_returns` and
 * `bl_cov` (the same stable form), which this matches to rounding (fixtures from numpy with the
 * textbook form, and PyPortfolioOpt's published values).
 * Conventions: π, Q and Σ in the same units (annualised); Ω diagonal (views independent), as both
 * uncertainty methods here produce. No views gives μ_BL = π and Σ_BL = (1 + τ)Σ.
 * Complexity: O(N²·K + N·K² + K³) for N assets and K views (a single pass over Σ per view), plus
 * the O(N³/3) positive-definiteness check of Σ.
 *
 * @param prior π, one prior expected return per asset
 * @param cov positive definite prior covariance Σ with asset labels
 * @param views P (K × N) and Q, from {@link parseViews} or built by hand
 * @param omega the K diagonal entries of Ω, each ≥ 0 or +Infinity ({@link heLittermanOmega}, {@link idzorekOmega})
 * @param tau the prior's weight τ in (0, 1] (default 0.05)
 * @returns μ_BL and Σ_BL
 * @throws CoreError as checkCovariance, checkExpectedReturns, {@link checkViews} and {@link checkTau}
 * @throws CoreError LENGTH_MISMATCH (omega not one per view)
 * @throws CoreError NON_FINITE (NaN or −Infinity in omega); INVALID_ARGUMENT (a negative ω)
 * @throws CoreError SINGULAR_MATRIX (fully confident views that are linearly dependent, so they
 *   cannot all hold or say the same twice: names them)
 * @example blackLittermanPosterior([0.1, 0.1], { size: 2, data: Float64Array.of(1, 0, 0, 1), labels: ["A", "B"] },
 *   { count: 1, assets: 2, P: Float64Array.of(1, 0), Q: Float64Array.of(0.3), names: ["A"], rows: [0] }, [0.05]).mu;
 * // => Float64Array [0.2, 0.1]   (A = 0.05 + 0.05; μ_A = 0.1 + 0.05 × 0.2 / 0.1)
 */
export function blackLittermanPosterior(
  prior: ArrayLike<number>,
  cov: SquareMatrix,
  views: BlackLittermanViews,
  omega: ArrayLike<number>,
  tau = 0.05
): BlackLittermanPosterior {
  checkCovariance(cov);
  const n = cov.size;
  checkExpectedReturns(prior, n, cov.labels, "prior");
  checkViews(views, n);
  checkTau(tau);
  if (omega.length !== views.count) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `omega has ${omega.length} entries but there are ${views.count} views; give one uncertainty per view`,
      { argument: "omega" }
    );
  }
  const active: number[] = [];
  for (let v = 0; v < views.count; v++) {
    const w = omega[v];
    if (Number.isNaN(w) || w === -Infinity) {
      throw new CoreError(
        "NON_FINITE",
        `omega: view ${v + 1} (${views.names[v]}) is ${w}; give a variance ≥ 0 (or Infinity to ignore the view)`,
        { argument: "omega", row: views.rows[v] }
      );
    }
    if (w < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `omega: view ${v + 1} (${views.names[v]}) is ${w}; a view's uncertainty is a variance, so it cannot be negative`,
        { argument: "omega", row: views.rows[v] }
      );
    }
    if (w !== Infinity) active.push(v);
  }
  const sigma = cov.data;
  const m = active.length;
  const mu = Float64Array.from(prior);
  const posterior = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) posterior[i] = (1 + tau) * sigma[i];
  if (m > 0) {
    // G = P τΣ (m × N, row k = τ p_k Σ): P's rows are sparse, so each row sums only its non-zeros.
    const g = new Float64Array(m * n);
    const pRows = active.map((v) => views.P.subarray(v * n, (v + 1) * n));
    pRows.forEach((p, k) => {
      const row = g.subarray(k * n, (k + 1) * n);
      for (let j = 0; j < n; j++) {
        const pj = p[j];
        if (pj === 0) continue;
        const scale = tau * pj;
        // Row j of Σ equals its column j (symmetric), read contiguously.
        for (let i = 0; i < n; i++) row[i] += scale * sigma[j * n + i];
      }
    });
    // A = G Pᵀ + Ω (m × m, symmetric).
    const a = new Float64Array(m * m);
    for (let k = 0; k < m; k++) {
      for (let l = 0; l <= k; l++) {
        let sum = 0;
        const p = pRows[l];
        for (let j = 0; j < n; j++) if (p[j] !== 0) sum += g[k * n + j] * p[j];
        a[k * m + l] = a[l * m + k] = sum;
      }
      a[k * m + k] += omega[active[k]];
    }
    let factor: Float64Array;
    try {
      factor = choleskyFactor(a, m, "views");
    } catch (error) {
      if (isCoreError(error) && error.code === "SINGULAR_MATRIX")
        throw dependentViews(views, active, omega);
      throw error;
    }
    // H = L⁻¹ G by forward substitution on whole rows; z = L⁻¹ (Q − Pπ).
    const h = g;
    const z = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const v = active[k];
      let gap = views.Q[v];
      const p = pRows[k];
      for (let j = 0; j < n; j++) if (p[j] !== 0) gap -= p[j] * prior[j];
      const row = h.subarray(k * n, (k + 1) * n);
      for (let l = 0; l < k; l++) {
        const coefficient = factor[k * m + l];
        gap -= coefficient * z[l];
        const other = h.subarray(l * n, (l + 1) * n);
        for (let i = 0; i < n; i++) row[i] -= coefficient * other[i];
      }
      const pivot = factor[k * m + k];
      z[k] = gap / pivot;
      for (let i = 0; i < n; i++) row[i] /= pivot;
    }
    // μ_BL = π + Hᵀz; Σ_BL = (1 + τ)Σ − HᵀH, filled on the lower triangle and mirrored.
    for (let k = 0; k < m; k++) {
      const row = h.subarray(k * n, (k + 1) * n);
      const zk = z[k];
      for (let i = 0; i < n; i++) {
        mu[i] += row[i] * zk;
        const hi = row[i];
        if (hi === 0) continue;
        for (let j = 0; j <= i; j++) posterior[i * n + j] -= hi * row[j];
      }
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++) posterior[j * n + i] = posterior[i * n + j];
  }
  return { mu, cov: { size: n, data: posterior, labels: cov.labels } };
}

/** The error for a singular P τΣ Pᵀ + Ω: only fully confident views can make it singular. */
function dependentViews(
  views: BlackLittermanViews,
  active: readonly number[],
  omega: ArrayLike<number>
): CoreError {
  const exact = active.filter((v) => omega[v] === 0);
  const listed = exact.map((v) => `${views.names[v]} (row ${views.rows[v] + 1})`).join(", ");
  return new CoreError(
    "SINGULAR_MATRIX",
    `views: the fully confident views ${listed} are linearly dependent (for example A over B, B over C and A over C), so they either contradict each other or say the same twice; lower the confidence of one of them below 1 or remove it`,
    { argument: "views", row: exact.length > 0 ? views.rows[exact[exact.length - 1]] : undefined }
  );
}
