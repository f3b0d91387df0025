import fc from "fast-check";
import { ewmCorrelationSeries } from "../../../src/core/correlation/ewmCorrelationSeries";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import { directPearson, expectSeriesClose, loadFixture } from "./correlationTestKit";

/** Weighted correlation at the last row straight from the formula (the independent reference). */
function directEwm(x: number[], y: number[], lambda: number): number {
  const last = x.length - 1;
  // A series still constant over the window has no correlation (pandas gives NaN); computing it
  // anyway yields rounding noise such as 2e-14, because the weighted mean can miss the constant by
  // an ulp.
  const present = x.flatMap((v, t) => (Number.isNaN(v) || Number.isNaN(y[t]) ? [] : [t]));
  if (
    present.every((t) => x[t] === x[present[0]]) ||
    present.every((t) => y[t] === y[present[0]])
  ) {
    return NaN;
  }
  let sw = 0;
  let mx = 0;
  let my = 0;
  for (let t = 0; t <= last; t++) {
    if (Number.isNaN(x[t]) || Number.isNaN(y[t])) continue;
    const w = lambda ** (last - t);
    sw += w;
    mx += w * x[t];
    my += w * y[t];
  }
  mx /= sw;
  my /= sw;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let t = 0; t <= last; t++) {
    if (Number.isNaN(x[t]) || Number.isNaN(y[t])) continue;
    const w = lambda ** (last - t);
    sxy += w * (x[t] - mx) * (y[t] - my);
    sxx += w * (x[t] - mx) ** 2;
    syy += w * (y[t] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("ewmCorrelationSeries", () => {
  it("matches a hand-worked case (half-life 1: weights 1/4, 1/2, 1)", () => {
    // x = 1, 2, 3; y = 1, 3, 2; w = 0.25, 0.5, 1 (Σ 1.75). m_x = (0.25 + 1 + 3)/1.75 = 17/7,
    // m_y = (0.25 + 1.5 + 2)/1.75 = 15/7. dx = −10/7, −3/7, 4/7; dy = −8/7, 6/7, −1/7.
    // Σw dx dy = (0.25·80 − 0.5·18 − 4)/49 = 7/49; Σw dx² = (25 + 4.5 + 16)/49 = 45.5/49;
    // Σw dy² = (16 + 18 + 1)/49 = 35/49 → ρ = 7 / √(45.5 · 35) = 0.17541…
    const r = ewmCorrelationSeries([1, 2, 3], [1, 3, 2], { halfLife: 1 });
    expect(r[0]).toBeNaN(); // one observation: 0/0, as pandas
    expect(r[1]).toBe(1); // two observations always correlate ±1 (pandas gives 1.0 too)
    expect(r[2]).toBeCloseTo(7 / Math.sqrt(45.5 * 35), 14);
  });

  it("matches pandas ewm(halflife, adjust=True).corr reproduced in numpy, blanks included (fixture, 1e-12)", () => {
    const fx = loadFixture("series.json");
    expectSeriesClose(ewmCorrelationSeries(fx.x, fx.y, { halfLife: fx.halfLife }), fx.ewm, 1e-12);
  });

  it("agrees at every date with the direct weighted formula, for spans too (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })),
          {
            minLength: 5,
            maxLength: 60,
          }
        ),
        fc.double({ min: 1.5, max: 50, noNaN: true }),
        (pairs, span) => {
          const x = pairs.map((p) => p[0] / 100);
          const y = pairs.map((p) => (p[0] + p[1]) / 100);
          const lambda = 1 - 2 / (span + 1);
          if (new Set(x).size < 2 || new Set(y).size < 2) return; // constant: a throw test covers it
          const r = ewmCorrelationSeries(x, y, { span });
          for (let t = 1; t < x.length; t++) {
            const want = directEwm(x.slice(0, t + 1), y.slice(0, t + 1), lambda);
            if (Number.isFinite(want)) expect(r[t]).toBeCloseTo(want, 9);
            else expect(r[t]).toBeNaN();
          }
        }
      ),
      { numRuns: 60 }
    );
  });

  it("tends to the plain Pearson correlation as the half-life grows", () => {
    const x = [0.1, -0.2, 0.05, 0.3, -0.1, 0.2];
    const y = [0.05, -0.1, 0.1, 0.2, -0.2, 0.1];
    const r = ewmCorrelationSeries(x, y, { halfLife: 1e9 });
    expect(r[5]).toBeCloseTo(directPearson(x, y), 8);
  });

  it("throws LENGTH_MISMATCH, INVALID_ARGUMENT, TOO_FEW_POINTS, NON_FINITE and ZERO_VARIANCE", () => {
    expect(() => ewmCorrelationSeries([1, 2, 3], [1, 2], { halfLife: 2 })).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH" })
    );
    expect(() => ewmCorrelationSeries([1, 2, 3], [1, 2, 3], { halfLife: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() =>
      ewmCorrelationSeries([1, 2, 3], [1, 2, 3], { halfLife: 2 }, { minObservations: 1 })
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => ewmCorrelationSeries([1, NaN, NaN], [1, 2, 3], { halfLife: 2 })).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    expect(() => ewmCorrelationSeries([1, -Infinity, 3], [1, 2, 3], { halfLife: 2 })).toThrow(
      expect.objectContaining({ code: "NON_FINITE" })
    );
    expect(() =>
      ewmCorrelationSeries([1, 2, 3, 4], [5, 5, 5, 5], { halfLife: 2 }, { labels: ["BTC", "USDT"] })
    ).toThrow(
      "series: USDT is constant over the rows it shares with the other series; remove it or use a longer range"
    );
  });

  it("gives NaN, as pandas, while a series has shown no spread yet (a constant start)", () => {
    const r = ewmCorrelationSeries([1, 2, 3, 4], [5, 5, 5, 6], { halfLife: 2 });
    expect(r[1]).toBeNaN();
    expect(r[2]).toBeNaN();
    expect(r[3]).toBeGreaterThan(0);
  });

  it("is unaffected by magnitudes near 1e±200", () => {
    const r = ewmCorrelationSeries([1e200, 2e200, 3e200], [1e-200, 3e-200, 2e-200], {
      halfLife: 1,
    });
    expect(r[2]).toBeCloseTo(7 / Math.sqrt(45.5 * 35), 13);
  });

  it("leaves its inputs unchanged", () => {
    const x = Object.freeze([3, 1, 2, 5, 4]);
    const y = Object.freeze([1, 2, 3, NaN, 5]);
    ewmCorrelationSeries(x, y, { span: 3 });
    expect(x).toEqual([3, 1, 2, 5, 4]);
    expect(y).toEqual([1, 2, 3, NaN, 5]);
  });
});

describeWithSharedData("ewmCorrelationSeries on crypto-daily-close.csv", () => {
  it("matches numpy for BTC/ETH with a 30-day half-life at the last date (1e-12)", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const fx = loadFixture("crypto.json");
    const returns = returnsFromPrices(pricePanel(csv.rows, { labels: csv.symbols }));
    const n = returns.rows;
    const r = ewmCorrelationSeries(returns.data.subarray(0, n), returns.data.subarray(n, 2 * n), {
      halfLife: 30,
    });
    expect(r[n - 1]).toBeCloseTo(fx.btcEth.ewmHalfLife30Last, 12);
  });
});
