import { DEMO_UNIVERSE } from "../src/data/demo/demoUniverse";
import { generateDemoCloses } from "../src/data/demo/generateDemoCloses";
import { buildIndex } from "../src/data/indices/buildIndex";
import { INDEX_DEFINITIONS } from "../src/data/indices/indexDefinitions";
import type { DailyCloses, MarketAsset } from "../src/data/types";
import type { BenchCase } from "./harness";

const FIVE_YEARS = 1826;

/**
 * The demo universe's 5-year closes and a market list ranked by each token's last close times a
 * fixed supply of 1 (the ranking does not matter for the timing; every index gets its full top N).
 */
function demoData(): { markets: MarketAsset[]; closes: DailyCloses } {
  const demo = generateDemoCloses(DEMO_UNIVERSE, FIVE_YEARS);
  const symbols = DEMO_UNIVERSE.map((t) => t.symbol);
  const markets = DEMO_UNIVERSE.map((t, j) => ({
    id: t.symbol.toLowerCase(),
    symbol: t.symbol,
    name: t.name,
    sector: t.sector,
    marketCap: 1e9 * (DEMO_UNIVERSE.length - j),
    rank: j + 1,
  }));
  return {
    markets,
    closes: {
      provider: "demo",
      source: "demo data",
      symbols,
      dates: demo.dates,
      closes: demo.closes,
    },
  };
}

/**
 * One build of each adaptive index as of the last day (what the pane's Build and DIVERSIFY.INDEX
 * compute once the closes are fetched): the base weighting, the rule on its window, the CASH row.
 */
export const cases: BenchCase[] = INDEX_DEFINITIONS.filter((d) => d.adaptive !== undefined).map(
  (definition) => ({
    name: `adaptive index build, ${definition.id}`,
    size: `top ${definition.universe.top} of 40 demo tokens × 1,826 days, rule "${definition.adaptive!.rule}"`,
    setup: () => {
      const data = demoData();
      return () => buildIndex(definition, { ...data, source: "demo data" });
    },
  })
);
