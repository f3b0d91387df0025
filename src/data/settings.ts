/**
 * The data settings the user edits in the Data tab (API keys live in add-in storage, never in the
 * workbook). Base URLs are configurable for users behind a proxy, or to route around CoinGecko's
 * missing CORS headers through their own backend.
 */
export interface DataSettings {
  /** The active provider; "demo" (offline) is the default. */
  readonly provider: "demo" | "coingecko" | "tokenmetrics" | "csv";
  readonly coinGecko: {
    readonly baseUrl?: string;
    readonly apiKey?: string;
    /** "public" (no key), "demo" (free key, header x-cg-demo-api-key) or "pro" (x-cg-pro-api-key). */
    readonly plan: "public" | "demo" | "pro";
    /** Request budget; default by plan (see coinGeckoProvider). */
    readonly callsPerMinute?: number;
  };
  readonly tokenMetrics: {
    readonly baseUrl?: string;
    readonly apiKey?: string;
    readonly callsPerMinute?: number;
  };
  readonly csv: { readonly text?: string; readonly sourceName?: string };
  readonly http: { readonly timeoutMs?: number; readonly maxRetries?: number };
  /** Most symbols the price cache keeps (least recently used go first). */
  readonly cacheMaxSymbols?: number;
}

/**
 * Defaults: the demo provider, CoinGecko without a key, no Token Metrics key.
 *
 * @example DEFAULT_DATA_SETTINGS.provider; // => "demo"
 */
export const DEFAULT_DATA_SETTINGS: DataSettings = {
  provider: "demo",
  coinGecko: { plan: "public" },
  tokenMetrics: {},
  csv: {},
  http: {},
};
