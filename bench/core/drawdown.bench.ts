import { drawdownEpisodes } from "../../src/core/drawdown/drawdownEpisodes";
import { drawdownSeries } from "../../src/core/drawdown/drawdownSeries";
import { longestUnderwater } from "../../src/core/drawdown/longestUnderwater";
import { maxDrawdown } from "../../src/core/drawdown/maxDrawdown";
import type { BenchCase } from "../harness";
import { seededNormal } from "../randomData";

const POINTS = 1_000_000;

/** A geometric random walk of `n` prices (daily vol ≈ 4 %), as one Float64Array. */
function pricePath(n: number, seed: number): Float64Array {
  const normal = seededNormal(seed);
  const out = new Float64Array(n);
  let level = 100;
  for (let t = 0; t < n; t++) {
    level *= Math.exp(0.0002 + 0.04 * normal());
    out[t] = level;
  }
  return out;
}

export const cases: BenchCase[] = [
  {
    name: "drawdownEpisodes (worst 10 of all spells)",
    size: "1,000,000 points",
    units: { count: POINTS, label: "points" },
    setup: () => {
      const prices = pricePath(POINTS, 11);
      return () => drawdownEpisodes(prices, 10);
    },
  },
  {
    name: "drawdownEpisodes (all 272,504 episodes)",
    size: "1,000,000 points",
    units: { count: POINTS, label: "points" },
    setup: () => {
      // An upward trend with noise twice the step: a new spell every few rows, so every episode
      // enters the (unbounded) heap — the worst case for the episode table.
      const normal = seededNormal(12);
      const prices = new Float64Array(POINTS);
      for (let t = 0; t < POINTS; t++) prices[t] = 100 * Math.exp(1e-5 * t + 2e-5 * normal());
      return () => drawdownEpisodes(prices);
    },
  },
  {
    name: "drawdownEpisodes (worst 10 of 272,504)",
    size: "1,000,000 points",
    units: { count: POINTS, label: "points" },
    setup: () => {
      const normal = seededNormal(12);
      const prices = new Float64Array(POINTS);
      for (let t = 0; t < POINTS; t++) prices[t] = 100 * Math.exp(1e-5 * t + 2e-5 * normal());
      return () => drawdownEpisodes(prices, 10);
    },
  },
  {
    name: "drawdownSeries",
    size: "1,000,000 points",
    units: { count: POINTS, label: "points" },
    setup: () => {
      const prices = pricePath(POINTS, 13);
      return () => drawdownSeries(prices);
    },
  },
  {
    name: "maxDrawdown + longestUnderwater",
    size: "1,000,000 points",
    units: { count: POINTS, label: "points" },
    setup: () => {
      const prices = pricePath(POINTS, 14);
      return () => maxDrawdown(prices) + longestUnderwater(prices);
    },
  },
];
