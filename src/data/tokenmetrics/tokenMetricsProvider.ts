import { CoreError } from "../../core/errors";
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

/** Token Metrics Data API root (developers.tokenmetrics.com/docs/authentication). */
export const TOKEN_METRICS_URL = "https://api.tokenmetrics.com/v2";

/** Options of {@link createTokenMetricsProvider}. */
export interface TokenMetricsOptions {
  readonly http: HttpClient;
  readonly apiKey?: string;
  readonly clock?: Clock;
  readonly baseUrl?: string;
  /** Request budget; default 20/min (per-minute plan limits are unpublished, so stay low). */
  readonly callsPerMinute?: number;
  /** Largest page count read from one endpoint (default 20: 2,000 rows), a guard against loops. */
  readonly maxPages?: number;
}

/** An index's daily performance from /indices-performance. */
export interface IndexPerformance {
  readonly indexId: string;
  /** ISO dates, ascending. */
  readonly dates: string[];
  /** INDEX_CUMULATIVE_ROI per date, as Token Metrics reports it (NaN when absent). */
  readonly cumulativeRoi: Float64Array;
}

/** The Token Metrics provider: a DataProvider plus index performance. */
export interface TokenMetricsProvider extends DataProvider {
  /** Daily cumulative ROI of an index over the last `days` days (/indices-performance). */
  indexPerformance(indexId: string, days: number, options?: CallOptions): Promise<IndexPerformance>;
}

/** Rows per page: the documented maximum of `limit`. */
const PAGE_SIZE = 100;
/** Weights summing above this are percentages (the scale is unverified in TM's docs). */
const PERCENT_WEIGHT_SUM = 1.5;

/**
 * The Token Metrics provider (Data API v2, the user's key in `x-api-key`): indices from /indices,
 * constituents from /indices-holdings?id=, universe from /top-market-cap-tokens, daily closes from
 * /daily-ohlcv?symbol&startDate&endDate. Every answer is the envelope {success, message, length,
 * data}; `success: false` rejects with TM's message. Lists are read with `limit=100&page=1,2,…` until
 * a short page. Field names are accepted in upper or lower snake case (TOKEN_SYMBOL / token_symbol),
 * since v2 and v3 docs differ. Holding weights are returned as fractions: when they sum above 1.5
 * they are taken as percentages and divided by 100. Without a key every call rejects "badKey"
 * before touching the network. `listMarkets` serves at most 100 tokens (top_k's documented maximum).
 * Daily OHLCV is paged like the lists; the older tmai-api client instead splits ranges into 29-day
 * chunks, so paging is the point to check first against a live key. `indexPerformance` reads
 * /indices-performance?id&startDate&endDate.
 *
 * @param options HTTP client, key, base URL, budget
 * @example await createTokenMetricsProvider({ http: createHttpClient(), apiKey: key }).listIndices();
 */
export function createTokenMetricsProvider(options: TokenMetricsOptions): TokenMetricsProvider {
  const clock = options.clock ?? systemClock;
  const baseUrl = (options.baseUrl ?? TOKEN_METRICS_URL).replace(/\/+$/, "");
  const budget = createTokenBucket(options.callsPerMinute ?? 20, clock);
  const maxPages = options.maxPages ?? 20;

  async function getData(
    path: string,
    params: Record<string, string>,
    signal?: AbortSignal
  ): Promise<Row[]> {
    if (!options.apiKey) {
      throw new DataError("badKey", "Token Metrics needs an API key: add yours in the Data tab");
    }
    const body = await options.http.getJson({
      url: `${baseUrl}${path}?${new URLSearchParams(params).toString()}`,
      headers: { "x-api-key": options.apiKey },
      signal,
      providerName: "Token Metrics",
      budget,
      withKey: true,
    });
    if (!isRecord(body)) throw shape(path);
    if (body.success === false) {
      const said = typeof body.message === "string" ? body.message : "no reason given";
      const kind = /limit|quota|credit/i.test(said)
        ? "quota"
        : /key|auth/i.test(said)
          ? "badKey"
          : "badResponse";
      throw new DataError(kind, `Token Metrics refused the request: "${said.slice(0, 200)}"`);
    }
    if (!Array.isArray(body.data)) throw shape(path);
    return body.data.map((row: unknown) => {
      if (!isRecord(row)) throw shape(path);
      return row;
    });
  }

  async function getAll(
    path: string,
    params: Record<string, string>,
    signal?: AbortSignal
  ): Promise<Row[]> {
    const rows: Row[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const data = await getData(
        path,
        { ...params, limit: String(PAGE_SIZE), page: String(page) },
        signal
      );
      rows.push(...data);
      if (data.length < PAGE_SIZE) break;
    }
    return rows;
  }

  return {
    id: "tokenmetrics",
    displayName: "Token Metrics",
    capabilities: {
      universe: true,
      categories: false,
      dailyCloses: true,
      indices: true,
      maxHistoryDays: Infinity,
      needsApiKey: true,
    },

    async listMarkets(request: ListMarketsOptions = {}): Promise<MarketAsset[]> {
      const limit = Math.min(checkLimit(request.limit, 100), PAGE_SIZE);
      const rows = await getData(
        "/top-market-cap-tokens",
        { top_k: String(limit) },
        request.signal
      );
      return rows.map((row, i) => ({
        id: String(field(row, "TOKEN_ID") ?? ""),
        symbol: text(row, "TOKEN_SYMBOL", "/top-market-cap-tokens").toUpperCase(),
        name: text(row, "TOKEN_NAME", "/top-market-cap-tokens"),
        sector: firstCategory(field(row, "CATEGORY_LIST")),
        rank: i + 1,
      }));
    },

    async listCategories(): Promise<Category[]> {
      return [];
    },

    async listIndices(call: CallOptions = {}): Promise<IndexSummary[]> {
      const rows = await getAll("/indices", {}, call.signal);
      return rows.map((row) => ({
        id: String(field(row, "ID") ?? text(row, "ID", "/indices")),
        name: text(row, "NAME", "/indices"),
        ticker: optionalText(row, "TICKER"),
        coins: optionalNumber(row, "COINS"),
        marketCap: optionalNumber(row, "MARKET_CAP"),
      }));
    },

    async indexHoldings(indexId: string, call: CallOptions = {}): Promise<IndexHolding[]> {
      const rows = await getAll("/indices-holdings", { id: indexId }, call.signal);
      if (rows.length === 0) {
        throw new DataError(
          "notFound",
          `Token Metrics has no holdings for index ${indexId}: check the index id in the Index tab`
        );
      }
      const raw = rows.map((row) => {
        const weight = Number(field(row, "WEIGHT"));
        if (!Number.isFinite(weight) || weight < 0) throw shape("/indices-holdings (WEIGHT)");
        return { row, weight };
      });
      const sum = raw.reduce((s, r) => s + r.weight, 0);
      const scale = sum > PERCENT_WEIGHT_SUM ? 0.01 : 1;
      return raw.map(({ row, weight }) => ({
        symbol: text(row, "TOKEN_SYMBOL", "/indices-holdings").toUpperCase(),
        name: optionalText(row, "TOKEN_NAME") ?? text(row, "TOKEN_SYMBOL", "/indices-holdings"),
        weight: weight * scale,
        marketCap: optionalNumber(row, "MARKET_CAP"),
        price: optionalNumber(row, "PRICE"),
      }));
    },

    async indexPerformance(
      indexId: string,
      days: number,
      call: CallOptions = {}
    ): Promise<IndexPerformance> {
      checkCloseRequest(["index"], days);
      if (indexId.trim() === "") {
        throw new CoreError("INVALID_ARGUMENT", "indexId is blank; pick an index from the list", {
          argument: "indexId",
        });
      }
      const today = dayNumberOf(clock.now());
      const rows = await getAll(
        "/indices-performance",
        { id: indexId, startDate: toIsoDate(today - days + 1), endDate: toIsoDate(today) },
        call.signal
      );
      if (rows.length === 0) {
        throw new DataError(
          "notFound",
          `Token Metrics has no performance for index ${indexId} in the last ${days} days: check the index id`
        );
      }
      const byDay = new Map<number, number>();
      for (const row of rows) {
        const day = dayNumberOf(text(row, "DATE", "/indices-performance").slice(0, 10));
        if (Number.isNaN(day)) throw shape("/indices-performance (DATE)");
        byDay.set(day, optionalNumber(row, "INDEX_CUMULATIVE_ROI") ?? NaN);
      }
      const dayList = [...byDay.keys()].sort((a, b) => a - b);
      return {
        indexId,
        dates: dayList.map(toIsoDate),
        cumulativeRoi: Float64Array.from(dayList, (day) => byDay.get(day) as number),
      };
    },

    async dailyCloses(
      symbols: readonly string[],
      days: number,
      call: CallOptions = {}
    ): Promise<DailyCloses> {
      const wanted = checkCloseRequest(symbols, days);
      const today = dayNumberOf(clock.now());
      const first = today - days + 1;
      const series: Map<number, number>[] = [];
      for (const symbol of wanted) {
        let rows: Row[];
        try {
          rows = await getAll(
            "/daily-ohlcv",
            { symbol, startDate: toIsoDate(first), endDate: toIsoDate(today) },
            call.signal
          );
        } catch (error) {
          if (isDataError(error) && error.kind === "notFound") {
            throw new DataError(
              "notFound",
              `Token Metrics has no daily prices for ${symbol} (404): check the ticker`,
              404
            );
          }
          throw error;
        }
        if (rows.length === 0) {
          throw new DataError(
            "notFound",
            `Token Metrics has no daily prices for ${symbol} in the last ${days} days: check the ticker`
          );
        }
        const byDay = new Map<number, number>();
        for (const row of rows) {
          const date = text(row, "DATE", "/daily-ohlcv").slice(0, 10);
          const day = dayNumberOf(date);
          const close = Number(field(row, "CLOSE"));
          if (Number.isNaN(day)) throw shape("/daily-ohlcv (DATE)");
          if (day >= first && day <= today)
            byDay.set(day, close > 0 && Number.isFinite(close) ? close : NaN);
        }
        series.push(byDay);
      }
      const daySet = new Set<number>();
      for (const s of series) for (const day of s.keys()) daySet.add(day);
      const dayList = [...daySet].sort((a, b) => a - b);
      const closes = new Float64Array(dayList.length * wanted.length);
      series.forEach((s, j) =>
        dayList.forEach((day, t) => (closes[j * dayList.length + t] = s.get(day) ?? NaN))
      );
      return {
        provider: "tokenmetrics",
        source: "Token Metrics",
        symbols: wanted,
        dates: dayList.map(toIsoDate),
        closes,
      };
    },
  };
}

type Row = Record<string, unknown>;

function isRecord(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** TM fields come as UPPER_SNAKE (v2 docs) or lower_snake (v3 docs): accept both. */
function field(row: Row, upper: string): unknown {
  return row[upper] ?? row[upper.toLowerCase()];
}

function text(row: Row, upper: string, path: string): string {
  const value = field(row, upper);
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  throw shape(`${path} (${upper})`);
}

function optionalText(row: Row, upper: string): string | undefined {
  const value = field(row, upper);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function optionalNumber(row: Row, upper: string): number | undefined {
  const value = Number(field(row, upper));
  return field(row, upper) !== null && Number.isFinite(value) ? value : undefined;
}

function firstCategory(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length > 0) {
    const head: unknown = value[0];
    if (typeof head === "string") return head;
    if (isRecord(head)) return optionalText(head, "CATEGORY_NAME") ?? optionalText(head, "NAME");
  }
  return typeof value === "string" && value !== "" ? value : undefined;
}

function shape(what: string): DataError {
  return new DataError(
    "badResponse",
    `Token Metrics sent ${what} in an unexpected shape: the API may have changed; try again later or report it`
  );
}
