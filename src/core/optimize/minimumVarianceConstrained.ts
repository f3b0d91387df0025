import { CoreError, isCoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovariance } from "./checkCovariance";
import { checkFeasibility } from "./checkFeasibility";
import { portfolioConstraintRows } from "./portfolioConstraintRows";
import { bindingConstraints } from "./bindingConstraints";
import { snapWeightsToBounds } from "./snapWeightsToBounds";
import { solveQuadraticProgram } from "./solveQuadraticProgram";
import type { ConstrainedPortfolio, PortfolioConstraints } from "./types";

/**
 * The long-only, fully invested portfolio of least variance under box bounds and group constraints.
 *
 * Problem: minimise wᵀΣw s.t. Σw = 1, lower ≤ w ≤ upper, floor_g ≤ Σ_{i∈g} w_i ≤ cap_g, solved by
 * {@link solveQuadraticProgram} (Goldfarb–Idnani). Matches R quadprog `solve.QP(2Σ, 0, …, meq = 1)`
 * on the same constraints to 1e-8 (fixtures), and the closed form w1 = (σ2² − σ12)/(σ1² + σ2² − 2σ12)
 * for two unconstrained assets. As PyPortfolioOpt `EfficientFrontier(None, S, weight_bounds).min_volatility()`.
 * Conventions: Σ in any consistent units (the volatility reported is in the same units, annualised
 * when Σ is); the closed-form tests of {@link checkFeasibility} run first for a precise message,
 * and a clash the QP alone detects is reported with the constraints it names. Weights within 1e-12
 * of a bound are put exactly on it ({@link snapWeightsToBounds}); `binding` lists every tight row.
 * Complexity: O(n³) plus O(n² + m·n) per active-set change.
 *
 * @param cov positive definite covariance matrix with asset labels
 * @param constraints bounds (default 0 ≤ w ≤ 1) and groups
 * @returns weights, volatility and the binding constraints
 * @throws CoreError INVALID_ARGUMENT (empty or asymmetric cov; malformed constraints; negative lower bound)
 * @throws CoreError LENGTH_MISMATCH (cov not square; a bound array of the wrong length)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in cov or the constraints)
 * @throws CoreError SINGULAR_MATRIX (cov not positive definite; use a shrinkage estimator)
 * @throws CoreError INFEASIBLE (no portfolio meets the constraints; says which and by how much)
 * @throws CoreError NOT_CONVERGED (the active-set method cycled; not expected on well-posed input)
 * @example minimumVarianceConstrained({ size: 2, data: Float64Array.from([0.04, 0, 0, 0.01]), labels: ["A", "B"] }).weights;
 * // => Float64Array [0.2, 0.8]
 */
export function minimumVarianceConstrained(
  cov: SquareMatrix,
  constraints: PortfolioConstraints = {}
): ConstrainedPortfolio {
  checkCovariance(cov);
  const n = cov.size;
  const report = checkFeasibility(constraints, n, cov.labels, { exact: false });
  if (!report.feasible) {
    throw new CoreError("INFEASIBLE", report.reason, { argument: "constraints" });
  }
  const rows = portfolioConstraintRows(constraints, n, cov.labels);
  let solution;
  try {
    solution = solveQuadraticProgram({
      D: cov.data,
      d: new Float64Array(n),
      Aeq: new Float64Array(n).fill(1),
      beq: [1],
      Aineq: rows.Aineq,
      bineq: rows.bineq,
      equalityNames: ["budget (weights sum to 1)"],
      inequalityNames: rows.names,
    });
  } catch (error) {
    if (isCoreError(error) && error.code === "INFEASIBLE") {
      // Only overlapping groups get past the closed forms; the QP names the clashing constraints.
      throw new CoreError(
        "INFEASIBLE",
        `the bounds and group constraints cannot all hold: ${error.message}`,
        { argument: "constraints" }
      );
    }
    throw error;
  }
  // Divide out the last rounding of Σw = 1 (≈1e-16), then put weights at a bound exactly on it.
  let total = 0;
  for (let i = 0; i < n; i++) total += solution.x[i];
  for (let i = 0; i < n; i++) solution.x[i] /= total;
  const w = snapWeightsToBounds(solution.x, rows.lower, rows.upper);
  return {
    weights: w,
    labels: cov.labels,
    volatility: Math.sqrt(Math.max(2 * solution.objective, 0)),
    binding: bindingConstraints(rows, w),
  };
}
