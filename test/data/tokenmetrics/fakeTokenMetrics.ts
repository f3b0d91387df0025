import type { ServerResponse } from "node:http";
import { type FakeServer, type SeenRequest, sendJson } from "../helpers/fakeServer";

/**
 * A fake Token Metrics Data API v2 on the local fake server, serving the shapes of
 * src/data/tokenmetrics/CONTRACT.md (read 2026-12-03). Field names are written out here from the
 * sources, not imported from the provider's contract module, so a wrong constant there fails a
 * test instead of being served back:
 * - envelope {success, message, length, data}: token-metrics/mcp src/tools/base-api-tool.ts;
 * - /daily-ohlcv rows as in the captured output of token-metrics/tmai-api examples/example_usage.ipynb
 *   (DATE "2024-10-18T00:00:00.000Z", newest first, every token sharing a ticker), or with TIMESTAMP
 *   as the MCP types name it (option `dateField`);
 * - /indices, /indices-holdings, /indices-performance, /top-market-cap-tokens rows as the MCP types.
 * Rules the real API is said to have and the fake enforces: `limit` at most 100 (default 50),
 * `page` 1 = first; a /daily-ohlcv or /indices-performance range longer than 29 days is refused
 * (the SDKs chunk at 29; what the live API does past it is unverified, so the fake makes any such
 * request fail loudly). Option `ignorePage` serves page 1 whatever `page` says (the SDK's warning).
 */
export interface FakeToken {
  readonly TOKEN_ID: number;
  readonly TOKEN_NAME: string;
  readonly TOKEN_SYMBOL: string;
  /** Close on a UTC day number. */
  readonly close: (day: number) => number;
  readonly volume: number;
  readonly CATEGORY_LIST?: unknown[];
}

export interface FakeIndex {
  readonly ID: number;
  readonly NAME: string;
  readonly TICKER: string;
  /** /indices-holdings rows of this index. */
  readonly holdings: ReadonlyArray<Record<string, unknown>>;
  /** INDEX_CUMULATIVE_ROI on a UTC day number (undefined: no row that day). */
  readonly roi?: (day: number) => number | undefined;
}

export interface FakeTokenMetricsOptions {
  readonly apiKey?: string;
  readonly ignorePage?: boolean;
  readonly dateField?: "DATE" | "TIMESTAMP";
}

const MS_PER_DAY = 86_400_000;
const iso = (day: number) => new Date(day * MS_PER_DAY).toISOString();
const dayOf = (text: string | null) =>
  text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? Date.parse(`${text}T00:00:00Z`) / MS_PER_DAY
    : NaN;

export const envelope = (data: unknown[]) => ({
  success: true,
  message: "Data fetched successfully",
  length: data.length,
  data,
});

/** The tokens of the captured `symbol=BTC` answer (Bitcoin and three small tokens with its ticker) plus ETH, SOL. */
export const SAMPLE_TOKENS: FakeToken[] = [
  {
    TOKEN_ID: 3375,
    TOKEN_NAME: "Bitcoin",
    TOKEN_SYMBOL: "BTC",
    close: (d) => 68216 + 10 * (d % 17),
    volume: 3.608203e10,
    CATEGORY_LIST: [{ category_name: "Layer 1" }],
  },
  {
    TOKEN_ID: 35621,
    TOKEN_NAME: "batcat",
    TOKEN_SYMBOL: "BTC",
    close: (d) => 0.000398 + 1e-6 * (d % 5),
    volume: 4.415917e4,
  },
  {
    TOKEN_ID: 33649,
    TOKEN_NAME: "BlackrockTradingCurrency",
    TOKEN_SYMBOL: "BTC",
    close: () => 0.029492,
    volume: 0,
  },
  {
    TOKEN_ID: 39218,
    TOKEN_NAME: "Osmosis allBTC",
    TOKEN_SYMBOL: "BTC",
    close: (d) => 66905 + (d % 13),
    volume: 8.390969e5,
  },
  {
    TOKEN_ID: 3306,
    TOKEN_NAME: "Ethereum",
    TOKEN_SYMBOL: "ETH",
    close: (d) => 2500 + (d % 11),
    volume: 1.5e10,
    CATEGORY_LIST: [{ category_name: "Smart Contract Platform" }],
  },
  {
    TOKEN_ID: 3988,
    TOKEN_NAME: "Solana",
    TOKEN_SYMBOL: "SOL",
    close: (d) => 150 + (d % 7),
    volume: 3e9,
    CATEGORY_LIST: ["Layer 1"],
  },
];

/** A holdings row as MCP src/tools/indices-holdings.ts types it (WEIGHT in percent). */
export function holdingRow(token: FakeToken, weight: number, cgId: string, day: number) {
  return {
    TOKEN_ID: token.TOKEN_ID,
    TOKEN_NAME: token.TOKEN_NAME,
    TOKEN_SYMBOL: token.TOKEN_SYMBOL,
    COIN: cgId,
    CG_ID: cgId,
    WEIGHT: weight,
    MARKET_CAP: 1e9 * weight,
    PRICE: token.close(day),
    CURRENT_ROI: 3.2,
    TRADER_GRADE: 61.5,
    TRADER_GRADE_CHANGE_24H: -0.4,
    ICON: "https://example.invalid/icon.png",
    DATE: iso(day),
  };
}

/** Serves the fake on `server` (routes under /v2). */
export function serveTokenMetrics(
  server: FakeServer,
  tokens: readonly FakeToken[],
  indices: readonly FakeIndex[],
  options: FakeTokenMetricsOptions = {}
): void {
  const key = options.apiKey ?? "tm-secret-key";
  const dateField = options.dateField ?? "DATE";

  const guarded =
    (handle: (req: SeenRequest, res: ServerResponse) => void) =>
    (req: SeenRequest, res: ServerResponse) => {
      if (req.headers["x-api-key"] !== key) {
        sendJson(res, 401, { success: false, message: "Invalid API key", length: 0, data: [] });
        return;
      }
      handle(req, res);
    };

  /** limit (default 50, max 100) and page (1 = first) as the MCP tool descriptions say. */
  const page = (req: SeenRequest, res: ServerResponse, rows: unknown[]): void => {
    const limit = Number(req.query.get("limit") ?? 50);
    const pageNumber = options.ignorePage ? 1 : Number(req.query.get("page") ?? 1);
    if (
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > 100 ||
      !Number.isInteger(pageNumber) ||
      pageNumber < 1
    ) {
      sendJson(res, 400, { success: false, message: "Invalid limit or page", length: 0, data: [] });
      return;
    }
    sendJson(res, 200, envelope(rows.slice((pageNumber - 1) * limit, pageNumber * limit)));
  };

  /** startDate/endDate (YYYY-MM-DD), at most 29 days apart. */
  const range = (req: SeenRequest, res: ServerResponse): [number, number] | undefined => {
    const start = dayOf(req.query.get("startDate"));
    const end = dayOf(req.query.get("endDate"));
    if (Number.isNaN(start) || Number.isNaN(end) || end < start || end - start > 29) {
      sendJson(res, 400, {
        success: false,
        message: "Date range must be at most 29 days",
        length: 0,
        data: [],
      });
      return undefined;
    }
    return [start, end];
  };

  server.route(
    "/v2/daily-ohlcv",
    guarded((req, res) => {
      const span = range(req, res);
      if (span === undefined) return;
      const list = (name: string) =>
        req.query
          .get(name)
          ?.split(",")
          .map((s) => s.trim()) ?? [];
      const symbols = list("symbol").map((s) => s.toUpperCase());
      const ids = list("token_id");
      const matching = tokens.filter(
        (t) => symbols.includes(t.TOKEN_SYMBOL) || ids.includes(String(t.TOKEN_ID))
      );
      const rows: unknown[] = [];
      for (let day = span[1]; day >= span[0]; day--) {
        for (const t of matching) {
          const close = t.close(day);
          rows.push({
            TOKEN_ID: t.TOKEN_ID,
            TOKEN_NAME: t.TOKEN_NAME,
            TOKEN_SYMBOL: t.TOKEN_SYMBOL,
            [dateField]: iso(day),
            OPEN: close,
            HIGH: close,
            LOW: close,
            CLOSE: close,
            VOLUME: t.volume,
          });
        }
      }
      page(req, res, rows);
    })
  );

  server.route(
    "/v2/indices",
    guarded((req, res) =>
      page(
        req,
        res,
        indices.map((index) => ({
          ID: index.ID,
          NAME: index.NAME,
          TICKER: index.TICKER,
          PRICE: 1.12,
          COINS: index.holdings.length,
          "24H": 0.4,
          "7D": -2.1,
          "1M": 5.3,
          "24H_VOLUME": 1.2e8,
          INDEX_GRADE: 71.5,
          ALL_TIME: 44.1,
          MARKET_CAP: 5e9,
          TOP_GAINERS_ICONS: {},
        }))
      )
    )
  );

  server.route(
    "/v2/indices-holdings",
    guarded((req, res) => {
      const index = indices.find((i) => String(i.ID) === req.query.get("id"));
      sendJson(res, 200, envelope([...(index?.holdings ?? [])]));
    })
  );

  server.route(
    "/v2/indices-performance",
    guarded((req, res) => {
      const span = range(req, res);
      if (span === undefined) return;
      const index = indices.find((i) => String(i.ID) === req.query.get("id"));
      const rows: unknown[] = [];
      for (let day = span[1]; day >= span[0]; day--) {
        const roi = index?.roi?.(day);
        if (index === undefined || roi === undefined) continue;
        rows.push({
          ID: index.ID,
          DATE: iso(day),
          INDEX_CUMULATIVE_ROI: roi,
          MARKET_CAP: 5e9,
          VOLUME: 1.2e8,
          FDV: 6e9,
        });
      }
      page(req, res, rows);
    })
  );

  server.route(
    "/v2/top-market-cap-tokens",
    guarded((req, res) => {
      const topK = Number(req.query.get("top_k") ?? 50);
      if (!Number.isInteger(topK) || topK < 1 || topK > 100) {
        sendJson(res, 400, {
          success: false,
          message: "top_k must be 1 to 100",
          length: 0,
          data: [],
        });
        return;
      }
      const byVolume = [...tokens].sort((a, b) => b.volume * b.close(0) - a.volume * a.close(0));
      sendJson(
        res,
        200,
        envelope(
          byVolume.slice(0, topK).map((t) => ({
            TOKEN_ID: t.TOKEN_ID,
            TOKEN_NAME: t.TOKEN_NAME,
            TOKEN_SYMBOL: t.TOKEN_SYMBOL,
            EXCHANGE_LIST: [],
            CATEGORY_LIST: t.CATEGORY_LIST ?? [],
            TM_LINK: `https://app.tokenmetrics.com/en/${t.TOKEN_NAME.toLowerCase()}`,
          }))
        )
      );
    })
  );
}
