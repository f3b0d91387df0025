import fc from "fast-check";
import type { TableContents } from "../../../src/taskpane/excel/readTable";
import { PaneError } from "../../../src/taskpane/state/paneError";
import { planRebalance, REBALANCE_HEADERS } from "../../../src/taskpane/state/rebalancePlan";

const constituents: TableContents = {
  name: "Constituents",
  headers: ["Symbol", "Name", "Weight"],
  rows: [
    ["BTC", "Bitcoin", 0.5],
    ["ETH", "Ethereum", 0.5],
  ],
};
const prices: TableContents = {
  name: "Prices",
  headers: ["Date", "BTC", "ETH", "SOL"],
  rows: [[45000, 100, 100, 50]],
};
const holdings = (rows: TableContents["rows"]): TableContents => ({
  name: "Holdings",
  headers: ["Symbol", "Units"],
  rows,
});
const settings = { band: 0.05, minTrade: 0, feeBps: 0 };

describe("planRebalance", () => {
  it("trades back to the index weights: 3 BTC + 1 ETH at 100 → sell 1 BTC, buy 1 ETH", () => {
    // Value 300 + 100 = 400; weights 0.75 / 0.25 vs targets 0.5 / 0.5: drift ±25 points > 5.
    // Target values 200 / 200: trade −100 (−1 BTC) and +100 (+1 ETH).
    const outcome = planRebalance(
      holdings([
        ["BTC", 3],
        ["eth", 1],
      ]),
      constituents,
      prices,
      settings
    );
    expect(outcome.block.headers).toEqual([...REBALANCE_HEADERS]);
    expect(outcome.block.rows.map((r) => [r[0], r[7], r[8], r[9]])).toEqual([
      ["BTC", "sell", -1, -100],
      ["ETH", "buy", 1, 100],
    ]);
    expect(outcome.trades).toBe(2);
    expect(outcome.summary).toMatch(
      /^Portfolio 400: 2 trades, buy 100, sell 100, fees 0, turnover 50.0 %/
    );
  });

  it("formats units as General (2, never '2.'), prices by size, money with cents, weights as %", () => {
    const outcome = planRebalance(holdings([["BTC", 2]]), constituents, prices, settings);
    expect(outcome.block.formats).toEqual([
      "@", // Symbol
      "General", // Units
      "#,##0.00", // Price
      "#,##0.00", // Value
      "0.00%",
      "0.00%",
      "0.00%",
      "@", // Action
      "General", // Trade units
      "#,##0.00",
      "#,##0.00",
      "0.00%",
    ]);
    // No format whose optional decimals would leave a whole number with a dangling point.
    for (const format of outcome.block.formats ?? []) expect(format).not.toMatch(/^0\.#+$/);
  });

  it("sells a held token outside the index and buys an index member not held", () => {
    const outcome = planRebalance(holdings([["SOL", 8]]), constituents, prices, settings);
    const bySymbol = Object.fromEntries(outcome.block.rows.map((r) => [r[0], r]));
    expect(bySymbol.SOL[7]).toBe("sell");
    expect(bySymbol.SOL[5]).toBe(0);
    expect(bySymbol.BTC[9]).toBeCloseTo(200, 9);
    expect(bySymbol.ETH[9]).toBeCloseTo(200, 9);
  });

  it("says no trade is needed inside the band", () => {
    const outcome = planRebalance(
      holdings([
        ["BTC", 1.02],
        ["ETH", 1],
      ]),
      constituents,
      prices,
      settings
    );
    expect(outcome.trades).toBe(0);
    expect(outcome.summary).toMatch(/no trade needed/);
  });

  it("finds columns by header in any order and case, skips blank rows, reads blank units as 0", () => {
    const table: TableContents = {
      name: "Holdings",
      headers: ["Note", "units", "SYMBOL"],
      rows: [
        ["x", 2, "BTC"],
        ["", "", ""],
        ["", "", "ETH"],
      ],
    };
    const outcome = planRebalance(table, constituents, prices, settings);
    expect(outcome.block.rows.map((r) => r[1])).toEqual([2, 0]);
  });

  it("explains each bad holding in plain words", () => {
    const cases: Array<[TableContents, RegExp]> = [
      [
        { name: "Holdings", headers: ["Symbol"], rows: [["BTC"]] },
        /The Holdings table has no "Units" column/,
      ],
      [holdings([["BTC", "two"]]), /row 1 \(BTC\): Units must be a number; got "two"/],
      [holdings([["BTC", -1]]), /Units is negative/],
      [
        holdings([
          ["BTC", 1],
          ["btc", 2],
        ]),
        /lists BTC twice \(row 2\)/,
      ],
      [holdings([["", 3]]), /row 1 has units but no symbol/],
      [holdings([["BTC", 0]]), /Holdings has no units yet/],
      [holdings([["DOGE", 5]]), /No latest price for DOGE/],
    ];
    for (const [table, message] of cases) {
      expect(() => planRebalance(table, constituents, prices, settings)).toThrow(PaneError);
      expect(() => planRebalance(table, constituents, prices, settings)).toThrow(message);
    }
    const noWeights = { ...constituents, rows: [] };
    expect(() => planRebalance(holdings([["BTC", 1]]), noWeights, prices, settings)).toThrow(
      /no weights/
    );
    expect(() =>
      planRebalance(holdings([["BTC", 1]]), constituents, prices, { ...settings, feeBps: 5000 })
    ).toThrow(PaneError);
  });

  it("property: weights after sum to 1 and value is conserved up to fees, for any holdings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 100 }),
        (units, fee) => {
          fc.pre(units.some((u) => u > 1e-6));
          const outcome = planRebalance(
            holdings([
              ["BTC", units[0]],
              ["ETH", units[1]],
              ["SOL", units[2]],
            ]),
            constituents,
            prices,
            { band: 0.02, minTrade: 0, feeBps: fee }
          );
          const after = outcome.block.rows.map((r) => r[11] as number);
          expect(after.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          const t = outcome.plan.totals;
          expect(t.valueAfter + t.fees).toBeCloseTo(t.portfolioValue, 6);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("does not change its inputs", () => {
    const table = holdings([
      ["BTC", 3],
      ["ETH", 1],
    ]);
    const frozen = JSON.stringify([table, constituents, prices]);
    planRebalance(table, constituents, prices, settings);
    expect(JSON.stringify([table, constituents, prices])).toBe(frozen);
  });
});
