import type { AdaptiveClause } from "../../core/adaptive/composeAdaptiveRule";

/**
 * The built-in index definitions, as data: which universe (top N of the provider's market list,
 * optionally one sector) and which weighting. The task pane lists them and DIVERSIFY.INDEX takes
 * their ids; both call buildIndex on the same definition, so they compute the same index.
 */

/** Which assets an index draws from: the provider's largest `top`, optionally within a sector. */
export interface IndexUniverse {
  /** How many names, largest market cap first (fewer when the provider lists fewer). */
  readonly top: number;
  /** Sector / category as the demo provider names it (matched case-insensitively, or as a slug). */
  readonly category?: string;
  /** The same category under another provider's id, e.g. CoinGecko's "decentralized-finance-defi". */
  readonly providerCategories?: Readonly<Record<string, string>>;
}

/** How an index weights its universe. Risk-based schemes state their returns window. */
export type IndexWeighting =
  | { readonly method: "marketcap"; readonly cap: number }
  | { readonly method: "equal" }
  | {
      readonly method: "invvol" | "erc" | "hrp";
      /** Daily returns over this many days (sample covariance, complete rows). */
      readonly windowDays: number;
    }
  | {
      readonly method: "tiered";
      /** Rank breaks inside the universe (tier k holds ranks (breaks[k−1], breaks[k]]). */
      readonly breaks: readonly number[];
      /** One budget per tier, largest first, summing to 1. */
      readonly budgets: readonly number[];
      /** Split inside a tier: by market cap ("cap") or equally. */
      readonly within: "cap" | "equal";
    };

/**
 * An adaptive rule on top of the weighting (issue 14): the weighting is the base, and the clauses
 * (the core's volatility target, trend filter, regime switch, momentum tilt, in order) adjust it
 * from the price history up to the as-of date; freed weight goes to a CASH (stablecoin) row.
 */
export interface IndexAdaptive {
  /**
   * The same rule as DIVERSIFY.BACKTEST's `adaptive` text, e.g. "trend 200" (shown in the pane and
   * the help; BACKTEST reads it into the same clauses, except that a momentum tilt there ranks all
   * assets as one tier, and here within the tiers of a "tiered" weighting).
   */
  readonly rule: string;
  /** The rule as the core's clauses: what buildIndex applies. */
  readonly clauses: readonly AdaptiveClause[];
}

/** One built-in index. `id` is what users type in DIVERSIFY.INDEX (case-insensitive). */
export interface IndexDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly universe: IndexUniverse;
  readonly weighting: IndexWeighting;
  /** An adaptive rule on the weighting (volatility target, trend, regime, momentum); none: static. */
  readonly adaptive?: IndexAdaptive;
}

/** One year of daily returns: long enough to span a regime, short enough to reflect today's risk. */
const RISK_WINDOW_DAYS = 365;

/** The large/mid/small barbell over the 40-token demo universe (ranks 1–10, 11–25, 26–40). */
const BARBELL: IndexWeighting = {
  method: "tiered",
  breaks: [10, 25],
  budgets: [0.7, 0.2, 0.1],
  within: "cap",
};

/**
 * The built-in indices: capped market cap (top 10 at 25 %, top 20 at 10 %), equal weight, inverse
 * volatility, equal risk contribution and HRP over the top 20 (covariance of 365 daily returns),
 * sector baskets (Layer 1, DeFi, Layer 2, Payments, Interoperability; market cap capped so no name
 * dominates, the cap loose enough for three-name sectors) and a 70/20/10 barbell over the top 40 by
 * market-cap tier (ranks 1–10, 11–25, 26–40, which suits the 40-token demo universe); and four
 * adaptive indices (issue 14): top 20 risk parity trend filtered (200-day SMA, freed weight to
 * cash), the barbell volatility-targeted at 60 %, top 20 HRP switching to minimum variance in
 * high-volatility regimes, and the barbell momentum tilted within its tiers.
 *
 * @example INDEX_DEFINITIONS.map((d) => d.id)[0]; // => "top10-capped25"
 */
export const INDEX_DEFINITIONS: readonly IndexDefinition[] = [
  {
    id: "top10-capped25",
    name: "Top 10, capped at 25 %",
    description: "The 10 largest tokens by market cap, market-cap weighted, no name above 25 %",
    universe: { top: 10 },
    weighting: { method: "marketcap", cap: 0.25 },
  },
  {
    id: "top20-capped10",
    name: "Top 20, capped at 10 %",
    description: "The 20 largest tokens by market cap, market-cap weighted, no name above 10 %",
    universe: { top: 20 },
    weighting: { method: "marketcap", cap: 0.1 },
  },
  {
    id: "top10-equal",
    name: "Top 10, equal weight",
    description: "The 10 largest tokens by market cap, 10 % each",
    universe: { top: 10 },
    weighting: { method: "equal" },
  },
  {
    id: "top20-invvol",
    name: "Top 20, inverse volatility",
    description: "The 20 largest tokens, weighted by 1/volatility of 365 daily returns",
    universe: { top: 20 },
    weighting: { method: "invvol", windowDays: RISK_WINDOW_DAYS },
  },
  {
    id: "top20-erc",
    name: "Top 20, risk parity (ERC)",
    description: "The 20 largest tokens, equal risk contributions from 365 daily returns",
    universe: { top: 20 },
    weighting: { method: "erc", windowDays: RISK_WINDOW_DAYS },
  },
  {
    id: "top20-hrp",
    name: "Top 20, hierarchical risk parity",
    description: "The 20 largest tokens, HRP (single linkage) on 365 daily returns",
    universe: { top: 20 },
    weighting: { method: "hrp", windowDays: RISK_WINDOW_DAYS },
  },
  {
    id: "sector-layer-1",
    name: "Layer 1 basket",
    description: "The 10 largest Layer 1 tokens, market-cap weighted, no name above 25 %",
    universe: { top: 10, category: "Layer 1", providerCategories: { coingecko: "layer-1" } },
    weighting: { method: "marketcap", cap: 0.25 },
  },
  {
    id: "sector-defi",
    name: "DeFi basket",
    description: "The 10 largest DeFi tokens, market-cap weighted, no name above 35 %",
    universe: {
      top: 10,
      category: "DeFi",
      providerCategories: { coingecko: "decentralized-finance-defi" },
    },
    weighting: { method: "marketcap", cap: 0.35 },
  },
  {
    id: "sector-layer-2",
    name: "Layer 2 basket",
    description: "The 10 largest Layer 2 tokens, market-cap weighted, no name above 40 %",
    universe: { top: 10, category: "Layer 2", providerCategories: { coingecko: "layer-2" } },
    weighting: { method: "marketcap", cap: 0.4 },
  },
  {
    id: "sector-payments",
    name: "Payments basket",
    description: "The 10 largest payment tokens, market-cap weighted, no name above 40 %",
    universe: {
      top: 10,
      category: "Payments",
      providerCategories: { coingecko: "payment-solutions" },
    },
    weighting: { method: "marketcap", cap: 0.4 },
  },
  {
    id: "sector-interoperability",
    name: "Interoperability basket",
    description: "The 10 largest interoperability tokens, market-cap weighted, no name above 40 %",
    universe: {
      top: 10,
      category: "Interoperability",
      providerCategories: { coingecko: "interoperability" },
    },
    weighting: { method: "marketcap", cap: 0.4 },
  },
  {
    id: "barbell-70-20-10",
    name: "Barbell 70/20/10 by tier",
    description:
      "The 40 largest tokens: 70 % to ranks 1–10, 20 % to ranks 11–25, 10 % to ranks 26–40, market-cap weighted in each tier",
    universe: { top: 40 },
    weighting: BARBELL,
  },
  {
    id: "top20-erc-trend200",
    name: "Top 20 risk parity, trend filtered (200-day)",
    description:
      "Top 20 risk parity (ERC, 365 daily returns); a token below its 200-day moving average is sold and its weight held in cash (stablecoin)",
    universe: { top: 20 },
    weighting: { method: "erc", windowDays: RISK_WINDOW_DAYS },
    adaptive: { rule: "trend 200", clauses: [{ kind: "trend", text: "trend 200", window: 200 }] },
  },
  {
    id: "barbell-voltarget60",
    name: "Barbell 70/20/10, volatility-targeted 60 %",
    description:
      "The 70/20/10 barbell scaled to 60 % annual volatility (30-day estimate), never leveraged; the rest in cash (stablecoin)",
    universe: { top: 40 },
    weighting: BARBELL,
    adaptive: {
      rule: "voltarget 0.6",
      clauses: [{ kind: "voltarget", text: "voltarget 0.6", target: 0.6 }],
    },
  },
  {
    id: "top20-hrp-regime-minvar",
    name: "Top 20 HRP, regime switch to min-variance",
    description:
      "Top 20 HRP (365 daily returns) in calm markets; minimum variance when the equal-weight basket's 30-day volatility is in the top 20 % of its past year",
    universe: { top: 20 },
    weighting: { method: "hrp", windowDays: RISK_WINDOW_DAYS },
    adaptive: {
      rule: "regime volatility 0.8 365 minvar",
      clauses: [
        {
          kind: "regime",
          text: "regime volatility 0.8 365 minvar",
          indicator: "volatility",
          quantile: 0.8,
          history: 365,
          stressed: "minvar",
        },
      ],
    },
  },
  {
    id: "barbell-momentum",
    name: "Barbell 70/20/10, momentum tilted within tiers",
    description:
      "The 70/20/10 barbell, each tier's budget tilted to its 90-day winners (best ×1.5, worst ×0.5), tier budgets kept",
    universe: { top: 40 },
    weighting: BARBELL,
    adaptive: {
      rule: "momentum 90 0.5",
      clauses: [{ kind: "momentum", text: "momentum 90 0.5", window: 90, strength: 0.5 }],
    },
  },
];
