import fc from "fast-check";
import { isCoreError } from "../../../src/core/errors";
import { dayNumberOf } from "../../../src/data/dayNumberOf";
import { buildIndex } from "../../../src/data/indices/buildIndex";
import { INDEX_DEFINITIONS } from "../../../src/data/indices/indexDefinitions";
import { createHttpClient } from "../../../src/data/http/httpClient";
import { toIsoDate } from "../../../src/data/toIsoDate";
import { createTokenMetricsProvider } from "../../../src/data/tokenmetrics/tokenMetricsProvider";
import {
  dataErrorOf,
  fakeClock,
  type FakeServer,
  sendJson,
  sendText,
  startFakeServer,
} from "../helpers/fakeServer";
import {
  envelope,
  type FakeIndex,
  type FakeTokenMetricsOptions,
  holdingRow,
  SAMPLE_TOKENS,
  serveTokenMetrics,
} from "./fakeTokenMetrics";

const NOW = Date.UTC(2026, 0, 10, 12);
const TODAY = dayNumberOf(NOW);
const [BITCOIN, , , , ETHEREUM, SOLANA] = SAMPLE_TOKENS;

/** Index 7: BTC 60 %, ETH 40 % (percent weights, as MCP says); index 5 has a performance series. */
const INDICES: FakeIndex[] = [
  {
    ID: 7,
    NAME: "Large caps",
    TICKER: "TMLC",
    holdings: [
      holdingRow(BITCOIN, 60, "bitcoin", TODAY),
      holdingRow(ETHEREUM, 40, "ethereum", TODAY),
    ],
  },
  {
    ID: 5,
    NAME: "DeFi",
    TICKER: "TMDF",
    holdings: [holdingRow(SOLANA, 100, "solana", TODAY)],
    roi: (day) => (day % 3 === 0 ? undefined : (day - TODAY) / 10),
  },
];

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
      callsPerMinute: 10_000,
    });
  };
  const serve = (options: FakeTokenMetricsOptions = {}, indices = INDICES) =>
    serveTokenMetrics(server, SAMPLE_TOKENS, indices, options);
  const ohlcvRequests = () => server.seen.filter((s) => s.path === "/v2/daily-ohlcv");

  it("needs a key: rejects badKey without calling the API", async () => {
    const error = await dataErrorOf(make("").listIndices());
    expect(error).toMatchObject({
      kind: "badKey",
      message: "Token Metrics needs an API key: add yours in the Data tab",
    });
    expect(server.seen).toHaveLength(0);
  });

  it("lists indices over pages of 100 (page 1 first) with the key in x-api-key only", async () => {
    const many = Array.from({ length: 103 }, (_, i) => ({
      ...INDICES[0],
      ID: i + 1,
      NAME: `Index ${i + 1}`,
    }));
    serve({}, many);
    const indices = await make().listIndices();
    expect(indices).toHaveLength(103);
    expect(indices[0]).toEqual({
      id: "1",
      name: "Index 1",
      ticker: "TMLC",
      coins: 2,
      marketCap: 5e9,
    });
    expect(server.seen.map((s) => [s.query.get("page"), s.query.get("limit")])).toEqual([
      ["1", "100"],
      ["2", "100"],
    ]);
    expect(server.seen[0].headers["x-api-key"]).toBe("tm-secret-key");
    expect(server.seen[0].query.toString()).not.toContain("secret");
  });

  it("reads exactly 100 indices once when the server ignores page (issue 16 point 2)", async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => ({ ...INDICES[0], ID: i + 1 }));
    serve({ ignorePage: true }, hundred);
    const indices = await make().listIndices();
    expect(indices.map((i) => i.id)).toEqual(hundred.map((i) => String(i.ID)));
    expect(server.seen).toHaveLength(2);
  });

  it("reads holdings with id alone, percent weights as fractions, and keeps TOKEN_ID and CG_ID", async () => {
    serve();
    const holdings = await make().indexHoldings("7");
    expect(server.seen.map((s) => s.query.toString())).toEqual(["id=7"]);
    expect(holdings).toEqual([
      {
        symbol: "BTC",
        name: "Bitcoin",
        weight: 0.6,
        marketCap: 6e10,
        price: BITCOIN.close(TODAY),
        providerId: "3375",
        coinGeckoId: "bitcoin",
      },
      {
        symbol: "ETH",
        name: "Ethereum",
        weight: 0.4,
        marketCap: 4e10,
        price: ETHEREUM.close(TODAY),
        providerId: "3306",
        coinGeckoId: "ethereum",
      },
    ]);
  });

  it("drops a holding sent twice and refuses an index with two tokens under one ticker", async () => {
    const twice = holdingRow(BITCOIN, 50, "bitcoin", TODAY);
    serve({}, [
      {
        ID: 8,
        NAME: "Dup",
        TICKER: "D",
        holdings: [twice, twice, holdingRow(ETHEREUM, 50, "ethereum", TODAY)],
      },
    ]);
    const holdings = await make().indexHoldings("8");
    expect(holdings.map((h) => [h.symbol, h.weight])).toEqual([
      ["BTC", 0.5],
      ["ETH", 0.5],
    ]);
    server.reset();
    const batcat = holdingRow(SAMPLE_TOKENS[1], 50, "batcat", TODAY);
    serve({}, [{ ID: 9, NAME: "Clash", TICKER: "C", holdings: [twice, batcat] }]);
    expect(await dataErrorOf(make().indexHoldings("9"))).toMatchObject({
      kind: "badResponse",
      message:
        "Token Metrics index 9 holds two tokens with the ticker BTC (TOKEN_ID 3375 and 35621); Diversify keys holdings by ticker, so it cannot use this index",
    });
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
    serve();
    expect(await dataErrorOf(make().indexHoldings("404"))).toMatchObject({
      kind: "notFound",
      message: "Token Metrics has no holdings for index 404: check the index id in the Index tab",
    });
  });

  it("asks 90 days of BTC and ETH in 29-day chunks, both tickers per request, and picks Bitcoin among 4 BTC tokens", async () => {
    serve();
    const provider = make();
    const out = await provider.dailyCloses(["BTC", "eth"], 90);
    const requests = ohlcvRequests();
    // 90 days → chunks of 30, 30, 30 days; each chunk 30 days × 5 tokens = 150 rows → pages 1, 2.
    expect(
      requests.map((r) => [r.query.get("startDate"), r.query.get("endDate"), r.query.get("page")])
    ).toEqual([
      [toIsoDate(TODAY - 89), toIsoDate(TODAY - 60), "1"],
      [toIsoDate(TODAY - 89), toIsoDate(TODAY - 60), "2"],
      [toIsoDate(TODAY - 59), toIsoDate(TODAY - 30), "1"],
      [toIsoDate(TODAY - 59), toIsoDate(TODAY - 30), "2"],
      [toIsoDate(TODAY - 29), toIsoDate(TODAY), "1"],
      [toIsoDate(TODAY - 29), toIsoDate(TODAY), "2"],
    ]);
    expect(new Set(requests.map((r) => r.query.get("symbol")))).toEqual(new Set(["BTC,ETH"]));
    expect(out.requestsMade).toBe(6);
    expect(provider.creditsUsed()).toBe(6);
    expect(out.dates).toEqual(Array.from({ length: 90 }, (_, t) => toIsoDate(TODAY - 89 + t)));
    const days = out.dates.map(dayNumberOf);
    expect(Array.from(out.closes.subarray(0, 90))).toEqual(days.map(BITCOIN.close));
    expect(Array.from(out.closes.subarray(90))).toEqual(days.map(ETHEREUM.close));
    expect(out.notes).toEqual([
      "BTC: Token Metrics token 3375 (Bitcoin), the most traded of 4 tokens with this ticker (also 39218 Osmosis allBTC, 35621 batcat, 33649 BlackrockTradingCurrency)",
    ]);
    // The HISTORY corner's words (DataProvider.describeSymbols): ETH was not ambiguous.
    expect(provider.describeSymbols(["btc", "ETH"])).toEqual([
      "BTC = token 3375 (Bitcoin; the most traded of 4 Token Metrics tokens with this ticker)",
    ]);
  });

  it("asks by token_id once an index's holdings gave the exact ids: no other token's rows, fewer credits", async () => {
    serve();
    const provider = make();
    await provider.indexHoldings("7");
    server.seen.length = 0;
    const out = await provider.dailyCloses(["BTC", "ETH"], 60);
    const requests = ohlcvRequests();
    expect(requests.map((r) => r.query.get("token_id"))).toEqual(["3375,3306", "3375,3306"]);
    expect(requests.every((r) => r.query.get("symbol") === null)).toBe(true);
    expect(out.requestsMade).toBe(2);
    expect(out.notes).toEqual([]);
    expect(provider.describeSymbols(["BTC", "ETH"])).toEqual([]);
    expect(Array.from(out.closes.subarray(0, 60))).toEqual(
      out.dates.map((d) => BITCOIN.close(dayNumberOf(d)))
    );
  });

  it("accepts TIMESTAMP as the date field (MCP types) as well as DATE (captured output)", async () => {
    serve({ dateField: "TIMESTAMP" });
    const out = await make().dailyCloses(["SOL"], 3);
    expect(out.dates).toEqual([toIsoDate(TODAY - 2), toIsoDate(TODAY - 1), toIsoDate(TODAY)]);
    expect(Array.from(out.closes)).toEqual([TODAY - 2, TODAY - 1, TODAY].map(SOLANA.close));
  });

  it("reads lower-case /daily-ohlcv fields (v3 docs) and epoch-second timestamps", async () => {
    server.route("/v2/daily-ohlcv", (_r, res) =>
      sendJson(
        res,
        200,
        envelope([
          { token_id: 3988, token_symbol: "sol", date: toIsoDate(TODAY), close: 152, volume: 1 },
          {
            token_id: 3988,
            token_symbol: "sol",
            timestamp: (TODAY - 1) * 86_400,
            close: 151,
            volume: 1,
          },
        ])
      )
    );
    const out = await make().dailyCloses(["SOL"], 2);
    expect(out.dates).toEqual([toIsoDate(TODAY - 1), toIsoDate(TODAY)]);
    expect(Array.from(out.closes)).toEqual([151, 152]);
  });

  it("never repeats a day when the server ignores page, and says rows may be missing", async () => {
    serve({ ignorePage: true });
    const out = await make().dailyCloses(["BTC"], 30);
    // 30 days × 4 BTC tokens = 120 rows; page 1 holds the newest 25 days, page 2 repeats it.
    expect(ohlcvRequests().map((r) => r.query.get("page"))).toEqual(["1", "2"]);
    expect(new Set(out.dates).size).toBe(out.dates.length);
    expect(out.dates).toEqual(Array.from({ length: 25 }, (_, t) => toIsoDate(TODAY - 24 + t)));
    expect(out.notes).toContain(
      "Token Metrics ignored page= for /daily-ohlcv: days past the first 100 rows of a request may be missing (they show as gaps)"
    );
  });

  it("does not interleave two tokens of one ticker (captured rows, hand-worked: Bitcoin 67440, 68216)", async () => {
    const row = (id: number, name: string, date: string, close: number, volume: number) => ({
      TOKEN_ID: id,
      TOKEN_NAME: name,
      TOKEN_SYMBOL: "BTC",
      DATE: `${date}T00:00:00.000Z`,
      OPEN: close,
      HIGH: close,
      LOW: close,
      CLOSE: close,
      VOLUME: volume,
    });
    server.route("/v2/daily-ohlcv", (_r, res) =>
      sendJson(
        res,
        200,
        envelope([
          row(35621, "batcat", "2024-10-18", 0.000398, 4.415917e4),
          row(3375, "Bitcoin", "2024-10-18", 68216, 3.608203e10),
          row(3375, "Bitcoin", "2024-10-17", 67440, 3.488044e10),
          row(33649, "BlackrockTradingCurrency", "2024-10-17", 0.029492, 0),
          row(39218, "Osmosis allBTC", "2024-10-17", 66905, 8.390969e5),
        ])
      )
    );
    const clock = fakeClock(Date.UTC(2024, 9, 18, 12));
    const provider = createTokenMetricsProvider({
      http: createHttpClient({ clock, maxRetries: 0 }),
      clock,
      apiKey: "k",
      baseUrl: `${server.baseUrl}/v2`,
    });
    const out = await provider.dailyCloses(["BTC"], 2);
    expect(out.dates).toEqual(["2024-10-17", "2024-10-18"]);
    expect(Array.from(out.closes)).toEqual([67440, 68216]);
  });

  it("every /daily-ohlcv request spans at most 29 days and the chunks cover the window exactly", async () => {
    serve();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 400 }), async (days) => {
        server.seen.length = 0;
        const out = await make().dailyCloses(["SOL"], days);
        const spans = ohlcvRequests().map((r) => [
          dayNumberOf(r.query.get("startDate") ?? ""),
          dayNumberOf(r.query.get("endDate") ?? ""),
        ]);
        spans.forEach(([start, end], i) => {
          expect(end - start).toBeLessThanOrEqual(29);
          if (i > 0) expect(start).toBe(spans[i - 1][1] + 1);
        });
        expect(spans[0][0]).toBe(TODAY - days + 1);
        expect(spans[spans.length - 1][1]).toBe(TODAY);
        expect(out.dates).toHaveLength(days);
        expect(out.requestsMade).toBe(Math.ceil(days / 30));
      }),
      { numRuns: 25 }
    );
  });

  it("rejects a ticker with no prices with notFound", async () => {
    serve();
    expect(await dataErrorOf(make().dailyCloses(["NOPE"], 30))).toMatchObject({
      kind: "notFound",
      message: "Token Metrics has no daily prices for NOPE in the last 30 days: check the ticker",
    });
  });

  it("reads index performance in 29-day chunks, sorted, and offers it as a benchmark series", async () => {
    serve();
    const provider = make();
    const performance = await provider.indexPerformance("5", 60);
    const requests = server.seen.filter((s) => s.path === "/v2/indices-performance");
    expect(
      requests.map((r) => [r.query.get("id"), r.query.get("startDate"), r.query.get("endDate")])
    ).toEqual([
      ["5", toIsoDate(TODAY - 59), toIsoDate(TODAY - 30)],
      ["5", toIsoDate(TODAY - 29), toIsoDate(TODAY)],
    ]);
    const expectedDays = Array.from({ length: 60 }, (_, t) => TODAY - 59 + t).filter(
      (d) => d % 3 !== 0
    );
    expect(performance.dates).toEqual(expectedDays.map(toIsoDate));
    expect(Array.from(performance.cumulativeRoi)).toEqual(
      expectedDays.map((d) => (d - TODAY) / 10)
    );
    expect(performance.requestsMade).toBe(2);

    const benchmark = await provider.indexBenchmark("5", 60);
    expect(benchmark.symbols).toEqual(["TM index 5"]);
    expect(benchmark.dates).toEqual(performance.dates);
    // Hand-worked: ROI −5.9 % → level 0.941.
    expect(expectedDays[0]).toBe(TODAY - 59);
    expect(benchmark.closes[0]).toBeCloseTo(0.941, 12);
    expect(Array.from(benchmark.closes)).toEqual(
      expectedDays.map((d) => 1 + (d - TODAY) / 10 / 100)
    );
    expect(benchmark.source).toBe("Token Metrics index 5 performance");
  });

  it("refuses a benchmark whose ROI is below −100 %, an index without performance, and bad arguments", async () => {
    serve({}, [{ ...INDICES[1], ID: 6, roi: () => -150 }]);
    expect((await dataErrorOf(make().indexBenchmark("6", 2))).kind).toBe("badResponse");
    expect((await dataErrorOf(make().indexPerformance("404", 2))).kind).toBe("notFound");
    for (const bad of [make().indexPerformance(" ", 2), make().indexPerformance("5", 0)]) {
      const error = await bad.catch((e: unknown) => e);
      expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
    }
  });

  it("lists the universe from /top-market-cap-tokens: ranked, a sector, no market cap", async () => {
    serve();
    const markets = await make().listMarkets({ limit: 2 });
    expect(server.seen[0].query.get("top_k")).toBe("2");
    expect(markets).toEqual([
      { id: "3375", symbol: "BTC", name: "Bitcoin", sector: "Layer 1", rank: 1 },
      { id: "3306", symbol: "ETH", name: "Ethereum", sector: "Smart Contract Platform", rank: 2 },
    ]);
    await make().listMarkets({ limit: 500 });
    expect(server.seen[1].query.get("top_k")).toBe("100");
  });

  it("says plainly that sector indices cannot be built from Token Metrics", async () => {
    serve();
    expect(await dataErrorOf(make().listMarkets({ limit: 10, category: "layer-1" }))).toMatchObject(
      {
        kind: "notFound",
        message:
          'Token Metrics cannot build sector indices: its token lists give no market cap to rank the "layer-1" sector by; use CoinGecko or the demo data for sector indices',
      }
    );
    expect(server.seen).toHaveLength(0);
  });

  it("with buildIndex: equal weight works, market-cap and sector indices stop with a plain message", async () => {
    serve();
    const byId = (id: string) => {
      const definition = INDEX_DEFINITIONS.find((d) => d.id === id);
      if (definition === undefined) throw new Error(`no index ${id}`);
      return definition;
    };
    const clock = fakeClock(NOW);
    const equal = await buildIndex(byId("top10-equal"), make(), { clock });
    // The fake's top list has BTC (4 tokens), ETH and SOL: one per ticker, Bitcoin first.
    expect(equal.constituents.map((c) => [c.symbol, c.weight])).toEqual([
      ["BTC", 1 / 3],
      ["ETH", 1 / 3],
      ["SOL", 1 / 3],
    ]);
    const capped = await buildIndex(byId("top10-capped25"), make(), { clock }).catch(
      (e: unknown) => e
    );
    expect(isCoreError(capped) && [capped.code, capped.message]).toEqual([
      "NOT_AVAILABLE",
      'index "top10-capped25": Token Metrics gives no market cap for BTC; choose an equal-weight or risk-based index',
    ]);
    const sector = await dataErrorOf(buildIndex(byId("sector-layer-1"), make(), { clock }));
    expect(sector.message).toMatch(/^Token Metrics cannot build sector indices/);
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
    serve();
    const symbols = Object.freeze(["sol"]);
    await make().dailyCloses(symbols, 1);
    expect(symbols).toEqual(["sol"]);
  });
});
