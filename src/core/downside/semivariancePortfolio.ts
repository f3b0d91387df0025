import { CoreError, isCoreError } from "../errors";
import { addReturnRows } from "../lp/addReturnRows";
import { checkLpSize } from "../lp/checkLpSize";
import { createLpBuilder } from "../lp/createLpBuilder";
import { portfolioLpRows } from "../lp/portfolioLpRows";
import type { LpSolver } from "../lp/types";
import type { ReturnsPanel } from "../types";
import { checkedDownsideInput } from "./checkedDownsideInput";
import { explainDownsideInfeasible } from "./explainDownsideInfeasible";
import { solutionWeights } from "./solutionWeights";
import { solveSemivarianceProgram } from "./solveSemivarianceProgram";
import type { DownsideOptions, DownsidePortfolio } from "./types";

/**
 * Mean–semivariance portfolios: the long-only, fully invested weights with the smallest
 * semideviation below a threshold over the historical scenarios, optionally with a target mean
 * return, or with the highest Sortino ratio (mean − riskFree) / semideviation.
 *
 * Formula (PyPortfolioOpt's EfficientSemivariance, after Estrada 2008, "Mean-semivariance
 * optimization: a heuristic approach", J. Applied Finance 18(1)): with B = (R − threshold)/√T,
 *   min Σ_t n_t²   s.t. Bw − p + n = 0, p, n ≥ 0,
 * whose optimum has n_t = max(0, −B_t w), so Σn² = (1/T) Σ_t min(r_tᵀw − threshold, 0)², the
 * semivariance. Here p (a slack) is dropped: n_t ≥ −B_t w, n ≥ 0 is the same feasible set in (w, n)
 * with T variables fewer. "minrisk" with targetReturn adds μᵀw ≥ target (PyPortfolioOpt's
 * efficient_return). "maxratio" (max Sortino, the Cornuéjols–Tütüncü homogenisation of max Sharpe,
 * "Optimization Methods in Finance" §8.2) takes y = κw, κ ≥ 0: (μ − riskFree)ᵀy = 1, Σy = κ, bounds and
 * groups times κ, n_t ≥ −B_t y (homogeneous because Σy = κ carries the threshold), min Σn²; then
 * w = y/κ and the Sortino ratio is 1/‖n‖. Solved without the n_t variables as the convex piecewise
 * quadratic (1/T) Σ_t min((r_t − threshold)ᵀw, 0)² over lp's portfolio rows, by the semismooth Newton
 * method of solveSemivarianceProgram (each step one Goldfarb–Idnani QP in the n to 2n + 1 portfolio
 * variables): HiGHS' QP solver fails on this problem in the highs-js build (see that file). The
 * solver argument is used only to explain an infeasible request (small LPs over the weights).
 * Limits: maxTurnover and costRate against limits.current are exact (linear rows; under "minrisk"
 * the cost is added to the semivariance objective, under "maxratio" it comes off the return);
 * maxHoldings is refused (it needs binaries: a mixed-integer QP, which neither HiGHS nor the Newton
 * method solves): use mincdar or mincvar for an exact cardinality limit; tracking error and effective holdings are refused.
 * When some allowed portfolio never falls below the threshold and has a mean above riskFree, the
 * Sortino ratio is unbounded: "maxratio" then returns one such portfolio (risk 0).
 * Conventions: population semivariance (1/T, as PyPortfolioOpt); risk is the semideviation
 * √semivariance per period (not annualised), recomputed from the returned weights; threshold and
 * riskFree default to 0.
 * Oracle: scipy.optimize.minimize (SLSQP) on mean(min(Rw − threshold, 0)²) directly, cross-checked
 * by trust-constr on the QP (scripts/fixtures/downsideSemivariance.py).
 * Complexity: per Newton step O(T·m²) (m = n, plus n trades with a turnover limit or cost, plus κ)
 *   and one O(m³) QP; a handful of steps in practice.
 *
 * @param returns scenarios (rows, oldest first) × assets, no missing values, at least 2 rows
 * @param options objective "minrisk" | "maxratio", threshold, targetReturn, riskFree, constraints,
 *   limits (turnover, cost), timeLimitSeconds
 * @param solver the LP solver (HiGHS), used only to explain an infeasible request; timeLimitSeconds
 *   bounds those LPs, the Newton method is bounded by its step count
 * @returns weights, the semideviation, the mean return and the binding constraints
 * @throws CoreError TOO_FEW_POINTS, NON_FINITE, INVALID_ARGUMENT (checkedDownsideInput; the program
 *   above the memory budget; maxHoldings; malformed constraints or limits)
 * @throws CoreError INFEASIBLE naming what binds (bounds/groups, maxTurnover, targetReturn above the
 *   highest attainable mean, no portfolio above riskFree)
 * @throws CoreError NOT_CONVERGED (the Newton method's step budget)
 * @example semivariancePortfolio(panel, { objective: "maxratio" }, highs).risk; // semideviation
 */
export function semivariancePortfolio(
  returns: ReturnsPanel,
  options: DownsideOptions,
  solver: LpSolver
): DownsidePortfolio {
  const method = options.objective === "maxratio" ? "maxsortino" : "minsemivar";
  const checked = checkedDownsideInput(returns, options, method, false);
  if (options.limits?.maxHoldings !== undefined) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `limits: ${method} cannot hold maxHoldings exactly: semivariance is a quadratic program and a holdings limit needs integer variables, which the solver supports only for linear objectives; drop maxHoldings or use mincdar or mincvar`,
      { argument: "limits" }
    );
  }
  const { rows: T, cols: n, data, labels } = returns;
  checkLpSize(T, n, method, 1);
  const ratio = checked.objective === "maxratio";
  const lp = createLpBuilder();
  const kappa = ratio ? lp.addColumn(0, Infinity, 0, "kappa") : undefined;
  const rows = portfolioLpRows(lp, {
    labels,
    constraints: options.constraints,
    limits: options.limits,
    scale: kappa === undefined ? undefined : { column: kappa, upper: Infinity },
    chargeCost: !ratio,
  });
  const w = rows.weights;
  addReturnRows(lp, {
    weights: w,
    mean: checked.mean,
    targetReturn: checked.targetReturn,
    ratio:
      kappa === undefined
        ? undefined
        : {
            scale: kappa,
            riskFree: checked.riskFree,
            trades: rows.trades,
            costRate: options.limits?.costRate ?? 0,
          },
  });
  const program = lp.build("minimize");
  // a_tᵀx = (r_t − threshold)ᵀw: the threshold rides on Σw = 1 (Σy = κ under homogenisation).
  const m = program.objective.length;
  const a = new Float64Array(T * m);
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < n; j++) a[t * m + w[j]] = data[j * T + t] - checked.threshold;
  }
  let x: Float64Array;
  try {
    x = solveSemivarianceProgram(program, a, T).x;
  } catch (error) {
    if (isCoreError(error) && error.code === "INFEASIBLE") {
      throw explainDownsideInfeasible(solver, labels, options, checked, rows, method);
    }
    throw error;
  }
  const weights = solutionWeights(x, w, kappa, rows.lower, rows.upper);
  let semivariance = 0;
  let expectedReturn = 0;
  for (let t = 0; t < T; t++) {
    let r = 0;
    for (let j = 0; j < n; j++) r += weights[j] * data[j * T + t];
    const below = Math.min(r - checked.threshold, 0);
    semivariance += below * below;
  }
  for (let j = 0; j < n; j++) expectedReturn += weights[j] * checked.mean[j];
  return {
    weights,
    labels: labels.slice(),
    risk: Math.sqrt(semivariance / T),
    expectedReturn,
    binding: rows.binding(weights),
  };
}
