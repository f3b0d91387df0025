import { equalWeights } from "../../core/allocation/equalWeights";
import { hierarchicalEqualRiskContribution } from "../../core/allocation/hierarchicalEqualRiskContribution";
import { hierarchicalRiskParity } from "../../core/allocation/hierarchicalRiskParity";
import { inverseVolatilityWeights } from "../../core/allocation/inverseVolatilityWeights";
import { nestedClusteredOptimisation } from "../../core/allocation/nestedClusteredOptimisation";
import { riskBudgetingWeights } from "../../core/allocation/riskBudgetingWeights";
import { maximumDiversification } from "../../core/optimize/maximumDiversification";
import { maximumSharpeConstrained } from "../../core/optimize/maximumSharpeConstrained";
import { minimumVarianceConstrained } from "../../core/optimize/minimumVarianceConstrained";
import { cdarPortfolio } from "../../core/downside/cdarPortfolio";
import { cvarPortfolio } from "../../core/downside/cvarPortfolio";
import { maxDrawdownPortfolio } from "../../core/downside/maxDrawdownPortfolio";
import { semivariancePortfolio } from "../../core/downside/semivariancePortfolio";
import type { DownsidePortfolio } from "../../core/downside/types";
import type { LpSolver } from "../../core/lp/types";
import type { PortfolioConstraints, PortfolioLimits } from "../../core/optimize/types";
import type { ReturnsPanel } from "../../core/types";
import type { DownsideMethod } from "../parse/downsideMethod";
import { type RiskModel, requireExpectedReturns } from "../riskModel";
import { limitedWeights, refuseUnsupportedLimits } from "./limitsByMethod";

export const WEIGHTING_METHODS = [
  "erc",
  "invvol",
  "hrp",
  "herc",
  "nco",
  "minvar",
  "maxsharpe",
  "maxdiv",
  "equal",
] as const;
export type WeightingMethod = (typeof WEIGHTING_METHODS)[number];

/**
 * RISKWEIGHTS' weights by method on a risk model: equal risk contribution (riskBudgetingWeights,
 * the default), inverse volatility, hierarchical risk parity (López de Prado 2016), hierarchical
 * equal risk contribution (Raffinot 2018, with the core's defaults: Ward linkage, gap-statistic
 * cluster count, variance risk, inverse variance inside clusters), nested clustered optimisation
 * (López de Prado 2019, minimum variance, long-only as every RISKWEIGHTS method: an active-set QP
 * per cluster and across them), constrained minimum variance, maximum Sharpe (needs the model's
 * expected returns) or maximum diversification, or equal weights. Constraints apply to minvar,
 * maxsharpe and maxdiv only (the caller rejects them for the others: HERC's budget split and NCO's
 * nested solves have no place for a bound). Limits (holdings, turnover, cost, te, effn) send
 * minvar, maxsharpe and maxdiv to limitedWeights (limitsByMethod.ts); the other methods here refuse them.
 * Complexity: O(cols²) (invvol, equal) to O(cols³) per iteration (the optimisers).
 * @throws CoreError from the method (INFEASIBLE, NOT_CONVERGED, SINGULAR_MATRIX …); INVALID_ARGUMENT
 *   for maxsharpe on a covariance matrix (no expected returns)
 */
export function weightsByMethod(
  model: RiskModel,
  method: WeightingMethod,
  riskFree: number,
  constraints: PortfolioConstraints,
  limits?: PortfolioLimits
): Float64Array {
  if (limits !== undefined) {
    // minvar, maxsharpe and maxdiv honour their limits (limitedWeights); any other is refused.
    refuseUnsupportedLimits(method, limits);
    if (method === "minvar" || method === "maxsharpe" || method === "maxdiv") {
      return limitedWeights(model, method, riskFree, constraints, limits);
    }
  }
  switch (method) {
    case "equal":
      return equalWeights(model.cov.size);
    case "invvol":
      return inverseVolatilityWeights(model.cov);
    case "hrp":
      return hierarchicalRiskParity(model.cov).weights;
    case "herc":
      return hierarchicalEqualRiskContribution(model.cov).weights;
    case "nco":
      return nestedClusteredOptimisation(model.cov, { objective: "minvariance", longOnly: true })
        .weights;
    case "minvar":
      return minimumVarianceConstrained(model.cov, constraints).weights;
    case "maxsharpe":
      return maximumSharpeConstrained(
        requireExpectedReturns(model, "maxsharpe"),
        model.cov,
        riskFree,
        constraints
      ).weights;
    case "maxdiv":
      return maximumDiversification(model.cov, constraints).weights;
    default:
      return riskBudgetingWeights(model.cov);
  }
}

/** What a downside method needs besides the returns and the solver. */
export interface DownsideRequest {
  readonly method: DownsideMethod;
  /** α of the CVaR and CDaR methods (parseMethodWithLevel's default 0.95). */
  readonly alpha?: number;
  /** Threshold return per period of the semivariance methods (default 0). */
  readonly threshold?: number;
  /** Annual risk-free rate (the ratio methods divide its per-period share, riskFree / ppy). */
  readonly riskFree: number;
  readonly periodsPerYear: number;
  readonly constraints: PortfolioConstraints;
  readonly limits?: PortfolioLimits;
  /** The optional target mean return per period (EFFFRONTIER's points). */
  readonly targetReturn?: number;
}

/**
 * RISKWEIGHTS' downside-risk portfolios on the historical scenarios (the returns, not a covariance
 * matrix): minimum CVaR and maximum mean–CVaR (cvarPortfolio, Rockafellar–Uryasev), minimum CDaR and
 * maximum mean–CDaR (cdarPortfolio, Chekhlov–Uryasev–Zabarankin), minimum maximum drawdown
 * (maxDrawdownPortfolio), minimum semivariance below a threshold and maximum Sortino
 * (semivariancePortfolio, PyPortfolioOpt's EfficientSemivariance). The "mean"/"max" methods
 * maximise (mean − riskFree/ppy)/risk per period by Charnes–Cooper. Bounds, group floors/caps and
 * the limits apply to all (semivariance refuses maxHoldings: no MIQP).
 * Complexity: one LP (a MIP with maxHoldings) of O(T) rows, solved by HiGHS.
 * @throws CoreError from the optimiser (INFEASIBLE naming the constraint, NOT_CONVERGED at the time
 *   limit, INVALID_ARGUMENT …)
 */
export function downsidePortfolio(
  returns: ReturnsPanel,
  request: DownsideRequest,
  solver: LpSolver
): DownsidePortfolio {
  const { method, alpha, threshold, constraints, limits, targetReturn } = request;
  const riskFree = request.riskFree / request.periodsPerYear;
  const minrisk = { objective: "minrisk" as const, constraints, limits, targetReturn };
  const maxratio = { objective: "maxratio" as const, constraints, limits, riskFree };
  switch (method) {
    case "mincvar":
      return cvarPortfolio(returns, { ...minrisk, alpha }, solver);
    case "meancvar":
      return cvarPortfolio(returns, { ...maxratio, alpha }, solver);
    case "mincdar":
      return cdarPortfolio(returns, { ...minrisk, alpha }, solver);
    case "meancdar":
      return cdarPortfolio(returns, { ...maxratio, alpha }, solver);
    case "minsemivar":
      return semivariancePortfolio(returns, { ...minrisk, threshold }, solver);
    case "maxsortino":
      return semivariancePortfolio(returns, { ...maxratio, threshold }, solver);
    default:
      return maxDrawdownPortfolio(returns, minrisk, solver);
  }
}
