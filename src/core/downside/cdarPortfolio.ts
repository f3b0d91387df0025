import type { LpSolver } from "../lp/types";
import type { ReturnsPanel } from "../types";
import { drawdownPortfolio } from "./drawdownPortfolio";
import type { DownsideOptions, DownsidePortfolio } from "./types";

/**
 * Minimum-CDaR and mean–CDaR portfolios: the long-only, fully invested weights with the smallest
 * conditional drawdown at risk (the mean of the worst (1 − α) share of drawdowns) over the
 * historical scenarios, optionally with a target mean return, or with the highest (mean − riskFree)
 * / CDaR.
 *
 * Formula (Chekhlov, Uryasev & Zabarankin 2005, "Drawdown measure in portfolio optimization",
 * IJTAF 8(1), problem (9)): drawdowns of the uncompounded cumulative return c_t = Σ_{s≤t} r_sᵀw with
 * the high-water mark u_t = max(u_{t−1}, c_t), u_0 = 0, and
 *   min ζ + 1/((1−α)T) Σ_t z_t   s.t. z_t ≥ u_t − c_t − ζ, z ≥ 0, u_t ≥ c_t, u_t ≥ u_{t−1},
 * plus Σw = 1, bounds, group floors/caps, the linear limits and, for "minrisk" with targetReturn,
 * μᵀw ≥ target. The LP here substitutes d_t = u_t − c_t, which turns the two high-water-mark rows
 * into d_t ≥ d_{t−1} − r_tᵀw, d_t ≥ 0 (d_0 = 0): the same feasible set in (w, d), but with the
 * returns r_t instead of the cumulative sums in the matrix (smaller entries) and T rows fewer.
 * "maxratio" (mean–CDaR, the analogue of max Sharpe) uses the Charnes–Cooper homogenisation
 * y = κw, κ ≥ 0: (μ − riskFree)ᵀy = 1, Σy = κ, every bound and group row times κ, minimise the
 * CDaR of y (degree-1 homogeneous); w = y/κ. Proportional costs come off the return there
 * ((μ − rf)ᵀw − costRate·turnover), and are added to the risk under "minrisk".
 * Limits: maxHoldings is exact (binaries z_j, a MIP; with "maxratio" one extra MIP first bounds κ
 * by 1/excess of the minimum-risk portfolio so the big-M rows y_j ≤ u_j·κ̄·z_j are valid);
 * maxTurnover and costRate against limits.current are exact; tracking error and effective holdings
 * are refused (portfolioLpRows).
 * When some allowed portfolio has zero drawdown and a mean above riskFree, the ratio is unbounded:
 * "maxratio" then returns one such portfolio (risk 0), which callers must not divide by.
 * Conventions: per-period figures (not annualised); risk is recomputed from the returned weights by
 * conditionalDrawdownAtRisk (it equals the LP optimum to solver tolerance); α defaults to 0.95.
 * Oracle: scipy.optimize.linprog(method="highs") on the textbook high-water-mark LP
 * (scripts/fixtures/downsideDrawdown.py).
 * The LP minimises (1−α)T times this objective (the same optimum, better scaled for the solver).
 * Complexity: one LP with n + 2T + 1 variables, 2T rows and T(n + 5) entries, written with gross
 * returns 1 + r_t (entries near 1, which HiGHS scales less) and solved by dual simplex on its LP
 * dual (T + n + 1 rows; the weights are the dual's multipliers, certified by strong duality, else
 * the primal is solved), the primal itself with maxHoldings, maxTurnover or costRate;
 * measured in bench/core/downsideDrawdown.bench.ts (20 assets × 1,825 scenarios).
 *
 * @param returns scenarios (rows, oldest first) × assets, no missing values, at least 2 rows
 * @param options objective "minrisk" | "maxratio", alpha, targetReturn, riskFree, constraints,
 *   limits, timeLimitSeconds
 * @param solver the LP solver (HiGHS, loaded by the functions layer)
 * @returns weights, CDaR_α, mean return and the binding constraints
 * @throws CoreError TOO_FEW_POINTS, NON_FINITE, INVALID_ARGUMENT (checkedDownsideInput; the LP
 *   above the memory budget, checkLpSize; malformed constraints or limits, portfolioLpRows)
 * @throws CoreError INFEASIBLE naming what binds: bounds/groups (with the shortfall), maxHoldings
 *   or maxTurnover (with the value that works), targetReturn above the highest attainable mean,
 *   or no portfolio above riskFree for "maxratio"
 * @throws CoreError NOT_CONVERGED (the solver's time limit, with the limit and the fix)
 * @example cdarPortfolio(panel, { objective: "minrisk", alpha: 0.95 }, highs).risk; // CDaR at 95 %
 */
export function cdarPortfolio(
  returns: ReturnsPanel,
  options: DownsideOptions,
  solver: LpSolver
): DownsidePortfolio {
  return drawdownPortfolio(returns, options, solver, "cdar");
}
