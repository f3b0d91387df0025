import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovariance } from "../allocation/checkCovariance";
import { checkWeights } from "./checkWeights";
import { finiteMetric } from "../stats/finiteMetric";

/** Result of {@link riskContributions}; every array is in the caller's asset order. */
export interface RiskContributions {
  /** Portfolio volatility σ_p = √(wᵀΣw), in the units of cov (not annualised here). */
  readonly volatility: number;
  /** Marginal contributions ∂σ_p/∂w_i = (Σw)_i / σ_p. */
  readonly marginal: Float64Array;
  /** Component contributions w_i (Σw)_i / σ_p; they sum to σ_p (Euler). */
  readonly component: Float64Array;
  /** Percentage contributions w_i (Σw)_i / σ_p²; they sum to 1 (negative for a hedge). */
  readonly percentage: Float64Array;
}

/**
 * Euler decomposition of portfolio volatility into the assets' risk contributions.
 *
 * Formula: σ_p = √(wᵀΣw); marginal_i = (Σw)_i / σ_p; component_i = w_i · marginal_i (Σ_i = σ_p,
 * Euler's theorem for the 1-homogeneous σ_p); percentage_i = component_i / σ_p (Σ_i = 1).
 * Reference: Maillard, Roncalli & Teïletche (2010), §"Risk contributions"; as Riskfolio-Lib
 * `Risk_Contribution(w, cov, rm="MV")` and numpy `w * (S @ w) / sqrt(w @ S @ w)` (fixture
 * scripts/fixtures/diversification.py, to 1e-12 relative).
 * Conventions: any weights (shorts allowed, no need to sum to 1); a zero-variance asset (cash) is
 * accepted; the units are those of cov (annualise cov first for annual volatility).
 * Complexity: O(N²) time for Σw, O(N³/6) for the PSD check; O(N) memory beyond it.
 *
 * @param weights portfolio weights, one per asset
 * @param cov covariance matrix, positive semidefinite
 * @returns volatility, marginal, component and percentage contributions
 * @throws CoreError INVALID_ARGUMENT when cov is not square or not symmetric
 * @throws CoreError TOO_FEW_POINTS when cov has no asset
 * @throws CoreError LENGTH_MISMATCH when weights does not have one value per asset
 * @throws CoreError NON_FINITE for NaN or ±Infinity in weights or cov
 * @throws CoreError SINGULAR_MATRIX when cov is not positive semidefinite
 * @throws CoreError ZERO_VARIANCE when the portfolio has zero variance (percentages undefined)
 * @example riskContributions(Float64Array.of(0.5, 0.5), { size: 2, data: Float64Array.of(0.04, 0, 0, 0.01), labels: ["A", "B"] });
 *   // Σw = [0.02, 0.005], σ_p² = 0.0125 → percentage [0.8, 0.2]
 */
export function riskContributions(
  weights: ArrayLike<number>,
  cov: SquareMatrix
): RiskContributions {
  checkCovariance(cov, { allowZeroVariance: true, purpose: "risk contributions" });
  checkWeights(weights, cov.size, { labels: cov.labels });
  const n = cov.size;
  const a = cov.data;
  const sigmaW = new Float64Array(n);
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += a[row + j] * weights[j];
    sigmaW[i] = s;
    variance += weights[i] * s;
  }
  if (!(variance > 0)) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "weights: the portfolio has zero variance, so risk contributions are undefined; hold at least one risky asset",
      { argument: "weights" }
    );
  }
  const volatility = Math.sqrt(finiteMetric(variance, "portfolio variance", "weights"));
  const marginal = new Float64Array(n);
  const component = new Float64Array(n);
  const percentage = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    marginal[i] = sigmaW[i] / volatility;
    component[i] = weights[i] * marginal[i];
    percentage[i] = (weights[i] * sigmaW[i]) / variance;
  }
  return { volatility, marginal, component, percentage };
}
