import { CoreError, isCoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovariance } from "./checkCovariance";
import { checkExpectedReturns } from "./checkExpectedReturns";
import { maximumRatioConstrained } from "./maximumRatioConstrained";
import type { ConstrainedPortfolio, PortfolioConstraints } from "./types";

/**
 * The long-only, fully invested portfolio of highest Sharpe ratio under bounds and group constraints.
 *
 * Problem: maximise (μᵀw − rf) / sqrt(wᵀΣw) s.t. Σw = 1, lower ≤ w ≤ upper, group floors and caps,
 * by the homogenisation of Cornuejols & Tütüncü (2007, §8.2) in {@link maximumRatioConstrained}
 * with a = μ − rf (as PyPortfolioOpt `max_sharpe()`, which uses the same transformation). Matches a
 * direct SLSQP maximisation of the Sharpe ratio (scipy, many starts) to 1e-10 in the ratio.
 * Conventions: μ, rf and Σ in the same units (annualised by the caller, periodsPerYear default 365);
 * the ratio is not annualised here.
 * Complexity: as {@link minimumVarianceConstrained}.
 *
 * @param mu expected returns, one per asset
 * @param cov positive definite covariance matrix with asset labels
 * @param riskFree the risk-free rate rf (default 0)
 * @param constraints bounds (default 0 ≤ w ≤ 1) and groups
 * @returns weights, volatility, expected return, the Sharpe ratio and the binding constraints
 * @throws CoreError INVALID_ARGUMENT (empty or asymmetric cov; malformed constraints)
 * @throws CoreError LENGTH_MISMATCH (mu or a bound array not one per asset)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in mu, riskFree, cov or the constraints)
 * @throws CoreError SINGULAR_MATRIX (cov not positive definite; use a shrinkage estimator)
 * @throws CoreError INFEASIBLE (constraints infeasible; no asset, or no feasible portfolio, with an
 *   expected return above riskFree)
 * @throws CoreError NOT_CONVERGED (the active-set method cycled)
 * @example maximumSharpeConstrained([0.1, 0.2], { size: 2, data: Float64Array.from([0.04, 0, 0, 0.04]), labels: ["A", "B"] }).weights;
 * // => Float64Array [1/3, 2/3]   (w ∝ Σ⁻¹μ when no bound binds)
 */
export function maximumSharpeConstrained(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  riskFree = 0,
  constraints: PortfolioConstraints = {}
): ConstrainedPortfolio {
  checkCovariance(cov);
  const n = cov.size;
  checkExpectedReturns(mu, n, cov.labels);
  if (!Number.isFinite(riskFree)) {
    throw new CoreError("NON_FINITE", `riskFree is ${riskFree}; give a finite rate such as 0.02`, {
      argument: "riskFree",
    });
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (mu[i] > mu[best]) best = i;
  const fmt = (v: number) => String(Number(v.toPrecision(6)));
  if (!(mu[best] > riskFree)) {
    throw new CoreError(
      "INFEASIBLE",
      `no asset's expected return exceeds riskFree ${fmt(riskFree)} (the highest is ${cov.labels[best]} at ${fmt(mu[best])}), so no portfolio has a positive Sharpe ratio; lower riskFree or use minimum variance`,
      { argument: "mu", column: best, label: cov.labels[best] }
    );
  }
  const excess = new Float64Array(n);
  for (let i = 0; i < n; i++) excess[i] = mu[i] - riskFree;
  let result: ConstrainedPortfolio;
  try {
    result = maximumRatioConstrained(excess, cov, constraints, "excess return");
  } catch (error) {
    if (isCoreError(error) && error.code === "INFEASIBLE" && error.argument === "excess return") {
      throw new CoreError(
        "INFEASIBLE",
        `no portfolio meeting the constraints has an expected return above riskFree ${fmt(riskFree)}; lower riskFree or relax the bounds on the assets above it`,
        { argument: "constraints" }
      );
    }
    throw error;
  }
  let expectedReturn = 0;
  for (let i = 0; i < n; i++) expectedReturn += mu[i] * result.weights[i];
  return { ...result, expectedReturn };
}
