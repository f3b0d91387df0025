import type { SquareMatrix } from "../types";
import { checkCovariance } from "./checkCovariance";
import { maximumRatioConstrained } from "./maximumRatioConstrained";
import type { ConstrainedPortfolio, PortfolioConstraints } from "./types";

/**
 * The most diversified portfolio: the long-only, fully invested weights that maximise the
 * diversification ratio DR(w) = wᵀσ / sqrt(wᵀΣw), σ_i = sqrt(Σ_ii), under bounds and group constraints.
 *
 * Reference: Choueifaty & Coignard (2008), "Toward Maximum Diversification", J. Portfolio Management
 * 35(1). Solved by homogenisation in {@link maximumRatioConstrained} with a = σ (σ > 0, so an optimum
 * always exists for feasible constraints). Matches a direct SLSQP maximisation of DR (scipy, many
 * starts) to 1e-10 in the ratio and 1e-7 in the weights (fixtures). DR ≥ 1, = 1 for one asset.
 * Conventions: scale-free in Σ (annualising does not change the weights).
 * Complexity: as {@link minimumVarianceConstrained}.
 *
 * @param cov positive definite covariance matrix with asset labels
 * @param constraints bounds (default 0 ≤ w ≤ 1) and groups
 * @returns weights, volatility, the diversification ratio and the binding constraints
 * @throws CoreError INVALID_ARGUMENT (empty or asymmetric cov; malformed constraints)
 * @throws CoreError LENGTH_MISMATCH (cov not square; a bound array not one per asset)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in cov or the constraints)
 * @throws CoreError SINGULAR_MATRIX (cov not positive definite; use a shrinkage estimator)
 * @throws CoreError INFEASIBLE (no portfolio meets the constraints; says which and by how much)
 * @throws CoreError NOT_CONVERGED (the active-set method cycled)
 * @example maximumDiversification({ size: 2, data: Float64Array.from([0.04, 0, 0, 0.01]), labels: ["A", "B"] }).weights;
 * // => Float64Array [1/3, 2/3]   (uncorrelated assets: w ∝ 1/σ; DR = √2)
 */
export function maximumDiversification(
  cov: SquareMatrix,
  constraints: PortfolioConstraints = {}
): ConstrainedPortfolio {
  checkCovariance(cov);
  const n = cov.size;
  const sigma = new Float64Array(n);
  for (let i = 0; i < n; i++) sigma[i] = Math.sqrt(cov.data[i * n + i]);
  return maximumRatioConstrained(sigma, cov, constraints, "σ");
}
