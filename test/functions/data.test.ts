import fc from "fast-check";
import { DataError } from "../../src/data/dataError";
import { createDemoProvider } from "../../src/data/demo/demoProvider";
import { buildIndex } from "../../src/data/indices/buildIndex";
import { INDEX_DEFINITIONS } from "../../src/data/indices/indexDefinitions";
import { createDataContext } from "../../src/data/runtime/createDataContext";
import { sharedDataContext } from "../../src/data/runtime/sharedDataContext";
import type { DataProvider } from "../../src/data/types";
import { history, indexConstituents, top } from "../../src/functions/data";
import { returns } from "../../src/functions/returns";
import { DEFAULT_DATA_SETTINGS } from "../../src/data/settings";
import {
  fakeClock,
  type FakeServer,
  type Route,
  sendJson,
  startFakeServer,
} from "../data/helpers/fakeServer";
import { describeWithSharedData, sharedDataDir } from "../helpers/sharedData";
import * as fs from "fs";
import * as path from "path";
import { countingProvider } from "../data/runtime/fakeProvider";

const TODAY = Date.UTC(2025, 5, 30, 15); // 2025-06-30
const none = null as unknown as string;
/** Jest's per-test limit for the tests that build adaptive indices (not a speed check). */
const ADAPTIVE_BUILD_TIMEOUT_MS = 30_000;

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

function useDemo() {
  const clock = fakeClock(TODAY);
  return sharedDataContext(createDataContext({ clock, batchDelayMs: 1 }));
}

function useFake(options: { lagDays?: number; failMarkets?: boolean } = {}) {
  const clock = fakeClock(TODAY);
  const fake = countingProvider(clock, options);
  sharedDataContext(
    createDataContext({ clock, createProvider: () => fake.provider, batchDelayMs: 1 })
  );
  return { ...fake, clock };
}

describe("HISTORY", () => {
  it("spills a Date column of Excel serials and one column of closes per symbol (hand-worked)", async () => {
    useFake();
    // 2025-06-28 is day 20,267 since 1970-01-01; Excel's serial adds 25,569 → 45,836.
    // The fake's closes are 100·charCode + days ago: BTC ("B" = 66) → 6602, 6601, 6600.
    const out = await history([["btc", "ETH"]], 3);
    expect(out).toEqual([
      ["Date", "BTC", "ETH"],
      [45836, 6602, 6902],
      [45837, 6601, 6901],
      [45838, 6600, 6900],
    ]);
  });

  it("passes straight into RETURNS (the Date column is skipped)", async () => {
    useFake();
    const out = await history([["BTC"], ["ETH"]], 3);
    const r = returns(out);
    expect(r[0]).toEqual(["BTC", "ETH"]);
    expect(r).toHaveLength(3);
    expect(r[1][0]).toBeCloseTo(6601 / 6602 - 1, 15);
  });

  it("accepts one cell of comma-separated tickers, and a single text argument", async () => {
    useFake();
    expect((await history([["BTC, eth,SOL"]], 2))[0]).toEqual(["Date", "BTC", "ETH", "SOL"]);
    expect((await history("BTC" as unknown as string[][], 2))[0]).toEqual(["Date", "BTC"]);
  });

  it('defaults to 365 days and skips blank cells (web null, desktop "")', async () => {
    useFake();
    const out = await history([["BTC", null, ""]], none as unknown as number);
    expect(out).toHaveLength(366);
    expect(out[0]).toEqual(["Date", "BTC"]);
  });

  it("makes ONE provider fetch for many cells recalculating at once", async () => {
    const fake = useFake();
    await Promise.all([
      history([["BTC"]], 30),
      history([["ETH", "BTC"]], 60),
      history([["SOL"]], 10),
      history([["ETH"]], 5),
    ]);
    expect(fake.log.closes).toEqual([{ symbols: ["BTC", "ETH", "SOL"], days: 60 }]);
  });

  it("says the as-of date in the corner when the newest close is older than today", async () => {
    useFake({ lagDays: 2 });
    const out = await history([["BTC"]], 5);
    expect(out[0]).toEqual(["Date (fake data, as of 2025-06-28)", "BTC"]);
    expect(out[out.length - 1][0]).toBe(45836);
  });

  it("equals the demo provider's closes, under a plain Date header (demo data reaches today)", async () => {
    useDemo();
    const out = await history([["BTC", "SOL"]], 30, "demo");
    const direct = await createDemoProvider({ clock: fakeClock(TODAY) }).dailyCloses(
      ["BTC", "SOL"],
      30
    );
    expect(out[0]).toEqual(["Date", "BTC", "SOL"]);
    expect(out.slice(1).map((row) => row[1])).toEqual(Array.from(direct.closes.subarray(0, 30)));
    expect(out.slice(1).map((row) => row[2])).toEqual(Array.from(direct.closes.subarray(30, 60)));
  });

  it("property: any demo tickers in any order and case come back as asked, one column each", async () => {
    useDemo();
    const universe = ["BTC", "ETH", "SOL", "SUI", "ARB", "PAXG", "DOGE", "LINK"];
    const provider = createDemoProvider({ clock: fakeClock(TODAY) });
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(universe, { minLength: 1 }),
        fc.integer({ min: 2, max: 60 }),
        fc.boolean(),
        async (symbols, days, lower) => {
          const asked = symbols.map((s) => (lower ? s.toLowerCase() : s));
          const out = await history([asked], days);
          expect(out[0]).toEqual(["Date", ...symbols]);
          const direct = await provider.dailyCloses(symbols, days);
          expect(out).toHaveLength(direct.dates.length + 1);
          symbols.forEach((_, j) =>
            expect(out.slice(1).map((row) => row[j + 1])).toEqual(
              Array.from(direct.closes.subarray(j * days, (j + 1) * days))
            )
          );
        }
      ),
      { numRuns: 20 }
    );
  });

  it("many cells offline make one failed fetch, and each spills its own cached columns", async () => {
    const fake = useFake();
    await history([["BTC", "ETH", "SOL"]], 5);
    fake.clock.advance(86_400_000);
    fake.failCloses(new DataError("network", "Could not reach Fake (tried 4 times)"));
    const [a, b] = await Promise.all([history([["SOL"]], 5), history([["ETH", "BTC"]], 5)]);
    const corner = "Date (cached, as of 2025-06-30; Fake provider failed: no connection)";
    expect(a.map((row) => row[1])).toEqual(["SOL", 8303, 8302, 8301, 8300]);
    expect(a[0][0]).toBe(corner);
    expect(b[0]).toEqual([corner, "ETH", "BTC"]);
    expect(fake.log.closes).toEqual([
      { symbols: ["BTC", "ETH", "SOL"], days: 5 },
      { symbols: ["SOL", "ETH", "BTC"], days: 2 },
    ]);
  });

  describe("bad inputs", () => {
    beforeEach(() => useFake());
    it.each([
      [[[""]], 5, "#VALUE!", "symbols is empty; give at least one ticker such as BTC"],
      [[[null]], 5, "#VALUE!", "symbols is empty; give at least one ticker such as BTC"],
      [[["BTC", 5]], 5, "#VALUE!", "symbols: cell 2 holds 5; give tickers as text such as BTC"],
      [[[true]], 5, "#VALUE!", "symbols: cell 1 holds TRUE; give tickers as text such as BTC"],
      [[["BTC", "btc"]], 5, "#VALUE!", "symbols lists BTC twice; remove the duplicate"],
      [[["BTC"]], 0, "#VALUE!", "days must be a whole number of days ≥ 1, e.g. 365; got 0"],
      [[["BTC"]], -3, "#VALUE!", "days must be a whole number of days ≥ 1, e.g. 365; got -3"],
      [[["BTC"]], 2.5, "#VALUE!", "days must be a whole number of days ≥ 1, e.g. 365; got 2.5"],
      [
        [["BTC"]],
        401,
        "#VALUE!",
        "days: Fake provider serves at most 400 days of history; got 401, so ask for 400 or fewer",
      ],
      [[["BTC", "NOPE"]], 5, "#N/A", "Fake has no token NOPE: check the ticker"],
    ])("%j, days %p → %s", async (symbols, days, code, message) => {
      const error = await errorOf(history(symbols as unknown[][], days as number));
      expect(error).toMatchObject({ code, message });
    });

    it("an unknown provider name lists the four", async () => {
      const error = await errorOf(history([["BTC"]], 5, "yahoo"));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toBe(
        'provider must be "demo", "coingecko", "tokenmetrics" or "csv"; got "yahoo"'
      );
    });

    it("a provider that is down gives #N/A with its message", async () => {
      const clock = fakeClock(TODAY);
      const down = {
        ...countingProvider(clock).provider,
        dailyCloses: () =>
          Promise.reject(
            new DataError(
              "providerDown",
              "CoinGecko failed (503) after 3 tries: try again in a few minutes"
            )
          ),
      } as DataProvider;
      sharedDataContext(createDataContext({ clock, createProvider: () => down, batchDelayMs: 1 }));
      const error = await errorOf(history([["BTC"]], 5));
      expect(error).toEqual(
        expect.objectContaining({
          code: "#N/A",
          message: "CoinGecko failed (503) after 3 tries: try again in a few minutes",
        })
      );
    });

    it("days beyond the demo history are refused, naming the limit", async () => {
      useDemo();
      const error = await errorOf(history([["BTC"]], 5000));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toBe(
        "days: Demo data (offline, simulated prices) serves at most 2008 days of history; got 5000, so ask for 2008 or fewer"
      );
    });
  });

  it("leaves the symbols range unchanged", async () => {
    useFake();
    const range = Object.freeze([Object.freeze(["btc", "eth"])]) as unknown as string[][];
    await history(range, 3);
    expect(range).toEqual([["btc", "eth"]]);
  });
});

describe("HISTORY offline: cached closes when the provider fails (CoinGecko on a local fake server)", () => {
  // 2026-11-20 12:00 UTC: the first, successful fetch; the failing ones come two days later.
  const FIRST = Date.UTC(2026, 10, 20, 12);
  const DAY = 86_400_000;
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  /** CoinGecko with keys and timeouts set for the test; one retry, so failures stay quick. */
  function useCoinGecko(
    coinGecko: { plan: "public" | "demo"; apiKey?: string } = { plan: "public" }
  ) {
    const clock = fakeClock(FIRST);
    sharedDataContext(
      createDataContext({
        clock,
        batchDelayMs: 1,
        settings: {
          ...DEFAULT_DATA_SETTINGS,
          provider: "coingecko",
          coinGecko: { ...coinGecko, baseUrl: `${server.baseUrl}/api/v3` },
          http: { timeoutMs: 100, maxRetries: 1 },
        },
      })
    );
    return clock;
  }

  /**
   * /coins/markets for the ticker → id lookup, and daily charts in CoinGecko's shape: the 00:00 UTC
   * snapshot of day D + 1 is the close of day D (BTC 40 000 + D, ETH 2 000 + D), then the intraday
   * "now" point, which is no close.
   */
  function serveCoinGecko(clock: { now(): number }) {
    server.route("/api/v3/coins/markets", (_r, res) =>
      sendJson(res, 200, [
        { id: "bitcoin", symbol: "btc", name: "Bitcoin" },
        { id: "ethereum", symbol: "eth", name: "Ethereum" },
      ])
    );
    const chart =
      (base: number): Route =>
      (request, res) => {
        const days = Number(request.query.get("days"));
        const today = Math.floor(clock.now() / DAY);
        const prices = Array.from({ length: days }, (_, i) => {
          const day = today - days + i;
          return [(day + 1) * DAY, base + (day % 1000)];
        });
        prices.push([clock.now(), base + 0.5]);
        sendJson(res, 200, { prices, market_caps: [], total_volumes: [] });
      };
    server.route("/api/v3/coins/bitcoin/market_chart", chart(40_000));
    server.route("/api/v3/coins/ethereum/market_chart", chart(2_000));
  }

  const failWith = (route: Route) => {
    server.route("/api/v3/coins/bitcoin/market_chart", route);
    server.route("/api/v3/coins/ethereum/market_chart", route);
  };

  it("spills the earlier closes on a 503, the corner saying cached, as of when, and why", async () => {
    const clock = useCoinGecko();
    serveCoinGecko(clock);
    const earlier = await history([["BTC", "ETH"]], 5);
    // CoinGecko's newest close is yesterday's (the 00:00 UTC snapshot of today).
    expect(earlier[0]).toEqual(["Date (CoinGecko, as of 2026-11-19)", "BTC", "ETH"]);
    clock.advance(2 * DAY);
    failWith((_r, res) => sendJson(res, 503, { error: "Service Unavailable" }));
    // 7 days from 2026-11-22 reach back to 2026-11-16, the first cached day.
    const out = await history([["BTC", "ETH"]], 7);
    expect(out[0]).toEqual([
      "Date (cached, as of 2026-11-19; CoinGecko failed: server error 503)",
      "BTC",
      "ETH",
    ]);
    expect(out.slice(1)).toEqual(earlier.slice(1));
    // A shorter window keeps only its own cached days (2026-11-18..19), values unchanged.
    expect((await history([["ETH"]], 5)).slice(1)).toEqual(
      earlier.slice(3).map((row) => [row[0], row[2]])
    );
  });

  it("spills the earlier closes on a timeout, and fresh closes a minute later once CoinGecko answers", async () => {
    const clock = useCoinGecko();
    serveCoinGecko(clock);
    const earlier = await history([["BTC"]], 5);
    clock.advance(2 * DAY);
    failWith(() => undefined); // never answers
    const out = await history([["BTC"]], 7);
    expect(out[0]).toEqual([
      "Date (cached, as of 2026-11-19; CoinGecko failed: no answer in time)",
      "BTC",
    ]);
    expect(out.slice(1)).toEqual(earlier.slice(1));
    serveCoinGecko(clock);
    // Within a minute of the failure the cache answers without asking CoinGecko again.
    expect((await history([["BTC"]], 7))[0][0]).toMatch(/^Date \(cached/);
    clock.advance(61_000);
    const back = await history([["BTC"]], 7);
    expect(back[0]).toEqual(["Date (CoinGecko, as of 2026-11-21)", "BTC"]);
    expect(back).toHaveLength(7); // 2026-11-16 .. 11-21
    expect(back.slice(1, 5)).toEqual(earlier.slice(1));
  });

  it("spills the earlier closes on a 429 rate limit", async () => {
    const clock = useCoinGecko();
    serveCoinGecko(clock);
    await history([["BTC"]], 5);
    clock.advance(DAY);
    failWith((_r, res) => sendJson(res, 429, {}, { "retry-after": "600" }));
    expect((await history([["BTC"]], 5))[0][0]).toBe(
      "Date (cached, as of 2026-11-19; CoinGecko failed: rate limit 429)"
    );
  });

  it("keeps #N/A for a refused key (401), even with the closes cached: a revoked key must be noticed", async () => {
    const clock = useCoinGecko({ plan: "demo", apiKey: "CG-revoked" });
    serveCoinGecko(clock);
    await history([["BTC"]], 5);
    clock.advance(DAY);
    failWith((_r, res) => sendJson(res, 401, { status: { error_code: 10002 } }));
    expect(await errorOf(history([["BTC"]], 5))).toMatchObject({
      code: "#N/A",
      message: "CoinGecko refused the API key (401): check the key in the Data tab",
    });
  });

  it("keeps #N/A when CoinGecko no longer knows a cached ticker (404)", async () => {
    const clock = useCoinGecko();
    serveCoinGecko(clock);
    await history([["BTC"]], 5);
    clock.advance(DAY);
    failWith((_r, res) => sendJson(res, 404, { error: "coin not found" }));
    expect(await errorOf(history([["BTC"]], 5))).toMatchObject({
      code: "#N/A",
      message: "CoinGecko has no price history for BTC (id bitcoin) (404)",
    });
  });

  it("keeps #N/A with the failure when one symbol is not cached", async () => {
    const clock = useCoinGecko();
    serveCoinGecko(clock);
    await history([["BTC"]], 5);
    clock.advance(DAY);
    failWith((_r, res) => sendJson(res, 503, {}));
    expect(await errorOf(history([["BTC", "ETH"]], 5))).toMatchObject({
      code: "#N/A",
      message: "CoinGecko is not working right now (503, tried 2 times): try again later",
    });
  });
});

describe("TOP", () => {
  it("lists rank, symbol, name, sector, price and market cap of the largest demo tokens", async () => {
    useDemo();
    const out = await top(5);
    expect(out[0]).toEqual(["Rank", "Symbol", "Name", "Sector", "Price", "Market cap"]);
    expect(out).toHaveLength(6);
    const direct = await createDemoProvider({ clock: fakeClock(TODAY) }).listMarkets({ limit: 5 });
    expect(out.slice(1)).toEqual(
      direct.map((a) => [a.rank, a.symbol, a.name, a.sector, a.price, a.marketCap])
    );
  });

  it("filters by sector, case-insensitively", async () => {
    useDemo();
    const out = await top(10, "layer 2");
    expect(out.slice(1).map((row) => row[3])).toEqual(["Layer 2", "Layer 2", "Layer 2"]);
  });

  it("a missing price is #N/A in that cell only", async () => {
    useFake();
    const out = await top(3);
    expect(out[3][1]).toBe("SOL");
    expect(out[3][4]).toMatchObject({
      code: "#N/A",
      message: "the provider gives no price for SOL",
    });
    expect(out[3][5]).toBe(200);
  });

  it("matches a sector name to the provider's category id (CoinGecko filters by id)", async () => {
    const fake = useFake();
    await top(2, "defi");
    await top(2, "Memes");
    expect(fake.log.categories).toEqual(["decentralized-finance-defi", "Memes"]);
  });

  it("reuses the market list across cells", async () => {
    const fake = useFake();
    await Promise.all([top(2), top(2)]);
    expect(fake.log.markets).toBe(1);
  });

  it.each([
    [0, "n must be a whole number from 1 to 250; got 0"],
    [251, "n must be a whole number from 1 to 250; got 251"],
    [2.5, "n must be a whole number from 1 to 250; got 2.5"],
    ["ten", 'n must be a whole number from 1 to 250; got text "ten"'],
    [null, "n is missing; give how many tokens, e.g. 10"],
  ])("n = %p → #VALUE!", async (n, message) => {
    useDemo();
    expect(await errorOf(top(n as number))).toMatchObject({ code: "#VALUE!", message });
  });

  it("an unknown category is #N/A naming the choices; a non-text category is #VALUE!", async () => {
    useDemo();
    const unknown = await errorOf(top(5, "Casinos"));
    expect(unknown.code).toBe("#N/A");
    expect(unknown.message).toMatch(
      /^Demo data has no category "Casinos": choose one of Store of value, Layer 1/
    );
    const number = await errorOf(top(5, 3 as unknown as string));
    expect(number).toMatchObject({
      code: "#VALUE!",
      message: 'category must be a sector name such as "DeFi", or omitted for all; got 3',
    });
  });

  it("a provider that is down gives #N/A", async () => {
    useFake({ failMarkets: true });
    expect(await errorOf(top(3))).toMatchObject({
      code: "#N/A",
      message: "Fake is down (503): try again later",
    });
  });
});

describe("INDEX", () => {
  it("spills the constituents of a built-in index, the same as buildIndex on the same provider", async () => {
    useDemo();
    const out = await indexConstituents("top10-capped25");
    expect(out[0]).toEqual(["Symbol", "Name", "Sector", "Tier", "Market cap", "Weight"]);
    const built = await buildIndex(
      INDEX_DEFINITIONS[0],
      createDemoProvider({ clock: fakeClock(TODAY) }),
      {
        clock: fakeClock(TODAY),
      }
    );
    expect(out.slice(1)).toEqual(
      built.constituents.map((c) => [c.symbol, c.name, c.sector, c.tier, c.marketCap, c.weight])
    );
    const weights = out.slice(1).map((row) => row[5] as number);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    weights.forEach((w) => expect(w).toBeLessThanOrEqual(0.25 + 1e-12));
  });

  it('"weights" gives symbol and weight only; names are case-insensitive', async () => {
    useDemo();
    const out = await indexConstituents("TOP20-ERC", "Weights");
    expect(out[0]).toEqual(["Symbol", "Weight"]);
    expect(out).toHaveLength(21);
    expect(out.slice(1).reduce((a, row) => a + (row[1] as number), 0)).toBeCloseTo(1, 12);
    // Deterministic on demo data.
    expect(await indexConstituents("top20-erc", "weights")).toEqual(out);
  });

  it.each(INDEX_DEFINITIONS.filter((d) => d.adaptive !== undefined).map((d) => [d.id, d] as const))(
    "adaptive %s (typed in upper case): the same weights as buildIndex, the CASH row saying cash sleeve",
    async (id, definition) => {
      useDemo();
      const out = await indexConstituents(id.toUpperCase());
      const built = await buildIndex(definition, createDemoProvider({ clock: fakeClock(TODAY) }), {
        clock: fakeClock(TODAY),
      });
      expect(out.slice(1)).toEqual(
        built.constituents.map((c) => [
          c.symbol,
          c.name,
          c.sector,
          c.tier,
          c.cash === true ? "cash sleeve" : c.marketCap,
          c.weight,
        ])
      );
      out.slice(1).forEach((row) => row.forEach((cell) => expect(cell).not.toBeInstanceOf(Error)));
      const weights = out.slice(1).map((row) => row[5] as number);
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const cashRow = out.find((row) => row[0] === "CASH");
      if (built.constituents.some((c) => c.cash === true)) {
        expect(cashRow).toEqual([
          "CASH",
          "Cash sleeve (stablecoin)",
          "Cash",
          "cash",
          "cash sleeve",
          built.adaptive!.cash,
        ]);
        expect(out[out.length - 1]).toBe(cashRow);
      } else expect(cashRow).toBeUndefined();
      expect(await indexConstituents(id, "weights")).toEqual(
        out.map((row, i) => (i === 0 ? ["Symbol", "Weight"] : [row[0], row[5]]))
      );
    },
    // Three builds of a 20-token risk-parity window: room for a loaded 2-core machine.
    ADAPTIVE_BUILD_TIMEOUT_MS
  );

  it("an adaptive index whose 200-day average is longer than the demo history is #VALUE! naming the rule and the fix", async () => {
    // On 2020-03-01 the demo history holds 61 days (it starts on 2020-01-01).
    sharedDataContext(
      createDataContext({ clock: fakeClock(Date.UTC(2020, 2, 1, 15)), batchDelayMs: 1 })
    );
    const error = await errorOf(indexConstituents("top20-erc-trend200"));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(
      /^index "top20-erc-trend200" \(rule "trend 200"\) needs 366 days of prices up to 2020-03-01 \(365 daily returns\), but the closes hold 61; choose a later as-of date, a provider with more history, or an index with a shorter window$/
    );
  });

  it("an unknown name lists the built-in indices in order, as many as Excel's 250 characters hold", async () => {
    useDemo();
    const error = await errorOf(indexConstituents("top5"));
    expect(error.code).toBe("#VALUE!");
    const match = /^name: no index "top5"; use one of (.*), … \(all in the INDEX help\)$/.exec(
      error.message
    );
    expect(match).not.toBeNull();
    const listed = match![1].split(", ");
    expect(listed).toEqual(INDEX_DEFINITIONS.slice(0, listed.length).map((d) => d.id));
    expect(listed.length).toBeGreaterThanOrEqual(12);
    expect(error.message.length).toBeLessThanOrEqual(250);
  });

  it.each([
    [null, 'name must be an index id such as "top10-capped25"; got nothing'],
    [7, 'name must be an index id such as "top10-capped25"; got 7'],
  ])("name %p → #VALUE!", async (name, message) => {
    useDemo();
    expect(await errorOf(indexConstituents(name as unknown as string))).toMatchObject({
      code: "#VALUE!",
      message,
    });
  });

  it("an unknown output lists the two", async () => {
    useDemo();
    expect(await errorOf(indexConstituents("top10-equal", "chart"))).toMatchObject({
      code: "#VALUE!",
      message: 'output must be "constituents" or "weights"; got "chart"',
    });
  });

  it("a Token Metrics index id is looked up when the provider publishes indices", async () => {
    const clock = fakeClock(TODAY);
    const base = countingProvider(clock).provider;
    const tm = {
      ...base,
      displayName: "Token Metrics",
      capabilities: { ...base.capabilities, indices: true },
      listIndices: async () => [{ id: "7", name: "TM Large Caps", ticker: "TMLC" }],
      indexHoldings: async (id: string) =>
        id === "7"
          ? [
              { symbol: "BTC", name: "Bitcoin", weight: 0.6, marketCap: 1000 },
              { symbol: "ETH", name: "Ethereum", weight: 0.4 },
            ]
          : [],
    } as DataProvider;
    sharedDataContext(createDataContext({ clock, createProvider: () => tm }));
    const out = await indexConstituents("tmlc");
    expect(out[1]).toEqual(["BTC", "Bitcoin", "", "", 1000, 0.6]);
    expect(out[2][4]).toMatchObject({ code: "#N/A" });
    const error = await errorOf(indexConstituents("nope"));
    expect(error.message).toMatch(
      /^name: no index "nope"; use a Token Metrics index id \(7\) or one of top10-capped25/
    );
  });

  it("many INDEX cells share one market list and one closes fetch", async () => {
    const fake = useFake();
    const [a, b] = await Promise.all([
      indexConstituents("top20-invvol"),
      indexConstituents("top20-erc", "weights"),
    ]);
    expect(a).toHaveLength(4); // the fake lists three tokens
    expect(b).toHaveLength(4);
    expect(fake.log.markets).toBe(1);
    expect(fake.log.closes).toEqual([{ symbols: ["BTC", "ETH", "SOL"], days: 365 }]);
  });

  it("a provider that is down gives #N/A", async () => {
    useFake({ failMarkets: true });
    expect(await errorOf(indexConstituents("top10-equal"))).toMatchObject({
      code: "#N/A",
      message: "Fake is down (503): try again later",
    });
  });
});

describeWithSharedData(
  "HISTORY on real closes (the shared Binance CSV through the CSV provider)",
  () => {
    const text = fs.readFileSync(path.join(sharedDataDir, "crypto-daily-close.csv"), "utf8");
    const settings = {
      ...DEFAULT_DATA_SETTINGS,
      provider: "csv" as const,
      csv: { text, sourceName: "Binance CSV" },
    };

    it("serves the file's closes, and says 'as of' its last date when today is later", async () => {
      // The file ends on 2026-01-05; on 2026-01-08 the newest close is three days old.
      const clock = fakeClock(Date.UTC(2026, 0, 8, 12));
      sharedDataContext(createDataContext({ clock, settings, batchDelayMs: 1 }));
      const out = await history([["BTC", "PAXG"]], 10);
      expect(out[0]).toEqual(["Date (Binance CSV, as of 2026-01-05)", "BTC", "PAXG"]);
      const lines = text.trim().split(/\r?\n/);
      const header = lines[0].split(",");
      const last = lines[lines.length - 1].split(",");
      expect(last[0]).toBe("2026-01-05");
      const bottom = out[out.length - 1];
      expect(bottom[0]).toBe(Date.UTC(2026, 0, 5) / 86_400_000 + 25569);
      expect(bottom[1]).toBe(Number(last[header.indexOf("BTC")]));
      expect(bottom[2]).toBe(Number(last[header.indexOf("PAXG")]));
    });

    it("a token the file does not have is #N/A naming it", async () => {
      const clock = fakeClock(Date.UTC(2026, 0, 5, 12));
      sharedDataContext(createDataContext({ clock, settings, batchDelayMs: 1 }));
      const error = await errorOf(history([["BTC", "SUI"]], 10));
      expect(error.code).toBe("#N/A");
      expect(error.message).toMatch(/SUI/);
    });
  }
);
