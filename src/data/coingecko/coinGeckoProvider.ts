import { DataError } from "../dataError";
import { isDataError } from "../isDataError";
import { dayNumberOf } from "../dayNumberOf";
import { toIsoDate } from "../toIsoDate";
import { checkCloseRequest } from "../checkCloseRequest";
import { checkLimit } from "../checkLimit";
import { type Clock, systemClock } from "../http/clock";
import type { HttpClient } from "../http/httpClient";
import { createTokenBucket } from "../http/tokenBucket";
import type {
  CallOptions,
  Category,
  DailyCloses,
  DataProvider,
  IndexHolding,
  IndexSummary,
  ListMarketsOptions,
  MarketAsset,
} from "../types";

/** CoinGecko's root for keyless and Demo-key calls (docs/setting-up-your-api-key). */
export const COINGECKO_PUBLIC_URL = "https://api.coingecko.com/api/v3";
/** CoinGecko's root for Pro keys. */
export const COINGECKO_PRO_URL = "https://pro-api.coingecko.com/api/v3";

/** Public and Demo plans reach back 365 days (error 10012 beyond, per CoinGecko's docs). */
export const COINGECKO_FREE_HISTORY_DAYS = 365;

/** Options of {@link createCoinGeckoProvider}. */
export interface CoinGeckoOptions {
  readonly http: HttpClient;
  readonly clock?: Clock;
  /** Default: the Pro root for plan "pro", else the public root. */
  readonly baseUrl?: string;
  readonly apiKey?: string;
  /** "public" (no key, default), "demo" (x-cg-demo-api-key) or "pro" (x-cg-pro-api-key). */
  readonly plan?: "public" | "demo" | "pro";
  /**
   * Request budget. Defaults: 30/min without a key (keyless calls share a per-IP limit, and older
   * docs give ~30/min), 30/min on Demo (the current docs say 100; 30 is safe on both), 500/min on Pro.
   */
  readonly callsPerMinute?: number;
}

const PAGE_SIZE = 250;

/**
 * The CoinGecko provider (API v3): universe from /coins/markets (by market cap, optional
 * `category`, paged 250 a page), categories from /coins/categories/list, daily closes from
 * /coins/{id}/market_chart?vs_currency=usd&days=N&interval=daily.
 *
 * Symbols → ids: one /coins/markets?symbols=… call; when several coins share a ticker the one
 * with the largest market cap wins (CoinGecko's own order). Unknown tickers reject "notFound".
 * Daily closes: each point's UTC date is its day; when a day has two points (the 00:00 UTC one
 * and the current "now" one) the later wins, so today holds the latest price. A null price
 * is a missing day (NaN). Without a Pro plan more than 365 days rejects "quota" before any call.
 * The key goes only in the x-cg-demo-api-key / x-cg-pro-api-key header, never in a URL or message.
 *
 * @param options HTTP client, plan, key, base URL, budget
 * @example await createCoinGeckoProvider({ http: createHttpClient() }).dailyCloses(["BTC"], 30);
 */
export function createCoinGeckoProvider(options: CoinGeckoOptions): DataProvider {
  const plan = options.plan ?? (options.apiKey ? "demo" : "public");
  const clock = options.clock ?? systemClock;
  const baseUrl = (
    options.baseUrl ?? (plan === "pro" ? COINGECKO_PRO_URL : COINGECKO_PUBLIC_URL)
  ).replace(/\/+$/, "");
  const budget = createTokenBucket(options.callsPerMinute ?? (plan === "pro" ? 500 : 30), clock);
  const headers: Record<string, string> = {};
  const withKey = options.apiKey !== undefined && options.apiKey !== "" && plan !== "public";
  if (withKey)
    headers[plan === "pro" ? "x-cg-pro-api-key" : "x-cg-demo-api-key"] = options.apiKey as string;
  const maxHistoryDays = plan === "pro" ? Infinity : COINGECKO_FREE_HISTORY_DAYS;
  const idBySymbol = new Map<string, string>();

  const get = (path: string, params: Record<string, string>, signal?: AbortSignal) =>
    options.http.getJson({
      url: `${baseUrl}${path}?${new URLSearchParams(params).toString()}`,
      headers,
      signal,
      providerName: "CoinGecko",
      budget,
      withKey,
      describeError: describeCoinGeckoError,
    });

  const marketsPage = async (
    params: Record<string, string>,
    signal?: AbortSignal
  ): Promise<MarketRow[]> => {
    const body = await get(
      "/coins/markets",
      { vs_currency: "usd", order: "market_cap_desc", ...params },
      signal
    );
    if (!Array.isArray(body)) throw shape("/coins/markets");
    return body.map((row: unknown) => {
      if (!isRecord(row) || typeof row.id !== "string" || typeof row.symbol !== "string")
        throw shape("/coins/markets");
      return row as unknown as MarketRow;
    });
  };

  async function resolveIds(symbols: readonly string[], signal?: AbortSignal): Promise<string[]> {
    const missing = symbols.filter((s) => !idBySymbol.has(s));
    if (missing.length > 0) {
      const rows = await marketsPage(
        {
          symbols: missing.map((s) => s.toLowerCase()).join(","),
          per_page: String(PAGE_SIZE),
          page: "1",
        },
        signal
      );
      for (const row of rows) {
        const symbol = row.symbol.toUpperCase();
        // Rows come largest market cap first: keep the first coin of each ticker.
        if (missing.includes(symbol) && !idBySymbol.has(symbol)) idBySymbol.set(symbol, row.id);
      }
    }
    return symbols.map((symbol) => {
      const id = idBySymbol.get(symbol);
      if (id === undefined) {
        throw new DataError(
          "notFound",
          `CoinGecko has no coin with the ticker ${symbol}: check the spelling (CoinGecko lists coins by ticker on coingecko.com)`
        );
      }
      return id;
    });
  }

  async function history(
    symbol: string,
    id: string,
    days: number,
    signal?: AbortSignal
  ): Promise<Map<number, number>> {
    let body: unknown;
    try {
      body = await get(
        `/coins/${encodeURIComponent(id)}/market_chart`,
        { vs_currency: "usd", days: String(days), interval: "daily" },
        signal
      );
    } catch (error) {
      if (isDataError(error) && error.kind === "notFound") {
        throw new DataError(
          "notFound",
          `CoinGecko has no price history for ${symbol} (id ${id}) (404)`,
          404
        );
      }
      throw error;
    }
    if (!isRecord(body) || !Array.isArray(body.prices)) throw shape(`price history of ${symbol}`);
    const byDay = new Map<number, number>();
    for (const point of body.prices) {
      if (!Array.isArray(point) || typeof point[0] !== "number")
        throw shape(`price history of ${symbol}`);
      const value = point[1];
      const day = dayNumberOf(point[0]);
      byDay.set(
        day,
        typeof value === "number" && value > 0 && Number.isFinite(value) ? value : NaN
      );
    }
    if (byDay.size === 0) {
      throw new DataError(
        "notFound",
        `CoinGecko has no prices for ${symbol} in the last ${days} days`
      );
    }
    return byDay;
  }

  return {
    id: "coingecko",
    displayName: "CoinGecko",
    capabilities: {
      universe: true,
      categories: true,
      dailyCloses: true,
      indices: false,
      maxHistoryDays,
      needsApiKey: false,
    },

    async listMarkets(request: ListMarketsOptions = {}): Promise<MarketAsset[]> {
      const limit = checkLimit(request.limit, 100);
      const out: MarketAsset[] = [];
      for (let page = 1; out.length < limit; page++) {
        const perPage = Math.min(PAGE_SIZE, limit);
        const params: Record<string, string> = { per_page: String(perPage), page: String(page) };
        if (request.category) params.category = request.category;
        const rows = await marketsPage(params, request.signal);
        for (const row of rows) {
          if (out.length >= limit) break;
          out.push({
            id: row.id,
            symbol: row.symbol.toUpperCase(),
            name: typeof row.name === "string" ? row.name : row.symbol,
            sector: request.category,
            marketCap: positive(row.market_cap),
            rank: positive(row.market_cap_rank),
            price: positive(row.current_price),
          });
        }
        if (rows.length < perPage) break;
      }
      if (out.length === 0 && request.category) {
        throw new DataError(
          "notFound",
          `CoinGecko has no coins in the category "${request.category}": pick a category from the list`
        );
      }
      return out;
    },

    async listCategories(call: CallOptions = {}): Promise<Category[]> {
      const body = await get("/coins/categories/list", {}, call.signal);
      if (!Array.isArray(body)) throw shape("/coins/categories/list");
      return body.map((row: unknown) => {
        if (!isRecord(row) || typeof row.category_id !== "string" || typeof row.name !== "string")
          throw shape("/coins/categories/list");
        return { id: row.category_id, name: row.name };
      });
    },

    async dailyCloses(
      symbols: readonly string[],
      days: number,
      call: CallOptions = {}
    ): Promise<DailyCloses> {
      const wanted = checkCloseRequest(symbols, days);
      if (days > maxHistoryDays) {
        throw new DataError(
          "quota",
          `CoinGecko's free API serves the last ${maxHistoryDays} days only; you asked for ${days}: ask for ${maxHistoryDays} days or fewer, or use a Pro key in the Data tab`
        );
      }
      const ids = await resolveIds(wanted, call.signal);
      const series: Map<number, number>[] = [];
      for (let j = 0; j < wanted.length; j++)
        series.push(await history(wanted[j], ids[j], days, call.signal));
      const today = dayNumberOf(clock.now());
      const first = today - days + 1;
      const daySet = new Set<number>();
      for (const s of series)
        for (const day of s.keys()) if (day >= first && day <= today) daySet.add(day);
      const dayList = [...daySet].sort((a, b) => a - b);
      const closes = new Float64Array(dayList.length * wanted.length);
      series.forEach((s, j) => {
        dayList.forEach((day, t) => {
          closes[j * dayList.length + t] = s.get(day) ?? NaN;
        });
      });
      return {
        provider: "coingecko",
        source: "CoinGecko",
        symbols: wanted,
        dates: dayList.map(toIsoDate),
        closes,
      };
    },

    async listIndices(): Promise<IndexSummary[]> {
      return [];
    },
    async indexHoldings(indexId: string): Promise<IndexHolding[]> {
      throw new DataError(
        "notFound",
        `CoinGecko publishes no index holdings (asked for "${indexId}"): use Token Metrics or build an index`
      );
    },
  };
}

interface MarketRow {
  readonly id: string;
  readonly symbol: string;
  readonly name?: unknown;
  readonly market_cap?: unknown;
  readonly market_cap_rank?: unknown;
  readonly current_price?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function positive(value: unknown): number | undefined {
  return typeof value === "number" && value > 0 && Number.isFinite(value) ? value : undefined;
}

/**
 * CoinGecko's documented error codes (docs.coingecko.com/docs/errors-and-rate-limits), found in the
 * body as `error_code` (at the top level, under `status`, or under `error.status`):
 * 10012 = beyond the 365-day window of the public/Demo plans; 10010 / 10011 = a key sent to the
 * wrong root (Pro key on the public root, or Demo key on the Pro root).
 */
function describeCoinGeckoError(status: number, body: string): DataError | undefined {
  const code = /"error_code"\s*:\s*(\d+)/.exec(body)?.[1];
  if (code === "10012") {
    return new DataError(
      "quota",
      `CoinGecko's free API serves the last ${COINGECKO_FREE_HISTORY_DAYS} days only (error 10012, ${status}): ask for fewer days, or use a Pro key in the Data tab`,
      status
    );
  }
  if (code === "10010" || code === "10011") {
    return new DataError(
      "badKey",
      `CoinGecko refused the API key for this address (error ${code}, ${status}): a Demo key needs plan "demo" and a Pro key plan "pro" in the Data tab`,
      status
    );
  }
  return undefined;
}

function shape(what: string): DataError {
  return new DataError(
    "badResponse",
    `CoinGecko sent ${what} in an unexpected shape: the API may have changed; try again later or report it`
  );
}
