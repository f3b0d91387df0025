import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovarianceEntries } from "./checkCovarianceEntries";
import { checkTau } from "./checkTau";
import { checkViews } from "./checkViews";
import type { BlackLittermanViews } from "./types";
import { viewVariances } from "./viewVariances";

/**
 * Idzorek view uncertainty from confidences: ω_k is set so that view k, alone, moves the returns
 * the fraction c_k of the way a fully confident view would.
 *
 * Formula: ω_k = τ p_k Σ p_kᵀ (1 − c_k) / c_k; c_k = 1 gives ω_k = 0 (the view holds exactly:
 * p_k μ_BL = q_k), c_k = 0 gives ω_k = +Infinity (the view is ignored), both exactly, with no
 * stand-in number (PyPortfolioOpt puts 1e6 for c = 0).
 * Why it is Idzorek's fraction: for one view the tilt is μ_BL − π = τΣp (pτΣpᵀ + ω)⁻¹ (q − pπ),
 * which is the full-confidence tilt τΣp (pτΣpᵀ)⁻¹ (q − pπ) times pτΣpᵀ / (pτΣpᵀ + ω) = c. Idzorek
 * states the fraction on the weights (δΣ)⁻¹μ, which are linear in μ, so the fraction is the same;
 * his numerical search for ω has this closed form (Walters 2014, eqs. 41 and 44).
 * Reference: Idzorek (2005), "A step-by-step guide to the Black–Litterman model"; Walters (2014),
 * "The Black–Litterman model in detail"; PyPortfolioOpt `BlackLittermanModel.idzorek_method`
 * (the same closed form).
 * Complexity: as {@link heLittermanOmega}.
 *
 * @param views P (K × N), Q and confidences c (one per view, in [0, 1])
 * @param cov covariance Σ with asset labels (symmetric; its definiteness is the posterior's check)
 * @param tau the prior's weight τ in (0, 1] (default 0.05)
 * @returns the K diagonal entries of Ω, each in [0, +Infinity]
 * @throws CoreError INVALID_ARGUMENT (no confidences in the views), and as {@link checkViews},
 *   {@link checkTau} and {@link checkCovarianceEntries} (a confidence outside [0, 1])
 * @example idzorekOmega({ count: 1, assets: 2, P: Float64Array.of(1, 0), Q: Float64Array.of(0.4), confidences: Float64Array.of(0.5), names: ["A"], rows: [0] }, { size: 2, data: Float64Array.of(0.04, 0.01, 0.01, 0.09), labels: ["A", "B"] });
 * // => Float64Array [0.002]   (0.05 × 0.04 × 0.5/0.5)
 */
export function idzorekOmega(
  views: BlackLittermanViews,
  cov: SquareMatrix,
  tau = 0.05
): Float64Array {
  checkCovarianceEntries(cov);
  checkViews(views, cov.size);
  checkTau(tau);
  const confidences = views.confidences;
  if (confidences === undefined) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `views have no confidences, which Idzorek's method needs; add a confidence column (0 to 1 per view) or use uncertainty "helitterman"`,
      { argument: "views" }
    );
  }
  const omega = viewVariances(views, cov);
  for (let v = 0; v < views.count; v++) {
    const c = confidences[v];
    omega[v] = c === 0 ? Infinity : c === 1 ? 0 : (tau * omega[v] * (1 - c)) / c;
  }
  return omega;
}
