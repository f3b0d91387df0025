import fc from "fast-check";
import { buyAndHold } from "../../../src/core/backtest/buyAndHold";
import { backtest } from "../../../src/core/backtest/backtest";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { errorOf, readFixture } from "./backtestTestKit";

const fixture = readFixture<{
  generator: string;
  prices: (number | null)[][];
  buyAndHold: { weights: number[]; startRow: number; equity: number[] }[];
}>("buyAndHold.json");

describe("buyAndHold", () => {
  it("lets the weights drift with prices (hand-worked)", () => {
    // 0.5 in A at 100 (0.005 units) and 0.5 in B at 10 (0.05 units). Row 1: A 150 → 0.75, B 10 → 0.5:
    // 1.25. Row 2: A 200 → 1.0, B 5 → 0.25: 1.25.
    const equity = buyAndHold(
      pricePanel([
        [100, 10],
        [150, 10],
        [200, 5],
      ]),
      [0.5, 0.5]
    );
    expect(equity[0]).toBe(1);
    expect(equity[1]).toBeCloseTo(1.25, 15);
    expect(equity[2]).toBeCloseTo(1.25, 15);
  });

  it("holds a delisted asset's last value in cash", () => {
    const equity = buyAndHold(
      pricePanel([
        [100, 10],
        [100, 20],
        [100, NaN],
      ]),
      [0.5, 0.5]
    );
    expect(Array.from(equity)).toEqual([1, 1.5, 1.5]);
  });

  it(`matches the numpy engine with no rebalancing (${fixture.generator}) to 1e-12`, () => {
    const prices = pricePanel(fixture.prices.map((row) => row.map((x) => (x === null ? NaN : x))));
    for (const c of fixture.buyAndHold) {
      const equity = buyAndHold(prices, c.weights, { startRow: c.startRow });
      c.equity.forEach((v, t) => expect(Math.abs(equity[t] - v)).toBeLessThan(1e-12 * v));
    }
  });

  it("equals backtest with rebalance none and no fees (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
          {
            minLength: 2,
            maxLength: 40,
          }
        ),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (rows, raw) => {
          const sum = raw.reduce((s, x) => s + x, 0);
          const w = raw.map((x) => x / sum);
          const prices = pricePanel(rows);
          const a = buyAndHold(prices, w);
          const b = backtest({
            prices,
            dates: rows.map((_, t) => t),
            rule: w,
            rebalance: "none",
          }).equity;
          for (let t = 0; t < rows.length; t++)
            expect(Math.abs(a[t] - b[t])).toBeLessThan(1e-12 * b[t]);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("throws one specific error per precondition", () => {
    const prices = pricePanel([
      [1, NaN],
      [1, 2],
    ]);
    expect(errorOf(() => buyAndHold(prices, [1])).code).toBe("LENGTH_MISMATCH");
    expect(errorOf(() => buyAndHold(prices, [0.5, 0.6])).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => buyAndHold(prices, [NaN, 1])).code).toBe("NON_FINITE");
    expect(errorOf(() => buyAndHold(prices, [0.5, 0.5], { startRow: 2 })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(errorOf(() => buyAndHold(prices, [0.5, 0.5], { initialCapital: -1 })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(errorOf(() => buyAndHold(prices, [0, 1])).code).toBe("INFEASIBLE");
  });

  it("does not mutate its inputs", () => {
    const prices = pricePanel([
      [1, 2],
      [2, 1],
    ]);
    const before = Array.from(prices.data);
    const w = Object.freeze([0.5, 0.5]);
    buyAndHold(prices, w);
    expect(Array.from(prices.data)).toEqual(before);
    expect(w).toEqual([0.5, 0.5]);
  });
});
