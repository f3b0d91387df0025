import type { BuiltIndex } from "../../../src/data/indices/buildIndex";
import { INDEX_DEFINITIONS } from "../../../src/data/indices/indexDefinitions";
import type { DailyCloses } from "../../../src/data/types";
import { CONSTITUENTS_HEADERS, indexTables } from "../../../src/taskpane/state/indexTables";
import { excelSerialOf } from "../../../src/taskpane/state/excelDates";
import { PaneError } from "../../../src/taskpane/state/paneError";

const built: BuiltIndex = {
  definition: INDEX_DEFINITIONS[0],
  constituents: [
    {
      symbol: "BTC",
      name: "Bitcoin",
      sector: "Store of value",
      tier: "large",
      marketCap: 2e12,
      weight: 0.6,
    },
    {
      symbol: "SOL",
      name: "Solana",
      sector: "Layer 1",
      tier: "large",
      marketCap: NaN,
      weight: 0.4,
    },
  ],
  asOf: "2025-01-03",
  source: "demo data",
};
// Column-major closes: BTC on 3 days, SOL listed from the second day (NaN before).
const closes: DailyCloses = {
  provider: "demo",
  source: "demo data",
  symbols: ["SOL", "BTC"],
  dates: ["2025-01-01", "2025-01-02", "2025-01-03"],
  closes: Float64Array.of(NaN, 190, 200, 94000, 96000, 98000),
};

describe("excelSerialOf", () => {
  it("counts days from 1899-12-30: 1970-01-01 is 25569, 2025-01-01 is 45658", () => {
    // 2025-01-01 is 20089 days after 1970-01-01; 25569 + 20089 = 45658.
    expect(excelSerialOf("1970-01-01")).toBe(25569);
    expect(excelSerialOf("2025-01-01")).toBe(45658);
    expect(() => excelSerialOf("01/02/2025")).toThrow(RangeError);
  });
});

describe("indexTables", () => {
  it("shapes Constituents and Prices in the constituents' order, blanks for missing values", () => {
    const [constituents, prices] = indexTables(built, closes);
    expect(constituents.headers).toEqual([...CONSTITUENTS_HEADERS]);
    expect(constituents.rows).toEqual([
      ["BTC", "Bitcoin", "Store of value", "large", 2e12, 0.6, 45660, "demo data"],
      ["SOL", "Solana", "Layer 1", "large", "", 0.4, 45660, "demo data"],
    ]);
    expect(prices.headers).toEqual(["Date", "BTC", "SOL"]);
    expect(prices.rows).toEqual([
      [45658, 94000, ""],
      [45659, 96000, 190],
      [45660, 98000, 200],
    ]);
    expect(prices.formats?.[0]).toBe("yyyy-mm-dd");
    expect(constituents.formats?.[5]).toBe("0.00%");
  });

  it("formats text columns as text, market cap with separators, weights as %, dates as dates, prices by size", () => {
    const [constituents, prices] = indexTables(built, closes);
    expect(constituents.formats).toEqual([
      "@", // Symbol
      "@", // Name
      "@", // Sector
      "@", // Tier
      "#,##0",
      "0.00%",
      "yyyy-mm-dd",
      "@", // Source
    ]);
    expect(prices.formats).toEqual(["yyyy-mm-dd", "#,##0.00", "#,##0.00"]);
    const cheap: DailyCloses = { ...closes, closes: Float64Array.of(NaN, 0.5, 0.25, 1, 2, 3) };
    expect(indexTables(built, cheap)[1].formats).toEqual([
      "yyyy-mm-dd",
      "#,##0.00",
      "#,##0.00##", // 0.25 gets four decimals (four significant digits), 0.25 shows as 0.25
    ]);
  });

  it("refuses a constituent without any close, before anything is written", () => {
    const noSol: DailyCloses = { ...closes, closes: Float64Array.of(NaN, NaN, NaN, 1, 2, 3) };
    expect(() => indexTables(built, noSol)).toThrow(PaneError);
    expect(() => indexTables(built, noSol)).toThrow(
      /No prices for SOL in the last 3 days from demo data/
    );
    expect(() => indexTables(built, { ...closes, dates: [], closes: new Float64Array(0) })).toThrow(
      /returned no prices/
    );
  });

  it("does not change its inputs", () => {
    const copy = Float64Array.from(closes.closes);
    indexTables(Object.freeze({ ...built }), closes);
    expect(closes.closes).toEqual(copy);
  });

  it('writes an adaptive index\'s CASH row with "cash sleeve" for market cap and no Prices column', () => {
    const adaptive: BuiltIndex = {
      ...built,
      definition: INDEX_DEFINITIONS.find((d) => d.adaptive !== undefined)!,
      constituents: [
        { ...built.constituents[0], weight: 0.45 },
        { ...built.constituents[1], weight: 0.3 },
        {
          symbol: "CASH",
          name: "Cash sleeve (stablecoin)",
          sector: "Cash",
          tier: "cash",
          marketCap: NaN,
          weight: 0.25,
          cash: true,
        },
      ],
      adaptive: { rule: "trend 200", rows: 365, cash: 0.25 },
    };
    const [constituents, prices] = indexTables(adaptive, closes);
    expect(constituents.rows[2]).toEqual([
      "CASH",
      "Cash sleeve (stablecoin)",
      "Cash",
      "cash",
      "cash sleeve",
      0.25,
      excelSerialOf("2025-01-03"),
      "demo data",
    ]);
    expect(prices.headers).toEqual(["Date", "BTC", "SOL"]);
    expect(prices.rows[2]).toEqual([excelSerialOf("2025-01-03"), 98000, 200]);
  });
});
