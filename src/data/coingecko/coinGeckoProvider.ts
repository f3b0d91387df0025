import { DataError } from "../dataError";
import { isDataError } from "../isDataError";
import { dayNumberOf } from "../dayNumberOf";
import { toIsoDate } from "../toIsoDate";
import { checkCloseRequest } from "../checkCloseRequest";
import { checkLimit } from "../checkLimit";
import { type Clock, systemClock } from "../http/clock";
import type { HttpClient } from "../http/httpClient";
import { createTokenBucket } from "../http/tokenBucket";
import {
  COINGECKO_PLAN_FACTS,
  type CoinGeckoPlan,
  type CoinGeckoPlanFacts,
  coinGeckoPlanFacts,
} from "./coinGeckoPlans";
import { createCoinIdResolver, describeResolution } from "./coinIdResolver";
import { dailyClosesFromChart } from "./dailyClosesFromChart";
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

/** CoinGecko's root for keyless and Demo-key calls (demo-api.json `servers`; docs/setting-up-your-api-key). */
export const COINGECKO_PUBLIC_URL = "https://api.coingecko.com/api/v3";
/** CoinGecko's root for paid keys (pro-api.json `servers`). */
export const COINGECKO_PRO_URL = "https://pro-api.coingecko.com/api/v3";

/** Public and Demo plans reach back 365 days (error 10012 beyond, per CoinGecko's docs). */
export const COINGECKO_FREE_HISTORY_DAYS = COINGECKO_PLAN_FACTS.public.historyDays;

/** Options of {@link createCoinGeckoProvider}. */
export interface CoinGeckoOptions {
  readonly http: HttpClient;
  readonly clock?: Clock;
  /** Default: the Pro root for a paid plan, else the public root. A proxy's URL goes here. */
  readonly baseUrl?: string;
  readonly apiKey?: string;
  /** The plan of the key (see coinGeckoPlans): "public" (no key, default), "demo", "basic", …. */
  readonly plan?: CoinGeckoPlan;
  /** Request budget per minute; default the plan's (see COINGECKO_PLAN_FACTS). */
  readonly callsPerMinute?: number;
}

/** What the CoinGecko provider adds to a DataProvider: how it read the user's symbols. */
export interface CoinGeckoProvider extends DataProvider {
  describeSymbols(symbols: readonly string[]): string[];
}

const PAGE_SIZE = 250;

/**
 * The CoinGecko provider (API v3, held to CoinGecko's OpenAPI specs demo-api.json / pro-api.json by
 * test/data/coingecko/contract): universe from /coins/markets (operationId coins-markets; by market
 * cap, optional `category`, paged 250 a page), categories from /coins/categories/list
 * (coins-categories-list), daily closes from /coins/{id}/market_chart?vs_currency=usd&days=N&interval=daily
 * (coins-id-market-chart).
 *
 * Symbols → ids: see createCoinIdResolver (market-list ids first, then the best-ranked coin with
 * the ticker, "id:<coin id>" for an exact coin); `describeSymbols` says which coin an ambiguous
 * ticker became. Daily closes: the 00:00 UTC point of day D is the close of D − 1 and the intraday
 * point is dropped (see dailyClosesFromChart). Beyond the plan's history depth rejects "quota"
 * before any call, naming the plan's limit.
 *
 * The key goes in the query parameter the spec's securitySchemes name for the plan
 * (`queryAuth`: x_cg_demo_api_key on the public root, x_cg_pro_api_key on the Pro root), not in
 * the x-cg-*-api-key header (`headerAuth`): a custom header makes the Office webview send a CORS
 * preflight (OPTIONS) first, which CoinGecko does not answer with CORS headers, while a GET with
 * only safelisted headers is a "simple request" (Fetch standard, CORS-safelisted request-header).
 * The URL is never put in a message or logged. Users who would rather keep the key out of URLs
 * point the base URL at their own proxy, which adds the header server-side, and leave the key empty.
 *
 * @param options HTTP client, plan, key, base URL, budget
 * @example await createCoinGeckoProvider({ http: createHttpClient() }).dailyCloses(["BTC"], 30);
 */
export function createCoinGeckoProvider(options: CoinGeckoOptions): CoinGeckoProvider {
  const hasKey = options.apiKey !== undefined && options.apiKey !== "";
  const plan: CoinGeckoPlan = options.plan ?? (hasKey ? "demo" : "public");
  const facts = coinGeckoPlanFacts(plan);
  const clock = options.clock ?? systemClock;
  const baseUrl = (
    options.baseUrl ?? (facts.root === "pro" ? COINGECKO_PRO_URL : COINGECKO_PUBLIC_URL)
  ).replace(/\/+$/, "");
  const callsPerMinute = options.callsPerMinute ?? facts.callsPerMinute;
  const budget = createTokenBucket(callsPerMinute, clock, Math.min(facts.burst, callsPerMinute));
  const withKey = hasKey && plan !== "public";
  const keyParameter: Record<string, string> = withKey
    ? {
        [facts.root === "pro" ? "x_cg_pro_api_key" : "x_cg_demo_api_key"]: options.apiKey as string,
      }
    : {};
  const maxHistoryDays = facts.historyDays;

  const get = (path: string, params: Record<string, string>, signal?: AbortSignal) =>
    options.http.getJson({
      url: `${baseUrl}${path}?${new URLSearchParams({ ...params, ...keyParameter }).toString()}`,
      signal,
      providerName: "CoinGecko",
      budget,
      withKey,
      describeError: (status, body) => describeCoinGeckoError(status, body, facts),
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
  const resolver = createCoinIdResolver(marketsPage);

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
    const byDay =
      isRecord(body) && Array.isArray(body.prices) ? dailyClosesFromChart(body.prices) : undefined;
    if (byDay === undefined) throw shape(`price history of ${symbol}`);
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
      const rows: MarketRow[] = [];
      for (let page = 1; out.length < limit; page++) {
        const perPage = Math.min(PAGE_SIZE, limit);
        const params: Record<string, string> = { per_page: String(perPage), page: String(page) };
        if (request.category) params.category = request.category;
        const pageRows = await marketsPage(params, request.signal);
        for (const row of pageRows) {
          if (out.length >= limit) break;
          rows.push(row);
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
        if (pageRows.length < perPage) break;
      }
      if (out.length === 0 && request.category) {
        throw new DataError(
          "notFound",
          `CoinGecko has no coins in the category "${request.category}": pick a category from the list`
        );
      }
      // The history of a basket member must be this coin's, not a bigger one with its ticker.
      resolver.rememberMarketList(rows);
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
      if (days > maxHistoryDays) throw historyLimit(facts, `you asked for ${days}`);
      const coins = await resolver.resolve(wanted, call.signal);
      const series: Map<number, number>[] = [];
      for (let j = 0; j < wanted.length; j++)
        series.push(await history(wanted[j], coins[j].id, days, call.signal));
      if (series.every((s) => s.size === 0)) {
        throw new DataError(
          "notFound",
          `CoinGecko has no prices for ${wanted.join(", ")} in the last ${days} days`
        );
      }
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

    describeSymbols(symbols: readonly string[]): string[] {
      const notes: string[] = [];
      for (const raw of symbols) {
        const symbol = raw.trim().toUpperCase();
        const found = resolver.resolution(symbol);
        const note = found === undefined ? undefined : describeResolution(symbol, found);
        if (note !== undefined) notes.push(note);
      }
      return notes;
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
 * 10012 = beyond the plan's history window; 10010 / 10011 = a key sent to the wrong root (Pro key on
 * the public root, or Demo key on the Pro root).
 */
function describeCoinGeckoError(
  status: number,
  body: string,
  facts: CoinGeckoPlanFacts
): DataError | undefined {
  const code = /"error_code"\s*:\s*(\d+)/.exec(body)?.[1];
  if (code === "10012") return historyLimit(facts, `error 10012, ${status}`, status);
  if (code === "10010" || code === "10011") {
    return new DataError(
      "badKey",
      `CoinGecko refused the API key for this address (error ${code}, ${status}): a Demo key needs plan "demo" and a paid key its paid plan in the Data tab`,
      status
    );
  }
  return undefined;
}

/** The plan's history limit, in the plan's own words: "CoinGecko's Basic plan serves the last 2 years (730 days) …". */
function historyLimit(facts: CoinGeckoPlanFacts, detail: string, status?: number): DataError {
  const fewer =
    facts.historyDays < Infinity
      ? `ask for ${facts.historyDays} days or fewer`
      : "ask for fewer days";
  return new DataError(
    "quota",
    `CoinGecko's ${facts.label} serves ${facts.historyText} of daily history (${detail}): ${fewer}, or choose a plan with more history in the Data tab`,
    status
  );
}

function shape(what: string): DataError {
  return new DataError(
    "badResponse",
    `CoinGecko sent ${what} in an unexpected shape: the API may have changed; try again later or report it`
  );
}
