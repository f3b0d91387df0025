import { isCoreError } from "../../../src/core/errors";
import { createDemoProvider, DEMO_SOURCE } from "../../../src/data/demo/demoProvider";
import { DEMO_UNIVERSE } from "../../../src/data/demo/demoUniverse";
import { generateDemoCloses } from "../../../src/data/demo/generateDemoCloses";
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

  it("returns the last `days` closes ending today, equal to the generator's (hand-worked window)", async () => {
    // 2020-01-01 .. 2025-06-30 is 2,008 days; the last 3 are 06-28, 06-29, 06-30.
    const out = await provider.dailyCloses(["eth", "BTC"], 3);
    expect(out.dates).toEqual(["2025-06-28", "2025-06-29", "2025-06-30"]);
    expect(out.symbols).toEqual(["ETH", "BTC"]);
    const full = generateDemoCloses(DEMO_UNIVERSE, 2008);
    expect(Array.from(out.closes.subarray(3, 6))).toEqual(
      Array.from(full.closes.subarray(2005, 2008))
    );
    expect(Array.from(out.closes.subarray(0, 3))).toEqual(
      Array.from(full.closes.subarray(2008 + 2005, 2008 + 2008))
    );
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
