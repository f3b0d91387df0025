import fc from "fast-check";
import { backtest, type WeightRule } from "../../../src/core/backtest/backtest";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import type { PricePanel, ReturnsPanel } from "../../../src/core/types";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import { errorOf, inverseVolatility, readFixture } from "./backtestTestKit";

type Schedule = string | { absolute?: number; relative?: number };
interface BacktestCase {
  panel?: string;
  weights?: number[];
  rule?: string;
  schedule: Schedule;
  feeBps: number;
  lookback: number;
  capital?: number;
  equity: number[];
  rebalanceRows: number[];
  feesPaid: number;
  turnover: number;
}
interface Synthetic {
  generator: string;
  numpy: string;
  panels: Record<string, { days: number[]; prices: (number | null)[][] }>;
  cases: BacktestCase[];
}
const synthetic = readFixture<Synthetic>("synthetic.json");

function scheduleOf(schedule: Schedule) {
  return typeof schedule === "string" ? (schedule as "monthly") : { band: schedule };
}

function maxRelativeGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  return worst;
}

/** Day number of an ISO date. */
function dayOf(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
    86400000
  );
}

describe("backtest", () => {
  it("rebalances a 50/50 mix monthly, fees included (hand-worked)", () => {
    // Days 30, 31, 32 = 1970-01-31, 02-01, 02-02. Capital 100, fee 100 bps (1 %).
    // Row 0: buy from cash. F = .01 (100 − F) → F = 1/1.01 = 0.990099…; V = 99.00990…, 49.50495 each.
    // Row 1: A doubles (100 → 200), B flat: V = 148.5148…, h = 99.0099, 49.50495. It is a new
    //   month: trade to 50/50 on V − F: F = .01 |.5(V − F) − 99.0099| + .01 |.5(V − F) − 49.50495|
    //   = .01 (99.0099 − 49.50495) = 0.4950495 (the two legs cancel the F terms) → V = 148.019…
    // Row 2: same month, no trade; A back to 100: A's value halves.
    const prices = pricePanel([
      [100, 50],
      [200, 50],
      [100, 50],
    ]);
    const out = backtest({
      prices,
      dates: [30, 31, 32],
      rule: [0.5, 0.5],
      rebalance: "monthly",
      feeBps: 100,
      initialCapital: 100,
    });
    const v0 = 100 / 1.01;
    const h = [v0, v0 / 2];
    const f1 = 0.01 * (h[0] - h[1]);
    const v1 = h[0] + h[1] - f1;
    expect(out.equity[0]).toBeCloseTo(v0, 12);
    expect(out.equity[1]).toBeCloseTo(v1, 12);
    expect(out.equity[2]).toBeCloseTo(v1 / 4 + v1 / 2, 12);
    expect(Array.from(out.rebalanceRows)).toEqual([0, 1]);
    expect(out.feesPaid).toBeCloseTo(100 - v0 + f1, 12);
    expect(out.turnover).toBeCloseTo((h[0] - h[1]) / (h[0] + h[1]), 12);
  });

  it("is flat under constant prices with monthly rebalancing and no fees", () => {
    const rows = Array.from({ length: 120 }, () => [10, 20, 30]);
    const dates = Array.from({ length: 120 }, (_, t) => 18628 + t);
    const out = backtest({
      prices: pricePanel(rows),
      dates,
      rule: [0.2, 0.3, 0.5],
      rebalance: "monthly",
    });
    for (const v of out.equity) expect(v).toBeCloseTo(1, 14);
    expect(out.rebalanceRows.length).toBe(4);
  });

  it("with daily rebalancing and no fees equals the fixed-mix formula Π(1 + wᵀr) (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 3, maxLength: 3 }),
          {
            minLength: 2,
            maxLength: 60,
          }
        ),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (returns, raw) => {
          const sum = raw.reduce((s, x) => s + x, 0);
          const w = raw.map((x) => x / sum);
          const rows = [[1, 1, 1]];
          for (const r of returns) rows.push(rows[rows.length - 1].map((p, j) => p * (1 + r[j])));
          const dates = rows.map((_, t) => t);
          const out = backtest({ prices: pricePanel(rows), dates, rule: w, rebalance: "daily" });
          let expected = 1;
          for (let t = 0; t < returns.length; t++) {
            expected *= 1 + w[0] * returns[t][0] + w[1] * returns[t][1] + w[2] * returns[t][2];
            expect(Math.abs(out.equity[t + 1] - expected)).toBeLessThan(1e-12 * expected);
          }
        }
      ),
      { numRuns: 60 }
    );
  });

  it(`matches the independent numpy backtest (${synthetic.generator}, numpy ${synthetic.numpy}) to 1e-10`, () => {
    expect(synthetic.cases.length).toBeGreaterThan(30);
    for (const c of synthetic.cases) {
      const panel = synthetic.panels[c.panel ?? "daily"];
      const prices = pricePanel(panel.prices.map((row) => row.map((x) => (x === null ? NaN : x))));
      const out = backtest({
        prices,
        dates: panel.days,
        rule: c.rule === "inverseVolatility" ? inverseVolatility : (c.weights as number[]),
        rebalance: scheduleOf(c.schedule),
        lookback: c.lookback,
        feeBps: c.feeBps,
        initialCapital: c.capital,
      });
      expect(Array.from(out.rebalanceRows)).toEqual(c.rebalanceRows);
      expect(maxRelativeGap(out.equity, c.equity)).toBeLessThan(1e-10);
      expect(Math.abs(out.feesPaid - c.feesPaid)).toBeLessThan(1e-10 * (c.capital ?? 1));
      expect(Math.abs(out.turnover - c.turnover)).toBeLessThan(1e-10);
    }
  });

  it("never lets the rule see rows after the rebalance row", () => {
    // Prices jump 10× on row 40; a rule called on row t must see returns only up to row t.
    const rows = Array.from({ length: 80 }, (_, t) => [t < 40 ? 100 : 1000, 50 + t]);
    const prices = pricePanel(rows);
    const dates = rows.map((_, t) => t);
    const seen: { asOf: number; last: number; rows: number }[] = [];
    const rule: WeightRule = (window: ReturnsPanel, asOfRow: number) => {
      seen.push({ asOf: asOfRow, last: window.data[window.rows - 1], rows: window.rows });
      return [0.5, 0.5];
    };
    backtest({ prices, dates, rule, rebalance: "daily", lookback: 10 });
    expect(seen).toHaveLength(70);
    for (const s of seen) {
      expect(s.rows).toBe(10);
      // Asset 0's last return in the window is row asOf's: 9 (= 1000/100 − 1) only on row 40.
      expect(s.last).toBeCloseTo(s.asOf === 40 ? 9 : 0, 12);
    }
  });

  it("rebalances on drift only with a band schedule (a bare number is an absolute band)", () => {
    // 50/50, band ±10 points. Row 1: A 100 → 130: weights .565/.435, inside. Row 2: A 160:
    // .615/.385, outside → trade. Row 3: back inside.
    const prices = pricePanel([
      [100, 100],
      [130, 100],
      [160, 100],
      [150, 100],
    ]);
    const out = backtest({
      prices,
      dates: [0, 1, 2, 3],
      rule: [0.5, 0.5],
      rebalance: { band: 0.1 },
    });
    expect(Array.from(out.rebalanceRows)).toEqual([0, 2]);
    expect(out.equity[2]).toBeCloseTo(0.5 * 1.6 + 0.5, 14);
    expect(out.equity[3]).toBeCloseTo(1.3 * (0.5 * (150 / 160) + 0.5), 14);
  });

  it("gives an unlisted asset weight 0 and rescales the others, then buys it after listing", () => {
    // Asset 1 is listed from row 2 (1970-02-01 is day 31, a new month).
    const prices = pricePanel([
      [10, NaN],
      [10, NaN],
      [10, 5],
      [10, 5],
    ]);
    const out = backtest({
      prices,
      dates: [29, 30, 31, 32],
      rule: [0.5, 0.5],
      rebalance: "monthly",
    });
    expect(Array.from(out.weights[0])).toEqual([1, 0]);
    expect(Array.from(out.weights[1])).toEqual([0.5, 0.5]);
    expect(Array.from(out.rebalanceRows)).toEqual([0, 2]);
  });

  it("throws one specific error per precondition", () => {
    const prices = pricePanel([
      [1, 2],
      [1.1, 2.2],
      [1.2, 2.1],
    ]);
    const dates = [0, 1, 2];
    const ok = { prices, dates, rule: [0.5, 0.5] };
    expect(errorOf(() => backtest({ ...ok, dates: [0, 1] })).code).toBe("LENGTH_MISMATCH");
    expect(errorOf(() => backtest({ ...ok, dates: [0, 2, 1] })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => backtest({ ...ok, dates: [0, NaN, 3] })).code).toBe("NON_FINITE");
    expect(errorOf(() => backtest({ ...ok, rule: [0.5] })).code).toBe("LENGTH_MISMATCH");
    expect(errorOf(() => backtest({ ...ok, rule: [0.7, 0.7] })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => backtest({ ...ok, rule: [1.5, -0.5] })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => backtest({ ...ok, rule: [NaN, 1] })).code).toBe("NON_FINITE");
    expect(errorOf(() => backtest({ ...ok, rebalance: "yearly" as "monthly" })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(errorOf(() => backtest({ ...ok, rebalance: { band: {} } })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(errorOf(() => backtest({ ...ok, rebalance: { band: { absolute: -1 } } })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(errorOf(() => backtest({ ...ok, feeBps: 2000 })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => backtest({ ...ok, feeBps: NaN })).code).toBe("NON_FINITE");
    expect(errorOf(() => backtest({ ...ok, initialCapital: 0 })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => backtest({ ...ok, lookback: 1.5 })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => backtest({ ...ok, lookback: 3 })).code).toBe("TOO_FEW_POINTS");
    expect(errorOf(() => backtest({ ...ok, prices: pricePanel([[1, 2]]), dates: [0] })).code).toBe(
      "TOO_FEW_POINTS"
    );
    const badRule = errorOf(() => backtest({ ...ok, rule: () => [0.9, 0.3], lookback: 1 }));
    expect(badRule.code).toBe("INVALID_ARGUMENT");
    expect(badRule.message).toMatch(/^rule \(weights returned for row 2\) sum to 1.2/);
    expect(errorOf(() => backtest({ ...ok, rule: () => [NaN, 1], lookback: 1 })).code).toBe(
      "NON_FINITE"
    );
    expect(errorOf(() => backtest({ ...ok, rule: () => [1], lookback: 1 })).code).toBe(
      "LENGTH_MISMATCH"
    );
    const late = pricePanel([
      [1, NaN],
      [1, 2],
    ]);
    expect(errorOf(() => backtest({ prices: late, dates: [0, 1], rule: [0, 1] })).code).toBe(
      "INFEASIBLE"
    );
    const handBuilt: PricePanel = {
      kind: "prices",
      rows: 2,
      cols: 1,
      data: new Float64Array([1, 0]),
      labels: ["A"],
    };
    expect(errorOf(() => backtest({ prices: handBuilt, dates: [0, 1], rule: [1] })).code).toBe(
      "NON_POSITIVE_PRICE"
    );
  });

  it("does not mutate its inputs", () => {
    const prices = pricePanel([
      [1, 2],
      [1.1, 2.2],
      [1.2, 2.1],
      [1.3, 2.0],
    ]);
    const before = Float64Array.from(prices.data);
    const dates = Object.freeze([0, 1, 2, 40]);
    const weights = Object.freeze([0.3, 0.7]);
    backtest({ prices, dates, rule: weights, rebalance: "monthly", feeBps: 10 });
    backtest({
      prices,
      dates,
      rule: inverseVolatility,
      lookback: 2,
      rebalance: { band: { absolute: 0.01 } },
    });
    expect(Array.from(prices.data)).toEqual(Array.from(before));
    expect(weights).toEqual([0.3, 0.7]);
  });
});

describeWithSharedData(
  "backtest on real crypto prices (BTC, ETH, SOL, MATIC 2020-06 … 2024-12)",
  () => {
    const fixture = readFixture<{
      generator: string;
      symbols: string[];
      first: string;
      last: string;
      cases: BacktestCase[];
    }>("crypto.json");

    it(`matches the numpy backtest (${fixture.generator}) to 1e-10, with SOL listing and MATIC delisting inside the window`, () => {
      const csv = readSharedCsv("crypto-daily-close.csv");
      const columns = fixture.symbols.map((s) => csv.symbols.indexOf(s));
      const keep = csv.dates
        .map((d, t) => (d >= fixture.first && d <= fixture.last ? t : -1))
        .filter((t) => t >= 0);
      const prices = pricePanel(
        keep.map((t) => columns.map((j) => csv.rows[t][j])),
        { labels: fixture.symbols }
      );
      const dates = keep.map((t) => dayOf(csv.dates[t]));
      for (const c of fixture.cases) {
        const out = backtest({
          prices,
          dates,
          rule: c.rule === "inverseVolatility" ? inverseVolatility : (c.weights as number[]),
          rebalance: scheduleOf(c.schedule),
          lookback: c.lookback,
          feeBps: c.feeBps,
        });
        expect(Array.from(out.rebalanceRows)).toEqual(c.rebalanceRows);
        expect(maxRelativeGap(out.equity, c.equity)).toBeLessThan(1e-10);
      }
    });
  }
);
