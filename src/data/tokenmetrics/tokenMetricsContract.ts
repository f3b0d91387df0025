/**
 * Token Metrics Data API contract as constants: every path, parameter and field name the provider
 * uses, each with where it was read (repository, path, commit) on 2026-12-03. CONTRACT.md beside
 * this file gives the full list, the conflicts between sources and what to check with a live key.
 * The provider and the fake server in test/data/tokenmetrics/ import these, so neither can drift
 * from the other without this file changing.
 *
 * Abbreviations: TS = token-metrics/tmai-api-sdk-typescript, PY = token-metrics/tmai-api (python/),
 * MCP = token-metrics/mcp.
 */

/** The date every fact below was read. */
export const CONTRACT_READ_ON = "2026-12-03";

/**
 * API root. TS `src/client.ts` @16715b9 (BASE_URL), PY `python/tmai_api/client.py` @469a02a,
 * MCP `src/tools/base-api-tool.ts` @049fadc.
 */
export const TOKEN_METRICS_URL = "https://api.tokenmetrics.com/v2";

/**
 * Header carrying the key. TS `src/base.ts` @2da4d06 and MCP `base-api-tool.ts` @049fadc send
 * `x-api-key`; PY `client.py` @469a02a sends `api_key` (the outlier, not followed).
 */
export const API_KEY_HEADER = "x-api-key";

/**
 * Largest `limit` (MCP tool descriptions, e.g. `src/tools/daily-ohlcv.ts` @8c26b66: "Default is 50.
 * Maximum is 100."; TS `base.ts` @2da4d06 caps at 100).
 */
export const MAX_LIMIT = 100;

/** The first page is `page=1` (MCP descriptions: "1 indicating the beginning of the dataset"). */
export const FIRST_PAGE = 1;

/**
 * Longest `endDate − startDate` in days of one /daily-ohlcv or /indices-performance request. TS
 * `base.ts` @2da4d06 `_chunkDateRange(…, maxDays = 29)`, called with 29 by `daily_ohlcv.ts` @92ec530
 * and `indices_performance.ts` @f8768cd; PY `base.py` @469a02a the same.
 */
export const MAX_RANGE_DAYS = 29;

/** Endpoint paths (relative to {@link TOKEN_METRICS_URL}). */
export const PATHS = {
  /** MCP `src/tools/daily-ohlcv.ts` @8c26b66; TS `src/endpoints/daily_ohlcv.ts` @92ec530. */
  dailyOhlcv: "/daily-ohlcv",
  /** MCP `src/tools/indices.ts` @8c04d2e; TS `src/endpoints/indices.ts` @f8768cd. */
  indices: "/indices",
  /** MCP `src/tools/indices-holdings.ts` @8c04d2e; TS `src/endpoints/indices_holdings.ts` @f8768cd. */
  indicesHoldings: "/indices-holdings",
  /** MCP `src/tools/indices-performance.ts` @8c04d2e; TS `src/endpoints/indices_performance.ts` @f8768cd. */
  indicesPerformance: "/indices-performance",
  /** MCP `src/tools/top-tokens.ts` @ba19d00; TS `src/endpoints/top_market_cap_tokens.ts` @138c79e. */
  topMarketCapTokens: "/top-market-cap-tokens",
  /** MCP `src/tools/token-data.ts` @7382483; TS `src/endpoints/tokens.ts` @138c79e. Not called: no market-cap field is named. */
  tokens: "/tokens",
  /** TS `src/endpoints/sector_indices_holdings.ts` @92ec530 only (hand-written types). Not called. */
  sectorIndicesHoldings: "/sector-indices-holdings",
  /** TS `src/endpoints/sector_indices_performance.ts` @92ec530 only (hand-written types). Not called. */
  sectorIndexPerformance: "/index-specific-performance",
} as const;

/** Query parameter names (same sources as {@link PATHS}). */
export const PARAMS = {
  /** Comma-separated TOKEN_IDs (MCP daily-ohlcv.ts: "Comma-separated string of token IDs"). */
  tokenId: "token_id",
  /** Comma-separated tickers (MCP daily-ohlcv.ts: "e.g., 'BTC,ETH,ADA'"). */
  symbol: "symbol",
  startDate: "startDate",
  endDate: "endDate",
  limit: "limit",
  page: "page",
  /** Index id of /indices-holdings and /indices-performance. */
  indexId: "id",
  /** /top-market-cap-tokens: how many (default 50, maximum 100). */
  topK: "top_k",
  /** /indices: "active" or "passive". */
  indicesType: "indicesType",
} as const;

/** Largest `top_k` of /top-market-cap-tokens (MCP top-tokens.ts @ba19d00: "Maximum is 100"). */
export const MAX_TOP_K = 100;

/** Envelope keys of every answer (MCP base-api-tool.ts @049fadc `TokenMetricsBaseResponse`). */
export const ENVELOPE = {
  success: "success",
  message: "message",
  length: "length",
  data: "data",
} as const;

/**
 * Row field names, UPPER_SNAKE as the API sends them (the provider also accepts lower case).
 * /daily-ohlcv: MCP daily-ohlcv.ts @8c26b66 lists TIMESTAMP; the captured output of PY
 * `examples/example_usage.ipynb` @9046416 shows DATE, so both are read.
 */
export const FIELDS = {
  tokenId: "TOKEN_ID",
  tokenName: "TOKEN_NAME",
  tokenSymbol: "TOKEN_SYMBOL",
  date: "DATE",
  timestamp: "TIMESTAMP",
  close: "CLOSE",
  volume: "VOLUME",
  /** /indices (MCP indices.ts @8c04d2e). */
  indexId: "ID",
  indexName: "NAME",
  indexTicker: "TICKER",
  indexCoins: "COINS",
  marketCap: "MARKET_CAP",
  price: "PRICE",
  /** /indices-holdings (MCP indices-holdings.ts @8c04d2e): weight "in percentage", CoinGecko id. */
  weight: "WEIGHT",
  coinGeckoId: "CG_ID",
  /** /indices-performance (MCP indices-performance.ts @8c04d2e). */
  cumulativeRoi: "INDEX_CUMULATIVE_ROI",
  /** /top-market-cap-tokens (MCP top-tokens.ts @ba19d00). */
  categoryList: "CATEGORY_LIST",
} as const;
