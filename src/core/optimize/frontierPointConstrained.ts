import { CoreError, isCoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovariance } from "./checkCovariance";
import { checkExpectedReturns } from "./checkExpectedReturns";
import { checkFeasibility } from "./checkFeasibility";
import { portfolioConstraintRows } from "./portfolioConstraintRows";
import type { PortfolioConstraintRows } from "./portfolioConstraintRows";
import { bindingConstraints } from "./bindingConstraints";
import { snapWeightsToBounds } from "./snapWeightsToBounds";
import { solveQuadraticProgram } from "./solveQuadraticProgram";
import type { ConstrainedPortfolio, PortfolioConstraints } from "./types";

/**
 * Relative weight of the ridge used only to estimate the attainable return range for an error
 * message: max μᵀw − ½ε‖w‖² is within ε/2 of the linear optimum (‖w‖² ≤ 1 for w ≥ 0, Σw = 1), so
 * ε = 1e-6 × spread of μ gives the bound to ~6 digits while keeping the QP well scaled.
 */
const RANGE_RIDGE = 1e-6;

/**
 * A point of the constrained efficient frontier: the long-only, fully invested portfolio of least
 * variance whose expected return equals a target.
 *
 * Problem: minimise wᵀΣw s.t. μᵀw = target, Σw = 1, lower ≤ w ≤ upper, group floors and caps
 * (Markowitz 1952), by {@link solveQuadraticProgram}. Matches R quadprog `solve.QP` with the extra
 * equality to 1e-8 (fixtures); as PyPortfolioOpt `efficient_return(target)` with weight bounds.
 * Conventions: μ and Σ in the same units (both annualised, or both per period); targets below the
 * minimum-variance return are allowed (the lower, inefficient branch).
 * Complexity: as {@link minimumVarianceConstrained}.
 *
 * @param mu expected returns, one per asset
 * @param cov positive definite covariance matrix with asset labels
 * @param targetReturn the required μᵀw
 * @param constraints bounds (default 0 ≤ w ≤ 1) and groups
 * @returns weights, volatility, expected return and the binding constraints
 * @throws CoreError INVALID_ARGUMENT (empty or asymmetric cov; malformed constraints)
 * @throws CoreError LENGTH_MISMATCH (mu or a bound array not one per asset)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in mu, cov, targetReturn or the constraints)
 * @throws CoreError SINGULAR_MATRIX (cov not positive definite; use a shrinkage estimator)
 * @throws CoreError INFEASIBLE (constraints infeasible; or the target outside the attainable range,
 *   which the message gives)
 * @throws CoreError NOT_CONVERGED (the active-set method cycled)
 * @example frontierPointConstrained([0.1, 0.3], { size: 2, data: Float64Array.from([0.04, 0, 0, 0.09]), labels: ["A", "B"] }, 0.2).weights;
 * // => Float64Array [0.5, 0.5]
 */
export function frontierPointConstrained(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  targetReturn: number,
  constraints: PortfolioConstraints = {}
): ConstrainedPortfolio {
  checkCovariance(cov);
  const n = cov.size;
  checkExpectedReturns(mu, n, cov.labels);
  if (!Number.isFinite(targetReturn)) {
    throw new CoreError(
      "NON_FINITE",
      `targetReturn is ${targetReturn}; give a finite expected return such as 0.2`,
      { argument: "targetReturn" }
    );
  }
  const report = checkFeasibility(constraints, n, cov.labels, { exact: false });
  if (!report.feasible) {
    throw new CoreError("INFEASIBLE", report.reason, { argument: "constraints" });
  }
  const rows = portfolioConstraintRows(constraints, n, cov.labels);
  const Aeq = new Float64Array(2 * n).fill(1);
  for (let i = 0; i < n; i++) Aeq[n + i] = mu[i];
  let solution;
  try {
    solution = solveQuadraticProgram({
      D: cov.data,
      d: new Float64Array(n),
      Aeq,
      beq: [1, targetReturn],
      Aineq: rows.Aineq,
      bineq: rows.bineq,
      equalityNames: ["budget (weights sum to 1)", `target return ${targetReturn}`],
      inequalityNames: rows.names,
    });
  } catch (error) {
    if (isCoreError(error) && error.code === "INFEASIBLE") {
      const exact = checkFeasibility(constraints, n, cov.labels);
      if (!exact.feasible) {
        throw new CoreError("INFEASIBLE", exact.reason, { argument: "constraints" });
      }
      const low = -attainableReturn(mu, rows, -1);
      const high = attainableReturn(mu, rows, 1);
      const fmt = (v: number) => String(Number(v.toPrecision(4)));
      throw new CoreError(
        "INFEASIBLE",
        `targetReturn ${targetReturn} cannot be reached under the constraints: attainable expected returns run from about ${fmt(low)} to ${fmt(high)}; choose a target in that range`,
        { argument: "targetReturn" }
      );
    }
    throw error;
  }
  // Divide out the last rounding of Σw = 1 (≈1e-16), then put weights at a bound exactly on it.
  let total = 0;
  for (let i = 0; i < n; i++) total += solution.x[i];
  for (let i = 0; i < n; i++) solution.x[i] /= total;
  const w = snapWeightsToBounds(solution.x, rows.lower, rows.upper);
  let expectedReturn = 0;
  for (let i = 0; i < n; i++) expectedReturn += mu[i] * w[i];
  return {
    weights: w,
    labels: cov.labels,
    volatility: Math.sqrt(Math.max(2 * solution.objective, 0)),
    expectedReturn,
    binding: bindingConstraints(rows, w),
  };
}

/** max (sign = 1) or max of −μᵀw (sign = −1) over the feasible set, to within RANGE_RIDGE × spread. */
function attainableReturn(
  mu: ArrayLike<number>,
  rows: PortfolioConstraintRows,
  sign: number
): number {
  const n = mu.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, mu[i]);
    hi = Math.max(hi, mu[i]);
  }
  if (hi === lo) return sign * hi;
  const ridge = RANGE_RIDGE * (hi - lo);
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) D[i * n + i] = ridge;
  const d = Float64Array.from({ length: n }, (_, i) => sign * mu[i]);
  const { x } = solveQuadraticProgram({
    D,
    d,
    Aeq: new Float64Array(n).fill(1),
    beq: [1],
    Aineq: rows.Aineq,
    bineq: rows.bineq,
  });
  let value = 0;
  for (let i = 0; i < n; i++) value += sign * mu[i] * x[i];
  return value;
}
