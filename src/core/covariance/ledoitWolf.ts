import type { ReturnsPanel } from "../types";
import { centredCompleteCases } from "./centredCompleteCases";
import { checkedPeriodsPerYear, type PeriodsPerYearOption } from "../stats/checkedPeriodsPerYear";
import { crossProduct } from "./crossProduct";
import { ledoitWolfFromGram } from "./ledoitWolfFromGram";
import { rowNormFourthPowerSum } from "./rowNormFourthPowerSum";
import type { ShrinkageResult } from "./shrinkageResult";

/**
 * Ledoit–Wolf covariance: the sample covariance shrunk towards a multiple of the identity by the
 * intensity that minimises the expected squared (Frobenius) error, annualised.
 *
 * Formula, on the n complete rows x_k (centred, p assets), exactly as sklearn 1.2
 * `sklearn.covariance.LedoitWolf().fit(R)` (`ledoit_wolf_shrinkage`):
 *   S = XᵀX / n  (the **1/n** empirical covariance, as sklearn; not n − 1),  μ = tr(S) / p,
 *   d² = ‖S − μI‖²_F / p,   b̄² = (Σ_k ‖x_k‖⁴ / n − ‖S‖²_F) / (n · p),   b² = min(b̄², d²),
 *   δ = b² / d²  (0 when b² = 0),   Σ̂ = ppy · ((1 − δ)·S + δ·μI).
 * Reference: O. Ledoit & M. Wolf (2004), "A well-conditioned estimator for large-dimensional
 * covariance matrices", J. Multivariate Analysis 88(2), 365–411 (Lemma 3.2–3.4 estimators).
 * PyPortfolioOpt `CovarianceShrinkage.ledoit_wolf()` (target "constant_variance") calls the same
 * sklearn function, so it agrees too on data without missing values.
 * Conventions: annualisation multiplies the whole shrunk matrix (S and μI) by periodsPerYear; δ does
 * not depend on it. One asset gives δ = 0 (as sklearn). b̄² is clipped at 0 because rounding can
 * make it a hair negative when it is truly 0; d² is computed as a sum of squares (sklearn expands it),
 * so it cannot come out negative.
 * Complexity: O(n · p²) for the one blocked cross-product, then O(n · p + p²) (rowNormFourthPowerSum,
 * ledoitWolfFromGram).
 *
 * @param returns returns panel (column-major, NaN = missing; complete rows are used); not modified
 * @param periodsPerYear annualisation factor, or { periodsPerYear } (default 365; 1 for per-period, i.e. sklearn's covariance_)
 * @returns { matrix, shrinkage } with shrinkage δ in [0, 1]
 * @throws CoreError INVALID_ARGUMENT (no columns, bad periodsPerYear)
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 complete rows; the message says how many remained)
 * @throws CoreError ZERO_VARIANCE (a constant column over the complete rows)
 * @example ledoitWolf(R, 1) for R with rows [1, 2], [2, 4], [3, 9];
 * // => shrinkage 196/579 = 0.33851…, matrix [[2.0207, 1.5435], [1.5435, 7.3126]] (as sklearn)
 */
export function ledoitWolf(
  returns: ReturnsPanel,
  periodsPerYear?: PeriodsPerYearOption
): ShrinkageResult {
  const factor = checkedPeriodsPerYear(periodsPerYear);
  const cases = centredCompleteCases(returns, 2, "Ledoit–Wolf");
  const { rows: n, cols: p, data: x } = cases;
  const fourth = rowNormFourthPowerSum(x, n, p);
  return ledoitWolfFromGram(crossProduct(x, n, p), n, p, fourth, factor, cases.labels);
}
