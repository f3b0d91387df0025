import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { backtest, type WeightRule } from "../../../src/core/backtest/backtest";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import type { ReturnsPanel } from "../../../src/core/types";
import { errorOf } from "./backtestTestKit";
import { legacyInputs } from "./legacySnapshot";

interface Snapshot {
  backtestCommit: string;
  results: {
    equity: number[];
    rebalanceRows: number[];
    weights: number[][];
    turnoverByRebalance: number[];
    turnover: number;
    feesPaid: number;
    startRow: number;
  }[];
}
const snapshot = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, "..", "..", "fixtures", "backtest", "legacySnapshot.json"),
    "utf8"
  )
) as Snapshot;

function plain(out: ReturnType<typeof backtest>) {
  return {
    equity: Array.from(out.equity),
    rebalanceRows: Array.from(out.rebalanceRows),
    weights: out.weights.map((w) => Array.from(w)),
    turnoverByRebalance: Array.from(out.turnoverByRebalance),
    turnover: out.turnover,
    feesPaid: out.feesPaid,
    startRow: out.startRow,
  };
}

describe("backtest cash sleeve and signal lag", () => {
  it(`leaves every output bit-identical to the engine before the sleeve (commit ${snapshot.backtestCommit.slice(0, 7)}), with cashRate omitted or 0`, () => {
    const inputs = legacyInputs();
    expect(inputs.length).toBe(snapshot.results.length);
    expect(inputs.length).toBeGreaterThan(30);
    inputs.forEach((input, k) => {
      // toEqual compares doubles exactly (Object.is): any last-bit change fails.
      expect(plain(backtest(input))).toEqual(snapshot.results[k]);
      expect(plain(backtest({ ...input, cashRate: 0 }))).toEqual(snapshot.results[k]);
      expect(plain(backtest({ ...input, signalLag: 0 }))).toEqual(snapshot.results[k]);
    });
  });

  it("gives fixed weights summing to 1 bit-identical results at any cash rate (no cash is held)", () => {
    const inputs = legacyInputs().filter((input) => typeof input.rule !== "function");
    expect(inputs.length).toBeGreaterThan(10);
    let compared = 0;
    inputs.forEach((input) => {
      const before = plain(backtest(input));
      const prices = input.prices;
      const listedThroughout = Array.from({ length: prices.cols }, (_, j) =>
        prices.data.subarray(j * prices.rows, (j + 1) * prices.rows).every((p) => !Number.isNaN(p))
      ).every(Boolean);
      // With a delisting the proceeds wait in cash, which then earns the rate: compare only the
      // panels where every asset trades throughout.
      if (!listedThroughout) return;
      compared++;
      expect(plain(backtest({ ...input, cashRate: 0.05 }))).toEqual(before);
    });
    expect(compared).toBeGreaterThanOrEqual(4);
  });

  it("holds the rest in cash earning the annual rate act/365 (hand-worked)", () => {
    // Weights .3 A, .2 B, cash .5 at 10 %/yr; no rebalance after row 0, no fee.
    // Dates 0, 1, 3: cash grows by g1 = 1.1^(1/365), then by 1.1^(2/365).
    // Row 0: A .3, B .2, cash .5 → V = 1.
    // Row 1: A 100 → 110 (.33), B flat (.2), cash .5·g1 → V = .53 + .5·1.1^(1/365).
    // Row 2: A 121 (.363), B 50 → 45 (.18), cash .5·1.1^(3/365) → V = .543 + .5·1.1^(3/365).
    const prices = pricePanel([
      [100, 50],
      [110, 50],
      [121, 45],
    ]);
    const out = backtest({
      prices,
      dates: [0, 1, 3],
      rule: [0.3, 0.2],
      rebalance: "none",
      cashRate: 0.1,
    });
    expect(out.equity[0]).toBe(1);
    expect(out.equity[1]).toBeCloseTo(0.53 + 0.5 * Math.pow(1.1, 1 / 365), 14);
    expect(out.equity[2]).toBeCloseTo(0.543 + 0.5 * Math.pow(1.1, 3 / 365), 14);
    expect(Array.from(out.weights[0])).toEqual([0.3, 0.2]);
  });

  it("charges the fee on the assets bought, not on the cash kept (hand-worked)", () => {
    // 100 bps, capital 1, target .5 A / .5 cash: F = .01·.5(1 − F) → F = .005/1.005;
    // A holds .5(1 − F), cash .5(1 − F), so V0 = 1 − F. Flat prices, rate 0: V stays 1 − F.
    const out = backtest({
      prices: pricePanel([[10], [10], [10]]),
      dates: [0, 1, 2],
      rule: [0.5],
      rebalance: "daily",
      feeBps: 100,
      cashRate: 0,
    });
    const fee = 0.005 / 1.005;
    expect(out.feesPaid).toBeCloseTo(fee, 15);
    for (const v of out.equity) expect(v).toBeCloseTo(1 - fee, 15);
    expect(out.turnover).toBeCloseTo(0, 15);
  });

  it("is all cash for a zero target and compounds the rate exactly", () => {
    const rows = Array.from({ length: 366 }, (_, t) => [100 + t, 50 - t / 10]);
    const dates = rows.map((_, t) => t);
    const out = backtest({
      prices: pricePanel(rows),
      dates,
      rule: [0, 0],
      cashRate: 0.04,
    });
    expect(out.equity[365]).toBeCloseTo(1.04, 12);
    expect(out.feesPaid).toBe(0);
  });

  it("rescales an unlisted asset's weight over the listed ones, keeping the invested share", () => {
    const prices = pricePanel([
      [10, NaN],
      [10, NaN],
      [10, 5],
    ]);
    const out = backtest({
      prices,
      dates: [29, 30, 31],
      rule: [0.3, 0.3],
      rebalance: "monthly",
      cashRate: 0,
    });
    expect(Array.from(out.weights[0])).toEqual([0.6, 0]);
    expect(out.weights[1][0]).toBeCloseTo(0.3, 15);
    expect(out.weights[1][1]).toBeCloseTo(0.3, 15);
  });

  it("with daily rebalancing and no fees equals V_t = V_{t−1}(Σ w_i(1 + r_i) + (1 − Σw)·g_t) (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 2, maxLength: 2 }),
          { minLength: 2, maxLength: 40 }
        ),
        fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: 2, maxLength: 2 }),
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 40, maxLength: 40 }),
        (returns, w, rate, gaps) => {
          const rows = [[1, 1]];
          for (const r of returns) rows.push(rows[rows.length - 1].map((p, j) => p * (1 + r[j])));
          const dates = [0];
          for (let t = 1; t < rows.length; t++) dates.push(dates[t - 1] + gaps[t - 1]);
          const out = backtest({
            prices: pricePanel(rows),
            dates,
            rule: w,
            rebalance: "daily",
            cashRate: rate,
          });
          const s = w[0] + w[1];
          const invested = Math.abs(s - 1) <= 1e-6 ? 1 : s;
          let expected = 1;
          for (let t = 0; t < returns.length; t++) {
            const g = Math.pow(1 + rate, gaps[t] / 365);
            const grossAssets =
              invested === 1
                ? 1 + (w[0] / s) * returns[t][0] + (w[1] / s) * returns[t][1]
                : w[0] * (1 + returns[t][0]) + w[1] * (1 + returns[t][1]) + (1 - s) * g;
            expected *= grossAssets;
            expect(Math.abs(out.equity[t + 1] - expected)).toBeLessThan(1e-12 * expected);
          }
        }
      ),
      { numRuns: 60 }
    );
  });

  it("with signalLag 1 shows the rule returns up to the row before the trade, and starts a row later", () => {
    const rows = Array.from({ length: 30 }, (_, t) => [100 * 1.01 ** t, 50]);
    const prices = pricePanel(rows);
    const dates = rows.map((_, t) => t);
    const seen: { asOf: number; rows: number }[] = [];
    const rule: WeightRule = (window: ReturnsPanel, asOfRow: number) => {
      seen.push({ asOf: asOfRow, rows: window.rows });
      return [0.25, 0.25];
    };
    const out = backtest({
      prices,
      dates,
      rule,
      rebalance: "daily",
      lookback: 5,
      signalLag: 1,
      cashRate: 0,
    });
    expect(out.startRow).toBe(6);
    expect(Array.from(out.rebalanceRows)).toEqual(Array.from({ length: 24 }, (_, k) => k + 6));
    expect(seen.map((s) => s.asOf)).toEqual(Array.from({ length: 24 }, (_, k) => k + 5));
    for (const s of seen) expect(s.rows).toBe(5);
  });

  it("throws one specific error per new precondition", () => {
    const prices = pricePanel([
      [1, 2],
      [1.1, 2.2],
      [1.2, 2.1],
    ]);
    const ok = { prices, dates: [0, 1, 2], rule: [0.5, 0.2], cashRate: 0.04 };
    expect(() => backtest(ok)).not.toThrow();
    const nan = errorOf(() => backtest({ ...ok, cashRate: NaN }));
    expect([nan.code, nan.argument]).toEqual(["NON_FINITE", "cashRate"]);
    expect(nan.message).toMatch(/cashRate is NaN; give a finite annual rate/);
    expect(errorOf(() => backtest({ ...ok, cashRate: Infinity })).code).toBe("NON_FINITE");
    const text = errorOf(() => backtest({ ...ok, cashRate: "4%" as unknown as number }));
    expect([text.code, text.argument]).toEqual(["INVALID_ARGUMENT", "cashRate"]);
    expect(text.message).toMatch(/cashRate must be an annual rate as a number.*got "4%"/);
    expect(errorOf(() => backtest({ ...ok, cashRate: 40 })).message).toMatch(
      /cashRate must be from -0.99 to 10; got 40/
    );
    const over = errorOf(() => backtest({ ...ok, rule: [0.7, 0.7] }));
    expect(over.code).toBe("INVALID_ARGUMENT");
    expect(over.message).toMatch(/sum to 1.4; with a cash sleeve weights must sum to at most 1/);
    expect(errorOf(() => backtest({ ...ok, rule: [0.5, -0.1] })).message).toMatch(
      /Asset 2 is -0.1; weights must be 0 or more/
    );
    const ruleOver = errorOf(() => backtest({ ...ok, rule: () => [0.9, 0.3], lookback: 1 }));
    expect(ruleOver.message).toMatch(/^rule \(weights returned for row 2\) sum to 1.2/);
    // Without a cash rate a partial target is still an error, as before.
    expect(errorOf(() => backtest({ ...ok, cashRate: undefined })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => backtest({ ...ok, signalLag: -1 })).argument).toBe("signalLag");
    expect(errorOf(() => backtest({ ...ok, signalLag: 0.5 })).code).toBe("INVALID_ARGUMENT");
    const late = errorOf(() => backtest({ ...ok, lookback: 2, signalLag: 1 }));
    expect(late.code).toBe("TOO_FEW_POINTS");
    expect(late.message).toMatch(/lookback 2 plus signalLag 1 leaves no row to invest in 3 rows/);
  });
});
