import type { TurningPoint } from "./criticalLineAlgorithm";
import type { FrontierInputs } from "./validateFrontierInputs";
import { finiteMetric } from "../stats/finiteMetric";
import { portfolioMoments } from "./portfolioMoments";

/** A portfolio on the efficient frontier, with its statistics. */
export interface FrontierPoint {
  /** Weights in the order of `mu`; they sum to 1 and respect the bounds. */
  readonly weights: Float64Array;
  /** μᵀw. */
  readonly expectedReturn: number;
  /** wᵀΣw. */
  readonly variance: number;
  /** √(wᵀΣw). */
  readonly volatility: number;
  /** (μᵀw − riskFree) / √(wᵀΣw). */
  readonly sharpe: number;
  /** Risk tolerance λ of min ½wᵀΣw − λμᵀw (linear along a segment, as the weights are). */
  readonly lambda: number;
  /** True when the point is one of the critical line algorithm's turning points. */
  readonly isTurningPoint: boolean;
}

/**
 * The frontier portfolio at fraction t of the way from turning point `from` to turning point `to`.
 *
 * Between neighbouring turning points the free set is fixed and the weights are affine in λ, so
 * w(t) = (1 − t)·w_from + t·w_to is exactly the frontier portfolio there (Bailey & López de Prado
 * 2013, §4), with λ(t) = (1 − t)λ_from + tλ_to. Return and variance are recomputed from w(t), not
 * interpolated. Complexity: O(n + h²) for h assets held (portfolioMoments skips zero weights).
 *
 * @param inputs validated inputs (see validateFrontierInputs)
 * @param from turning point at t = 0
 * @param to the next turning point (t = 1)
 * @param t interpolation parameter in [0, 1]
 * @param riskFree risk-free rate for the Sharpe ratio, same units as μ
 * @param isTurningPoint whether to flag the result as a turning point
 * @example
 * const inputs = validateFrontierInputs([0.1, 0.2], { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] });
 * const [top, bottom] = traceCriticalLine(inputs); // (0, 1) and (9/13, 4/13)
 * frontierPointOnSegment(inputs, top, bottom, 0.5, 0, false).weights; // => [9/26, 17/26]
 */
export function frontierPointOnSegment(
  inputs: FrontierInputs,
  from: TurningPoint,
  to: TurningPoint,
  t: number,
  riskFree: number,
  isTurningPoint: boolean
): FrontierPoint {
  const { n, mu, cov, lower, upper } = inputs;
  const weights = new Float64Array(n);
  const s = 1 - t;
  for (let i = 0; i < n; i++) {
    // Both ends are inside the box, so the mixture is too; clipping only removes rounding residue.
    const value = s * from.weights[i] + t * to.weights[i];
    weights[i] = Math.min(upper[i], Math.max(lower[i], value));
  }
  const moments = portfolioMoments(mu, cov, n, weights);
  const expectedReturn = moments.expectedReturn;
  const variance = finiteMetric(moments.variance, "portfolio variance", "cov");
  const volatility = Math.sqrt(variance);
  return {
    weights,
    expectedReturn: finiteMetric(expectedReturn, "expected return", "mu"),
    variance,
    volatility,
    sharpe: finiteMetric((expectedReturn - riskFree) / volatility, "Sharpe ratio", "mu"),
    lambda: s * from.lambda + t * to.lambda,
    isTurningPoint,
  };
}
