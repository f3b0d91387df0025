import type { ReturnsPanel } from "../types";
import { centredCompleteCases } from "./centredCompleteCases";
import { checkedPeriodsPerYear, type PeriodsPerYearOption } from "../stats/checkedPeriodsPerYear";
import { crossProduct } from "./crossProduct";
import type { ShrinkageResult } from "./shrinkageResult";

/**
 * Oracle Approximating Shrinkage (OAS) covariance: the sample covariance shrunk towards μI with the
 * intensity that approximates the oracle for Gaussian data, annualised.
 *
 * Formula, on the n complete rows (centred, p assets), exactly as sklearn 1.2
 * `sklearn.covariance.OAS().fit(R)` (function `oas`):
 *   S = XᵀX / n  (1/n empirical covariance),  μ = tr(S) / p,  α = mean(S ∘ S) = ‖S‖²_F / p²,
 *   δ = min(1, (α + μ²) / ((n + 1)(α − μ² / p)))  (δ = 1 when the denominator is 0),
 *   Σ̂ = ppy · ((1 − δ)·S + δ·μI).
 * Reference: Y. Chen, A. Wiesel, Y. C. Eldar & A. O. Hero (2010), "Shrinkage algorithms for MMSE
 * covariance estimation", IEEE Trans. Signal Processing 58(10). Note sklearn ≤ 1.2 implements the
 * authors' code, not eq. (23) of the paper; we match sklearn 1.2 (sklearn 1.3 changed the formula).
 * Conventions: annualisation multiplies the whole shrunk matrix; δ does not depend on it. One asset
 * gives δ = 0 and the 1/n variance (as sklearn).
 * Complexity: O(n · p²) for the one blocked cross-product, then O(p²).
 *
 * @param returns returns panel (column-major, NaN = missing; complete rows are used); not modified
 * @param periodsPerYear annualisation factor, or { periodsPerYear } (default 365; 1 for per-period, i.e. sklearn's covariance_)
 * @returns { matrix, shrinkage } with shrinkage δ in [0, 1]
 * @throws CoreError INVALID_ARGUMENT (no columns, bad periodsPerYear)
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 complete rows; the message says how many remained)
 * @throws CoreError ZERO_VARIANCE (a constant column over the complete rows)
 * @example oracleApproximatingShrinkage(R, 1) for R with rows [1, 2], [2, 4], [3, 9];
 * // => shrinkage 1 (clipped from 1.0117), matrix [[14/3, 0], [0, 14/3]] (as sklearn)
 */
export function oracleApproximatingShrinkage(
  returns: ReturnsPanel,
  periodsPerYear?: PeriodsPerYearOption
): ShrinkageResult {
  const factor = checkedPeriodsPerYear(periodsPerYear);
  const cases = centredCompleteCases(returns, 2, "OAS");
  const { rows: n, cols: p } = cases;
  const data = crossProduct(cases.data, n, p);
  for (let k = 0; k < data.length; k++) data[k] /= n;

  let trace = 0;
  for (let i = 0; i < p; i++) trace += data[i * p + i];
  const mu = trace / p;
  let frobenius = 0;
  for (let k = 0; k < data.length; k++) frobenius += data[k] * data[k];
  const alpha = frobenius / (p * p);
  const numerator = alpha + mu * mu;
  const denominator = (n + 1) * (alpha - (mu * mu) / p);
  let shrinkage: number;
  if (p === 1) shrinkage = 0;
  else if (denominator <= 0) shrinkage = 1;
  else shrinkage = Math.min(numerator / denominator, 1);

  const keep = (1 - shrinkage) * factor;
  for (let k = 0; k < data.length; k++) data[k] *= keep;
  const ridge = shrinkage * mu * factor;
  for (let i = 0; i < p; i++) data[i * p + i] += ridge;
  return { matrix: { size: p, data, labels: cases.labels }, shrinkage };
}
