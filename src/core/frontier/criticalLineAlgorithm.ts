import type { SquareMatrix } from "../types";
import { traceCriticalLine, type TurningPoint } from "./traceCriticalLine";
import { validateFrontierInputs, type FrontierBounds } from "./validateFrontierInputs";

export type { TurningPoint } from "./traceCriticalLine";

/**
 * The exact efficient frontier of min wᵀΣw for each attainable return, subject to Σw = 1 and
 * lower ≤ w ≤ upper, as its list of turning points, by Markowitz's critical line algorithm.
 *
 * Method: Bailey & López de Prado (2013), "An open-source implementation of the critical line
 * algorithm for portfolio optimization", Algorithms 6(1):169–196. For each λ ≥ 0 the optimum of
 * min ½wᵀΣw − λμᵀw solves, on the free set F (bounded assets B fixed at a bound),
 *   Σ_FF w_F + Σ_FB w_B − λμ_F − γ1 = 0,  1ᵀw_F = 1 − 1ᵀw_B,
 * so w_F = a + λb and the multipliers g_i = (Σw)_i − λμ_i − γ of bounded assets are linear in λ.
 * Starting from the highest-return portfolio (λ = ∞; see highestReturnPortfolio, which also
 * handles ties in μ), λ decreases to the next event: a free weight reaching a bound, or a bound
 * multiplier reaching zero (that asset is freed). The weights there are a turning point; the
 * last one, at λ = 0, is the minimum-variance portfolio. Between neighbouring turning points the
 * frontier portfolios are the straight-line mixtures of the two (see efficientFrontier).
 * Numerics: Σ_FF is kept as a Cholesky factor updated in O(k²) per event (rank-one row append, Givens
 * deletion), never inverted; the multipliers are computed in O(n²) per event, which replaces the
 * reference code's one trial solve per bounded asset. Several events at the same λ (degenerate
 * corners, e.g. many equal returns) are processed one at a time, each re-deciding from the updated
 * slopes, so an asset may enter and leave at the same λ (principal pivoting); a bound already
 * crossed through rounding is an event at the current λ.
 * Conventions: returns and covariance in the same units (e.g. annualised); the first turning point
 * is the highest-return portfolio, the last the minimum-variance one; consecutive points have
 * strictly decreasing λ and non-increasing return and variance. Oracles (test/fixtures/frontier):
 * the paper's ten-asset example (published turning points to 1e-12, λ to 1e-10) and random
 * problems solved by scipy SLSQP + an exact KKT solve on its active set (variance to 1e-11,
 * weights to 1e-8); every corner also passes an independent KKT check in the tests.
 * Complexity: O(n²) per turning point, usually O(n) turning points: O(n³) overall.
 *
 * @param mu expected returns, one per asset
 * @param cov covariance of the same assets (positive definite)
 * @param bounds `lower` and `upper` weight bounds, a number or one per asset (defaults 0 and 1)
 * @returns the turning points from the highest-return portfolio down to the minimum-variance one
 * @throws CoreError TOO_FEW_POINTS (no assets)
 * @throws CoreError LENGTH_MISMATCH (covariance size or bound count differs from mu)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in mu, covariance or bounds)
 * @throws CoreError INVALID_ARGUMENT (missing input, negative variance, asymmetric covariance)
 * @throws CoreError ZERO_VARIANCE (an asset with zero variance)
 * @throws CoreError INFEASIBLE (lower > upper, Σ lower > 1 or Σ upper < 1, saying by how much)
 * @throws CoreError SINGULAR_MATRIX (duplicate or collinear assets: remove one or use estimator=ledoitwolf)
 * @throws CoreError NOT_CONVERGED (cycling on a degenerate problem; not seen in practice)
 * @example
 * const cov = { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] };
 * criticalLineAlgorithm([0.1, 0.2], cov).map((p) => Array.from(p.weights));
 * // => [[0, 1], [0.6923…, 0.3076…]]  (all in B down to λ = 0.9, then the minimum variance 9/13, 4/13)
 */
export function criticalLineAlgorithm(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  bounds: FrontierBounds = {}
): TurningPoint[] {
  return traceCriticalLine(validateFrontierInputs(mu, cov, bounds));
}
