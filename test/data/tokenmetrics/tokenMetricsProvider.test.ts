import { isCoreError } from "../../../src/core/errors";
import { createHttpClient } from "../../../src/data/http/httpClient";
import { createTokenMetricsProvider } from "../../../src/data/tokenmetrics/tokenMetricsProvider";
import {
  dataErrorOf,
  fakeClock,
  type FakeServer,
  sendJson,
  sendText,
  startFakeServer,
} from "../helpers/fakeServer";

const NOW = Date.UTC(2026, 0, 10, 12);

/** Token Metrics' envelope {success, message, length, data}. */
const envelope = (data: unknown[]) => ({
  success: true,
  message: "Data fetched successfully",
  length: data.length,
  data,
});

describe("createTokenMetricsProvider", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const make = (apiKey: string | undefined = "tm-secret-key") => {
    const clock = fakeClock(NOW);
    return createTokenMetricsProvider({
      http: createHttpClient({ clock, random: () => 0.5, timeoutMs: 300, maxRetries: 1 }),
      clock,
      apiKey,
      baseUrl: `${server.baseUrl}/v2`,
    });
  };

  it("needs a key: rejects badKey without calling the API", async () => {
    const error = await dataErrorOf(make("").listIndices());
    expect(error).toMatchObject({
      kind: "badKey",
      message: "Token Metrics needs an API key: add yours in the Data tab",
    });
    expect(server.seen).toHaveLength(0);
  });

  it("lists indices over pages of 100 with the key in x-api-key", async () => {
    server.route("/v2/indices", (req, res) => {
      const page = Number(req.query.get("page"));
      const rows = Array.from({ length: page === 1 ? 100 : 3 }, (_, i) => ({
        ID: (page - 1) * 100 + i + 1,
        NAME: `Index ${(page - 1) * 100 + i + 1}`,
        TICKER: "TMX",
        PRICE: 1.1,
        COINS: 12,
        "24H": 0.4,
        "7D": -2.1,
        "1M": 5,
        "24H_VOLUME": 1e6,
        INDEX_GRADE: 71.5,
        ALL_TIME: 44,
        MARKET_CAP: 5e9,
        TOP_GAINERS_ICONS: {},
      }));
      sendJson(res, 200, envelope(rows));
    });
    const indices = await make().listIndices();
    expect(indices).toHaveLength(103);
    expect(indices[0]).toEqual({
      id: "1",
      name: "Index 1",
      ticker: "TMX",
      coins: 12,
      marketCap: 5e9,
    });
    expect(server.seen.map((s) => [s.query.get("page"), s.query.get("limit")])).toEqual([
      ["1", "100"],
      ["2", "100"],
    ]);
    expect(server.seen[0].headers["x-api-key"]).toBe("tm-secret-key");
    expect(server.seen[0].query.toString()).not.toContain("secret");
  });

  it("turns percentage weights into fractions (hand-worked: 60 + 40 = 100 → 0.6, 0.4)", async () => {
    server.route("/v2/indices-holdings", (req, res) => {
      expect(req.query.get("id")).toBe("7");
      sendJson(
        res,
        200,
        envelope([
          {
            TOKEN_ID: 3375,
            TOKEN_NAME: "Bitcoin",
            TOKEN_SYMBOL: "BTC",
            COIN: "bitcoin",
            WEIGHT: 60,
            MARKET_CAP: 8e11,
            PRICE: 42000,
            CURRENT_ROI: 3,
            DATE: "2026-01-10",
          },
          {
            TOKEN_ID: 3306,
            TOKEN_NAME: "Ethereum",
            TOKEN_SYMBOL: "ETH",
            COIN: "ethereum",
            WEIGHT: 40,
            MARKET_CAP: 3e11,
            PRICE: 2500,
            CURRENT_ROI: 1,
            DATE: "2026-01-10",
          },
        ])
      );
    });
    expect(await make().indexHoldings("7")).toEqual([
      { symbol: "BTC", name: "Bitcoin", weight: 0.6, marketCap: 8e11, price: 42000 },
      { symbol: "ETH", name: "Ethereum", weight: 0.4, marketCap: 3e11, price: 2500 },
    ]);
  });

  it("reads lower-case field names and keeps fractional weights", async () => {
    server.route("/v2/indices-holdings", (_r, res) =>
      sendJson(
        res,
        200,
        envelope([
          { token_name: "Solana", token_symbol: "sol", weight: 0.7 },
          { token_name: "Chainlink", token_symbol: "link", weight: 0.3 },
        ])
      )
    );
    const holdings = await make().indexHoldings("9");
    expect(holdings.map((h) => [h.symbol, h.weight])).toEqual([
      ["SOL", 0.7],
      ["LINK", 0.3],
    ]);
  });

  it("rejects an index with an empty holdings list with notFound", async () => {
    server.route("/v2/indices-holdings", (_r, res) => sendJson(res, 200, envelope([])));
    expect(await dataErrorOf(make().indexHoldings("404"))).toMatchObject({
      kind: "notFound",
      message: "Token Metrics has no holdings for index 404: check the index id in the Index tab",
    });
  });

  it("reads daily closes from /daily-ohlcv within the window, one per UTC day", async () => {
    server.route("/v2/daily-ohlcv", (req, res) => {
      const symbol = req.query.get("symbol");
      const row = (date: string, close: number) =>
        symbol === "BTC"
          ? {
              TOKEN_ID: 3375,
              TOKEN_SYMBOL: "BTC",
              DATE: `${date}T00:00:00.000Z`,
              OPEN: close,
              HIGH: close,
              LOW: close,
              CLOSE: close,
              VOLUME: 1,
            }
          : { token_symbol: "ETH", date, close };
      sendJson(
        res,
        200,
        envelope(
          [row("2026-01-08", 41000), row("2026-01-09", 42000), row("2026-01-10", 43000)].slice(
            symbol === "BTC" ? 0 : 1
          )
        )
      );
    });
    const out = await make().dailyCloses(["BTC", "eth"], 3);
    expect(out.dates).toEqual(["2026-01-08", "2026-01-09", "2026-01-10"]);
    expect(Array.from(out.closes)).toEqual([41000, 42000, 43000, NaN, 42000, 43000]);
    expect(out.source).toBe("Token Metrics");
    const query = server.seen[0].query;
    expect([query.get("startDate"), query.get("endDate"), query.get("symbol")]).toEqual([
      "2026-01-08",
      "2026-01-10",
      "BTC",
    ]);
  });

  it("rejects a symbol with no prices with notFound", async () => {
    server.route("/v2/daily-ohlcv", (_r, res) => sendJson(res, 200, envelope([])));
    expect(await dataErrorOf(make().dailyCloses(["NOPE"], 30))).toMatchObject({
      kind: "notFound",
      message: "Token Metrics has no daily prices for NOPE in the last 30 days: check the ticker",
    });
  });

  it("reads index performance from /indices-performance, sorted by date", async () => {
    server.route("/v2/indices-performance", (req, res) => {
      expect([req.query.get("id"), req.query.get("startDate"), req.query.get("endDate")]).toEqual([
        "5",
        "2026-01-09",
        "2026-01-10",
      ]);
      sendJson(
        res,
        200,
        envelope([
          {
            ID: 5,
            DATE: "2026-01-10",
            INDEX_CUMULATIVE_ROI: 12.5,
            MARKET_CAP: 1e9,
            VOLUME: 1e7,
            FDV: 2e9,
          },
          { id: 5, date: "2026-01-09", index_cumulative_roi: 11 },
        ])
      );
    });
    const performance = await make().indexPerformance("5", 2);
    expect(performance.dates).toEqual(["2026-01-09", "2026-01-10"]);
    expect(Array.from(performance.cumulativeRoi)).toEqual([11, 12.5]);
    server.route("/v2/indices-performance", (_r, res) => sendJson(res, 200, envelope([])));
    expect((await dataErrorOf(make().indexPerformance("5", 2))).kind).toBe("notFound");
    for (const bad of [make().indexPerformance(" ", 2), make().indexPerformance("5", 0)]) {
      const error = await bad.catch((e: unknown) => e);
      expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
    }
  });

  it("lists the universe from /top-market-cap-tokens", async () => {
    server.route("/v2/top-market-cap-tokens", (req, res) => {
      expect(req.query.get("top_k")).toBe("2");
      sendJson(
        res,
        200,
        envelope([
          {
            TOKEN_ID: 3375,
            TOKEN_NAME: "Bitcoin",
            TOKEN_SYMBOL: "BTC",
            EXCHANGE_LIST: [],
            CATEGORY_LIST: [{ category_name: "Layer 1" }],
            TM_LINK: "x",
          },
          {
            TOKEN_ID: 3306,
            TOKEN_NAME: "Ethereum",
            TOKEN_SYMBOL: "ETH",
            CATEGORY_LIST: ["Smart Contract Platform"],
          },
        ])
      );
    });
    expect(await make().listMarkets({ limit: 2 })).toEqual([
      { id: "3375", symbol: "BTC", name: "Bitcoin", sector: "Layer 1", rank: 1 },
      { id: "3306", symbol: "ETH", name: "Ethereum", sector: "Smart Contract Platform", rank: 2 },
    ]);
  });

  it("passes on an envelope with success: false", async () => {
    server.route("/v2/indices", (_r, res) =>
      sendJson(res, 200, {
        success: false,
        message: "Monthly API limit reached",
        length: 0,
        data: [],
      })
    );
    expect(await dataErrorOf(make().listIndices())).toMatchObject({
      kind: "quota",
      message: 'Token Metrics refused the request: "Monthly API limit reached"',
    });
  });

  it("maps 401, 429, 500, a hang, malformed JSON and a missing data array to DataError kinds", async () => {
    const cases: [(res: import("node:http").ServerResponse) => void, string, string?][] = [
      [
        (res) => sendJson(res, 401, { message: "Invalid API key" }),
        "badKey",
        "Token Metrics refused the API key (401): check the key in the Data tab",
      ],
      [(res) => sendJson(res, 403, { message: "Forbidden" }), "badKey"],
      [(res) => sendJson(res, 429, { message: "Too many requests" }), "quota"],
      [
        (res) => sendText(res, 500, "error"),
        "providerDown",
        "Token Metrics is not working right now (500, tried 2 times): try again later",
      ],
      [() => undefined, "timeout"],
      [(res) => sendText(res, 200, '{"success": true, "data": [{"ID": 1'), "badResponse"],
      [(res) => sendJson(res, 200, { success: true, message: "ok" }), "badResponse"],
    ];
    for (const [handler, kind, message] of cases) {
      server.route("/v2/indices", (_r, res) => handler(res));
      const error = await dataErrorOf(make().listIndices());
      expect(error.kind).toBe(kind);
      if (message !== undefined) expect(error.message).toBe(message);
      expect(error.message).not.toContain("tm-secret-key");
    }
  });

  it("rejects bad arguments with CoreError INVALID_ARGUMENT and leaves its input unchanged", async () => {
    const error = await make()
      .dailyCloses(["BTC"], 0)
      .catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
    server.route("/v2/daily-ohlcv", (_r, res) =>
      sendJson(res, 200, envelope([{ DATE: "2026-01-10", CLOSE: 1 }]))
    );
    const symbols = Object.freeze(["btc"]);
    await make().dailyCloses(symbols, 1);
    expect(symbols).toEqual(["btc"]);
  });
});
