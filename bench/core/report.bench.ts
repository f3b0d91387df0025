import { composeAdaptiveRule } from "../../src/core/adaptive/composeAdaptiveRule";
import { schemeRule } from "../../src/core/adaptive/schemeRule";
import { trailingWindow } from "../../src/core/adaptive/trailingWindow";
import { pricePanel } from "../../src/core/panel/pricePanel";
import { indexReport } from "../../src/core/report/indexReport";
import type { ReportStrategy } from "../../src/core/report/types";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/** Issue 14's size: 20 tokens × 5 years of daily prices, all five strategies, ≤ 300 ms. */
const TOKENS = 20;
const FIVE_YEARS = 1826;
/** 2019-01-01 as a day number. */
const FIRST_DAY = 17897;
const SIZE = "20 tokens × 1,826 days, 5 strategies, monthly, 10 bps, rolling 365-day Sharpe";

function reportCase(name: string, seed: number, index: () => ReportStrategy): BenchCase {
  return {
    name: `index report, ${name}`,
    size: SIZE,
    targetMs: 300,
    units: { count: TOKENS * FIVE_YEARS, label: "cells" },
    setup: () => {
      const prices = pricePanel(randomPrices(FIVE_YEARS, TOKENS, seed));
      const labels = prices.labels.map((l, j) => (j === 0 ? "BTC" : j === 1 ? "ETH" : l));
      const panel = { ...prices, labels };
      const dates = Int32Array.from({ length: FIVE_YEARS }, (_, t) => FIRST_DAY + t);
      const caps = Float64Array.from({ length: TOKENS }, (_, j) => 1000 / (j + 1));
      const strategy = index();
      return () =>
        indexReport({
          prices: panel,
          dates,
          index: strategy,
          marketCaps: caps,
          feeBps: 10,
          rollingWindow: 365,
        });
    },
  };
}

const erc = () => schemeRule("erc", "sample");

export const cases: BenchCase[] = [
  reportCase("capped market cap (fixed weights)", 21, () => ({
    name: "Top 20, capped at 10 %",
    rule: new Float64Array(TOKENS).fill(1 / TOKENS),
  })),
  reportCase("ERC on 365 days", 22, () => ({ name: "Top 20 ERC", rule: erc(), lookback: 365 })),
  reportCase("ERC 365 days, trend 200 to cash, 4 % cash", 23, () => {
    const rule = composeAdaptiveRule(
      trailingWindow(erc(), 365),
      [{ kind: "trend", text: "trend 200", window: 200 }],
      { periodsPerYear: 365, estimationRows: 365 }
    );
    return {
      name: "Top 20 ERC, trend 200",
      rule,
      lookback: Math.max(365, rule.minLookback),
      signalLag: 1,
      cashRate: 0.04,
    };
  }),
  reportCase("HRP 365 days, regime switch to min-variance", 24, () => {
    const rule = composeAdaptiveRule(
      trailingWindow(schemeRule("hrp", "sample"), 365),
      [
        {
          kind: "regime",
          text: "regime volatility 0.8 365 minvar",
          indicator: "volatility",
          quantile: 0.8,
          history: 365,
          stressed: "minvar",
        },
      ],
      { periodsPerYear: 365, estimationRows: 365 }
    );
    return {
      name: "Top 20 HRP, regime",
      rule,
      lookback: Math.max(365, rule.minLookback),
      signalLag: 1,
      cashRate: 0,
    };
  }),
];
