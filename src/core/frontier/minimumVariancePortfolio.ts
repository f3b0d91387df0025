import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { frontierPointOnSegment, type FrontierPoint } from "./frontierPointOnSegment";
import { traceCriticalLine } from "./traceCriticalLine";
import { validateFrontierInputs, type FrontierBounds } from "./validateFrontierInputs";

/** Options of {@link minimumVariancePortfolio}. */
export interface MinimumVarianceOptions extends FrontierBounds {
  /** Risk-free rate for the reported Sharpe ratio, in the units of `mu` (default 0). */
  readonly riskFree?: number;
}

/**
 * The minimum-variance portfolio under box bounds and full investment: min wᵀΣw s.t. Σw = 1,
 * lower ≤ w ≤ upper, exactly.
 *
 * Method: the last turning point of the critical line algorithm (λ = 0), where the algorithm's
 * optimality conditions Σw − γ1 = ν (ν ≥ 0 at lower bounds, ≤ 0 at upper ones, 0 for free assets)
 * are exactly those of this problem; no search and no tolerance. Variance falls monotonically
 * along the frontier, so no interior point of a segment does better. Reference: Bailey & López de
 * Prado (2013), `getMinVar`; the problem PyPortfolioOpt's `min_volatility` solves.
 * Oracles: scipy SLSQP + exact KKT polish (variance to 1e-13, weights to 1e-10), the paper's
 * σ = 0.2052376198, and Σ⁻¹1/1ᵀΣ⁻¹1 when no bound binds (weights to 1e-8).
 * `mu` only orders the path; with Σ positive definite the result does not depend on it.
 * Complexity: O(n³).
 *
 * @param mu expected returns, one per asset (for the reported return and Sharpe ratio)
 * @param cov covariance of the same assets (positive definite)
 * @param options `lower`, `upper` weight bounds (defaults 0 and 1) and `riskFree` (default 0)
 * @returns the portfolio with its weights, return, volatility, Sharpe ratio and λ = 0
 * @throws CoreError TOO_FEW_POINTS (no assets)
 * @throws CoreError LENGTH_MISMATCH (covariance size or bound count differs from mu)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in mu, covariance, bounds or riskFree)
 * @throws CoreError INVALID_ARGUMENT (missing input, negative variance, asymmetric covariance)
 * @throws CoreError ZERO_VARIANCE (an asset with zero variance)
 * @throws CoreError INFEASIBLE (lower > upper, Σ lower > 1 or Σ upper < 1)
 * @throws CoreError SINGULAR_MATRIX (duplicate or collinear assets)
 * @throws CoreError NOT_CONVERGED (cycling on a degenerate problem)
 * @example
 * const cov = { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] };
 * minimumVariancePortfolio([0.1, 0.2], cov).weights; // => [9/13, 4/13] = [0.6923…, 0.3076…]
 */
export function minimumVariancePortfolio(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  options: MinimumVarianceOptions = {}
): FrontierPoint {
  const riskFree = options.riskFree ?? 0;
  if (!Number.isFinite(riskFree)) {
    throw new CoreError("NON_FINITE", `riskFree: is ${String(riskFree)}; pass a finite rate`, {
      argument: "riskFree",
    });
  }
  const inputs = validateFrontierInputs(mu, cov, options);
  const turningPoints = traceCriticalLine(inputs);
  const last = turningPoints[turningPoints.length - 1];
  return frontierPointOnSegment(inputs, last, last, 0, riskFree, true);
}
