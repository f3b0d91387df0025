import { CoreError } from "../errors";
import { choleskySolve } from "../linalg/choleskySolve";
import { checkCovariance } from "../optimize/checkCovariance";
import { checkExpectedReturns } from "../optimize/checkExpectedReturns";
import type { SquareMatrix } from "../types";

/**
 * Below this fraction of Σ|raw weights| the raw weights sum to zero within rounding and cannot be
 * scaled to a fully invested portfolio (the scale would be noise).
 */
const ZERO_SUM_TOLERANCE = 1e-12;

/**
 * The unconstrained mean–variance weights of expected returns, scaled to sum to 1 (the weights
 * Black–Litterman reports beside its posterior).
 *
 * Formula: w_raw = (δ Σ)⁻¹ μ, w = w_raw / Σ_i w_raw,i. The risk aversion δ cancels in the
 * normalisation, so it is not an argument. Weights can be negative (short) and above 1; for
 * long-only, bounded weights pass the posterior to the constrained optimisers instead.
 * Reference: He & Litterman (1999) use w* = (δ Σ_BL)⁻¹ μ_BL (pass the posterior covariance);
 * PyPortfolioOpt `bl_weights` solves with the prior Σ and normalises by the sum, as here (pass the
 * prior covariance to match it).
 * Complexity: O(N³/3) for the Cholesky factor, O(N²) for the solve.
 *
 * @param mu expected returns, one per asset (μ_BL)
 * @param cov positive definite covariance with asset labels (Σ_BL, or Σ as PyPortfolioOpt)
 * @returns weights summing to 1
 * @throws CoreError as checkCovariance and checkExpectedReturns
 * @throws CoreError INFEASIBLE (the raw weights sum to 0: no fully invested scaling exists)
 * @example blackLittermanWeights([0.1, 0.2], { size: 2, data: Float64Array.of(0.04, 0, 0, 0.04), labels: ["A", "B"] });
 * // => Float64Array [1/3, 2/3]   (Σ⁻¹μ = (2.5, 5))
 */
export function blackLittermanWeights(mu: ArrayLike<number>, cov: SquareMatrix): Float64Array {
  const factor = checkCovariance(cov);
  checkExpectedReturns(mu, cov.size, cov.labels);
  const raw = choleskySolve(factor, mu);
  let sum = 0;
  let size = 0;
  for (const value of raw) {
    sum += value;
    size += Math.abs(value);
  }
  if (!(Math.abs(sum) > ZERO_SUM_TOLERANCE * size)) {
    throw new CoreError(
      "INFEASIBLE",
      `the unconstrained weights Σ⁻¹μ sum to 0 (a pure long–short portfolio), so they cannot be scaled to sum to 1; use the posterior returns with a constrained optimiser such as maxsharpe`,
      { argument: "mu" }
    );
  }
  for (let i = 0; i < raw.length; i++) raw[i] /= sum;
  return raw;
}
