import type { SquareMatrix } from "../types";
import type { EfficientFrontierOptions } from "./efficientFrontier";
import type { FrontierPoint } from "./frontierPointOnSegment";
import { maximumSharpeOnFrontier } from "./maximumSharpeOnFrontier";
import { checkFrontierSampling, sampleFrontier } from "./sampleFrontier";
import { traceCriticalLine } from "./traceCriticalLine";
import { validateFrontierInputs } from "./validateFrontierInputs";

/** A sampled frontier and its maximum-Sharpe portfolio, from one trace. */
export interface FrontierWithMaximumSharpe {
  /** As {@link efficientFrontier} returns them, in increasing return. */
  readonly points: FrontierPoint[];
  /** As {@link maximumSharpePortfolio} returns it, at the same risk-free rate. */
  readonly maximumSharpe: FrontierPoint;
}

/**
 * The efficient frontier and its tangency portfolio together, tracing the critical line once:
 * the same results as `efficientFrontier(mu, cov, options)` and
 * `maximumSharpePortfolio(mu, cov, options)`, at the cost of one of them (the O(n³) trace is
 * most of the work; a 200-asset frontier spends ~20 ms in it).
 * Reference: Bailey & López de Prado (2013); the max-Sharpe step is maximumSharpeOnFrontier's
 * closed form per segment.
 * Conventions: μ, Σ and riskFree in the same units (annualised upstream).
 * Complexity: O(n³) for the trace plus O(n²) per point and per turning point.
 *
 * @param mu expected returns, one per asset
 * @param cov covariance of the same assets (positive definite)
 * @param options bounds and sampling as for efficientFrontier
 * @throws CoreError as efficientFrontier and maximumSharpePortfolio (INFEASIBLE when riskFree is
 *   not below the highest attainable return)
 * @example
 * const cov = { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] };
 * frontierWithMaximumSharpe([0.1, 0.2], cov, { points: 2 }).maximumSharpe.sharpe; // => 0.8333…
 */
export function frontierWithMaximumSharpe(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  options: EfficientFrontierOptions = {}
): FrontierWithMaximumSharpe {
  const { riskFree } = checkFrontierSampling(options);
  const inputs = validateFrontierInputs(mu, cov, options);
  const corners = traceCriticalLine(inputs);
  return {
    points: sampleFrontier(inputs, corners, options),
    maximumSharpe: maximumSharpeOnFrontier(inputs, corners, riskFree),
  };
}
