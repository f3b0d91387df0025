import fc from "fast-check";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";

describe("returnsFromPrices", () => {
  it("computes simple and log returns (hand-worked)", () => {
    // 100 → 110: +10 %; 110 → 99: −10 %. Log: ln(1.1) = 0.0953101798, ln(0.9) = −0.1053605157.
    const prices = pricePanel([[100], [110], [99]]);
    const simple = returnsFromPrices(prices);
    expect(simple.kind).toBe("returns");
    expect(simple.rows).toBe(2);
    expect(simple.data[0]).toBeCloseTo(0.1, 15);
    expect(simple.data[1]).toBeCloseTo(-0.1, 15);
    const log = returnsFromPrices(prices, "log");
    expect(log.data[0]).toBeCloseTo(0.0953101798043249, 15);
    expect(log.data[1]).toBeCloseTo(-0.1053605156578263, 15);
  });

  it("gives NaN where either price is missing (before listing, after delisting)", () => {
    const prices = pricePanel([
      [NaN, 1],
      [2, 2],
      [4, NaN],
    ]);
    const r = returnsFromPrices(prices);
    expect(Array.from(r.data)).toEqual([NaN, 1, 1, NaN]);
  });

  it("needs two rows", () => {
    expect(() => returnsFromPrices(pricePanel([[1, 2]]))).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
  });

  it("log returns are ln(1 + simple) and compound back to the price ratio (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 60 }),
        (series) => {
          const prices = pricePanel(series.map((p) => [p]));
          const before = Array.from(prices.data);
          const simple = returnsFromPrices(prices, "simple");
          const log = returnsFromPrices(prices, "log");
          let growth = 1;
          for (let t = 0; t < simple.rows; t++) {
            expect(log.data[t]).toBeCloseTo(Math.log1p(simple.data[t]), 9);
            growth *= 1 + simple.data[t];
          }
          expect(growth / (series[series.length - 1] / series[0])).toBeCloseTo(1, 9);
          expect(Array.from(prices.data)).toEqual(before);
        }
      ),
      { numRuns: 100 }
    );
  });
});

describeWithSharedData("returnsFromPrices on the real crypto closes", () => {
  it("gives one return per day after listing, none before (SOL listed 2020-08-11)", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const prices = pricePanel(csv.rows, { labels: csv.symbols });
    const returns = returnsFromPrices(prices);
    const sol = csv.symbols.indexOf("SOL");
    const firstSolRow = csv.dates.indexOf("2020-08-11");
    const solReturns = returns.data.subarray(sol * returns.rows, (sol + 1) * returns.rows);
    expect(Number.isNaN(solReturns[firstSolRow - 1])).toBe(true);
    expect(Number.isFinite(solReturns[firstSolRow])).toBe(true);
    // BTC trades every day of the file: all 3,063 returns defined, and they compound to last/first.
    const btc = csv.symbols.indexOf("BTC");
    let growth = 1;
    for (let t = 0; t < returns.rows; t++) growth *= 1 + returns.data[btc * returns.rows + t];
    const closes = csv.rows.map((row) => row[btc]);
    expect(growth).toBeCloseTo(closes[closes.length - 1] / closes[0], 6);
  });
});

describe("returnsFromPrices on extreme prices", () => {
  it("names a step whose return overflows instead of returning ±Infinity", () => {
    // 1 / 5e-324 overflows the simple return; 1e-300 / 1e300 underflows to 0, so its log is −∞.
    expect(() =>
      returnsFromPrices(
        pricePanel([
          [2, 1],
          [3, 5e-324],
          [4, 1],
        ])
      )
    ).toThrow(
      expect.objectContaining({
        code: "NON_FINITE",
        column: 1,
        row: 2,
        message: expect.stringMatching(/column 2 \(Asset 2\) goes from 5e-324 to 1 at row 3/),
      })
    );
    expect(() => returnsFromPrices(pricePanel([[1e300], [1e-300]]), "log")).toThrow(
      expect.objectContaining({ code: "NON_FINITE", row: 1, column: 0 })
    );
  });
});
