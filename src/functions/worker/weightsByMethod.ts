import { equalWeights } from "../../core/allocation/equalWeights";
import { hierarchicalEqualRiskContribution } from "../../core/allocation/hierarchicalEqualRiskContribution";
import { hierarchicalRiskParity } from "../../core/allocation/hierarchicalRiskParity";
import { inverseVolatilityWeights } from "../../core/allocation/inverseVolatilityWeights";
import { nestedClusteredOptimisation } from "../../core/allocation/nestedClusteredOptimisation";
import { riskBudgetingWeights } from "../../core/allocation/riskBudgetingWeights";
import { maximumDiversification } from "../../core/optimize/maximumDiversification";
import { maximumSharpeConstrained } from "../../core/optimize/maximumSharpeConstrained";
import { minimumVarianceConstrained } from "../../core/optimize/minimumVarianceConstrained";
import type { PortfolioConstraints } from "../../core/optimize/types";
import { type RiskModel, requireExpectedReturns } from "../riskModel";

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
 * nested solves have no place for a bound).
 * Complexity: O(cols²) (invvol, equal) to O(cols³) per iteration (the optimisers).
 * @throws CoreError from the method (INFEASIBLE, NOT_CONVERGED, SINGULAR_MATRIX …); INVALID_ARGUMENT
 *   for maxsharpe on a covariance matrix (no expected returns)
 */
export function weightsByMethod(
  model: RiskModel,
  method: WeightingMethod,
  riskFree: number,
  constraints: PortfolioConstraints
): Float64Array {
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
