import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { riskBudgetingWeights } from "../../../src/core/allocation/riskBudgetingWeights";
import { covarianceMatrix } from "../../../src/core/covariance/covarianceMatrix";
import { isCoreError } from "../../../src/core/errors";
import { cappedMarketCapWeights } from "../../../src/core/indexing/cappedMarketCapWeights";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import { DataError } from "../../../src/data/dataError";
import { createDemoProvider } from "../../../src/data/demo/demoProvider";
import { buildIndex, type IndexData } from "../../../src/data/indices/buildIndex";
import {
  INDEX_DEFINITIONS,
  type IndexDefinition,
  type IndexWeighting,
} from "../../../src/data/indices/indexDefinitions";
import type { DailyCloses, DataProvider, MarketAsset } from "../../../src/data/types";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import { fakeClock } from "../helpers/fakeServer";

const TODAY = Date.UTC(2025, 5, 30, 15); // 2025-06-30

interface Fixture {
  header: { script: string; numpy: string; scipy: string };
  symbols: string[];
  marketCaps: number[];
  dates: string[];
  closes: Array<Array<number | null>>;
  windowDays: number;
  rowsUsed: number;
  expected: Record<"capped30" | "equal" | "invvol" | "erc" | "hrp" | "tiered", number[]> & {
    tiers: string[];
  };
}
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "fixtures", "buildIndex.json"), "utf8")
) as Fixture;

function definition(weighting: IndexWeighting, top = 6, category?: string): IndexDefinition {
  return { id: "test", name: "Test", description: "test", universe: { top, category }, weighting };
}

function market(symbol: string, marketCap: number | undefined, rank: number): MarketAsset {
  return {
    id: symbol.toLowerCase(),
    symbol,
    name: `${symbol} token`,
    sector: "Test",
    marketCap,
    rank,
  };
}

function fixtureData(): IndexData {
  const rows = fixture.dates.length;
  const closes = new Float64Array(rows * fixture.symbols.length);
  fixture.closes.forEach((column, j) =>
    column.forEach((value, t) => (closes[j * rows + t] = value ?? NaN))
  );
  return {
    markets: fixture.symbols.map((s, i) => market(s, fixture.marketCaps[i], i + 1)),
    closes: {
      provider: "fixture",
      source: "fixture data",
      symbols: fixture.symbols,
      dates: fixture.dates,
      closes,
    },
    source: "fixture data",
  };
}

function weightsOf(built: { constituents: ReadonlyArray<{ weight: number }> }): number[] {
  return built.constituents.map((c) => c.weight);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isCoreError(error)) return error.code;
    throw error;
  }
  throw new Error("expected a CoreError");
}

describe("buildIndex", () => {
  it("caps a market-cap index by hand: caps 50, 25, 15, 10 at 40 % give 40, 30, 18, 12 %", async () => {
    // A (50 %) exceeds 40 %: pinned at 0.40; the other 60 % goes pro rata to 25:15:10 of 50 →
    // 0.6·25/50 = 0.30, 0.6·15/50 = 0.18, 0.6·10/50 = 0.12, none above the cap.
    const built = await buildIndex(definition({ method: "marketcap", cap: 0.4 }, 4), {
      markets: [market("A", 50, 1), market("B", 25, 2), market("C", 15, 3), market("D", 10, 4)],
      source: "hand data",
      asOf: "2025-06-30",
    });
    weightsOf(built).forEach((w, i) => expect(w).toBeCloseTo([0.4, 0.3, 0.18, 0.12][i], 15));
    expect(built.constituents.map((c) => c.symbol)).toEqual(["A", "B", "C", "D"]);
    expect(built.asOf).toBe("2025-06-30");
    expect(built.source).toBe("hand data");
    expect(built.constituents[0]).toMatchObject({
      name: "A token",
      sector: "Test",
      tier: "large",
      marketCap: 50,
    });
  });

  describe(`matches the numpy/scipy oracle (${fixture.header.script}, numpy ${fixture.header.numpy}, scipy ${fixture.header.scipy})`, () => {
    const cases: Array<[string, IndexWeighting, number[], number]> = [
      [
        "capped market cap (30 %)",
        { method: "marketcap", cap: 0.3 },
        fixture.expected.capped30,
        1e-12,
      ],
      ["equal weight", { method: "equal" }, fixture.expected.equal, 1e-15],
      [
        "inverse volatility",
        { method: "invvol", windowDays: fixture.windowDays },
        fixture.expected.invvol,
        1e-12,
      ],
      ["ERC", { method: "erc", windowDays: fixture.windowDays }, fixture.expected.erc, 1e-9],
      [
        "HRP (single linkage)",
        { method: "hrp", windowDays: fixture.windowDays },
        fixture.expected.hrp,
        1e-12,
      ],
      [
        "tiered 60/30/10 by rank breaks 2, 4",
        { method: "tiered", breaks: [2, 4], budgets: [0.6, 0.3, 0.1], within: "cap" },
        fixture.expected.tiered,
        1e-12,
      ],
    ];
    it.each(cases)("%s", async (_, weighting, expected, tolerance) => {
      const built = await buildIndex(definition(weighting), fixtureData());
      weightsOf(built).forEach((w, i) =>
        expect(Math.abs(w - expected[i])).toBeLessThanOrEqual(tolerance)
      );
      expect(built.asOf).toBe(fixture.dates[fixture.dates.length - 1]);
    });

    it("uses the complete rows of the window (the late listing drops days) and says how many", async () => {
      const built = await buildIndex(
        definition({ method: "erc", windowDays: fixture.windowDays }),
        fixtureData()
      );
      expect(built.window).toEqual({ days: fixture.windowDays, rowsUsed: fixture.rowsUsed });
    });

    it("reports the tier used for a tiered index", async () => {
      const built = await buildIndex(
        definition({ method: "tiered", breaks: [2, 4], budgets: [0.6, 0.3, 0.1], within: "cap" }),
        fixtureData()
      );
      expect(built.constituents.map((c) => c.tier)).toEqual(fixture.expected.tiers);
    });
  });

  it("computes as of an earlier date: closes after asOf are ignored", async () => {
    const data = fixtureData();
    const asOf = fixture.dates[100];
    const built = await buildIndex(definition({ method: "invvol", windowDays: 60 }), data, {
      asOf,
    });
    expect(built.asOf).toBe(asOf);
    // Same as cutting the closes by hand at row 100.
    const rows = fixture.dates.length;
    const cut = new Float64Array(101 * 6);
    for (let j = 0; j < 6; j++)
      cut.set(data.closes!.closes.subarray(j * rows, j * rows + 101), j * 101);
    const direct = await buildIndex(definition({ method: "invvol", windowDays: 60 }), {
      ...data,
      closes: { ...data.closes!, dates: fixture.dates.slice(0, 101), closes: cut },
    });
    expect(weightsOf(built)).toEqual(weightsOf(direct));
  });

  it("properties: capped weights sum to 1, respect the cap, equal the core, and follow the assets when reordered", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: 1, max: 1e12, noNaN: true }), { minLength: 4, maxLength: 25 }),
        fc.double({ min: 0.25, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        async (caps, cap, seed) => {
          const markets = caps.map((m, i) => market(`T${i}`, m, i + 1));
          const def = definition({ method: "marketcap", cap }, caps.length);
          const built = await buildIndex(def, { markets, source: "x", asOf: "2025-01-01" });
          const w = weightsOf(built);
          expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
          w.forEach((x) => expect(x).toBeLessThanOrEqual(cap + 1e-12));
          expect(w).toEqual(Array.from(cappedMarketCapWeights(caps, { cap })));
          // A rotation of the universe rotates the weights.
          const k = seed % caps.length;
          const rotated = [...markets.slice(k), ...markets.slice(0, k)];
          const again = await buildIndex(def, {
            markets: rotated,
            source: "x",
            asOf: "2025-01-01",
          });
          const bySymbol = new Map(again.constituents.map((c) => [c.symbol, c.weight]));
          built.constituents.forEach((c) =>
            expect(bySymbol.get(c.symbol)).toBeCloseTo(c.weight, 12)
          );
        }
      ),
      { numRuns: 60 }
    );
  });

  describe("on the demo provider", () => {
    const provider = createDemoProvider({ clock: fakeClock(TODAY) });
    const clock = fakeClock(TODAY);

    it.each(INDEX_DEFINITIONS.map((d) => [d.id, d] as const))(
      "%s: weights sum to 1, caps hold, deterministic, labelled demo data",
      async (_, def) => {
        const built = await buildIndex(def, provider, { clock });
        const w = weightsOf(built);
        expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        w.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
        if (def.weighting.method === "marketcap") {
          const cap = def.weighting.cap;
          w.forEach((x) => expect(x).toBeLessThanOrEqual(cap + 1e-12));
        }
        expect(built.source).toBe("demo data");
        expect(built.asOf).toBe("2025-06-30");
        // An adaptive index adds its CASH sleeve row after the universe.
        expect(built.constituents.filter((c) => c.cash !== true).length).toBeLessThanOrEqual(
          def.universe.top
        );
        if (def.universe.category !== undefined)
          built.constituents.forEach((c) => expect(c.sector).toBe(def.universe.category));
        const again = await buildIndex(def, createDemoProvider({ clock: fakeClock(TODAY) }), {
          clock,
        });
        expect(again).toEqual(built);
      }
    );

    it("top20-erc equals riskBudgetingWeights on the sample covariance of 365 days of demo closes", async () => {
      const def = INDEX_DEFINITIONS.find((d) => d.id === "top20-erc")!;
      const built = await buildIndex(def, provider, { clock });
      const symbols = (await provider.listMarkets({ limit: 20 })).map((a) => a.symbol);
      const closes = await provider.dailyCloses(symbols, 365);
      const rows = closes.dates.length;
      const values = closes.dates.map((_, t) => symbols.map((_, j) => closes.closes[j * rows + t]));
      const cov = covarianceMatrix(
        returnsFromPrices(pricePanel(values, { labels: symbols, fill: "keep" }))
      );
      expect(weightsOf(built)).toEqual(Array.from(riskBudgetingWeights(cov.matrix)));
      expect(built.constituents.map((c) => c.symbol)).toEqual(symbols);
      expect(built.window).toEqual({ days: 365, rowsUsed: 364 });
    });

    it("fetches closes through the given fetcher (the runtime's cache), once, for the universe", async () => {
      const calls: Array<[readonly string[], number]> = [];
      const def = INDEX_DEFINITIONS.find((d) => d.id === "top20-hrp")!;
      await buildIndex(def, provider, {
        clock,
        historyDays: 90,
        dailyCloses: (symbols, days) => {
          calls.push([symbols, days]);
          return provider.dailyCloses(symbols, days);
        },
      });
      expect(calls).toHaveLength(1);
      expect(calls[0][0]).toHaveLength(20);
      expect(calls[0][1]).toBe(90);
    });
  });

  describe("rejects bad inputs with a specific error", () => {
    const hand: IndexData = {
      markets: [market("A", 50, 1), market("B", 25, 2), market("C", 15, 3)],
      source: "hand data",
      asOf: "2025-06-30",
    };
    it("INVALID_ARGUMENT: historyDays below 3", async () => {
      expect(
        await codeOf(
          buildIndex(definition({ method: "erc", windowDays: 365 }), fixtureData(), {
            historyDays: 2,
          })
        )
      ).toBe("INVALID_ARGUMENT");
    });
    it("INVALID_ARGUMENT: asOf not yyyy-mm-dd", async () => {
      expect(
        await codeOf(buildIndex(definition({ method: "equal" }), hand, { asOf: "30/06/2025" }))
      ).toBe("INVALID_ARGUMENT");
    });
    it("INVALID_ARGUMENT: a universe of top 0", async () => {
      expect(await codeOf(buildIndex(definition({ method: "equal" }, 0), hand))).toBe(
        "INVALID_ARGUMENT"
      );
    });
    it("NOT_AVAILABLE: an empty universe, naming the sector", async () => {
      const promise = buildIndex(definition({ method: "equal" }, 5, "NFT"), {
        markets: [],
        source: "x",
      });
      await expect(promise).rejects.toThrow(
        'index "test": the provider lists no asset in the sector "NFT"'
      );
      expect(
        await codeOf(buildIndex(definition({ method: "equal" }), { markets: [], source: "x" }))
      ).toBe("NOT_AVAILABLE");
    });
    it("NOT_AVAILABLE: a market-cap index without a market cap, naming the asset", async () => {
      const markets = [market("A", 50, 1), market("B", undefined, 2)];
      const promise = buildIndex(definition({ method: "marketcap", cap: 1 }), {
        markets,
        source: "x",
      });
      await expect(promise).rejects.toThrow("x gives no market cap for B");
      expect(
        await codeOf(
          buildIndex(definition({ method: "marketcap", cap: 1 }), { markets, source: "x" })
        )
      ).toBe("NOT_AVAILABLE");
    });
    it("INVALID_ARGUMENT: data.asOf not yyyy-mm-dd", async () => {
      expect(
        await codeOf(buildIndex(definition({ method: "equal" }), { ...hand, asOf: "June 30" }))
      ).toBe("INVALID_ARGUMENT");
    });
    it("keeps the first (larger) asset of a ticker listed twice, since closes are fetched by ticker", async () => {
      const markets = [
        market("A", 50, 1),
        market("B", 25, 2),
        market("A", 5, 3),
        market("C", 20, 4),
      ];
      const built = await buildIndex(definition({ method: "marketcap", cap: 1 }, 3), {
        markets,
        source: "x",
        asOf: "2025-06-30",
      });
      expect(built.constituents.map((c) => [c.symbol, c.marketCap])).toEqual([
        ["A", 50],
        ["B", 25],
        ["C", 20],
      ]);
    });
    it("INFEASIBLE: a 25 % cap on three names", async () => {
      expect(await codeOf(buildIndex(definition({ method: "marketcap", cap: 0.25 }), hand))).toBe(
        "INFEASIBLE"
      );
    });
    it("NOT_AVAILABLE: a risk-based index without closes, or closes lacking a constituent", async () => {
      expect(await codeOf(buildIndex(definition({ method: "hrp", windowDays: 30 }), hand))).toBe(
        "NOT_AVAILABLE"
      );
      const data = fixtureData();
      const missing = { ...data, markets: [...data.markets, market("ZZZ", 1, 7)] };
      expect(
        await codeOf(buildIndex(definition({ method: "invvol", windowDays: 30 }, 7), missing))
      ).toBe("NOT_AVAILABLE");
    });
    it("TOO_FEW_POINTS: a window with fewer than 3 days of closes", async () => {
      const data = fixtureData();
      expect(
        await codeOf(
          buildIndex(definition({ method: "erc", windowDays: 30 }), data, {
            asOf: fixture.dates[1],
          })
        )
      ).toBe("TOO_FEW_POINTS");
    });
    it("passes a provider's DataError through (the functions layer shows #N/A)", async () => {
      const failing = {
        id: "fake",
        displayName: "Fake",
        listMarkets: () =>
          Promise.reject(new DataError("providerDown", "Fake is down (503): try again later")),
      } as unknown as DataProvider;
      await expect(buildIndex(INDEX_DEFINITIONS[0], failing)).rejects.toThrow("Fake is down (503)");
    });
  });

  it("leaves its inputs unchanged", async () => {
    const data = fixtureData();
    const closesCopy = Float64Array.from(data.closes!.closes);
    const frozen: IndexData = Object.freeze({
      ...data,
      markets: Object.freeze(data.markets.map((m) => Object.freeze({ ...m }))),
      closes: Object.freeze({
        ...data.closes!,
        symbols: Object.freeze([...data.closes!.symbols]),
        dates: Object.freeze([...data.closes!.dates]),
      }) as DailyCloses,
    });
    const def = Object.freeze(definition({ method: "hrp", windowDays: 60 }));
    await buildIndex(def, frozen);
    expect(frozen.closes!.closes).toEqual(closesCopy);
    expect(frozen.markets.map((m) => m.symbol)).toEqual(fixture.symbols);
  });
});

describeWithSharedData(
  "buildIndex on real data (Binance closes, CoinGecko caps of 2021-12-31)",
  () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const snapshot = fs
      .readFileSync(
        path.join(
          __dirname,
          "..",
          "..",
          "..",
          "..",
          "shared",
          "data",
          "crypto-marketcap-snapshot.csv"
        ),
        "utf8"
      )
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(","));

    function realData(): IndexData {
      const markets = snapshot
        .map((cells) => ({
          symbol: cells[0],
          marketCap: Number(cells[4]),
          price: Number(cells[3]),
        }))
        .sort((a, b) => b.marketCap - a.marketCap)
        .map((a, i) => ({
          id: a.symbol,
          symbol: a.symbol,
          name: a.symbol,
          marketCap: a.marketCap,
          rank: i + 1,
        }));
      const rows = csv.dates.length;
      const closes = new Float64Array(rows * csv.symbols.length);
      csv.rows.forEach((row, t) => row.forEach((v, j) => (closes[j * rows + t] = v)));
      return {
        markets,
        closes: {
          provider: "csv",
          source: "Binance",
          symbols: csv.symbols,
          dates: csv.dates,
          closes,
        },
        source: "Binance / CoinGecko",
      };
    }

    it("top10-capped25 as of 2021-12-31: BTC and ETH capped at 25 %", async () => {
      const built = await buildIndex(INDEX_DEFINITIONS[0], realData(), { asOf: "2021-12-31" });
      expect(built.constituents.map((c) => c.symbol).slice(0, 2)).toEqual(["BTC", "ETH"]);
      expect(built.constituents[0].weight).toBeCloseTo(0.25, 12);
      expect(built.constituents[1].weight).toBeCloseTo(0.25, 12);
      expect(weightsOf(built).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });

    it("top20-erc as of 2021-12-31 over 365 days: equal risk contributions on every complete day", async () => {
      const def = INDEX_DEFINITIONS.find((d) => d.id === "top20-erc")!;
      const built = await buildIndex(def, realData(), { asOf: "2021-12-31" });
      expect(built.asOf).toBe("2021-12-31");
      // Late listings (SHIB on Binance in 2021) shorten the complete rows: count them directly.
      const symbols = built.constituents.map((c) => csv.symbols.indexOf(c.symbol));
      const last = csv.dates.indexOf("2021-12-31");
      let complete = 0;
      for (let t = last - 364; t <= last; t++)
        if (symbols.every((j) => Number.isFinite(csv.rows[t][j]))) complete += 1;
      expect(built.window?.rowsUsed).toBe(complete - 1);
      expect(complete).toBeLessThan(365);
      const w = weightsOf(built);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // The most volatile names get the least weight: PAXG (gold) the most.
      const paxg = built.constituents.find((c) => c.symbol === "PAXG");
      if (paxg !== undefined) expect(paxg.weight).toBe(Math.max(...w));
    });
  }
);
