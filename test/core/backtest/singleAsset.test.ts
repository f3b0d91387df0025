import fc from "fast-check";
import { singleAsset } from "../../../src/core/backtest/singleAsset";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { errorOf, readFixture } from "./backtestTestKit";

const fixture = readFixture<{
  generator: string;
  prices: (number | null)[][];
  singleAsset: { column: number; equity: number[] }[];
}>("buyAndHold.json");

describe("singleAsset", () => {
  it("scales the price to the capital from the first price (hand-worked)", () => {
    // B: 10 → 12 → 9 with capital 100: 100, 120, 90. A starts on row 1 at 50: 100, 100, 80.
    const prices = pricePanel([
      [NaN, 10],
      [50, 12],
      [40, 9],
    ]);
    expect(Array.from(singleAsset(prices, 1, { initialCapital: 100 }))).toEqual([100, 120, 90]);
    expect(Array.from(singleAsset(prices, 0, { initialCapital: 100 }))).toEqual([100, 100, 80]);
  });

  it(`matches numpy p / p[first] (${fixture.generator})`, () => {
    const prices = pricePanel(fixture.prices.map((row) => row.map((x) => (x === null ? NaN : x))));
    for (const c of fixture.singleAsset) {
      const equity = singleAsset(prices, c.column);
      c.equity.forEach((v, t) => expect(Math.abs(equity[t] - v)).toBeLessThan(1e-14 * v));
    }
  });

  it("has the asset's return between any two rows (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (series) => {
          const equity = singleAsset(pricePanel(series.map((p) => [p])), 0);
          for (let t = 1; t < series.length; t++) {
            const ratio = equity[t] / equity[t - 1] / (series[t] / series[t - 1]);
            expect(Math.abs(ratio - 1)).toBeLessThan(1e-12);
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it("throws NOT_AVAILABLE before listing, naming the first priced row, and INVALID_ARGUMENT on bad options", () => {
    const prices = pricePanel([
      [NaN, 10],
      [50, 12],
    ]);
    const late = errorOf(() => singleAsset(prices, 0, { startRow: 0 }));
    expect(late.code).toBe("NOT_AVAILABLE");
    expect(late.message).toBe(
      "prices: column 1 (Asset 1) has no price on row 1; its first price is on row 2"
    );
    expect(errorOf(() => singleAsset(prices, 2)).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => singleAsset(prices, 0, { startRow: 5 })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => singleAsset(prices, 0, { initialCapital: 0 })).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("does not mutate its input", () => {
    const prices = pricePanel([[1], [2]]);
    singleAsset(prices, 0);
    expect(Array.from(prices.data)).toEqual([1, 2]);
  });
});
