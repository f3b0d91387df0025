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
import { chooseToken, type OhlcvPoint } from "./chooseToken";
import { chunkDayRange } from "./chunkDayRange";
import { readAllPages } from "./readAllPages";
import {
  API_KEY_HEADER,
  FIELDS,
  MAX_LIMIT,
  MAX_RANGE_DAYS,
  MAX_TOP_K,
  PARAMS,
  PATHS,
  TOKEN_METRICS_URL,
} from "./tokenMetricsContract";

export { TOKEN_METRICS_URL } from "./tokenMetricsContract";

/** Options of {@link createTokenMetricsProvider}. */
export interface TokenMetricsOptions {
  readonly http: HttpClient;
  readonly apiKey?: string;
  readonly clock?: Clock;
  readonly baseUrl?: string;
  /** Request budget; default 20/min (per-minute plan limits are unpublished, so stay low). */
  readonly callsPerMinute?: number;
  /** Most pages read for one request before giving up (default 100: 10,000 rows), a guard against loops. */
  readonly maxPages?: number;
  /** Tickers per /daily-ohlcv request (default 50): one request per chunk serves them all. */
  readonly symbolsPerRequest?: number;
  /** TOKEN_IDs known per ticker (e.g. { BTC: "3375" }); index holdings read later add to these. */
  readonly tokenIds?: Readonly<Record<string, string>>;
}

/** An index's daily performance from /indices-performance. */
export interface IndexPerformance {
  readonly indexId: string;
  /** ISO dates, ascending. */
  readonly dates: string[];
  /** INDEX_CUMULATIVE_ROI per date, as Token Metrics reports it (NaN when absent). */
  readonly cumulativeRoi: Float64Array;
  /** Requests made (credits used). */
  readonly requestsMade: number;
}

/** The Token Metrics provider: a DataProvider plus index performance and credit count. */
export interface TokenMetricsProvider extends DataProvider {
  /** Daily cumulative ROI of an index over the last `days` days (/indices-performance). */
  indexPerformance(indexId: string, days: number, options?: CallOptions): Promise<IndexPerformance>;
  /** The same performance as a one-column price series (level 1 + ROI/100), usable as a benchmark. */
  indexBenchmark(indexId: string, days: number, options?: CallOptions): Promise<DailyCloses>;
  /** Requests this provider has made so far: Token Metrics bills one credit per request. */
  creditsUsed(): number;
  /** The token each ambiguous ticker resolved to in the last dailyCloses (for the HISTORY corner). */
  describeSymbols(symbols: readonly string[]): string[];
}

/** Tickers per /daily-ohlcv request: ~300 URL characters, well inside any server's limit. */
const DEFAULT_SYMBOLS_PER_REQUEST = 50;
/** Weights summing above this are percentages (MCP says "weight in percentage"; fractions are accepted too). */
const PERCENT_WEIGHT_SUM = 1.5;
/** Token Metrics epoch numbers above this are milliseconds, below it seconds (1e11 s is year 5138). */
const MS_EPOCH_THRESHOLD = 1e11;

/**
 * The Token Metrics provider (Data API v2, the key in `x-api-key`), held to the contract in
 * CONTRACT.md (Token Metrics' SDKs and MCP server, read 2026-12-03):
 * - daily closes from /daily-ohlcv, the window split into 29-day chunks (the SDKs' limit), each
 *   chunk asked for up to 50 tickers at once (`symbol=BTC,ETH,…`, or `token_id=3375,…` for tokens
 *   whose id is known from an index's holdings) and read page by page; rows are grouped by TOKEN_ID
 *   and one token is chosen per ticker (chooseToken), the choice said in `notes`;
 * - Token Metrics indices from /indices (paged), constituents from /indices-holdings?id= (one request,
 *   as both SDKs send it), with TOKEN_ID and CG_ID kept as exact ids; index performance from
 *   /indices-performance (29-day chunks), also offered as a benchmark series;
 * - the universe from /top-market-cap-tokens (top 100 at most, no market cap: see listMarkets).
 * Every answer is the envelope {success, message, length, data}; `success: false` rejects with TM's
 * message. Paging stops at a short page or a repeated one (readAllPages), and no duplicate row passes.
 * Dates are read from DATE or TIMESTAMP. Without a key every call rejects "badKey" before touching
 * the network. Requests are counted: `requestsMade` on each answer, `creditsUsed()` in total.
 *
 * @param options HTTP client, key, base URL, budget, known token ids
 * @example await createTokenMetricsProvider({ http: createHttpClient(), apiKey: key }).listIndices();
 */
export function createTokenMetricsProvider(options: TokenMetricsOptions): TokenMetricsProvider {
  const clock = options.clock ?? systemClock;
  const baseUrl = (options.baseUrl ?? TOKEN_METRICS_URL).replace(/\/+$/, "");
  const budget = createTokenBucket(options.callsPerMinute ?? 20, clock);
  const maxPages = options.maxPages ?? 100;
  const symbolsPerRequest = options.symbolsPerRequest ?? DEFAULT_SYMBOLS_PER_REQUEST;
  const tokenIds = new Map<string, string>(
    Object.entries(options.tokenIds ?? {}).map(([symbol, id]) => [symbol.toUpperCase(), id])
  );
  let credits = 0;
  /** Ticker → the short note of its last ambiguous resolution, for describeSymbols. */
  const resolutions = new Map<string, string>();

  async function getData(
    path: string,
    params: Record<string, string>,
    signal?: AbortSignal
  ): Promise<Row[]> {
    if (!options.apiKey) {
      throw new DataError("badKey", "Token Metrics needs an API key: add yours in the Data tab");
    }
    credits++;
    const body = await options.http.getJson({
      url: `${baseUrl}${path}?${new URLSearchParams(params).toString()}`,
      headers: { [API_KEY_HEADER]: options.apiKey },
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

  /** One paged read of `path` with `limit=100&page=…`. */
  function readPaged<T>(
    path: string,
    params: Record<string, string>,
    parse: (row: Row) => T,
    keyOf: (item: T) => string,
    signal?: AbortSignal
  ) {
    return readAllPages(
      async (page) =>
        (
          await getData(
            path,
            { ...params, [PARAMS.limit]: String(MAX_LIMIT), [PARAMS.page]: String(page) },
            signal
          )
        ).map(parse),
      { pageSize: MAX_LIMIT, maxPages, keyOf, what: path }
    );
  }

  async function readPerformance(
    indexId: string,
    days: number,
    call: CallOptions
  ): Promise<IndexPerformance> {
    checkCloseRequest(["index"], days);
    if (indexId.trim() === "") {
      throw new CoreError("INVALID_ARGUMENT", "indexId is blank; pick an index from the list", {
        argument: "indexId",
      });
    }
    const today = dayNumberOf(clock.now());
    const byDay = new Map<number, number>();
    let requestsMade = 0;
    // The TypeScript SDK's indices_performance.ts asks 29-day chunks (_paginatedRequest(…, 29)).
    for (const [start, end] of chunkDayRange(today - days + 1, today, MAX_RANGE_DAYS)) {
      const read = await readPaged(
        PATHS.indicesPerformance,
        {
          [PARAMS.indexId]: indexId,
          [PARAMS.startDate]: toIsoDate(start),
          [PARAMS.endDate]: toIsoDate(end),
        },
        (row) => ({
          day: dayOf(row, PATHS.indicesPerformance),
          roi: optionalNumber(row, FIELDS.cumulativeRoi) ?? NaN,
        }),
        (point) => String(point.day),
        call.signal
      );
      requestsMade += read.requests;
      for (const point of read.rows) {
        if (point.day >= start && point.day <= end) byDay.set(point.day, point.roi);
      }
    }
    if (byDay.size === 0) {
      throw new DataError(
        "notFound",
        `Token Metrics has no performance for index ${indexId} in the last ${days} days: check the index id`
      );
    }
    const dayList = [...byDay.keys()].sort((a, b) => a - b);
    return {
      indexId,
      dates: dayList.map(toIsoDate),
      cumulativeRoi: Float64Array.from(dayList, (day) => byDay.get(day) as number),
      requestsMade,
    };
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

    creditsUsed: () => credits,

    /** The token an ambiguous ticker resolved to in the last dailyCloses, e.g. "BTC = token 3375 (Bitcoin; …)". */
    describeSymbols(symbols: readonly string[]): string[] {
      return symbols.flatMap((raw) => resolutions.get(raw.trim().toUpperCase()) ?? []);
    },

    /**
     * The largest tokens from /top-market-cap-tokens?top_k (at most 100), ranked as listed, with
     * the first of CATEGORY_LIST as sector. That endpoint sends no market cap (MCP top-tokens.ts)
     * and /tokens names no market-cap field, so market-cap-weighted and barbell indices cannot be
     * built from Token Metrics (buildIndex says so), and a category is refused here: sector
     * indices rank a sector by market cap, which Token Metrics does not give.
     */
    async listMarkets(request: ListMarketsOptions = {}): Promise<MarketAsset[]> {
      const limit = Math.min(checkLimit(request.limit, 100), MAX_TOP_K);
      if (request.category !== undefined && request.category !== "") {
        throw new DataError(
          "notFound",
          `Token Metrics cannot build sector indices: its token lists give no market cap to rank the "${request.category}" sector by; use CoinGecko or the demo data for sector indices`
        );
      }
      const rows = await getData(
        PATHS.topMarketCapTokens,
        { [PARAMS.topK]: String(limit) },
        request.signal
      );
      const seen = new Set<string>();
      const assets: MarketAsset[] = [];
      for (const row of rows) {
        const symbol = text(row, FIELDS.tokenSymbol, PATHS.topMarketCapTokens).toUpperCase();
        const id = String(field(row, FIELDS.tokenId) ?? symbol);
        if (seen.has(id)) continue;
        seen.add(id);
        assets.push({
          id,
          symbol,
          name: text(row, FIELDS.tokenName, PATHS.topMarketCapTokens),
          sector: firstCategory(field(row, FIELDS.categoryList)),
          rank: assets.length + 1,
        });
      }
      return assets;
    },

    async listCategories(): Promise<Category[]> {
      return [];
    },

    async listIndices(call: CallOptions = {}): Promise<IndexSummary[]> {
      const read = await readPaged(
        PATHS.indices,
        {},
        (row) => ({
          id: text(row, FIELDS.indexId, PATHS.indices),
          name: text(row, FIELDS.indexName, PATHS.indices),
          ticker: optionalText(row, FIELDS.indexTicker),
          coins: optionalNumber(row, FIELDS.indexCoins),
          marketCap: optionalNumber(row, FIELDS.marketCap),
        }),
        (index) => index.id,
        call.signal
      );
      return read.rows;
    },

    async indexHoldings(indexId: string, call: CallOptions = {}): Promise<IndexHolding[]> {
      // Both SDKs and the MCP server send /indices-holdings?id= alone, once: no limit, no page.
      const rows = await getData(PATHS.indicesHoldings, { [PARAMS.indexId]: indexId }, call.signal);
      if (rows.length === 0) {
        throw new DataError(
          "notFound",
          `Token Metrics has no holdings for index ${indexId}: check the index id in the Index tab`
        );
      }
      const byKey = new Map<string, { row: Row; weight: number; symbol: string; id?: string }>();
      const idOfSymbol = new Map<string, string | undefined>();
      for (const row of rows) {
        const symbol = text(row, FIELDS.tokenSymbol, PATHS.indicesHoldings).toUpperCase();
        const id = optionalText(row, FIELDS.tokenId);
        const key = id ?? symbol;
        if (byKey.has(key)) continue; // the same holding sent twice
        if (idOfSymbol.has(symbol)) {
          throw new DataError(
            "badResponse",
            `Token Metrics index ${indexId} holds two tokens with the ticker ${symbol} (TOKEN_ID ${idOfSymbol.get(symbol) ?? "?"} and ${id ?? "?"}); Diversify keys holdings by ticker, so it cannot use this index`
          );
        }
        idOfSymbol.set(symbol, id);
        const weight = Number(field(row, FIELDS.weight));
        if (!Number.isFinite(weight) || weight < 0) {
          throw shape(`${PATHS.indicesHoldings} (${FIELDS.weight})`);
        }
        byKey.set(key, { row, weight, symbol, id });
      }
      const holdings = [...byKey.values()];
      const sum = holdings.reduce((s, h) => s + h.weight, 0);
      const scale = sum > PERCENT_WEIGHT_SUM ? 0.01 : 1;
      return holdings.map(({ row, weight, symbol, id }) => {
        if (id !== undefined) tokenIds.set(symbol, id);
        return {
          symbol,
          name: optionalText(row, FIELDS.tokenName) ?? symbol,
          weight: weight * scale,
          marketCap: optionalNumber(row, FIELDS.marketCap),
          price: optionalNumber(row, FIELDS.price),
          providerId: id,
          coinGeckoId: optionalText(row, FIELDS.coinGeckoId),
        };
      });
    },

    indexPerformance: (indexId, days, call = {}) => readPerformance(indexId, days, call),

    async indexBenchmark(indexId, days, call = {}): Promise<DailyCloses> {
      const performance = await readPerformance(indexId, days, call);
      // INDEX_CUMULATIVE_ROI's scale is undocumented; read as a percentage like /indices' ROI fields.
      const closes = performance.cumulativeRoi.map((roi) => 1 + roi / 100);
      const bad = closes.findIndex((level) => level <= 0);
      if (bad >= 0) {
        throw new DataError(
          "badResponse",
          `Token Metrics sent a cumulative ROI of ${performance.cumulativeRoi[bad]} % for index ${indexId} on ${performance.dates[bad]}, a loss above 100 %: the series cannot be a benchmark`
        );
      }
      return {
        provider: "tokenmetrics",
        source: `Token Metrics index ${indexId} performance`,
        symbols: [`TM index ${indexId}`],
        dates: performance.dates,
        closes,
        requestsMade: performance.requestsMade,
        notes: [
          `TM index ${indexId}: level = 1 + INDEX_CUMULATIVE_ROI / 100 (ROI taken as a percentage; Token Metrics does not document its scale)`,
        ],
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
      const byId = wanted.filter((symbol) => tokenIds.has(symbol));
      const bySymbol = wanted.filter((symbol) => !tokenIds.has(symbol));
      const batches = [
        ...batchesOf(byId, symbolsPerRequest).map((batch) => ({
          symbols: batch,
          param: PARAMS.tokenId,
          value: batch.map((s) => tokenIds.get(s) as string).join(","),
        })),
        ...batchesOf(bySymbol, symbolsPerRequest).map((batch) => ({
          symbols: batch,
          param: PARAMS.symbol,
          value: batch.join(","),
        })),
      ];
      const points: OhlcvPoint[] = [];
      let requestsMade = 0;
      let pageIgnored = false;
      // Both SDKs split /daily-ohlcv ranges into 29-day chunks (TS base.ts _chunkDateRange).
      for (const [start, end] of chunkDayRange(first, today, MAX_RANGE_DAYS)) {
        for (const batch of batches) {
          let read;
          try {
            read = await readPaged(
              PATHS.dailyOhlcv,
              {
                [batch.param]: batch.value,
                [PARAMS.startDate]: toIsoDate(start),
                [PARAMS.endDate]: toIsoDate(end),
              },
              ohlcvPoint,
              (point) => `${point.tokenId}|${point.day}`,
              call.signal
            );
          } catch (error) {
            if (isDataError(error) && error.kind === "notFound") {
              throw new DataError(
                "notFound",
                `Token Metrics has no daily prices for ${batch.symbols.join(", ")} (404): check the tickers`,
                404
              );
            }
            throw error;
          }
          requestsMade += read.requests;
          pageIgnored ||= read.pageIgnored;
          for (const point of read.rows)
            if (point.day >= start && point.day <= end) points.push(point);
        }
      }

      const notes: string[] = [];
      const ofToken = groupBy(points, (p) => p.tokenId);
      const ofSymbol = groupBy(points, (p) => p.symbol);
      const askedById = new Set(byId);
      const series = wanted.map((symbol) => {
        const id = tokenIds.get(symbol);
        const exact = id !== undefined && askedById.has(symbol);
        const own = (exact ? ofToken.get(id) : ofSymbol.get(symbol)) ?? [];
        const choice = chooseToken(own, id);
        if (choice === undefined) {
          throw new DataError(
            "notFound",
            exact
              ? `Token Metrics has no daily prices for ${symbol} (TOKEN_ID ${id}) in the last ${days} days: check the index holdings`
              : `Token Metrics has no daily prices for ${symbol} in the last ${days} days: check the ticker`
          );
        }
        resolutions.delete(symbol);
        if (choice.reason === "traded") {
          resolutions.set(
            symbol,
            `${symbol} = token ${choice.chosen.tokenId} (${choice.chosen.tokenName}; the most traded of ${choice.others.length + 1} Token Metrics tokens with this ticker)`
          );
          const also = choice.others
            .slice(0, 3)
            .map((s) => `${s.tokenId} ${s.tokenName}`)
            .join(", ");
          notes.push(
            `${symbol}: Token Metrics token ${choice.chosen.tokenId} (${choice.chosen.tokenName}), the most traded of ${choice.others.length + 1} tokens with this ticker (also ${also}${choice.others.length > 3 ? ", …" : ""})`
          );
        }
        return new Map(choice.chosen.points.map((p) => [p.day, p.close]));
      });
      if (pageIgnored) {
        notes.push(
          `Token Metrics ignored page= for ${PATHS.dailyOhlcv}: days past the first ${MAX_LIMIT} rows of a request may be missing (they show as gaps)`
        );
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
        requestsMade,
        notes,
      };
    },
  };
}

type Row = Record<string, unknown>;

function isRecord(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function ohlcvPoint(row: Row): OhlcvPoint {
  const symbol = text(row, FIELDS.tokenSymbol, PATHS.dailyOhlcv).toUpperCase();
  const close = Number(field(row, FIELDS.close));
  return {
    tokenId: optionalText(row, FIELDS.tokenId) ?? symbol,
    tokenName: optionalText(row, FIELDS.tokenName) ?? symbol,
    symbol,
    day: dayOf(row, PATHS.dailyOhlcv),
    close: close > 0 && Number.isFinite(close) ? close : NaN,
    volume: optionalNumber(row, FIELDS.volume) ?? NaN,
  };
}

/**
 * The UTC day of a row's DATE (captured real /daily-ohlcv output, "2024-10-18T00:00:00.000Z") or
 * TIMESTAMP (MCP types): ISO text, or epoch seconds / milliseconds.
 */
function dayOf(row: Row, path: string): number {
  const value = field(row, FIELDS.date) ?? field(row, FIELDS.timestamp);
  const day =
    typeof value === "string"
      ? dayNumberOf(value.slice(0, 10))
      : typeof value === "number" && Number.isFinite(value)
        ? dayNumberOf(value > MS_EPOCH_THRESHOLD ? value : value * 1000)
        : NaN;
  if (Number.isNaN(day)) throw shape(`${path} (${FIELDS.date} or ${FIELDS.timestamp})`);
  return day;
}

/** TM fields come as UPPER_SNAKE (v2 docs, MCP types) or lower_snake (v3 docs): accept both. */
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
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function optionalNumber(row: Row, upper: string): number | undefined {
  const raw = field(row, upper);
  const value = Number(raw);
  return raw !== null && raw !== undefined && raw !== "" && Number.isFinite(value)
    ? value
    : undefined;
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
