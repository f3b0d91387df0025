/**
 * Shapes shared by the downside-risk portfolio optimisers in this folder (no functions here):
 * minimum CVaR, mean–CVaR, minimum CDaR, mean–CDaR, minimum max-drawdown (linear programs over
 * the historical scenarios) and mean–semivariance / maximum Sortino (a convex QP). Every one is
 * long-only and fully invested (w ≥ 0, Σw = 1) on top of PortfolioConstraints and PortfolioLimits,
 * and is solved by the LpSolver the caller passes in (src/core/lp/types.ts).
 */

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
