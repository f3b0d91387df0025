import { backtest, type BacktestInput } from "../../src/core/backtest/backtest";
import { momentumTilt } from "../../src/core/adaptive/momentumTilt";
import { regimeSwitch } from "../../src/core/adaptive/regimeSwitch";
import { trendFilter } from "../../src/core/adaptive/trendFilter";
import { volatilityTarget } from "../../src/core/adaptive/volatilityTarget";
import type { AdaptiveRule } from "../../src/core/adaptive/adaptiveRule";
import { pricePanel } from "../../src/core/panel/pricePanel";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

const TOKENS = 20;
const FIVE_YEARS = 1826;
/** 2019-01-01 as a day number. */
const FIRST_DAY = 17897;
const SIZE = "20 tokens × 1,826 days, monthly, signalLag 1, 4 % cash, 10 bps";

function market(seed: number): Pick<BacktestInput, "prices" | "dates"> {
  return {
    prices: pricePanel(randomPrices(FIVE_YEARS, TOKENS, seed)),
    dates: Int32Array.from({ length: FIVE_YEARS }, (_, t) => FIRST_DAY + t),
  };
}

const equal = new Float64Array(TOKENS).fill(1 / TOKENS);
const tiers = Array.from({ length: TOKENS }, (_, j) =>
  j < 5 ? "large" : j < 12 ? "mid" : "small"
);

function run(data: Pick<BacktestInput, "prices" | "dates">, rule: AdaptiveRule) {
  return backtest({
    ...data,
    rule,
    rebalance: "monthly",
    lookback: rule.minLookback,
    signalLag: 1,
    cashRate: 0.04,
    feeBps: 10,
  });
}

function ruleCase(name: string, seed: number, rule: AdaptiveRule): BenchCase {
  return {
    name: `adaptive backtest, ${name}`,
    size: SIZE,
    units: { count: TOKENS * FIVE_YEARS, label: "cells" },
    setup: () => {
      const data = market(seed);
      return () => run(data, rule);
    },
  };
}

export const cases: BenchCase[] = [
  ruleCase(
    "volatility target 60 % (30-day sample σ)",
    11,
    volatilityTarget(equal, { target: 0.6 })
  ),
  ruleCase("trend filter (200-day SMA, freed to cash)", 12, trendFilter(equal, { window: 200 })),
  ruleCase(
    "momentum tilt (90-day rank in 3 tiers)",
    13,
    momentumTilt(equal, { tiers, window: 90 })
  ),
  ruleCase(
    "regime switch (30-day average correlation, 365-day history, top 20 % → cash)",
    14,
    regimeSwitch(equal, "cash", { indicator: "correlation" })
  ),
  {
    name: "five strategies: vol-targeted trend-filtered index, BTC, ETH, equal weight, cap weight",
    size: SIZE,
    units: { count: 5 * TOKENS * FIVE_YEARS, label: "cells" },
    targetMs: 300,
    setup: () => {
      const data = market(15);
      const index = volatilityTarget(trendFilter(equal, { window: 200 }), { target: 0.6 });
      const single = (j: number) =>
        Float64Array.from({ length: TOKENS }, (_, k) => (k === j ? 1 : 0));
      // Pareto-like caps: a few large tokens, as a market-cap weighting has.
      const caps = Float64Array.from({ length: TOKENS }, (_, j) => 1 / (j + 1) ** 1.2);
      const capTotal = caps.reduce((s, x) => s + x, 0);
      const capWeights = caps.map((x) => x / capTotal);
      const fixed = (rule: Float64Array) =>
        backtest({
          ...data,
          rule,
          rebalance: "monthly",
          lookback: index.minLookback + 1,
          feeBps: 10,
        });
      return () => [
        run(data, index),
        fixed(single(0)),
        fixed(single(1)),
        fixed(equal),
        fixed(capWeights),
      ];
    },
  },
];
