import { hierarchicalRiskParity } from "../allocation/hierarchicalRiskParity";
import { inverseVolatilityWeights } from "../allocation/inverseVolatilityWeights";
import { riskBudgetingWeights } from "../allocation/riskBudgetingWeights";
import { covarianceMatrix } from "../covariance/covarianceMatrix";
import { maximumDiversification } from "../optimize/maximumDiversification";
import { minimumVarianceConstrained } from "../optimize/minimumVarianceConstrained";
import type { ReturnsPanel, SquareMatrix } from "../types";

/** The schemes a backtest (and an adaptive index) re-estimates at each rebalance. */
export const SCHEME_RULES = ["erc", "invvol", "hrp", "minvar", "maxdiv", "equal"] as const;
export type SchemeRuleName = (typeof SCHEME_RULES)[number];

/**
 * A weight rule for `backtest` from a scheme: weights from a trailing window of returns, by the
 * scheme on the assets that trade through the whole window (covariance by `estimator`,
 * unannualised, since every scheme here is scale-free); assets not listed throughout get 0.
 *
 * Schemes: "erc" riskBudgetingWeights (equal budgets), "invvol" inverseVolatilityWeights, "hrp"
 * hierarchicalRiskParity (its default linkage), "minvar" minimumVarianceConstrained (long only),
 * "maxdiv" maximumDiversification, "equal" 1/N of the live assets.
 * Reference: the schemes' own files. This is BACKTEST's rule (DIVERSIFY.BACKTEST with a method)
 * and the base of the adaptive index definitions, so both compute the same weights.
 * Complexity per call: O(rows · cols²) for the covariance plus the scheme's O(cols²)–O(cols³).
 *
 * @param name the scheme
 * @param estimator covarianceMatrix's estimator, e.g. "sample"
 * @returns a rule (window) → weights, one per window column, summing to 1 (0 when none is live)
 * @example schemeRule("equal", "sample")(windowOf3AssetsOneListedLate); // => [0.5, 0.5, 0]
 */
export function schemeRule(
  name: SchemeRuleName,
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
