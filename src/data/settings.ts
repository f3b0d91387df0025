import type { CoinGeckoPlan } from "./coingecko/coinGeckoPlans";

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
    /**
     * "public" (no key), "demo" (free key), a paid plan as CoinGecko names it ("basic", "analyst",
     * "lite", "enterprise"), or "pro" (a paid key saved before plans were named). Sets the root,
     * the history depth and the budget: see coingecko/coinGeckoPlans.
     */
    readonly plan: CoinGeckoPlan;
    /** Request budget; default by plan (see coinGeckoPlans). */
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

/**
 * When the settings choose a provider or plan that needs an API key but hold none: what to tell
 * the user, starting "saved key missing". This is how storage that lost the key shows (Safari and
 * Firefox may drop an add-in's third-party storage, office-js-docs-pr #3066): the functions and
 * the Data tab then say so instead of quietly answering from another source. Token Metrics always
 * needs a key; CoinGecko's demo and pro plans do (its public plan does not).
 *
 * Complexity: O(1).
 *
 * @param settings the settings in force
 * @returns the message, or undefined when every key the settings need is there
 * @example missingSavedKey({ ...DEFAULT_DATA_SETTINGS, provider: "tokenmetrics" }); // => "saved key missing: …"
 */
export function missingSavedKey(settings: DataSettings): string | undefined {
  const fix =
    "no API key is stored in this browser (it may have dropped the add-in's storage); open the Data tab, enter the key again and Save";
  if (settings.provider === "tokenmetrics" && !settings.tokenMetrics.apiKey) {
    return `saved key missing: the Data tab chooses Token Metrics, but ${fix}`;
  }
  if (
    settings.provider === "coingecko" &&
    settings.coinGecko.plan !== "public" &&
    !settings.coinGecko.apiKey
  ) {
    return `saved key missing: the Data tab chooses CoinGecko's ${settings.coinGecko.plan} plan, but ${fix} (or choose no key)`;
  }
  return undefined;
}
