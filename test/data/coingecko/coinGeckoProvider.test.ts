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
import { errorBody, marketChart, marketRow } from "./coinGeckoFakes";

const NOW = Date.UTC(2026, 0, 10, 12); // 2026-01-10 12:00 UTC
const MIDNIGHT = Date.UTC(2026, 0, 10);

/** /coins/{id}/market_chart?interval=daily: 00:00 UTC points ending today, then the 12:00 "now" point. */
function chart(values: (number | null)[], nowValue: number) {
  return marketChart(values, MIDNIGHT, NOW, nowValue);
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

  it("sends a Demo key as x_cg_demo_api_key and a paid key as x_cg_pro_api_key in the query, never in a header", async () => {
    serveSymbols();
    await make({ apiKey: "CG-demo-secret", plan: "demo" }).listMarkets({ limit: 1 });
    await make({ apiKey: "CG-pro-secret", plan: "analyst" }).listMarkets({ limit: 1 });
    await make().listMarkets({ limit: 1 });
    await make({ apiKey: "CG-ignored", plan: "public" }).listMarkets({ limit: 1 });
    // queryAuth of demo-api.json / pro-api.json: a header would force a CORS preflight (see the provider).
    expect(server.seen[0].query.get("x_cg_demo_api_key")).toBe("CG-demo-secret");
    expect(server.seen[1].query.get("x_cg_pro_api_key")).toBe("CG-pro-secret");
    expect(server.seen[2].query.has("x_cg_demo_api_key")).toBe(false);
    expect(server.seen[3].query.toString()).not.toContain("CG-ignored");
    for (const seen of server.seen) {
      expect(seen.headers["x-cg-demo-api-key"]).toBeUndefined();
      expect(seen.headers["x-cg-pro-api-key"]).toBeUndefined();
    }
  });

  it("never puts the key in an error message", async () => {
    server.route("/api/v3/coins/markets", (_r, res) =>
      sendJson(res, 401, errorBody(10002, "Invalid key"))
    );
    const error = await dataErrorOf(make({ apiKey: "CG-demo-secret", plan: "demo" }).listMarkets());
    expect(error.message).not.toContain("CG-demo-secret");
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

  it("dates the 00:00 UTC point as the previous day's close and drops the intraday point", async () => {
    serveSymbols();
    server.route("/api/v3/coins/bitcoin/market_chart", (_r, res) =>
      sendJson(res, 200, chart([40000, 41000, 42000, 43000], 43500))
    );
    server.route("/api/v3/coins/ethereum/market_chart", (_r, res) =>
      sendJson(res, 200, chart([2000, 2100, null, 2300], 2350))
    );
    const out = await make().dailyCloses(["btc", "ETH"], 3);
    // Snapshots at 01-07 … 01-10 00:00 are the closes of 01-06 … 01-09; the window is 01-08 … 01-10,
    // today (01-10) has no close yet, the 12:00 point (43 500) is no close, and ETH lacks the 01-09
    // snapshot (the 01-08 close).
    expect(out.dates).toEqual(["2026-01-08", "2026-01-09"]);
    expect(Array.from(out.closes)).toEqual([42000, 43000, NaN, 2300]);
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
  });

  it("resolves a shared ticker to the best-ranked coin, asking for all tokens, and says so", async () => {
    serveSymbols();
    server.route("/api/v3/coins/ethereum/market_chart", (_r, res) =>
      sendJson(res, 200, chart([1, 2, 3], 4))
    );
    const provider = make();
    expect(provider.describeSymbols(["ETH"])).toEqual([]); // nothing resolved yet
    await provider.dailyCloses(["ETH"], 3);
    const lookup = server.seen.find((s) => s.path.endsWith("/coins/markets"))!.query;
    expect(lookup.get("symbols")).toBe("eth");
    // include_tokens=top (the default) returns only "top-ranked tokens" (coins-markets): ask for all.
    expect(lookup.get("include_tokens")).toBe("all");
    expect(provider.describeSymbols(["eth"])).toEqual([
      "ETH = ethereum (Ethereum, rank 2; 2 coins have this ticker, the best ranked is used; give id:<coin id> for another)",
    ]);
  });

  it("picks by market-cap rank, not by the order of the answer; unranked coins come last", async () => {
    server.route("/api/v3/coins/markets", (_r, res) =>
      sendJson(res, 200, [
        marketRow("uni-unranked", "uni", null, null, 1),
        marketRow("unicorn-token", "uni", 2e6, 2900, 0.01),
        marketRow("uniswap", "uni", 6e9, 30, 10, "Uniswap"),
      ])
    );
    server.route("/api/v3/coins/uniswap/market_chart", (_r, res) =>
      sendJson(res, 200, chart([1, 2, 3], 4))
    );
    const provider = make();
    await provider.dailyCloses(["UNI"], 3);
    expect(server.seen.map((s) => s.path)).toContain("/api/v3/coins/uniswap/market_chart");
    expect(provider.describeSymbols(["UNI"])[0]).toContain(
      "UNI = uniswap (Uniswap, rank 30; 3 coins"
    );
  });

  it("keeps the coin a market list showed for a ticker, so a basket member is not swapped for a bigger coin", async () => {
    // A category list whose "UNI" is a small coin; CoinGecko's ticker lookup would give Uniswap.
    server.route("/api/v3/coins/markets", (req, res) =>
      sendJson(
        res,
        200,
        req.query.has("category")
          ? [marketRow("unicorn-token", "uni", 2e6, 2900, 0.01, "Unicorn")]
          : [marketRow("uniswap", "uni", 6e9, 30, 10, "Uniswap")]
      )
    );
    server.route("/api/v3/coins/unicorn-token/market_chart", (_r, res) =>
      sendJson(res, 200, chart([1, 2, 3], 4))
    );
    const provider = make();
    await provider.listMarkets({ limit: 5, category: "meme-token" });
    server.seen.length = 0;
    await provider.dailyCloses(["UNI"], 3);
    expect(server.seen.map((s) => s.path)).toEqual(["/api/v3/coins/unicorn-token/market_chart"]);
  });

  it('accepts a coin id as "id:<coin id>", and a bare coin id when no coin has it as a ticker', async () => {
    server.route("/api/v3/coins/markets", (req, res) => {
      const ids = req.query.get("ids")?.split(",") ?? [];
      const all = [
        marketRow("uniswap", "uni", 6e9, 30, 10, "Uniswap"),
        marketRow("wrapped-bitcoin", "wbtc", 1e10, 15, 77600, "Wrapped Bitcoin"),
      ];
      sendJson(res, 200, req.query.has("ids") ? all.filter((r) => ids.includes(r.id)) : []);
    });
    for (const id of ["uniswap", "wrapped-bitcoin"])
      server.route(`/api/v3/coins/${id}/market_chart`, (_r, res) =>
        sendJson(res, 200, chart([1, 2, 3], 4))
      );
    const provider = make();
    const out = await provider.dailyCloses(["id:uniswap", "Wrapped-Bitcoin"], 3);
    expect(out.symbols).toEqual(["ID:UNISWAP", "WRAPPED-BITCOIN"]);
    expect(Array.from(out.closes)).toEqual([2, 3, 2, 3]);
    // One ticker lookup (for the bare word), then one id lookup for both.
    const lookups = server.seen
      .filter((s) => s.path.endsWith("/coins/markets"))
      .map((s) => s.query);
    expect(lookups.map((q) => q.get("symbols"))).toEqual(["wrapped-bitcoin", null]);
    expect(lookups[1].get("ids")).toBe("uniswap,wrapped-bitcoin");
    expect(provider.describeSymbols(["ID:UNISWAP", "WRAPPED-BITCOIN"])).toEqual([
      "ID:UNISWAP = uniswap (Uniswap, rank 30)",
      "WRAPPED-BITCOIN = wrapped-bitcoin (Wrapped Bitcoin, rank 15)",
    ]);
  });

  it("names an unknown coin id with notFound", async () => {
    server.route("/api/v3/coins/markets", (_r, res) => sendJson(res, 200, []));
    expect(await dataErrorOf(make().dailyCloses(["id:no-such-coin"], 3))).toMatchObject({
      kind: "notFound",
      message: "CoinGecko has no price history for ID:NO-SUCH-COIN (id no-such-coin) (404)",
    });
  });

  it("refuses more days than the plan serves before any call, naming the plan's limit", async () => {
    const error = await dataErrorOf(make().dailyCloses(["BTC"], 400));
    expect(error.kind).toBe("quota");
    expect(error.message).toBe(
      "CoinGecko's keyless public API serves the last 365 days of daily history (you asked for 400): ask for 365 days or fewer, or choose a plan with more history in the Data tab"
    );
    expect(
      (await dataErrorOf(make({ plan: "basic", apiKey: "k" }).dailyCloses(["BTC"], 800))).message
    ).toBe(
      "CoinGecko's Basic plan serves the last 2 years (730 days) of daily history (you asked for 800): ask for 730 days or fewer, or choose a plan with more history in the Data tab"
    );
    expect(server.seen).toHaveLength(0);
    expect(make({ plan: "demo", apiKey: "k" }).capabilities.maxHistoryDays).toBe(365);
    expect(make({ plan: "basic", apiKey: "k" }).capabilities.maxHistoryDays).toBe(730);
    expect(make({ plan: "analyst", apiKey: "k" }).capabilities.maxHistoryDays).toBe(Infinity);
    expect(make({ plan: "pro", apiKey: "k" }).capabilities.maxHistoryDays).toBe(Infinity);
  });

  it("rejects a ticker CoinGecko does not list with notFound", async () => {
    serveSymbols();
    const error = await dataErrorOf(make().dailyCloses(["BTC", "ZZZ"], 5));
    expect(error.kind).toBe("notFound");
    expect(error.message).toBe(
      'CoinGecko has no coin with the ticker ZZZ: check the spelling, or give the coin id as "id:<coin id>" (the API ID on the coin\'s coingecko.com page)'
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

  it("reads CoinGecko's error codes: 10012 (history window) as quota naming the plan, 10010/10011 (wrong root) as badKey", async () => {
    serveSymbols();
    server.route("/api/v3/coins/bitcoin/market_chart", (_r, res) =>
      sendJson(
        res,
        401,
        errorBody(
          10012,
          "Your request exceeds the allowed time range. Public API users are limited to querying historical data within the past 365 days."
        )
      )
    );
    expect(await dataErrorOf(make().dailyCloses(["BTC"], 365))).toMatchObject({
      kind: "quota",
      message:
        "CoinGecko's keyless public API serves the last 365 days of daily history (error 10012, 401): ask for 365 days or fewer, or choose a plan with more history in the Data tab",
    });
    expect(
      (await dataErrorOf(make({ plan: "basic", apiKey: "k" }).dailyCloses(["BTC"], 700))).message
    ).toBe(
      "CoinGecko's Basic plan serves the last 2 years (730 days) of daily history (error 10012, 401): ask for 730 days or fewer, or choose a plan with more history in the Data tab"
    );
    server.route("/api/v3/coins/categories/list", (_r, res) =>
      sendJson(res, 400, {
        status: {
          error_code: 10011,
          error_message: "If you are using Demo API key, please change your root URL",
        },
      })
    );
    expect(
      await dataErrorOf(make({ apiKey: "CG-x", plan: "analyst" }).listCategories())
    ).toMatchObject({
      kind: "badKey",
      message:
        'CoinGecko refused the API key for this address (error 10011, 400): a Demo key needs plan "demo" and a paid key its paid plan in the Data tab',
    });
  });

  it("spaces keyless calls: a burst of 3, then 10 a minute (6 s apart)", async () => {
    server.route("/api/v3/coins/categories/list", (_r, res) => sendJson(res, 200, []));
    const clock = fakeClock(NOW);
    const provider = createCoinGeckoProvider({
      http: createHttpClient({ clock, random: () => 0.5 }),
      clock,
      baseUrl: `${server.baseUrl}/api/v3`,
    });
    for (let i = 0; i < 5; i++) await provider.listCategories();
    expect(clock.sleeps).toEqual([6000, 6000]);
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
