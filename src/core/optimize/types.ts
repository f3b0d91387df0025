/**
 * Shapes shared by the constrained portfolio optimisers in this folder (no functions here).
 * Every optimiser is long-only and fully invested: w ≥ 0 and Σw = 1, on top of these constraints.
 */

/** A set of assets whose total weight has a floor and/or a cap, e.g. "DeFi ≤ 30 %". */
export interface PortfolioGroup {
  /** The name used in messages ("DeFi"). */
  readonly name: string;
  /** 0-based asset indices, each at most once. */
  readonly members: readonly number[];
  /** Floor on the group's total weight (e.g. 0.5 for "large caps ≥ 50 %"). */
  readonly min?: number;
  /** Cap on the group's total weight (e.g. 0.3 for "DeFi ≤ 30 %"). */
  readonly max?: number;
}

/** Box bounds per asset and group constraints; all optional. */
export interface PortfolioConstraints {
  /** Minimum weight: one number for every asset, or one per asset; default 0, never below 0. */
  readonly lower?: number | ArrayLike<number>;
  /** Maximum weight: one number for every asset, or one per asset; default 1. */
  readonly upper?: number | ArrayLike<number>;
  /** Group floors and caps. */
  readonly groups?: readonly PortfolioGroup[];
}

/**
 * Limits beyond bounds and groups, read from RISKWEIGHTS' `limits` text (src/functions/parse/limits.ts);
 * all optional. Which optimiser honours which limit, and how exactly, is stated in its JSDoc; a
 * limit a method cannot honour is refused by the caller, never ignored.
 */
export interface PortfolioLimits {
  /** At most this many weights above zero (cardinality). */
  readonly maxHoldings?: number;
  /** The current weights w₀ (one per asset, summing to at most 1) that turnover and cost refer to. */
  readonly current?: Float64Array;
  /** Σ|w − w₀| ≤ maxTurnover (one-way turnover counts each side: 0.2 = 20 % of the portfolio traded). */
  readonly maxTurnover?: number;
  /** Proportional cost per unit traded, charged as costRate · Σ|w − w₀| against the objective. */
  readonly costRate?: number;
  /** The benchmark (index) weights w_b that the tracking error refers to, one per asset. */
  readonly benchmark?: Float64Array;
  /** sqrt((w − w_b)ᵀ Σ (w − w_b)) ≤ maxTrackingError, in the units of Σ (annualised in cells). */
  readonly maxTrackingError?: number;
  /** 1 / Σw² ≥ minEffectiveHoldings (the effective number of holdings). */
  readonly minEffectiveHoldings?: number;
}

/** The answer of `checkFeasibility`. */
export type FeasibilityReport =
  | { readonly feasible: true }
  | {
      readonly feasible: false;
      /** The constraint (or pair of constraints) that cannot hold, e.g. "group DeFi floor". */
      readonly constraint: string;
      /** How far it must move to become feasible, when a closed form gives it exactly. */
      readonly shortfall?: number;
      /** The message for the user: what, by how much, and the fix. */
      readonly reason: string;
    };

/** A portfolio found by one of the constrained optimisers. */
export interface ConstrainedPortfolio {
  /** Weights, one per asset, summing to 1. */
  readonly weights: Float64Array;
  /** The asset labels (from the covariance matrix). */
  readonly labels: readonly string[];
  /** sqrt(wᵀΣw), in the units of the covariance matrix (annualised if it is). */
  readonly volatility: number;
  /** μᵀw, when expected returns were given. */
  readonly expectedReturn?: number;
  /** The maximised ratio: Sharpe (μᵀw − rf)/σ_p or diversification wᵀσ/σ_p. */
  readonly ratio?: number;
  /**
   * Names of the constraints that hold with equality at the optimum (to 1e-9), in row order:
   * "asset SOL: min 0" (long-only keeps it out), "asset SOL: max 0.2", "group DeFi: cap 0.3".
   */
  readonly binding: readonly string[];
}
