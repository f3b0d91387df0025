/**
 * Shapes shared by every data provider (demo, CoinGecko, Token Metrics, CSV). The task pane and the
 * HISTORY / TOP / INDEX functions talk to providers only through {@link DataProvider}, so a provider
 * can be swapped without touching them. Dates are ISO `yyyy-mm-dd` UTC days throughout.
 */

/** Market-cap tier, as in DESIGN.md: large (top ~20), mid (rank 20–100), small (rank 100+). */
export type MarketCapTier = "large" | "mid" | "small";

/** One asset of a provider's universe (a row of TOP). */
export interface MarketAsset {
  /** The provider's own id (CoinGecko "bitcoin", Token Metrics 3375, demo "btc"). */
  readonly id: string;
  /** Upper-case ticker, e.g. "BTC". */
  readonly symbol: string;
  readonly name: string;
  /** Sector or category (e.g. "Layer 1", "DeFi"); undefined when the provider gives none. */
  readonly sector?: string;
  /** Market capitalisation in USD; undefined when the provider gives none. */
  readonly marketCap?: number;
  /** 1 = largest; undefined when the provider gives none. */
  readonly rank?: number;
  /** Last price in USD; undefined when the provider gives none. */
  readonly price?: number;
  readonly tier?: MarketCapTier;
}

/**
 * Daily closes, dates × symbols. `closes` is column-major like the core's panels: the close of
 * `symbols[j]` on `dates[t]` is `closes[j * dates.length + t]`; NaN = no close that day (not
 * listed yet, or the provider has no value). Dates are ascending, consecutive or not.
 */
export interface DailyCloses {
  /** Provider id that produced the values ("demo", "coingecko", …). */
  readonly provider: string;
  /** Where the numbers come from in words; the demo provider says "demo data". */
  readonly source: string;
  readonly symbols: readonly string[];
  readonly dates: readonly string[];
  readonly closes: Float64Array;
  /** Requests made for this answer (Token Metrics bills one credit per request); undefined when not counted. */
  readonly requestsMade?: number;
  /** Plain-language notes on how the data was chosen, e.g. which token a shared ticker resolved to. */
  readonly notes?: readonly string[];
}

/** An index a provider publishes (Token Metrics indices, demo sector baskets later). */
export interface IndexSummary {
  readonly id: string;
  readonly name: string;
  readonly ticker?: string;
  readonly coins?: number;
  readonly marketCap?: number;
}

/** One constituent of an index; `weight` is a fraction (0.25 = 25 %), normalised by the provider. */
export interface IndexHolding {
  readonly symbol: string;
  readonly name: string;
  readonly weight: number;
  readonly marketCap?: number;
  readonly price?: number;
  /** The provider's own id of the token (Token Metrics TOKEN_ID), for exact price requests. */
  readonly providerId?: string;
  /** CoinGecko's coin id of the token when the provider gives it (Token Metrics CG_ID). */
  readonly coinGeckoId?: string;
}

/** What a provider can do; the task pane greys out the rest. */
export interface ProviderCapabilities {
  readonly universe: boolean;
  readonly categories: boolean;
  readonly dailyCloses: boolean;
  readonly indices: boolean;
  /** Longest history in days the provider serves with the current settings (Infinity = no limit). */
  readonly maxHistoryDays: number;
  readonly needsApiKey: boolean;
}

/** Options common to provider calls. */
export interface CallOptions {
  /** Cancels the call; the promise then rejects with a DataError of kind "cancelled". */
  readonly signal?: AbortSignal;
}

/** Options of {@link DataProvider.listMarkets}. */
export interface ListMarketsOptions extends CallOptions {
  /** How many assets, largest first (default 100). */
  readonly limit?: number;
  /** A provider category id or sector name; undefined = all. */
  readonly category?: string;
}

/** A category / sector a provider can filter its universe by. */
export interface Category {
  readonly id: string;
  readonly name: string;
}

/**
 * A source of market data. Every method rejects with a `DataError` when the data cannot be had
 * (methods a provider lacks, see `capabilities`, reject with kind "notFound"), and with a core
 * `CoreError` INVALID_ARGUMENT when the arguments are wrong (no symbols, days < 1, …), so the
 * functions layer maps both the usual way.
 */
export interface DataProvider {
  /** Stable id used in settings and cache keys: "demo", "coingecko", "tokenmetrics", "csv". */
  readonly id: string;
  /** Name shown to the user, e.g. "Demo data (offline)". */
  readonly displayName: string;
  readonly capabilities: ProviderCapabilities;
  listMarkets(options?: ListMarketsOptions): Promise<MarketAsset[]>;
  listCategories(options?: CallOptions): Promise<Category[]>;
  /** The last `days` daily closes (ending today, UTC) of each symbol. */
  dailyCloses(
    symbols: readonly string[],
    days: number,
    options?: CallOptions
  ): Promise<DailyCloses>;
  listIndices(options?: CallOptions): Promise<IndexSummary[]>;
  indexHoldings(indexId: string, options?: CallOptions): Promise<IndexHolding[]>;
  /**
   * How the provider read these symbols, for the HISTORY header and the pane: one short note per
   * symbol worth a word (an ambiguous ticker and the coin chosen, a coin given by id), e.g.
   * "UNI = uniswap (Uniswap, rank 30; 4 coins have this ticker, …)". Only after the symbols were
   * resolved by a call; providers without ambiguity omit it.
   */
  describeSymbols?(symbols: readonly string[]): string[];
}
