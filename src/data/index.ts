/**
 * The data layer's public surface, for the functions layer (HISTORY, TOP, INDEX) and the task pane.
 * Files inside src/data import their siblings directly, never this barrel.
 */
export type {
  Category,
  CallOptions,
  DailyCloses,
  DataProvider,
  IndexHolding,
  IndexSummary,
  ListMarketsOptions,
  MarketAsset,
  MarketCapTier,
  ProviderCapabilities,
} from "./types";
export { DataError, type DataErrorKind } from "./dataError";
export { isDataError } from "./isDataError";
export { DEFAULT_DATA_SETTINGS, type DataSettings } from "./settings";
export { createProvider, type ProviderDependencies } from "./createProvider";
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type WaitNotice,
} from "./http/httpClient";
export { systemClock, type Clock } from "./http/clock";
export { createDemoProvider, DEMO_SOURCE } from "./demo/demoProvider";
export { DEMO_UNIVERSE, DEMO_START_DATE, type DemoToken } from "./demo/demoUniverse";
export { createCoinGeckoProvider, type CoinGeckoProvider } from "./coingecko/coinGeckoProvider";
export {
  COINGECKO_PLANS,
  COINGECKO_PLAN_FACTS,
  coinGeckoPlanFacts,
  type CoinGeckoPlan,
} from "./coingecko/coinGeckoPlans";
export {
  createTokenMetricsProvider,
  type TokenMetricsProvider,
  type IndexPerformance,
} from "./tokenmetrics/tokenMetricsProvider";
export { createCsvProvider } from "./csv/csvProvider";
export { parseClosesCsv, type CsvParseResult, type CsvCloses } from "./csv/parseClosesCsv";
export {
  createClosesCache,
  type ClosesCache,
  type CacheEntryStatus,
} from "./cache/createClosesCache";
export { createMemoryStore } from "./cache/createMemoryStore";
export { createIndexedDbStore } from "./cache/createIndexedDbStore";
export type { CacheStore, SeriesRecord } from "./cache/cacheStore";
