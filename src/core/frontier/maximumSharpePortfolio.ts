import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import type { FrontierPoint } from "./frontierPointOnSegment";
import { maximumSharpeOnFrontier } from "./maximumSharpeOnFrontier";
import { traceCriticalLine } from "./traceCriticalLine";
import { validateFrontierInputs, type FrontierBounds } from "./validateFrontierInputs";

/** Options of {@link maximumSharpePortfolio}. */
export interface MaximumSharpeOptions extends FrontierBounds {
  /** Risk-free rate in the units of `mu` (default 0). */
  readonly riskFree?: number;
}

/**
 * The maximum-Sharpe (tangency) portfolio under box bounds and full investment, found exactly on
 * the critical-line frontier: max (μᵀw − r_f)/√(wᵀΣw) s.t. Σw = 1, lower ≤ w ≤ upper.
 *
 * Method: the frontier's turning points (criticalLineAlgorithm), then the closed-form maximum of
 * the Sharpe ratio on each segment between them (see maximumSharpeOnFrontier); the frontier is
 * concave in (σ, r), so the best segment maximum is the global one. Reference: Bailey & López de
 * Prado (2013), §5 (who use golden-section search); the problem PyPortfolioOpt's
 * `EfficientFrontier.max_sharpe` solves. Oracles: scipy SLSQP (Sharpe ratio to 1e-9 and never
 * below it, 4.453533 on the paper's example; weights to 1e-4, as SLSQP stops early on the flat
 * optimum) and the closed form Σ⁻¹(μ − r_f)/1ᵀΣ⁻¹(μ − r_f) when no bound binds (weights to 1e-7).
 * Conventions: μ, Σ and riskFree in the same units (e.g. annualised with periodsPerYear = 365).
 * Complexity: O(n³) (the frontier) plus O(n²) per turning point.
 *
 * @param mu expected returns, one per asset
 * @param cov covariance of the same assets (positive definite)
 * @param options `lower`, `upper` weight bounds (defaults 0 and 1) and `riskFree` (default 0)
 * @returns the portfolio with its weights, return, volatility, Sharpe ratio and λ
 * @throws CoreError TOO_FEW_POINTS (no assets)
 * @throws CoreError LENGTH_MISMATCH (covariance size or bound count differs from mu)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in mu, covariance, bounds or riskFree)
 * @throws CoreError INVALID_ARGUMENT (missing input, negative variance, asymmetric covariance)
 * @throws CoreError ZERO_VARIANCE (an asset with zero variance)
 * @throws CoreError INFEASIBLE (infeasible bounds, or riskFree not below the highest attainable return)
 * @throws CoreError SINGULAR_MATRIX (duplicate or collinear assets)
 * @throws CoreError NOT_CONVERGED (cycling on a degenerate problem)
 * @example
 * const cov = { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] };
 * maximumSharpePortfolio([0.1, 0.2], cov).weights; // => [0.5294…, 0.4705…] (w ∝ Σ⁻¹μ = [2.5, 2.2̄])
 */
export function maximumSharpePortfolio(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  options: MaximumSharpeOptions = {}
): FrontierPoint {
  const riskFree = options.riskFree ?? 0;
  if (!Number.isFinite(riskFree)) {
    throw new CoreError("NON_FINITE", `riskFree: is ${String(riskFree)}; pass a finite rate`, {
      argument: "riskFree",
    });
  }
  const inputs = validateFrontierInputs(mu, cov, options);
  return maximumSharpeOnFrontier(inputs, traceCriticalLine(inputs), riskFree);
}
