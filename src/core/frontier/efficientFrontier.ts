import type { SquareMatrix } from "../types";
import type { FrontierPoint } from "./frontierPointOnSegment";
import { checkFrontierSampling, sampleFrontier, type FrontierSampling } from "./sampleFrontier";
import { traceCriticalLine } from "./traceCriticalLine";
import { validateFrontierInputs, type FrontierBounds } from "./validateFrontierInputs";

/** Options of {@link efficientFrontier}: box bounds and how the frontier is sampled. */
export interface EfficientFrontierOptions extends FrontierBounds, FrontierSampling {}

/**
 * The exact efficient frontier sampled at `points` returns equally spaced from the
 * minimum-variance portfolio's return to the highest attainable return, under Σw = 1 and
 * lower ≤ w ≤ upper.
 *
 * Method: the turning points of the critical line algorithm (traceCriticalLine), sampled exactly
 * between corners by sampleFrontier (weights are affine in the return between corners).
 * Reference: Bailey & López de Prado (2013), `efFrontier`. Each point is
 * the minimum-variance portfolio for its return (checked against scipy SLSQP + KKT polish,
 * variance to 1e-12 and weights to 1e-8, and by its KKT conditions in the tests). Points that
 * coincide with a turning point have `isTurningPoint`; `includeTurningPoints` merges all corners
 * into the result.
 * Conventions: μ, Σ and riskFree in the same units (annualised, periodsPerYear default 365 upstream).
 * Complexity: O(n³) for the frontier plus O(n²) per point.
 *
 * @param mu expected returns, one per asset
 * @param cov covariance of the same assets (positive definite)
 * @param options `lower`, `upper` bounds (defaults 0, 1), `points` (default 50), `riskFree` (default 0),
 *   `includeTurningPoints` (default false)
 * @returns the frontier portfolios in increasing return, from the minimum-variance one to the
 *   highest-return one (`points` of them, plus the corners with `includeTurningPoints`)
 * @throws CoreError TOO_FEW_POINTS (no assets)
 * @throws CoreError LENGTH_MISMATCH (covariance size or bound count differs from mu)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in mu, covariance, bounds or riskFree)
 * @throws CoreError INVALID_ARGUMENT (points not a whole number in 2 … 100000, missing input, negative variance,
 *   asymmetric covariance)
 * @throws CoreError ZERO_VARIANCE (an asset with zero variance)
 * @throws CoreError INFEASIBLE (lower > upper, Σ lower > 1 or Σ upper < 1)
 * @throws CoreError SINGULAR_MATRIX (duplicate or collinear assets)
 * @throws CoreError NOT_CONVERGED (cycling on a degenerate problem)
 * @example
 * const cov = { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] };
 * efficientFrontier([0.1, 0.2], cov, { points: 2 }).map((p) => p.expectedReturn);
 * // => [0.1307…, 0.2]  (minimum variance 9/13·0.1 + 4/13·0.2, then all in B)
 */
export function efficientFrontier(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  options: EfficientFrontierOptions = {}
): FrontierPoint[] {
  checkFrontierSampling(options);
  const inputs = validateFrontierInputs(mu, cov, options);
  return sampleFrontier(inputs, traceCriticalLine(inputs), options);
}
