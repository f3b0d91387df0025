import { CoreError, isCoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovariance } from "./checkCovariance";
import { checkExpectedReturns } from "./checkExpectedReturns";
import { checkFeasibility } from "./checkFeasibility";
import { portfolioConstraintRows } from "./portfolioConstraintRows";
import { bindingConstraints } from "./bindingConstraints";
import { snapWeightsToBounds } from "./snapWeightsToBounds";
import { solveQuadraticProgram } from "./solveQuadraticProgram";
import type { ConstrainedPortfolio, PortfolioConstraints } from "./types";

/**
 * The long-only, fully invested portfolio that maximises aᵀw / sqrt(wᵀΣw) under bounds and group
 * constraints: the maximum Sharpe portfolio for a = μ − rf, the most diversified for a = σ.
 *
 * Method: homogenisation (Cornuejols & Tütüncü, "Optimization Methods in Finance", 2007, §8.2):
 * with y = w/κ, κ > 0, normalise aᵀy = 1 and minimise yᵀΣy subject to every constraint A_r·w ≥ b_r
 * scaled by κ = 1ᵀy, i.e. (A_r − b_r·1ᵀ)·y ≥ 0, plus 1ᵀy ≥ 0. One strictly convex QP
 * ({@link solveQuadraticProgram}); then w = y / 1ᵀy and the ratio is 1 / sqrt(yᵀΣy). Matches a direct
 * SLSQP maximisation of the ratio (scipy, many starts) to 1e-10 in the ratio, 1e-7 in w.
 * Conventions: a and Σ in consistent units; the optimum exists only if some feasible w has aᵀw > 0.
 * Complexity: as {@link minimumVarianceConstrained} (the rows become dense: O(m·n) per check).
 *
 * @param a the numerator coefficients, one per asset
 * @param cov positive definite covariance matrix with asset labels
 * @param constraints bounds (default 0 ≤ w ≤ 1) and groups
 * @param argument the name of a in messages (default "a")
 * @returns weights, volatility, the maximised ratio and the binding constraints
 * @throws CoreError INVALID_ARGUMENT (empty or asymmetric cov; malformed constraints)
 * @throws CoreError LENGTH_MISMATCH (a or a bound array not one per asset)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in a, cov or the constraints)
 * @throws CoreError SINGULAR_MATRIX (cov not positive definite; use a shrinkage estimator)
 * @throws CoreError INFEASIBLE (constraints infeasible; or no feasible w with aᵀw > 0)
 * @throws CoreError NOT_CONVERGED (the active-set method cycled)
 * @example maximumRatioConstrained([0.1, 0.1], { size: 2, data: Float64Array.from([0.04, 0, 0, 0.04]), labels: ["A", "B"] }).weights;
 * // => Float64Array [0.5, 0.5]
 */
export function maximumRatioConstrained(
  a: ArrayLike<number>,
  cov: SquareMatrix,
  constraints: PortfolioConstraints = {},
  argument = "a"
): ConstrainedPortfolio {
  checkCovariance(cov);
  const n = cov.size;
  checkExpectedReturns(a, n, cov.labels, argument);
  const report = checkFeasibility(constraints, n, cov.labels, { exact: false });
  if (!report.feasible) {
    throw new CoreError("INFEASIBLE", report.reason, { argument: "constraints" });
  }
  const rows = portfolioConstraintRows(constraints, n, cov.labels);
  const m = rows.bineq.length;
  const Aineq = new Float64Array((m + 1) * n);
  for (let r = 0; r < m; r++) {
    const b = rows.bineq[r];
    for (let j = 0; j < n; j++) Aineq[r * n + j] = rows.Aineq[r * n + j] - b;
  }
  Aineq.fill(1, m * n);
  const names = [...rows.names, "κ = Σy ≥ 0"];
  let solution;
  try {
    solution = solveQuadraticProgram({
      D: cov.data,
      d: new Float64Array(n),
      Aeq: a,
      beq: [1],
      Aineq,
      bineq: new Float64Array(m + 1),
      equalityNames: [`${argument}ᵀy = 1`],
      inequalityNames: names,
    });
  } catch (error) {
    if (isCoreError(error) && error.code === "INFEASIBLE") {
      const exact = checkFeasibility(constraints, n, cov.labels);
      if (!exact.feasible) {
        throw new CoreError("INFEASIBLE", exact.reason, { argument: "constraints" });
      }
      throw new CoreError(
        "INFEASIBLE",
        `no portfolio meeting the constraints has a positive ${argument}ᵀw, so the ratio has no maximum; relax the constraints`,
        { argument }
      );
    }
    throw error;
  }
  const y = solution.x;
  let kappa = 0;
  for (let j = 0; j < n; j++) kappa += y[j];
  if (!(kappa > 0)) {
    throw new CoreError(
      "NOT_CONVERGED",
      `the homogenised problem returned scale ${kappa}; the ratio could not be maximised (check ${argument} and cov)`,
      { argument }
    );
  }
  const scaled = new Float64Array(n);
  for (let j = 0; j < n; j++) scaled[j] = y[j] / kappa;
  const w = snapWeightsToBounds(scaled, rows.lower, rows.upper);
  let numerator = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    numerator += a[i] * w[i];
    let row = 0;
    for (let j = 0; j < n; j++) row += cov.data[i * n + j] * w[j];
    variance += w[i] * row;
  }
  const volatility = Math.sqrt(variance);
  return {
    weights: w,
    labels: cov.labels,
    volatility,
    ratio: numerator / volatility,
    binding: bindingConstraints(rows, w),
  };
}
