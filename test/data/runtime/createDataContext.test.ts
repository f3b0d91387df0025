import { createMemoryStore } from "../../../src/data/cache/createMemoryStore";
import { createDemoProvider } from "../../../src/data/demo/demoProvider";
import { buildIndex } from "../../../src/data/indices/buildIndex";
import { INDEX_DEFINITIONS } from "../../../src/data/indices/indexDefinitions";
import { DataError } from "../../../src/data/dataError";
import { createDataContext } from "../../../src/data/runtime/createDataContext";
import { DEFAULT_DATA_SETTINGS, type DataSettings } from "../../../src/data/settings";
import type { DataProvider } from "../../../src/data/types";
import { fakeClock } from "../helpers/fakeServer";
import { countingProvider } from "./fakeProvider";

const TODAY = Date.UTC(2025, 5, 30, 15); // 2025-06-30

describe("createDataContext", () => {
  it("starts on the demo provider with the default settings", async () => {
    const context = createDataContext({ clock: fakeClock(TODAY) });
    expect(context.settings).toBe(DEFAULT_DATA_SETTINGS);
    expect(context.provider().id).toBe("demo");
    const closes = await context.dailyCloses(["BTC"], 3);
    expect(closes.source).toBe("demo data");
    expect(closes.dates).toEqual(["2025-06-28", "2025-06-29", "2025-06-30"]);
  });

  it("turns many HISTORY cells recalculating at once into ONE provider fetch, then serves them from the cache", async () => {
    const clock = fakeClock(TODAY);
    const { provider, log } = countingProvider(clock);
    const context = createDataContext({ clock, createProvider: () => provider, batchDelayMs: 2 });
    const cells = [["BTC"], ["ETH", "BTC"], ["SOL"], ["eth"], ["BTC", "SOL", "ETH"]];
    const answers = await Promise.all(
      cells.map((symbols, i) => context.dailyCloses(symbols, 10 + i))
    );
    expect(log.closes).toEqual([{ symbols: ["BTC", "ETH", "SOL"], days: 14 }]);
    expect(answers[0].dates).toHaveLength(10);
    expect(answers[0].closes[9]).toBe(6600); // BTC today
    expect(answers[4].symbols).toEqual(["BTC", "SOL", "ETH"]);
    // The same cells again (a second recalculation): the cache has everything.
    await Promise.all(cells.map((symbols, i) => context.dailyCloses(symbols, 10 + i)));
    expect(log.closes).toHaveLength(1);
  });

  describe("dailyClosesOrCached", () => {
    const setUp = () => {
      const clock = fakeClock(TODAY);
      const fake = countingProvider(clock);
      const context = createDataContext({
        clock,
        createProvider: () => fake.provider,
        batchDelayMs: 1,
      });
      return { clock, fake, context };
    };

    it("answers fresh closes without a failure while the provider works", async () => {
      const { context } = setUp();
      const answer = await context.dailyClosesOrCached(["BTC"], 3);
      expect(answer.failure).toBeUndefined();
      expect(Array.from(answer.closes.closes)).toEqual([6602, 6601, 6600]);
    });

    it.each([
      new DataError("providerDown", "Fake is down (503): try again later", 503),
      new DataError("timeout", "Fake did not answer within 20 s (tried 4 times): try again later"),
      new DataError("network", "Could not reach Fake (tried 4 times): check the connection"),
      new DataError("quota", "Fake rate limit reached (429): wait 30 s and try again", 429),
      new DataError("badResponse", "Fake sent a response that is not valid JSON (200)", 200),
    ])("falls back to the cached closes, with the failure, on %s", async (failure) => {
      const { clock, fake, context } = setUp();
      const earlier = await context.dailyCloses(["BTC", "ETH"], 5);
      clock.advance(2 * 86_400_000);
      fake.failCloses(failure);
      const answer = await context.dailyClosesOrCached(["eth", "BTC"], 5);
      expect(answer.failure).toBe(failure);
      // Window 06-28..07-02; the cache ends 06-30: the last three days of the earlier answer.
      expect(answer.closes.symbols).toEqual(["ETH", "BTC"]);
      expect(answer.closes.dates).toEqual(earlier.dates.slice(2));
      expect(Array.from(answer.closes.closes)).toEqual([6902, 6901, 6900, 6602, 6601, 6600]);
      expect(fake.log.closes).toHaveLength(2); // the earlier fetch and the failed tail
    });

    it.each([
      new DataError("badKey", "Fake refused the API key (401): check the key in the Data tab", 401),
      new DataError("notFound", "Fake has no such data (404): check the symbol or id", 404),
      new DataError("quota", "Fake serves the last 365 days only (error 10012, 401)", 401),
      new DataError("badResponse", "Fake rejected the request (400): check the settings", 400),
    ])("keeps the error, cache or not, on %s (the user's to fix)", async (failure) => {
      const { clock, fake, context } = setUp();
      await context.dailyCloses(["BTC"], 5);
      clock.advance(86_400_000);
      fake.failCloses(failure);
      await expect(context.dailyClosesOrCached(["BTC"], 5)).rejects.toBe(failure);
    });

    it("keeps the error when one symbol is not cached", async () => {
      const { clock, fake, context } = setUp();
      await context.dailyCloses(["BTC"], 5);
      clock.advance(86_400_000);
      const down = new DataError("providerDown", "Fake is down (503): try again later", 503);
      fake.failCloses(down);
      await expect(context.dailyClosesOrCached(["BTC", "SOL"], 5)).rejects.toBe(down);
    });

    it("answers from the cache for a minute after a transient failure, without asking the provider", async () => {
      const { clock, fake, context } = setUp();
      await context.dailyCloses(["BTC", "ETH"], 5);
      clock.advance(86_400_000);
      const down = new DataError("network", "Could not reach Fake (tried 4 times)", undefined);
      fake.failCloses(down);
      await context.dailyClosesOrCached(["BTC"], 5);
      const fetches = fake.log.closes.length;
      // Offline recalculations within the minute: cached closes, the same failure, no new fetch.
      clock.advance(30_000);
      const again = await context.dailyClosesOrCached(["ETH", "BTC"], 5);
      expect(again.failure).toBe(down);
      expect(again.closes.symbols).toEqual(["ETH", "BTC"]);
      expect(fake.log.closes).toHaveLength(fetches);
      // A symbol the cache lacks still asks the provider (and still fails).
      await expect(context.dailyClosesOrCached(["SOL"], 5)).rejects.toBe(down);
      expect(fake.log.closes).toHaveLength(fetches + 1);
      // After the minute the provider is asked again; once it answers, fresh closes and no failure.
      clock.advance(60_000);
      fake.failCloses(undefined);
      const fresh = await context.dailyClosesOrCached(["BTC"], 5);
      expect(fresh.failure).toBeUndefined();
      expect(fresh.closes.dates.at(-1)).toBe("2025-07-01");
      expect(fake.log.closes.length).toBeGreaterThan(fetches + 1);
    });

    it("does not call today's cached closes stale when a batch fails for another symbol", async () => {
      const { fake, context } = setUp();
      await context.dailyCloses(["BTC"], 3);
      const down = new DataError("providerDown", "Fake is down (503): try again later", 503);
      fake.failCloses(down);
      // One batch: BTC is cached up to today, SOL needs the provider, which fails.
      const [btc, sol] = await Promise.allSettled([
        context.dailyClosesOrCached(["BTC"], 3),
        context.dailyClosesOrCached(["SOL"], 3),
      ]);
      if (btc.status !== "fulfilled") throw new Error("BTC should come from the cache");
      expect(btc.value.failure).toBeUndefined();
      expect(btc.value.closes.dates.at(-1)).toBe("2025-06-30");
      expect(sol).toMatchObject({ status: "rejected", reason: down });
    });

    it("asks the provider again at once when the settings change", async () => {
      const { clock, fake, context } = setUp();
      await context.dailyCloses(["BTC"], 5);
      clock.advance(86_400_000);
      fake.failCloses(new DataError("timeout", "Fake did not answer within 20 s"));
      await context.dailyClosesOrCached(["BTC"], 5);
      fake.failCloses(undefined);
      context.setSettings({ ...context.settings, http: { timeoutMs: 30_000 } });
      const answer = await context.dailyClosesOrCached(["BTC"], 5);
      expect(answer.failure).toBeUndefined();
    });

    it("keeps the error when the cache is older than the window", async () => {
      const { clock, fake, context } = setUp();
      await context.dailyCloses(["BTC"], 5);
      clock.advance(10 * 86_400_000);
      const down = new DataError("network", "Could not reach Fake", undefined);
      fake.failCloses(down);
      await expect(context.dailyClosesOrCached(["BTC"], 5)).rejects.toBe(down);
    });
  });

  it("rebuilds providers from new settings; another provider by id keeps the keys and URLs", () => {
    const built: DataSettings[] = [];
    const factory = (settings: DataSettings): DataProvider => {
      built.push(settings);
      return { id: settings.provider } as DataProvider;
    };
    const context = createDataContext({ createProvider: factory });
    expect(context.provider().id).toBe("demo");
    expect(context.provider().id).toBe("demo");
    expect(built).toHaveLength(1); // built once, on first use
    const next: DataSettings = {
      ...DEFAULT_DATA_SETTINGS,
      provider: "coingecko",
      coinGecko: { plan: "demo", apiKey: "CG-SECRET", baseUrl: "https://proxy.example/cg" },
    };
    context.setSettings(next);
    expect(context.settings).toBe(next);
    expect(context.provider().id).toBe("coingecko");
    expect(built[1]).toBe(next);
    expect(context.provider("demo").id).toBe("demo");
    expect(built[2]).toEqual({ ...next, provider: "demo" });
  });

  it("reuses a market list for a few minutes, and forgets a failed one", async () => {
    const clock = fakeClock(TODAY);
    const { provider, log } = countingProvider(clock);
    const context = createDataContext({
      clock,
      createProvider: () => provider,
      marketsTtlMs: 60_000,
    });
    await Promise.all([context.markets({ limit: 2 }), context.markets({ limit: 2 })]);
    expect(log.markets).toBe(1);
    await context.markets({ limit: 3 });
    expect(log.markets).toBe(2);
    clock.advance(60_000);
    await context.markets({ limit: 2 });
    expect(log.markets).toBe(3);

    const failing = countingProvider(clock, { failMarkets: true });
    const broken = createDataContext({ clock, createProvider: () => failing.provider });
    await expect(broken.markets()).rejects.toThrow("Fake is down (503)");
    await expect(broken.markets()).rejects.toThrow("Fake is down (503)");
    expect(failing.log.markets).toBe(2);
  });

  it("reuses the category list too", async () => {
    const clock = fakeClock(TODAY);
    const { provider } = countingProvider(clock);
    let calls = 0;
    const counted = {
      ...provider,
      listCategories: () => ((calls += 1), provider.listCategories()),
    };
    const context = createDataContext({ clock, createProvider: () => counted });
    const [a] = await Promise.all([context.categories(), context.categories()]);
    expect(a).toEqual([{ id: "decentralized-finance-defi", name: "DeFi" }]);
    expect(calls).toBe(1);
  });

  it("builds an index exactly as buildIndex does on its provider (the pane and INDEX share it)", async () => {
    const clock = fakeClock(TODAY);
    const context = createDataContext({ clock, batchDelayMs: 1 });
    const def = INDEX_DEFINITIONS.find((d) => d.id === "top20-hrp")!;
    const viaContext = await context.buildIndex(def);
    const direct = await buildIndex(def, createDemoProvider({ clock }), { clock });
    expect(viaContext).toEqual(direct);
    // A second build reads the cache and the remembered market list.
    const { buildIndex: fromPane } = context;
    expect(await fromPane(def, { historyDays: 90 })).toEqual(
      await buildIndex(def, createDemoProvider({ clock }), { clock, historyDays: 90 })
    );
  });

  it("drops the cached CSV series when the CSV text changes (same symbols, other numbers)", async () => {
    const store = createMemoryStore();
    const clock = fakeClock(TODAY);
    const csv = (text: string): DataSettings => ({
      ...DEFAULT_DATA_SETTINGS,
      provider: "csv",
      csv: { text },
    });
    const context = createDataContext({
      clock,
      store,
      settings: csv("date,BTC\n2025-06-29,1\n2025-06-30,2\n"),
    });
    const first = await context.dailyCloses(["BTC"], 2);
    expect(Array.from(first.closes)).toEqual([1, 2]);
    context.setSettings(csv("date,BTC\n2025-06-29,10\n2025-06-30,20\n"));
    const second = await context.dailyCloses(["BTC"], 2);
    expect(Array.from(second.closes)).toEqual([10, 20]);
  });

  it("never writes an API key to the console", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((name) =>
      jest.spyOn(console, name).mockImplementation(() => undefined)
    );
    try {
      const context = createDataContext({ clock: fakeClock(TODAY) });
      context.setSettings({
        ...DEFAULT_DATA_SETTINGS,
        tokenMetrics: { apiKey: "TM-SECRET-123" },
        coinGecko: { plan: "pro", apiKey: "CG-SECRET-456" },
      });
      await context.dailyCloses(["BTC"], 2);
      const written = spies.flatMap((spy) => spy.mock.calls.flat().map(String)).join(" ");
      expect(written).not.toMatch(/SECRET/);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  });

  it("leaves the settings object it is given unchanged", () => {
    const settings = Object.freeze({
      ...DEFAULT_DATA_SETTINGS,
      coinGecko: Object.freeze({ plan: "public" as const }),
    });
    const context = createDataContext({ settings });
    context.setSettings(Object.freeze({ ...settings, provider: "coingecko" as const }));
    expect(settings.provider).toBe("demo");
  });
});
