import { isCoreError } from "../../../src/core/errors";
import { createDemoProvider, DEMO_SOURCE } from "../../../src/data/demo/demoProvider";
import { DEMO_UNIVERSE } from "../../../src/data/demo/demoUniverse";
import { generateDemoCloses } from "../../../src/data/demo/generateDemoCloses";
import { DEMO_REFERENCE_PRICES } from "../../../src/data/demo/demoReferencePrices";
import { dataErrorOf, fakeClock } from "../helpers/fakeServer";

const TODAY = Date.UTC(2025, 5, 30, 15); // 2025-06-30, day 1,977 after 2020-01-01

describe("createDemoProvider", () => {
  const provider = createDemoProvider({ clock: fakeClock(TODAY) });

  it("labels itself and every dataset as demo data", async () => {
    expect(provider.displayName).toMatch(/^Demo data/);
    const out = await provider.dailyCloses(["BTC"], 10);
    expect(out.source).toBe(DEMO_SOURCE);
    expect(out.source).toBe("demo data");
    expect(out.provider).toBe("demo");
  });

  it("returns the last `days` closes ending today: the generator's path, pinned to the reference price on 2025-06-30", async () => {
    // 2020-01-01 .. 2025-06-30 is 2,008 days; the last 3 are 06-28, 06-29, 06-30 (the reference day).
    const out = await provider.dailyCloses(["eth", "BTC"], 3);
    expect(out.dates).toEqual(["2025-06-28", "2025-06-29", "2025-06-30"]);
    expect(out.symbols).toEqual(["ETH", "BTC"]);
    const full = generateDemoCloses(DEMO_UNIVERSE, 2008);
    // BTC is token 0, ETH token 1; each path is scaled by reference / simulated close on the day.
    const btcScale = DEMO_REFERENCE_PRICES.BTC / full.closes[2007];
    const ethScale = DEMO_REFERENCE_PRICES.ETH / full.closes[2008 + 2007];
    expect(out.closes[5]).toBe(DEMO_REFERENCE_PRICES.BTC);
    expect(out.closes[2]).toBeCloseTo(DEMO_REFERENCE_PRICES.ETH, 9);
    for (let k = 0; k < 3; k++) {
      expect(out.closes[3 + k]).toBeCloseTo(full.closes[2005 + k] * btcScale, 6);
      expect(out.closes[k]).toBeCloseTo(full.closes[2008 + 2005 + k] * ethScale, 9);
    }
  });

  it("keeps the simulated returns: pinning only rescales each path", async () => {
    const later = createDemoProvider({ clock: fakeClock(Date.UTC(2026, 0, 31)) });
    const out = await later.dailyCloses(["SOL"], 60);
    const sol = DEMO_UNIVERSE.findIndex((t) => t.symbol === "SOL");
    const days = out.dates.length;
    const total = 2008 + 215; // 2020-01-01 .. 2026-01-31
    const full = generateDemoCloses(DEMO_UNIVERSE, total);
    for (let t = 1; t < days; t++) {
      const simulated =
        full.closes[sol * total + total - days + t] /
        full.closes[sol * total + total - days + t - 1];
      expect(out.closes[t] / out.closes[t - 1]).toBeCloseTo(simulated, 12);
    }
  });

  it("ranks like the real market: BTC first, ETH second", async () => {
    const markets = await provider.listMarkets({ limit: 5 });
    expect(markets.slice(0, 2).map((m) => m.symbol)).toEqual(["BTC", "ETH"]);
  });

  it("serves at least 5 years of history for the 40 tokens", async () => {
    expect(DEMO_UNIVERSE).toHaveLength(40);
    const out = await provider.dailyCloses(
      DEMO_UNIVERSE.map((t) => t.symbol),
      1826
    );
    expect(out.dates).toHaveLength(1826);
    expect(provider.capabilities.maxHistoryDays).toBe(2008);
  });

  it("caps history at 2020-01-01", async () => {
    const out = await provider.dailyCloses(["BTC"], 5000);
    expect(out.dates[0]).toBe("2020-01-01");
  });

  it("ranks the universe by market cap = supply × today's close, with sectors and tiers", async () => {
    const markets = await provider.listMarkets();
    expect(markets).toHaveLength(40);
    for (let i = 1; i < markets.length; i++)
      expect(markets[i - 1].marketCap! >= markets[i].marketCap!).toBe(true);
    expect(markets.map((m) => m.rank)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const btc = markets.find((m) => m.symbol === "BTC")!;
    const close = (await provider.dailyCloses(["BTC"], 1)).closes[0];
    expect(btc.price).toBe(close);
    expect(btc.marketCap).toBeCloseTo(19.9e6 * close, 0);
    expect(btc).toMatchObject({ sector: "Store of value", tier: "large" });
  });

  it("filters by sector name or slug and lists the sectors as categories", async () => {
    const defi = await provider.listMarkets({ category: "defi" });
    expect(defi.map((m) => m.symbol).sort()).toEqual(["AAVE", "CRV", "LDO", "MKR", "UNI"]);
    expect((await provider.listMarkets({ category: "Layer 2", limit: 2 })).length).toBe(2);
    const categories = await provider.listCategories();
    expect(categories).toContainEqual({ id: "layer-1", name: "Layer 1" });
    expect(categories.length).toBeGreaterThanOrEqual(10);
  });

  it("rejects an unknown token, an unknown category and index requests with notFound", async () => {
    const error = await dataErrorOf(provider.dailyCloses(["BTC", "NOPE"], 5));
    expect(error.kind).toBe("notFound");
    expect(error.message).toMatch(
      /^Demo data has no token NOPE: use one of the 40 demo tokens \(BTC, ETH, /
    );
    expect((await dataErrorOf(provider.listMarkets({ category: "nft" }))).kind).toBe("notFound");
    expect(await provider.listIndices()).toEqual([]);
    expect((await dataErrorOf(provider.indexHoldings("top10"))).kind).toBe("notFound");
  });

  it("rejects bad arguments with CoreError INVALID_ARGUMENT", async () => {
    for (const call of [
      provider.dailyCloses([], 5),
      provider.dailyCloses(["BTC"], 0),
      provider.listMarkets({ limit: 0 }),
    ]) {
      const error = await call.catch((e: unknown) => e);
      expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
    }
  });

  it("leaves the symbols array unchanged", async () => {
    const symbols = Object.freeze(["btc", "eth"]);
    await provider.dailyCloses(symbols, 2);
    expect(symbols).toEqual(["btc", "eth"]);
  });
});
