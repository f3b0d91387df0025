import { isCoreError } from "../../../src/core/errors";
import { createCoinGeckoProvider } from "../../../src/data/coingecko/coinGeckoProvider";
import { createHttpClient } from "../../../src/data/http/httpClient";
import {
  dataErrorOf,
  fakeClock,
  type FakeServer,
  sendJson,
  sendText,
  sequence,
  startFakeServer,
} from "../helpers/fakeServer";

const NOW = Date.UTC(2026, 0, 10, 12); // 2026-01-10 12:00 UTC
const DAY = 86_400_000;
const MIDNIGHT = Date.UTC(2026, 0, 10);

/** A /coins/markets row in CoinGecko's shape (subset of the documented fields). */
function marketRow(id: string, symbol: string, cap: number, rank: number, price: number) {
  return {
    id,
    symbol,
    name: id[0].toUpperCase() + id.slice(1),
    image: `https://coin-images.coingecko.com/coins/images/1/large/${id}.png`,
    current_price: price,
    market_cap: cap,
    market_cap_rank: rank,
    fully_diluted_valuation: cap,
    total_volume: cap / 50,
    high_24h: price * 1.01,
    low_24h: price * 0.99,
    price_change_24h: 1,
    price_change_percentage_24h: 0.5,
    circulating_supply: cap / price,
    last_updated: "2026-01-10T11:59:00.000Z",
  };
}

/** /coins/{id}/market_chart?interval=daily: midnight points, then the current "now" point. */
function chart(values: (number | null)[], nowValue: number) {
  const prices = values.map((v, i) => [MIDNIGHT - (values.length - 1 - i) * DAY, v]);
  prices.push([NOW, nowValue]);
  return {
    prices,
    market_caps: prices.map(([t]) => [t, 1e9]),
    total_volumes: prices.map(([t]) => [t, 1e7]),
  };
}

describe("createCoinGeckoProvider", () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const make = (extra: Partial<Parameters<typeof createCoinGeckoProvider>[0]> = {}) => {
    const clock = fakeClock(NOW);
    return createCoinGeckoProvider({
      http: createHttpClient({ clock, random: () => 0.5, timeoutMs: 300, maxRetries: 2 }),
      clock,
      baseUrl: `${server.baseUrl}/api/v3/`,
      ...extra,
    });
  };
  const serveSymbols = () =>
    server.route("/api/v3/coins/markets", (_r, res) =>
      sendJson(res, 200, [
        marketRow("bitcoin", "btc", 8e11, 1, 42000),
        marketRow("ethereum", "eth", 3e11, 2, 2500),
        marketRow("ethereum-wormhole", "eth", 1e6, 900, 2499),
      ])
    );

  it("pages /coins/markets 250 at a time with the category, and maps the fields", async () => {
    server.route("/api/v3/coins/markets", (req, res) => {
      const page = Number(req.query.get("page"));
      const rows = Array.from({ length: page === 1 ? 250 : 50 }, (_, i) => {
        const rank = (page - 1) * 250 + i + 1;
        return marketRow(`coin${rank}`, `c${rank}`, 1e12 / rank, rank, 1);
      });
      sendJson(res, 200, rows);
    });
    const markets = await make().listMarkets({ limit: 300, category: "layer-1" });
    expect(markets).toHaveLength(300);
    expect(markets[0]).toEqual({
      id: "coin1",
      symbol: "C1",
      name: "Coin1",
      sector: "layer-1",
      marketCap: 1e12,
      rank: 1,
      price: 1,
    });
    expect(server.seen.map((s) => s.query.get("page"))).toEqual(["1", "2"]);
    expect(server.seen[0].query.get("per_page")).toBe("250");
    expect(server.seen[0].query.get("category")).toBe("layer-1");
    expect(server.seen[0].query.get("vs_currency")).toBe("usd");
  });

  it("sends a Demo key in x-cg-demo-api-key and a Pro key in x-cg-pro-api-key, never in the URL", async () => {
    serveSymbols();
    await make({ apiKey: "CG-demo-secret", plan: "demo" }).listMarkets({ limit: 1 });
    await make({ apiKey: "CG-pro-secret", plan: "pro" }).listMarkets({ limit: 1 });
    await make().listMarkets({ limit: 1 });
    expect(server.seen[0].headers["x-cg-demo-api-key"]).toBe("CG-demo-secret");
    expect(server.seen[1].headers["x-cg-pro-api-key"]).toBe("CG-pro-secret");
    expect(server.seen[2].headers["x-cg-demo-api-key"]).toBeUndefined();
    expect(server.seen.map((s) => s.query.toString()).join()).not.toContain("secret");
  });

  it("lists categories from /coins/categories/list", async () => {
    server.route("/api/v3/coins/categories/list", (_r, res) =>
      sendJson(res, 200, [
        { category_id: "layer-1", name: "Layer 1 (L1)" },
        { category_id: "decentralized-finance-defi", name: "Decentralized Finance (DeFi)" },
      ])
    );
    expect(await make().listCategories()).toEqual([
      { id: "layer-1", name: "Layer 1 (L1)" },
      { id: "decentralized-finance-defi", name: "Decentralized Finance (DeFi)" },
    ]);
  });

  it("maps symbols to ids (largest market cap wins) and returns one close per UTC day", async () => {
    serveSymbols();
    server.route("/api/v3/coins/bitcoin/market_chart", (_r, res) =>
      sendJson(res, 200, chart([40000, 41000, 42000, 43000], 43500))
    );
    server.route("/api/v3/coins/ethereum/market_chart", (_r, res) =>
      sendJson(res, 200, chart([2000, null, 2200, 2300], 2350))
    );
    const out = await make().dailyCloses(["btc", "ETH"], 3);
    // window: 2026-01-08 .. 2026-01-10; 01-07 is outside; today's value is the 12:00 point
    expect(out.dates).toEqual(["2026-01-08", "2026-01-09", "2026-01-10"]);
    expect(Array.from(out.closes)).toEqual([41000, 42000, 43500, NaN, 2200, 2350]);
    expect(out).toMatchObject({
      provider: "coingecko",
      source: "CoinGecko",
      symbols: ["BTC", "ETH"],
    });
    const chartQuery = server.seen.find((s) => s.path.endsWith("bitcoin/market_chart"))!.query;
    expect(Object.fromEntries(chartQuery)).toEqual({
      vs_currency: "usd",
      days: "3",
      interval: "daily",
    });
    expect(server.seen.find((s) => s.path.endsWith("/coins/markets"))!.query.get("symbols")).toBe(
      "btc,eth"
    );
  });

  it("refuses more than 365 days on the free plans before any call, and allows it on Pro", async () => {
    const error = await dataErrorOf(make().dailyCloses(["BTC"], 400));
    expect(error.kind).toBe("quota");
    expect(error.message).toBe(
      "CoinGecko's free API serves the last 365 days only; you asked for 400: ask for 365 days or fewer, or use a Pro key in the Data tab"
    );
    expect(server.seen).toHaveLength(0);
    expect(make({ plan: "pro", apiKey: "k" }).capabilities.maxHistoryDays).toBe(Infinity);
  });

  it("rejects a ticker CoinGecko does not list with notFound", async () => {
    serveSymbols();
    const error = await dataErrorOf(make().dailyCloses(["BTC", "ZZZ"], 5));
    expect(error.kind).toBe("notFound");
    expect(error.message).toBe(
      "CoinGecko has no coin with the ticker ZZZ: check the spelling (CoinGecko lists coins by ticker on coingecko.com)"
    );
  });

  it("reports a 404 on the history as notFound for that symbol", async () => {
    serveSymbols();
    const error = await dataErrorOf(make().dailyCloses(["BTC"], 5));
    expect(error).toMatchObject({
      kind: "notFound",
      message: "CoinGecko has no price history for BTC (id bitcoin) (404)",
    });
  });

  it("reports an empty list as notFound for a category, and an empty history as notFound", async () => {
    server.route("/api/v3/coins/markets", (_r, res) => sendJson(res, 200, []));
    expect(await dataErrorOf(make().listMarkets({ category: "no-such" }))).toMatchObject({
      kind: "notFound",
      message: 'CoinGecko has no coins in the category "no-such": pick a category from the list',
    });
    serveSymbols();
    server.route("/api/v3/coins/bitcoin/market_chart", (_r, res) =>
      sendJson(res, 200, { prices: [], market_caps: [], total_volumes: [] })
    );
    expect((await dataErrorOf(make().dailyCloses(["BTC"], 5))).message).toBe(
      "CoinGecko has no prices for BTC in the last 5 days"
    );
  });

  it("reads CoinGecko's error codes: 10012 (history window) as quota, 10010/10011 (wrong root) as badKey", async () => {
    serveSymbols();
    server.route("/api/v3/coins/bitcoin/market_chart", (_r, res) =>
      sendJson(res, 401, {
        error: {
          status: {
            timestamp: "2026-01-10T12:00:00.000Z",
            error_code: 10012,
            error_message:
              "Your request exceeds the allowed time range. Public API users are limited to querying historical data within the past 365 days.",
          },
        },
      })
    );
    expect(await dataErrorOf(make().dailyCloses(["BTC"], 365))).toMatchObject({
      kind: "quota",
      message:
        "CoinGecko's free API serves the last 365 days only (error 10012, 401): ask for fewer days, or use a Pro key in the Data tab",
    });
    server.route("/api/v3/coins/categories/list", (_r, res) =>
      sendJson(res, 400, {
        status: {
          error_code: 10011,
          error_message: "If you are using Demo API key, please change your root URL",
        },
      })
    );
    expect(await dataErrorOf(make({ apiKey: "CG-x", plan: "pro" }).listCategories())).toMatchObject(
      {
        kind: "badKey",
        message:
          'CoinGecko refused the API key for this address (error 10011, 400): a Demo key needs plan "demo" and a Pro key plan "pro" in the Data tab',
      }
    );
  });

  it("maps 401 and 403 to badKey", async () => {
    for (const status of [401, 403]) {
      server.route("/api/v3/coins/markets", (_r, res) =>
        sendJson(res, status, { status: { error_code: 10002, error_message: "API Key Missing" } })
      );
      const error = await dataErrorOf(make({ apiKey: "CG-bad", plan: "demo" }).listMarkets());
      expect(error).toMatchObject({
        kind: "badKey",
        message: `CoinGecko refused the API key (${status}): check the key in the Data tab`,
      });
    }
  });

  it("waits out a 429 with Retry-After and reports quota when 429s persist", async () => {
    server.route(
      "/api/v3/coins/categories/list",
      sequence(
        (_r, res) =>
          sendJson(
            res,
            429,
            { status: { error_code: 429, error_message: "Rate limited" } },
            { "retry-after": "30" }
          ),
        (_r, res) => sendJson(res, 200, [])
      )
    );
    expect(await make().listCategories()).toEqual([]);
    server.route("/api/v3/coins/categories/list", (_r, res) => sendJson(res, 429, {}));
    expect((await dataErrorOf(make().listCategories())).kind).toBe("quota");
  });

  it("maps 500/503 to providerDown, a hang to timeout, bad JSON and bad shapes to badResponse", async () => {
    server.route("/api/v3/coins/categories/list", (_r, res) =>
      sendText(res, 503, "Service Unavailable")
    );
    expect((await dataErrorOf(make().listCategories())).message).toBe(
      "CoinGecko is not working right now (503, tried 3 times): try again later"
    );
    server.route("/api/v3/coins/categories/list", (_r, res) => sendText(res, 500, ""));
    expect((await dataErrorOf(make().listCategories())).kind).toBe("providerDown");
    server.route("/api/v3/coins/categories/list", () => undefined);
    expect((await dataErrorOf(make().listCategories())).kind).toBe("timeout");
    server.route("/api/v3/coins/categories/list", (_r, res) =>
      sendText(res, 200, '[{"category_id": "layer-1", "na')
    );
    expect((await dataErrorOf(make().listCategories())).kind).toBe("badResponse");
    server.route("/api/v3/coins/categories/list", (_r, res) =>
      sendJson(res, 200, { categories: [] })
    );
    expect(await dataErrorOf(make().listCategories())).toMatchObject({
      kind: "badResponse",
      message:
        "CoinGecko sent /coins/categories/list in an unexpected shape: the API may have changed; try again later or report it",
    });
    serveSymbols();
    server.route("/api/v3/coins/bitcoin/market_chart", (_r, res) =>
      sendJson(res, 200, { prices: "none" })
    );
    expect((await dataErrorOf(make().dailyCloses(["BTC"], 3))).kind).toBe("badResponse");
  });

  it("rejects bad arguments with CoreError INVALID_ARGUMENT and leaves its input unchanged", async () => {
    const error = await make()
      .dailyCloses([], 3)
      .catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
    serveSymbols();
    server.route("/api/v3/coins/bitcoin/market_chart", (_r, res) =>
      sendJson(res, 200, chart([1, 2], 3))
    );
    const symbols = Object.freeze(["btc"]);
    await make().dailyCloses(symbols, 2);
    expect(symbols).toEqual(["btc"]);
  });
});
