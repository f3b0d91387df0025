import { assembleCachedCloses } from "../src/data/cache/assembleCachedCloses";
import type { SeriesRecord } from "../src/data/cache/cacheStore";
import { createMemoryStore } from "../src/data/cache/createMemoryStore";
import { DEMO_UNIVERSE } from "../src/data/demo/demoUniverse";
import { generateDemoCloses } from "../src/data/demo/generateDemoCloses";
import type { BenchCase } from "./harness";

const FIVE_YEARS = 1826;
const FIRST_DAY = 18262; // 2020-01-01

/**
 * 50 cached series of 5 years (the 40 demo tokens, then 10 of them again under other names), as the
 * price cache stores them.
 */
function fiftyRecords(): SeriesRecord[] {
  const demo = generateDemoCloses(DEMO_UNIVERSE, FIVE_YEARS);
  return Array.from({ length: 50 }, (_, j) => {
    const column = j % DEMO_UNIVERSE.length;
    return {
      provider: "demo",
      symbol: j < 40 ? DEMO_UNIVERSE[column].symbol : `X${DEMO_UNIVERSE[column].symbol}`,
      source: "demo data",
      firstDay: FIRST_DAY,
      closes: demo.closes.slice(column * FIVE_YEARS, (column + 1) * FIVE_YEARS),
      fetchedAt: 0,
      lastUsed: 0,
    };
  });
}

export const cases: BenchCase[] = [
  {
    name: "demo universe generation",
    size: "40 tokens × 1,826 days (5 years)",
    units: { count: 40 * FIVE_YEARS, label: "closes" },
    targetMs: 100,
    setup: () => () => generateDemoCloses(DEMO_UNIVERSE, FIVE_YEARS),
  },
  {
    // The harness times synchronous work, and the cache's store API is async; this times what a
    // cached read computes (assembling the answer from the stored series). The store lookups of
    // the in-memory store are Map gets.
    name: "price cache read (assemble 50 cached series)",
    size: "50 symbols × 1,826 days (5 years)",
    units: { count: 50 * FIVE_YEARS, label: "closes" },
    setup: () => {
      const records = fiftyRecords();
      const symbols = records.map((r) => r.symbol);
      return () =>
        assembleCachedCloses("demo", symbols, records, FIRST_DAY, FIRST_DAY + FIVE_YEARS - 1);
    },
  },
  {
    name: "memory store write (copy) of 50 series",
    size: "50 symbols × 1,826 days (5 years)",
    units: { count: 50 * FIVE_YEARS, label: "closes" },
    setup: () => {
      const records = fiftyRecords();
      const store = createMemoryStore();
      return () => records.map((r) => store.set(`demo|${r.symbol}`, r));
    },
  },
];
