import { equalWeights } from "../../core/allocation/equalWeights";
import { hierarchicalRiskParity } from "../../core/allocation/hierarchicalRiskParity";
import { inverseVolatilityWeights } from "../../core/allocation/inverseVolatilityWeights";
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
  "minvar",
  "maxsharpe",
  "maxdiv",
  "equal",
] as const;
export type WeightingMethod = (typeof WEIGHTING_METHODS)[number];

/**
 * RISKWEIGHTS' weights by method on a risk model: equal risk contribution (riskBudgetingWeights,
 * the default), inverse volatility, hierarchical risk parity (López de Prado 2016), constrained
 * minimum variance, maximum Sharpe (needs the model's expected returns) or maximum
 * diversification, or equal weights. Constraints apply to minvar, maxsharpe and maxdiv only (the
 * caller rejects them for the others).
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
