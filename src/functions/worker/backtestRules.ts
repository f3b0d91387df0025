import { hierarchicalRiskParity } from "../../core/allocation/hierarchicalRiskParity";
import { inverseVolatilityWeights } from "../../core/allocation/inverseVolatilityWeights";
import { riskBudgetingWeights } from "../../core/allocation/riskBudgetingWeights";
import { covarianceMatrix } from "../../core/covariance/covarianceMatrix";
import { maximumDiversification } from "../../core/optimize/maximumDiversification";
import { minimumVarianceConstrained } from "../../core/optimize/minimumVarianceConstrained";
import type { ReturnsPanel, SquareMatrix } from "../../core/types";

/** The schemes BACKTEST re-estimates at each rebalance. */
export const BACKTEST_RULES = ["erc", "invvol", "hrp", "minvar", "maxdiv", "equal"] as const;
export type BacktestRuleName = (typeof BACKTEST_RULES)[number];

/**
 * BACKTEST's weight rule for a scheme: weights from a trailing window of returns, by the scheme on
 * the assets that trade through the whole window (covariance by `estimator`, unannualised); assets
 * not listed throughout get 0. It lives here, with the core imports only, because the rule is a
 * function: it cannot be posted to the worker, so the worker rebuilds it from the scheme's name.
 * Complexity per call: O(rows · cols²) for the covariance plus the scheme's O(cols²)–O(cols³).
 */
export function ruleFor(
  name: BacktestRuleName,
  estimator: string
): (window: ReturnsPanel) => Float64Array {
  return (window) => {
    const { rows, cols, data, labels } = window;
    const live: number[] = [];
    for (let j = 0; j < cols; j++) {
      let complete = true;
      for (let t = 0; t < rows && complete; t++) complete = !Number.isNaN(data[j * rows + t]);
      if (complete) live.push(j);
    }
    const weights = new Float64Array(cols);
    if (live.length === 0) return weights;
    if (live.length === 1 || name === "equal") {
      for (const j of live) weights[j] = 1 / live.length;
      return weights;
    }
    const sub = new Float64Array(rows * live.length);
    live.forEach((j, k) => sub.set(data.subarray(j * rows, (j + 1) * rows), k * rows));
    const panel: ReturnsPanel = {
      kind: "returns",
      rows,
      cols: live.length,
      data: sub,
      labels: live.map((j) => labels[j]),
    };
    const cov: SquareMatrix = covarianceMatrix(panel, { estimator, periodsPerYear: 1 }).matrix;
    const chosen =
      name === "invvol"
        ? inverseVolatilityWeights(cov)
        : name === "hrp"
          ? hierarchicalRiskParity(cov).weights
          : name === "minvar"
            ? minimumVarianceConstrained(cov).weights
            : name === "maxdiv"
              ? maximumDiversification(cov).weights
              : riskBudgetingWeights(cov);
    live.forEach((j, k) => (weights[j] = chosen[k]));
    return weights;
  };
}
