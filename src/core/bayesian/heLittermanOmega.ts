import type { SquareMatrix } from "../types";
import { checkCovarianceEntries } from "./checkCovarianceEntries";
import { checkTau } from "./checkTau";
import { checkViews } from "./checkViews";
import type { BlackLittermanViews } from "./types";
import { viewVariances } from "./viewVariances";

/**
 * He–Litterman view uncertainty: each view is as uncertain as the prior is about that view's portfolio.
 *
 * Formula: Ω = diag(τ P Σ Pᵀ), i.e. ω_k = τ p_k Σ p_kᵀ (off-diagonal terms dropped: views independent).
 * Reference: He & Litterman (1999), "The intuition behind Black–Litterman model portfolios",
 * Goldman Sachs; PyPortfolioOpt `BlackLittermanModel.default_omega` (the same formula). With this Ω,
 * μ_BL does not depend on τ (τ cancels in τΣPᵀ(τPΣPᵀ + Ω)⁻¹); Σ_BL still does.
 * Complexity: O(K·N²) at worst, O(K·N) for the usual one- or two-asset views, plus the O(N²) check of Σ.
 *
 * @param views P (K × N) and Q
 * @param cov covariance Σ with asset labels (symmetric; its definiteness is the posterior's check)
 * @param tau the prior's weight τ in (0, 1] (default 0.05)
 * @returns the K diagonal entries of Ω
 * @throws CoreError as {@link checkViews}, {@link checkTau} and {@link checkCovarianceEntries}
 * @example heLittermanOmega({ count: 1, assets: 2, P: Float64Array.of(1, 0), Q: Float64Array.of(0.4), names: ["A"], rows: [0] }, { size: 2, data: Float64Array.of(0.04, 0.01, 0.01, 0.09), labels: ["A", "B"] });
 * // => Float64Array [0.002]   (0.05 × 0.04)
 */
export function heLittermanOmega(
  views: BlackLittermanViews,
  cov: SquareMatrix,
  tau = 0.05
): Float64Array {
  checkCovarianceEntries(cov);
  checkViews(views, cov.size);
  checkTau(tau);
  const omega = viewVariances(views, cov);
  for (let v = 0; v < views.count; v++) omega[v] *= tau;
  return omega;
}
