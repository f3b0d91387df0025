import { CoreError } from "../errors";
import { checkCovariance } from "../optimize/checkCovariance";
import type { SquareMatrix } from "../types";
import { checkRiskAversion } from "./checkRiskAversion";
import { marketWeights } from "./marketWeights";

/**
 * Market-implied prior returns: the expected returns under which the market-cap portfolio is the
 * mean–variance optimum for an investor of risk aversion δ (reverse optimisation).
 *
 * Formula: w_mkt = caps / Σ caps, π = δ Σ w_mkt + r_f.
 * Reference: Black & Litterman (1992), "Global portfolio optimization", Financial Analysts Journal
 * 48(5); PyPortfolioOpt `market_implied_prior_returns` (same formula, r_f added so π is a total
 * return; PyPortfolioOpt's default r_f is 0.02, ours 0, which is what its BlackLittermanModel uses).
 * Conventions: Σ and r_f in the same units (annualised); caps in any one currency; an asset with
 * a zero cap gets no market weight but still a prior through its covariances.
 * Complexity: O(N²) for the product, plus the O(N³/3) positive-definiteness check of Σ.
 *
 * @param marketCaps one non-negative market capitalisation per asset, in the order of cov, not all 0
 * @param cov positive definite covariance matrix with asset labels
 * @param riskAversion δ > 0 (given, or from {@link marketImpliedRiskAversion})
 * @param riskFree r_f added to every prior return (default 0)
 * @returns π, one prior expected return per asset
 * @throws CoreError INVALID_ARGUMENT (cov malformed; riskAversion not positive)
 * @throws CoreError LENGTH_MISMATCH (marketCaps not one per asset)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in caps, riskAversion, riskFree or cov)
 * @throws CoreError INVALID_ARGUMENT (a negative cap, or all caps 0)
 * @throws CoreError SINGULAR_MATRIX (cov not positive definite)
 * @example marketImpliedPrior([3, 1], { size: 2, data: Float64Array.of(0.04, 0.01, 0.01, 0.09), labels: ["BTC", "ETH"] }, 2);
 * // => Float64Array [0.065, 0.06]   (w = (0.75, 0.25); Σw = (0.0325, 0.03); × 2)
 */
export function marketImpliedPrior(
  marketCaps: ArrayLike<number>,
  cov: SquareMatrix,
  riskAversion: number,
  riskFree = 0
): Float64Array {
  checkCovariance(cov);
  checkRiskAversion(riskAversion);
  if (!Number.isFinite(riskFree)) {
    throw new CoreError("NON_FINITE", `riskFree is ${riskFree}; give a finite rate such as 0.02`, {
      argument: "riskFree",
    });
  }
  const weights = marketWeights(marketCaps, cov.size, cov.labels);
  const n = cov.size;
  const prior = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += cov.data[i * n + j] * weights[j];
    prior[i] = riskAversion * sum + riskFree;
  }
  return prior;
}
