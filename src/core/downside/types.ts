/**
 * Shapes shared by the downside-risk portfolio optimisers in this folder (no functions here):
 * minimum CVaR, mean–CVaR, minimum CDaR, mean–CDaR, minimum max-drawdown (linear programs over
 * the historical scenarios) and mean–semivariance / maximum Sortino (a convex QP). Every one is
 * long-only and fully invested (w ≥ 0, Σw = 1) on top of PortfolioConstraints and PortfolioLimits,
 * and is solved by the LpSolver the caller passes in (src/core/lp/types.ts).
 */

import type { PortfolioConstraints, PortfolioLimits } from "../optimize/types";

/** A portfolio found by a downside-risk optimiser; every figure is per period (not annualised). */
export interface DownsidePortfolio {
  /** Weights, one per asset, summing to 1. */
  readonly weights: Float64Array;
  /** The asset labels, from the returns panel. */
  readonly labels: readonly string[];
  /**
   * The optimised risk measure at the optimum, as a positive loss fraction per period: CVaR_α of
   * the portfolio's per-period loss, CDaR_α or the maximum of its (uncompounded) drawdown, or the
   * semideviation below the benchmark.
   */
  readonly risk: number;
  /** Mean per-period portfolio return over the scenarios. */
  readonly expectedReturn: number;
  /** Names of the constraints that hold with equality at the optimum, as ConstrainedPortfolio's. */
  readonly binding: readonly string[];
}

/**
 * What a downside optimiser is asked for. Every measure file (cvarPortfolio, cdarPortfolio,
 * maxDrawdownPortfolio, semivariancePortfolio) takes (returns, options, solver) and answers one
 * of three questions:
 * - "minrisk": the lowest risk, optionally with mean return ≥ targetReturn (a frontier point);
 * - "maxratio": the highest (mean − riskFree) / risk (STARR for CVaR, Sortino for semivariance),
 *   by the Charnes–Cooper homogenisation, which keeps the program linear (or quadratic).
 */
export interface DownsideOptions {
  readonly objective: "minrisk" | "maxratio";
  /** Confidence level α of CVaR / CDaR, in (0, 1), e.g. 0.95 (the worst 5 % of scenarios). */
  readonly alpha?: number;
  /** "minrisk" only: mean per-period return must reach this. */
  readonly targetReturn?: number;
  /** "maxratio" only: per-period risk-free rate subtracted from the mean (default 0). */
  readonly riskFree?: number;
  /** Semivariance only: per-period return threshold below which returns count (default 0). */
  readonly threshold?: number;
  /** Bounds and group floors/caps (src/core/optimize/types.ts). */
  readonly constraints?: PortfolioConstraints;
  /** Cardinality, turnover and cost against current weights (the linear limits). */
  readonly limits?: PortfolioLimits;
  /** Passed to the solver; past it the optimiser throws NOT_CONVERGED with the limit in the message. */
  readonly timeLimitSeconds?: number;
}
