import { CoreError } from "../core/errors";
import { createCoinGeckoProvider } from "./coingecko/coinGeckoProvider";
import { createCsvProvider } from "./csv/csvProvider";
import { createDemoProvider } from "./demo/demoProvider";
import { type Clock, systemClock } from "./http/clock";
import { createHttpClient, type HttpClient, type WaitNotice } from "./http/httpClient";
import type { DataSettings } from "./settings";
import { createTokenMetricsProvider } from "./tokenmetrics/tokenMetricsProvider";
import type { DataProvider } from "./types";

/** What {@link createProvider} can be given instead of the real thing (tests, the shared runtime). */
export interface ProviderDependencies {
  readonly http?: HttpClient;
  readonly clock?: Clock;
  /** Told when a request waits before a retry (Retry-After), so the pane can show a countdown. */
  readonly onWait?: (notice: WaitNotice) => void;
}

/**
 * The provider the settings ask for: "demo" (offline, default), "coingecko", "tokenmetrics" or
 * "csv", with its key, plan, base URL and budget. One HTTP client (timeout and retries from
 * `settings.http`) serves the network providers unless one is injected. Settings come from storage,
 * so the provider name is checked.
 *
 * @param settings the Data tab's settings
 * @param dependencies optional HTTP client and clock
 * @throws CoreError INVALID_ARGUMENT (an unknown provider name)
 * @example createProvider(DEFAULT_DATA_SETTINGS).id; // => "demo"
 */
export function createProvider(
  settings: DataSettings,
  dependencies: ProviderDependencies = {}
): DataProvider {
  const clock = dependencies.clock ?? systemClock;
  const http = () =>
    dependencies.http ??
    createHttpClient({
      clock,
      timeoutMs: settings.http.timeoutMs,
      maxRetries: settings.http.maxRetries,
      onWait: dependencies.onWait,
    });
  switch (settings.provider) {
    case "demo":
      return createDemoProvider({ clock });
    case "coingecko":
      return createCoinGeckoProvider({
        http: http(),
        clock,
        baseUrl: settings.coinGecko.baseUrl || undefined,
        apiKey: settings.coinGecko.apiKey,
        plan: settings.coinGecko.plan,
        callsPerMinute: settings.coinGecko.callsPerMinute,
      });
    case "tokenmetrics":
      return createTokenMetricsProvider({
        http: http(),
        clock,
        baseUrl: settings.tokenMetrics.baseUrl || undefined,
        apiKey: settings.tokenMetrics.apiKey,
        callsPerMinute: settings.tokenMetrics.callsPerMinute,
      });
    case "csv":
      return createCsvProvider({
        text: settings.csv.text ?? "",
        sourceName: settings.csv.sourceName,
      });
    default:
      throw new CoreError(
        "INVALID_ARGUMENT",
        `provider must be "demo", "coingecko", "tokenmetrics" or "csv"; got "${String(settings.provider)}"`,
        { argument: "provider" }
      );
  }
}
