import type { LpSolver } from "../lp/types";
import type { ReturnsPanel } from "../types";
import { drawdownPortfolio } from "./drawdownPortfolio";
import type { DownsideOptions, DownsidePortfolio } from "./types";

/**
 * Minimum maximum-drawdown portfolio: the long-only, fully invested weights whose uncompounded
 * cumulative return has the smallest worst peak-to-trough fall over the historical scenarios,
 * optionally with a target mean return, or with the highest (mean − riskFree) / max drawdown.
 *
 * Formula (Chekhlov, Uryasev & Zabarankin 2005, IJTAF 8(1), the α → 1 limit of CDaR): min M s.t.
 * M ≥ d_t for every t, with the drawdowns d_t ≥ d_{t−1} − r_tᵀw, d_t ≥ 0, d_0 = 0 (the high-water
 * mark u_t = d_t + c_t eliminated, as in cdarPortfolio), Σw = 1, bounds, group floors/caps, the
 * linear limits and, for "minrisk" with targetReturn, μᵀw ≥ target. "maxratio" by the
 * Charnes–Cooper homogenisation exactly as cdarPortfolio.
 * Limits: as cdarPortfolio (maxHoldings exact by MIP, turnover and cost exact).
 * Conventions: per-period figures; drawdowns are in return units of the uncompounded sum (not the
 * compounded fall of maxDrawdownFromReturns); α is not used and is ignored; risk is recomputed from
 * the returned weights.
 * Oracle: scipy.optimize.linprog(method="highs") on the high-water-mark LP
 * (scripts/fixtures/downsideDrawdown.py).
 * Complexity: one LP with n + T + 1 variables, 2T rows and T(n + 4) entries, solved through its
 * dual (T + n + 1 rows; drawdownPortfolio) unless maxHoldings, maxTurnover or costRate is asked.
 *
 * @param returns scenarios (rows, oldest first) × assets, no missing values, at least 2 rows
 * @param options objective, targetReturn, riskFree, constraints, limits, timeLimitSeconds
 * @param solver the LP solver (HiGHS, loaded by the functions layer)
 * @returns weights, the maximum drawdown, mean return and the binding constraints
 * @throws CoreError as cdarPortfolio (except the α check)
 * @example maxDrawdownPortfolio(panel, { objective: "minrisk" }, highs).risk; // the smallest max DD
 */
export function maxDrawdownPortfolio(
  returns: ReturnsPanel,
  options: DownsideOptions,
  solver: LpSolver
): DownsidePortfolio {
  return drawdownPortfolio(returns, options, solver, "maxdd");
}
