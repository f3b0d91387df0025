import fc from "fast-check";
import { backtest } from "../../../src/core/backtest/backtest";
import { longestUnderwater } from "../../../src/core/drawdown/longestUnderwater";
import { strategyMetrics } from "../../../src/core/report/strategyMetrics";
import { seriesStatistics } from "../../../src/core/stats/seriesStatistics";
import type { PricePanel } from "../../../src/core/types";
import { FIRST_DAY, seededPanel } from "./reportTestKit";

const one = (values: number[]): PricePanel => ({
  kind: "prices",
  rows: values.length,
  cols: 1,
  data: Float64Array.from(values),
  labels: ["BTC"],
});

describe("strategyMetrics", () => {
  it("gives a single token's figures (hand-worked)", () => {
    // 100 → 110 → 99 → 121 in one January: max drawdown 1 − 99/110 = 0.1, under water from row 1
    // to row 3 (2 periods), the one month +21 %, final value 1.21, no turnover, no fees.
    const dates = [FIRST_DAY, FIRST_DAY + 1, FIRST_DAY + 2, FIRST_DAY + 3];
    const result = backtest({ prices: one([100, 110, 99, 121]), dates, rule: [1] });
    const returns = [0.1, 99 / 110 - 1, 121 / 99 - 1];
    const m = strategyMetrics(result, dates, { benchmarkReturns: [NaN, ...returns] });
    expect(m.maxDrawdown).toBeCloseTo(0.1, 14);
    expect(m.timeUnderWater).toBe(2);
    expect(m.worstMonth).toBeCloseTo(0.21, 14);
    expect(m.finalValue).toBeCloseTo(1.21, 14);
    expect(m.turnover).toBe(0);
    expect(m.feesPaid).toBe(0);
    expect(m.rebalances).toBe(1);
    expect(m.correlationToBenchmark).toBeCloseTo(1, 14);
    expect(m.sharpeRatio).toBeCloseTo(seriesStatistics(returns).sharpeRatio as number, 12);
  });

  it("is seriesStatistics of the curve's returns from the start row, bit for bit", () => {
    const { prices, dates } = seededPanel(300);
    const result = backtest({
      prices,
      dates,
      rule: [0.4, 0.3, 0.2, 0.1],
      lookback: 50,
      feeBps: 10,
    });
    const tail = result.equity.subarray(50);
    const returns = Array.from(tail.subarray(1), (v, k) => v / tail[k] - 1);
    const stats = seriesStatistics(returns);
    const m = strategyMetrics(result, dates);
    expect(m.cagr).toBe(stats.cagr);
    expect(m.annualisedVolatility).toBe(stats.annualisedVolatility);
    expect(m.sharpeRatio).toBe(stats.sharpeRatio);
    expect(m.sortinoRatio).toBe(stats.sortinoRatio);
    expect(m.maxDrawdown).toBe(stats.maxDrawdown);
    expect(m.calmarRatio).toBe(stats.calmarRatio);
    expect(m.timeUnderWater).toBe(longestUnderwater(tail));
    expect(m.turnover).toBe(result.turnover);
    expect(m.feesPaid).toBe(result.feesPaid);
    expect(m.feesPaid).toBeGreaterThan(0);
  });

  it("does not depend on the starting capital (random capital)", () => {
    const { prices, dates } = seededPanel(120);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), (capital) => {
        const a = strategyMetrics(
          backtest({ prices, dates, rule: [0.25, 0.25, 0.25, 0.25], feeBps: 20 }),
          dates
        );
        const b = strategyMetrics(
          backtest({
            prices,
            dates,
            rule: [0.25, 0.25, 0.25, 0.25],
            feeBps: 20,
            initialCapital: capital,
          }),
          dates,
          { initialCapital: capital }
        );
        expect(b.feesPaid).toBeCloseTo(a.feesPaid, 12);
        expect(b.finalValue).toBeCloseTo(a.finalValue, 10);
        expect(b.maxDrawdown as number).toBeCloseTo(a.maxDrawdown as number, 10);
      }),
      { numRuns: 20 }
    );
  });

  it("refuses too few rows after the start and mismatched lengths", () => {
    const dates = [FIRST_DAY, FIRST_DAY + 1, FIRST_DAY + 2];
    const result = backtest({ prices: one([100, 110, 99]), dates, rule: [1], lookback: 1 });
    expect(() => strategyMetrics(result, dates)).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    const full = backtest({ prices: one([100, 110, 99]), dates, rule: [1] });
    expect(() => strategyMetrics(full, dates.slice(1))).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "days" })
    );
    expect(() => strategyMetrics(full, dates, { benchmarkReturns: [0] })).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "benchmarkReturns" })
    );
  });

  it("gives the constant curve's Sharpe as its error, not NaN", () => {
    const dates = [FIRST_DAY, FIRST_DAY + 1, FIRST_DAY + 2];
    const m = strategyMetrics(backtest({ prices: one([100, 100, 100]), dates, rule: [1] }), dates);
    expect(m.sharpeRatio).toEqual(expect.objectContaining({ code: "ZERO_VARIANCE" }));
  });
});
