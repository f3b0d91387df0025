import fc from "fast-check";
import { backtest } from "../../../src/core/backtest/backtest";
import { singleAsset } from "../../../src/core/backtest/singleAsset";
import { covarianceMatrix } from "../../../src/core/covariance/covarianceMatrix";
import { diversificationCurve } from "../../../src/core/diversification/diversificationCurve";
import { indexReport } from "../../../src/core/report/indexReport";
import { returnsFromPrices } from "../../../src/core/returns/returnsFromPrices";
import { sharpeRatio } from "../../../src/core/stats/sharpeRatio";
import type { ReturnsPanel } from "../../../src/core/types";
import { seededPanel } from "./reportTestKit";

/** Inverse volatility over the window (a rule as BACKTEST's schemes are). */
const invVol = (window: ReturnsPanel) => {
  const w = new Float64Array(window.cols);
  for (let j = 0; j < window.cols; j++) {
    const col = window.data.subarray(j * window.rows, (j + 1) * window.rows);
    if (col.some((v) => Number.isNaN(v))) continue;
    const mean = col.reduce((a, b) => a + b, 0) / col.length;
    const variance = col.reduce((a, b) => a + (b - mean) ** 2, 0) / (col.length - 1);
    w[j] = 1 / Math.sqrt(variance);
  }
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / sum);
};

const { prices, dates } = seededPanel(500);

describe("indexReport", () => {
  const report = indexReport({
    prices,
    dates,
    index: { name: "Inverse volatility", rule: invVol, lookback: 60, signalLag: 1 },
    marketCaps: [600, 250, 80, 20],
    feeBps: 10,
    rollingWindow: 100,
  });

  it("runs the five strategies from the index's start row", () => {
    expect(report.strategies.map((s) => s.name)).toEqual([
      "Inverse volatility",
      "BTC only",
      "ETH only",
      "Equal weight",
      "Market-cap weight",
    ]);
    expect(report.startRow).toBe(61);
    expect(report.omitted).toEqual([]);
    for (const s of report.strategies) {
      expect(s.equity[60]).toBe(1);
      expect(Number.isNaN(s.drawdown[60]) && s.drawdown[61] === 0).toBe(true);
    }
  });

  it("runs each strategy through the backtest engine exactly", () => {
    const index = backtest({ prices, dates, rule: invVol, lookback: 60, signalLag: 1, feeBps: 10 });
    expect(Array.from(report.strategies[0].equity)).toEqual(Array.from(index.equity));
    const equal = backtest({
      prices,
      dates,
      rule: [0.25, 0.25, 0.25, 0.25],
      lookback: 61,
      feeBps: 10,
    });
    expect(Array.from(report.strategies[3].equity)).toEqual(Array.from(equal.equity));
    const caps = backtest({
      prices,
      dates,
      rule: [600, 250, 80, 20].map((v) => v / 950),
      lookback: 61,
      feeBps: 10,
    });
    report.strategies[4].equity.forEach((v, t) => expect(v).toBeCloseTo(caps.equity[t], 12));
  });

  it("BTC alone is the BTC curve from the start row less the initial purchase's fee", () => {
    const btc = singleAsset(prices, 0, { startRow: 61 });
    const fee = 10 / 10000 / (1 + 10 / 10000);
    report.strategies[1].equity.forEach((v, t) => {
      if (t >= 61) expect(v).toBeCloseTo(btc[t] * (1 - fee), 12);
    });
    expect(report.strategies[1].metrics.correlationToBenchmark).toBeCloseTo(1, 12);
    expect(report.strategies[1].metrics.turnover).toBe(0);
  });

  it("the rolling Sharpe is sharpeRatio of the trailing window of the curve's returns", () => {
    const s = report.strategies[0];
    const t = prices.rows - 1;
    const curve = s.equity.subarray(t - 100, t + 1);
    const returns = Array.from(curve.subarray(1), (v, k) => v / curve[k] - 1);
    expect(s.rollingSharpe[t]).toBe(sharpeRatio(returns));
    expect(Number.isNaN(s.rollingSharpe[61 + 99])).toBe(true);
    expect(Number.isFinite(s.rollingSharpe[61 + 100])).toBe(true);
  });

  it("the diversification curve is diversificationCurve of the sample covariance", () => {
    const { matrix } = covarianceMatrix(returnsFromPrices(prices), {
      estimator: "sample",
      periodsPerYear: 365,
    });
    expect(report.diversificationCurve).toEqual(diversificationCurve(matrix));
    expect(report.diversificationCurve.map((s) => s.added)).toEqual([0, 1, 2, 3]);
  });

  it("with the index set to equal weights, the index and equal-weight figures agree", () => {
    const same = indexReport({
      prices,
      dates,
      index: { name: "Index", rule: [0.25, 0.25, 0.25, 0.25] },
      feeBps: 10,
    });
    expect(same.startRow).toBe(0);
    expect(same.strategies[0].metrics).toEqual(same.strategies[3].metrics);
    expect(same.omitted).toEqual([
      { name: "Market-cap weight", reason: "no market caps were given" },
    ]);
  });

  it("does not depend on the price level of any token (random rescaling)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (scales) => {
          const data = Float64Array.from(
            prices.data,
            (v, i) => v * scales[Math.floor(i / prices.rows)]
          );
          const scaled = indexReport({
            prices: { ...prices, data },
            dates,
            index: { name: "Fixed", rule: [0.4, 0.3, 0.2, 0.1] },
            feeBps: 10,
          });
          const base = indexReport({
            prices,
            dates,
            index: { name: "Fixed", rule: [0.4, 0.3, 0.2, 0.1] },
            feeBps: 10,
          });
          scaled.strategies.forEach((s, k) =>
            expect(s.metrics.finalValue).toBeCloseTo(base.strategies[k].metrics.finalValue, 9)
          );
        }
      ),
      { numRuns: 10 }
    );
  });

  it("leaves ETH out when there is no ETH column, and says so", () => {
    const noEth = { ...prices, labels: ["BTC", "XRP", "SOL", "ADA"] };
    const out = indexReport({
      prices: noEth,
      dates,
      index: { name: "Fixed", rule: [0.4, 0.3, 0.2, 0.1] },
    });
    expect(out.strategies.map((s) => s.name)).toEqual(["Fixed", "BTC only", "Equal weight"]);
    expect(out.omitted[0]).toEqual({ name: "ETH only", reason: "the prices have no ETH column" });
  });

  it("refuses a lookback longer than the history, a bad window and mismatched caps", () => {
    expect(() =>
      indexReport({ prices, dates, index: { name: "I", rule: invVol, lookback: 600 } })
    ).toThrow(expect.objectContaining({ code: "TOO_FEW_POINTS", argument: "lookback" }));
    expect(() =>
      indexReport({ prices, dates, index: { name: "I", rule: [1, 0, 0, 0] }, rollingWindow: 500 })
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "rollingWindow" }));
    expect(() =>
      indexReport({ prices, dates, index: { name: "I", rule: [1, 0, 0, 0] }, marketCaps: [1] })
    ).toThrow(expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "marketCaps" }));
  });

  it("does not modify its inputs", () => {
    const before = Float64Array.from(prices.data);
    const caps = Object.freeze([3, 2, 1, 1]);
    indexReport({
      prices,
      dates: Object.freeze([...dates]),
      index: { name: "I", rule: Object.freeze([1, 0, 0, 0]) },
      marketCaps: caps,
    });
    expect(Array.from(prices.data)).toEqual(Array.from(before));
  });
});
