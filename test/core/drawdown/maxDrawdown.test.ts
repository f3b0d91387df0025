import fc from "fast-check";
import { maxDrawdown } from "../../../src/core/drawdown/maxDrawdown";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  pricesArbitrary,
} from "../stats/helpers";
import { priceSpan, randomDrawdownCases, realDrawdownCases } from "./helpers";

describe("maxDrawdown", () => {
  it("is the largest fall from a running peak, as a positive fraction", () => {
    // peak 120 then 90: 1 − 90/120 = 0.25; the later 130 is a new peak.
    expect(maxDrawdown([100, 120, 90, 130])).toBe(0.25);
    // 100 → 80 (0.2), 150 → 100 (1/3): the second is deeper.
    expect(maxDrawdown([100, 80, 150, 100, 120])).toBeCloseTo(1 / 3, 15);
    expect(maxDrawdown([1, 2, 3])).toBe(0);
  });

  it("matches −min(p / maximum.accumulate(p) − 1) on the random fixtures", () => {
    for (const c of randomDrawdownCases()) expectClose(maxDrawdown(c.prices), c.maxDrawdown, 1e-14);
  });

  it("lies in [0, 1), ignores scale, and never shrinks when the last price is lowered", () => {
    fc.assert(
      fc.property(pricesArbitrary(3), (p) => {
        const mdd = maxDrawdown(p);
        expect(mdd).toBeGreaterThanOrEqual(0);
        expect(mdd).toBeLessThan(1);
        expectClose(maxDrawdown(p.map((x) => x * 3)), mdd, 1e-12);
        // Lowering an earlier price could remove a peak; the last price is never a peak for later rows.
        const lowered = p.map((x, t) => (t === p.length - 1 ? x / 2 : x));
        expect(maxDrawdown(lowered)).toBeGreaterThanOrEqual(mdd);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and NON_POSITIVE_PRICE", () => {
    expectCoreError(() => maxDrawdown([100]), "TOO_FEW_POINTS", /prices has 1 value/);
    expectCoreError(() => maxDrawdown([100, Infinity]), "NON_FINITE");
    expectCoreError(() => maxDrawdown([100, 0]), "NON_POSITIVE_PRICE");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([100, 120, 90]);
    maxDrawdown(input);
    expect(input).toEqual([100, 120, 90]);
  });
});

describeWithSharedData("maxDrawdown on crypto-daily-close.csv", () => {
  it("matches numpy for BTC over the file window (and ETH, SOL, XMR, PAXG on their spans)", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    for (const c of realDrawdownCases()) {
      expect(csv.dates[c.first]).toBe(c.firstDate);
      const prices = priceSpan(csv.rows, csv.symbols.indexOf(c.symbol), c.first, c.last);
      expectClose(maxDrawdown(prices), c.maxDrawdown, 1e-14);
    }
    const btc = realDrawdownCases().find((c) => c.symbol === "BTC");
    // The 2017-12 → 2018-12 crash: about −83 %.
    expect(btc?.maxDrawdown).toBeGreaterThan(0.8);
    expect(btc?.first).toBe(0);
    expect(btc?.last).toBe(csv.rows.length - 1);
  });
});
