/**
 * Shapes shared by the Black–Litterman functions in this folder (no functions here).
 * Notation as in He & Litterman (1999) and PyPortfolioOpt: N assets, K views, P the K × N picking
 * matrix, Q the K view returns, Ω the K × K (here diagonal) view uncertainty, τ the weight on the prior.
 */

/** K views on N assets: P μ = Q + ε, ε ~ N(0, Ω). */
export interface BlackLittermanViews {
  /** Number of views K (0 is allowed: the posterior is then the prior). */
  readonly count: number;
  /** Number of assets N (the columns of P). */
  readonly assets: number;
  /**
   * Row-major K × N picking matrix: an absolute view "SOL 40 %" is the row e_SOL, a relative view
   * "ETH over BTC by 5 %" is e_ETH − e_BTC.
   */
  readonly P: Float64Array;
  /** The K view returns Q (same units as the covariance: annualised if it is). */
  readonly Q: Float64Array;
  /** Idzorek confidences in [0, 1], one per view, when the views table gave them. */
  readonly confidences?: Float64Array;
  /** A name per view for messages and output ("SOL", "ETH over BTC"). */
  readonly names: readonly string[];
  /** The 0-based row of each view in the caller's table (after any header row), for messages. */
  readonly rows: readonly number[];
}

/** How the view uncertainty Ω is set. */
export type ViewUncertaintyMethod = "helitterman" | "idzorek";
