import { backtest, type WeightRule } from "../../src/core/backtest/backtest";
import { cappedMarketCapWeights } from "../../src/core/indexing/cappedMarketCapWeights";
import { rebalanceTrades } from "../../src/core/rebalance/rebalanceTrades";
import { pricePanel } from "../../src/core/panel/pricePanel";
import type { BenchCase } from "../harness";
import { randomPrices, seededRandom } from "../randomData";

/**
 * Inverse volatility on the trailing window: w_i ∝ 1/σ_i (sample, n−1). Written here because the
 * risk-parity module is developed concurrently; it stands in for any re-estimated rule.
 */
const inverseVolatility: WeightRule = (window) => {
  const { rows, cols, data } = window;
  const w = new Float64Array(cols);
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let k = 0; k < rows; k++) mean += data[j * rows + k];
    mean /= rows;
    let ss = 0;
    for (let k = 0; k < rows; k++) ss += (data[j * rows + k] - mean) ** 2;
    w[j] = 1 / Math.sqrt(ss / (rows - 1));
    sum += w[j];
  }
  for (let j = 0; j < cols; j++) w[j] /= sum;
  return w;
};

const FIVE_YEARS = 1826;
/** 2019-01-01 as a day number. */
const FIRST_DAY = 17897;

export const cases: BenchCase[] = [
  {
    name: "backtest, inverse-vol rule, monthly",
    size: "50 assets × 1,826 days, lookback 90, 10 bps",
    units: { count: 50 * FIVE_YEARS, label: "cells" },
    targetMs: 500,
    setup: () => {
      const prices = pricePanel(randomPrices(FIVE_YEARS, 50, 7));
      const dates = Int32Array.from({ length: FIVE_YEARS }, (_, t) => FIRST_DAY + t);
      return () =>
        backtest({
          prices,
          dates,
          rule: inverseVolatility,
          rebalance: "monthly",
          lookback: 90,
          feeBps: 10,
        });
    },
  },
  {
    name: "backtest, equal weights, ±25 % relative band",
    size: "50 assets × 1,826 days",
    units: { count: 50 * FIVE_YEARS, label: "cells" },
    setup: () => {
      const prices = pricePanel(randomPrices(FIVE_YEARS, 50, 8));
      const dates = Int32Array.from({ length: FIVE_YEARS }, (_, t) => FIRST_DAY + t);
      const weights = new Float64Array(50).fill(1 / 50);
      return () =>
        backtest({
          prices,
          dates,
          rule: weights,
          rebalance: { band: { relative: 0.25 } },
          feeBps: 10,
        });
    },
  },
  {
    name: "capped market-cap weights",
    size: "500 names, cap 5 %, floor 0.05 %",
    units: { count: 500, label: "names" },
    setup: () => {
      const random = seededRandom(3);
      // Pareto-tailed caps, as crypto market caps are: a few giants and a long tail.
      const caps = Float64Array.from({ length: 500 }, () => 1e8 / Math.pow(1 - random(), 1 / 1.1));
      return () => cappedMarketCapWeights(caps, { cap: 0.05, floor: 0.0005 });
    },
  },
  {
    name: "rebalance trades",
    size: "500 assets, ±20 % relative band, 25 bps",
    units: { count: 500, label: "assets" },
    setup: () => {
      const random = seededRandom(4);
      const units = Float64Array.from({ length: 500 }, () => random() * 100);
      const prices = Float64Array.from({ length: 500 }, () => 1 + random() * 99);
      const targets = new Float64Array(500).fill(1 / 500);
      return () => rebalanceTrades({ units, prices, targets, band: { relative: 0.2 }, feeBps: 25 });
    },
  },
];
