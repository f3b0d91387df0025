import fc from "fast-check";
import { trendFilter } from "../../../src/core/adaptive/trendFilter";
import { errorOf } from "../backtest/backtestTestKit";
import { expectNoLookAhead, windowOfPrices } from "./adaptiveTestKit";

describe("trendFilter", () => {
  // Prices of A and B over four days (oldest first), 3-day windows.
  const prices = [
    [10, 20],
    [11, 19],
    [12, 18],
    [11, 19],
  ];

  it("holds a token only above its n-day simple moving average (hand-worked)", () => {
    // Day 3: A 11 vs (11 + 12 + 11)/3 = 11.33 → out; B 19 vs (19 + 18 + 19)/3 = 18.67 → in.
    // Day 2 (first three rows): A 12 vs (10 + 11 + 12)/3 = 11 → in; B 18 vs 19 → out.
    const cash = trendFilter([0.5, 0.5], { window: 3 });
    expect(cash.minLookback).toBe(2);
    const day3 = Array.from(cash(windowOfPrices(prices), 3));
    expect(day3).toEqual([0, 0.5]);
    const day2 = cash(windowOfPrices(prices.slice(0, 3)), 2);
    expect(Array.from(day2)).toEqual([0.5, 0]);
    // "holdings": the freed .5 goes to the token still held → B 1.
    const pro = trendFilter([0.5, 0.5], { window: 3, freed: "holdings" });
    expect(Array.from(pro(windowOfPrices(prices), 3))).toEqual([0, 1]);
  });

  it("by option holds a token while its n-day return is positive (hand-worked)", () => {
    // n = 3 returns, day 3: A 11/10 − 1 = +10 % → in; B 19/20 − 1 = −5 % → out.
    // n = 1: A 11/12 − 1 < 0 → out; B 19/18 − 1 > 0 → in.
    const three = trendFilter([0.3, 0.6], { window: 3, signal: "momentum" });
    expect(three.minLookback).toBe(3);
    expect(Array.from(three(windowOfPrices(prices), 3))).toEqual([0.3, 0]);
    const one = trendFilter([0.3, 0.6], { window: 1, signal: "momentum", freed: "holdings" });
    const w = one(windowOfPrices(prices), 3);
    expect(w[0]).toBe(0);
    expect(w[1]).toBeCloseTo(0.9, 15);
  });

  it("goes all to cash when no token is in trend, and drops a token listed too recently", () => {
    const falling = windowOfPrices([
      [10, NaN],
      [9, 20],
      [8, 21],
    ]);
    // A falls (out); B has one return where the 3-day average needs two (out: no signal yet).
    for (const freed of ["cash", "holdings"] as const)
      expect(Array.from(trendFilter([0.5, 0.5], { window: 3, freed })(falling, 2))).toEqual([0, 0]);
    // A token the base does not hold stays at 0 even in trend.
    const rising = windowOfPrices([
      [10, 20],
      [11, 21],
      [12, 22],
    ]);
    expect(Array.from(trendFilter([0, 1], { window: 3 })(rising, 2))).toEqual([0, 1]);
  });

  it("matches the moving average and momentum computed from the prices themselves (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 3, maxLength: 3 }),
          { minLength: 2, maxLength: 30 }
        ),
        fc.integer({ min: 1, max: 30 }),
        (rows, rawN) => {
          const window = windowOfPrices(rows);
          const last = rows.length - 1;
          const nSma = Math.max(2, Math.min(rawN, rows.length));
          const nMom = Math.min(rawN, rows.length - 1);
          const base = [0.2, 0.3, 0.5];
          const sma = trendFilter(base, { window: nSma })(window, last);
          const mom = trendFilter(base, { window: nMom, signal: "momentum" })(window, last);
          for (let j = 0; j < 3; j++) {
            let sum = 0;
            for (let k = 0; k < nSma; k++) sum += rows[last - k][j];
            const p = rows[last][j];
            // Relative prices round differently from the raw ones: skip near-ties.
            if (Math.abs(p - sum / nSma) > 1e-9 * p)
              expect(sma[j]).toBe(p > sum / nSma ? base[j] : 0);
            const ratio = p / rows[last - nMom][j];
            if (Math.abs(ratio - 1) > 1e-9) expect(mom[j]).toBe(ratio > 1 ? base[j] : 0);
          }
        }
      ),
      { numRuns: 200 }
    );
  });

  it("keeps the base's total with freed: holdings whenever a token is still held (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 4, maxLength: 4 }),
          { minLength: 6, maxLength: 20 }
        ),
        (rows) => {
          const base = [0.1, 0.2, 0.3, 0.3];
          const w = trendFilter(base, { window: 5, freed: "holdings" })(
            windowOfPrices(rows),
            rows.length - 1
          );
          const sum = w.reduce((s, x) => s + x, 0);
          if (sum > 0) expect(sum).toBeCloseTo(0.9, 14);
          const cash = trendFilter(base, { window: 5 })(windowOfPrices(rows), rows.length - 1);
          for (let j = 0; j < 4; j++) expect(cash[j] === 0 || cash[j] === base[j]).toBe(true);
          for (let j = 0; j < 4; j++) expect(w[j] > 0).toBe(cash[j] > 0);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("never changes the weights held up to t+1 when prices after t change (property)", () => {
    expectNoLookAhead(trendFilter([0.3, 0.3, 0.4], { window: 5 }), 3);
    expectNoLookAhead(
      trendFilter([0.3, 0.3, 0.4], { window: 4, signal: "momentum", freed: "holdings" }),
      3
    );
  });

  it("throws a specific error for each bad option, and for a moving average longer than the history", () => {
    const long = errorOf(() => trendFilter([0.5, 0.5], { window: 200 })(windowOfPrices(prices), 3));
    expect([long.code, long.argument]).toEqual(["TOO_FEW_POINTS", "window"]);
    expect(long.message).toBe(
      "a 200-day moving average needs 199 rows of returns but the rule sees 3; set the backtest's lookback to at least 199 (with that much price history) or shorten window"
    );
    expect(errorOf(() => trendFilter([1], { window: 1 })).message).toMatch(
      /window must be a whole number of days, 2 or more; got 1/
    );
    expect(errorOf(() => trendFilter([1], { window: 0, signal: "momentum" })).argument).toBe(
      "window"
    );
    expect(errorOf(() => trendFilter([1], { window: "10" as unknown as number })).message).toMatch(
      /got "10"/
    );
    expect(errorOf(() => trendFilter([1], { signal: "ema" as "sma" })).argument).toBe("signal");
    expect(errorOf(() => trendFilter([1], { freed: "bonds" as "cash" })).argument).toBe("freed");
    expect(errorOf(() => trendFilter([NaN])).code).toBe("NON_FINITE");
  });
});
