import fc from "fast-check";
import { rollingCorrelation } from "../../../src/core/correlation/rollingCorrelation";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import { directPearson, expectSeriesClose, loadFixture } from "./correlationTestKit";

/** Direct two-pass correlation of every complete window (the reference the running sums must meet). */
function directRolling(x: number[], y: number[], window: number): number[] {
  return x.map((_, t) => {
    if (t < window - 1) return NaN;
    const xs = x.slice(t - window + 1, t + 1);
    const ys = y.slice(t - window + 1, t + 1);
    if (xs.some(Number.isNaN) || ys.some(Number.isNaN)) return NaN;
    return directPearson(xs, ys);
  });
}

describe("rollingCorrelation", () => {
  it("matches a hand-worked case", () => {
    // window 3. Rows 1–3: x = 1, 2, 3; y = 1, 3, 2 → Σdxdy = (−1)(−1) + 0 + (1)(0) = 1; Σdx² = 2; Σdy² = 2 → 0.5
    // Rows 2–4: x = 2, 3, 4; y = 3, 2, 4 → Σdxdy = (−1)(0) + 0 + (1)(1) = 1; Σdx² = 2; Σdy² = 2 → 0.5
    const r = rollingCorrelation([1, 2, 3, 4], [1, 3, 2, 4], 3);
    expect(r[0]).toBeNaN();
    expect(r[1]).toBeNaN();
    expect(r[2]).toBeCloseTo(0.5, 15);
    expect(r[3]).toBeCloseTo(0.5, 15);
  });

  it("matches pandas rolling(window).corr, reproduced in numpy (fixture, 1e-12)", () => {
    const fx = loadFixture("series.json");
    expectSeriesClose(rollingCorrelation(fx.x, fx.y, fx.window), fx.rolling, 1e-12);
  });

  it("equals a direct computation per window on long, offset, gappy series (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 25 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: -1000, max: 1000 }),
            fc.integer({ min: -1000, max: 1000 }),
            fc.boolean()
          ),
          {
            minLength: 30,
            maxLength: 300,
          }
        ),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        (window, rows, offset) => {
          // A large offset tests the shifted sums; a rare blank tests the NaN rule.
          const x = rows.map((r, t) => (r[2] && t % 17 === 5 ? NaN : offset + r[0] / 1000));
          const y = rows.map((r) => (0.3 * r[0] + r[1]) / 1000);
          const got = rollingCorrelation(x, y, window, { onUndefinedWindow: "nan" });
          const want = directRolling(x, y, window);
          for (let t = 0; t < x.length; t++) {
            // The reference is NaN exactly where a window has a blank or a constant series.
            if (!Number.isFinite(want[t])) expect(got[t]).toBeNaN();
            else expect(Math.abs(got[t] - want[t])).toBeLessThan(1e-10);
          }
          for (let t = 0; t < window - 1; t++) expect(got[t]).toBeNaN();
        }
      ),
      { numRuns: 60 }
    );
  });

  it("stays accurate over 20,000 steps (drift bounded by periodic recomputation)", () => {
    const n = 20000;
    const x = Array.from(
      { length: n },
      (_, t) => 1000 + Math.sin(t * 0.7) * 0.01 + Math.cos(t * t * 0.013) * 0.001
    );
    const y = Array.from({ length: n }, (_, t) => Math.cos(t * 0.37) + Math.sin(t * 1.3));
    const got = rollingCorrelation(x, y, 50);
    const want = directRolling(x, y, 50);
    expectSeriesClose(got, want, 1e-9);
  });

  it("throws LENGTH_MISMATCH, INVALID_ARGUMENT, TOO_FEW_POINTS, NON_FINITE and ZERO_VARIANCE", () => {
    expect(() => rollingCorrelation([1, 2, 3], [1, 2], 3)).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH" })
    );
    expect(() => rollingCorrelation([1, 2, 3], [1, 2, 3], 2)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => rollingCorrelation([1, 2, 3], [1, 2, 3], 3.5)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => rollingCorrelation([1, 2, 3], [1, 2, 3], 4)).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    expect(() => rollingCorrelation([1, Infinity, 3], [1, 2, 3], 3)).toThrow(
      expect.objectContaining({ code: "NON_FINITE" })
    );
    expect(() =>
      rollingCorrelation([1, 2, 3, 4, 5], [1, 2, 7, 7, 7], 3, { labels: ["BTC", "USDT"] })
    ).toThrow(
      'series: USDT is constant over rows 3–5 (the window ending at row 5); use a longer window or pass onUndefinedWindow="nan"'
    );
    expect(() =>
      rollingCorrelation([1, 2, 3], [1, 2, 3], 3, { onUndefinedWindow: "skip" as unknown as "nan" })
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("gives NaN for a constant window under onUndefinedWindow = 'nan'", () => {
    const r = rollingCorrelation([1, 2, 3, 4, 5], [1, 2, 7, 7, 7], 3, { onUndefinedWindow: "nan" });
    expect(r[2]).toBeCloseTo(directPearson([1, 2, 3], [1, 2, 7]), 14);
    expect(r[4]).toBeNaN();
  });

  it("is unaffected by magnitudes near 1e±200", () => {
    const x = [1, 2, 3, 4];
    const y = [1, 3, 2, 4];
    const r = rollingCorrelation(
      x.map((v) => v * 1e200),
      y.map((v) => v * 1e-200),
      3
    );
    expect(r[3]).toBeCloseTo(0.5, 14);
  });

  it("leaves its inputs unchanged", () => {
    const x = Object.freeze([3, 1, 2, 5, 4, NaN, 1]);
    const y = Object.freeze([1, 2, 3, 4, 5, 6, 8]);
    rollingCorrelation(x, y, 3);
    expect(x).toEqual([3, 1, 2, 5, 4, NaN, 1]);
    expect(y).toEqual([1, 2, 3, 4, 5, 6, 8]);
  });
});

describeWithSharedData("rollingCorrelation on crypto-daily-close.csv", () => {
  it("matches numpy for the last 90-day BTC/ETH window (1e-12)", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const fx = loadFixture("crypto.json");
    const returns = returnsFromPrices(pricePanel(csv.rows, { labels: csv.symbols }));
    const n = returns.rows;
    const r = rollingCorrelation(returns.data.subarray(0, n), returns.data.subarray(n, 2 * n), 90);
    expect(r[n - 1]).toBeCloseTo(fx.btcEth.rolling90Last, 12);
  });
});
