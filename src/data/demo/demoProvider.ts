import { DataError } from "../dataError";
import { dayNumberOf } from "../dayNumberOf";
import { type Clock, systemClock } from "../http/clock";
import type {
  Category,
  DailyCloses,
  DataProvider,
  IndexHolding,
  IndexSummary,
  ListMarketsOptions,
  MarketAsset,
} from "../types";
import { checkCloseRequest } from "../checkCloseRequest";
import { checkLimit } from "../checkLimit";
import { type DemoCloses, generateDemoCloses } from "./generateDemoCloses";
import { DEMO_START_DATE, DEMO_UNIVERSE } from "./demoUniverse";
import { anchorDemoCloses } from "./anchorDemoCloses";
import { DEMO_REFERENCE_DATE, DEMO_REFERENCE_PRICES } from "./demoReferencePrices";

/** The label every demo dataset carries, so no one mistakes it for market data. */
export const DEMO_SOURCE = "demo data";

/** Options of {@link createDemoProvider}. */
export interface DemoProviderOptions {
  /** "Today" comes from here (default the system clock); the history ends on today's UTC date. */
  readonly clock?: Clock;
}

/**
 * The built-in, offline, default provider: the 40 tokens of DEMO_UNIVERSE with sectors and tiers,
 * and daily closes simulated by generateDemoCloses (calibrated regime-switching factor model) from
 * 2020-01-01 to today. Deterministic: every user sees the same demo prices for the same dates.
 * Every dataset has `source: "demo data"` and the provider's display name says "Demo data".
 *
 * Prices: each simulated path is scaled so its close on DEMO_REFERENCE_DATE (2025-06-30) is the
 * token's rounded real close that day (anchorDemoCloses), which keeps market caps and their ranking
 * realistic; returns are untouched by the scaling.
 * Universe: market cap = circulating supply × simulated close of today; rank by that market cap;
 * sectors are the categories (ids are slugs: "layer-1", "defi"). Indices: none yet (index
 * definitions are a later issue), so `listIndices` gives [] and `indexHoldings` rejects notFound.
 * History before 2020-01-01 does not exist: `dailyCloses` returns at most the days since then
 * (`capabilities.maxHistoryDays`), with NaN before a token's listing date.
 *
 * Complexity: the first call of a day simulates all tokens (a few ms); later calls reuse it.
 *
 * @param options injected clock
 * @example (await createDemoProvider().dailyCloses(["BTC"], 30)).source; // => "demo data"
 */
export function createDemoProvider(options: DemoProviderOptions = {}): DataProvider {
  const clock = options.clock ?? systemClock;
  const start = dayNumberOf(DEMO_START_DATE);
  let memo: { days: number; data: DemoCloses } | undefined;

  const anchorRow = dayNumberOf(DEMO_REFERENCE_DATE) - start;
  const simulate = (): DemoCloses => {
    const days = Math.max(1, dayNumberOf(clock.now()) - start + 1);
    if (memo === undefined || memo.days !== days) {
      // Simulate at least through the reference date, pin each path's level there, then keep the
      // days up to today (a longer run extends a shorter one, so the cut is exact).
      const simulated = Math.max(days, anchorRow + 1);
      const full = generateDemoCloses(DEMO_UNIVERSE, simulated);
      anchorDemoCloses(full.closes, simulated, DEMO_UNIVERSE, anchorRow, DEMO_REFERENCE_PRICES);
      memo = { days, data: simulated === days ? full : truncateDemoCloses(full, simulated, days) };
    }
    return memo.data;
  };
  const indexOf = new Map(DEMO_UNIVERSE.map((token, i) => [token.symbol, i]));
  const slug = (sector: string) => sector.toLowerCase().replace(/[^a-z0-9]+/g, "-");

  const provider: DataProvider = {
    id: "demo",
    displayName: "Demo data (offline, simulated prices)",
    get capabilities() {
      return {
        universe: true,
        categories: true,
        dailyCloses: true,
        indices: false,
        maxHistoryDays: Math.max(1, dayNumberOf(clock.now()) - start + 1),
        needsApiKey: false,
      };
    },

    async listMarkets(request: ListMarketsOptions = {}): Promise<MarketAsset[]> {
      const limit = checkLimit(request.limit, 100);
      const data = simulate();
      const days = data.dates.length;
      const ranked = DEMO_UNIVERSE.map((token, i) => {
        const price = data.closes[i * days + days - 1];
        return { token, price, marketCap: token.supply * price };
      }).sort((a, b) => b.marketCap - a.marketCap);
      const wanted = request.category?.trim().toLowerCase();
      if (wanted !== undefined && wanted !== "" && !ranked.some((r) => matches(r.token.sector))) {
        throw new DataError(
          "notFound",
          `Demo data has no category "${request.category}": choose one of ${sectorNames().join(", ")}`
        );
      }
      function matches(sector: string): boolean {
        return (
          wanted === undefined ||
          wanted === "" ||
          sector.toLowerCase() === wanted ||
          slug(sector) === wanted
        );
      }
      return ranked
        .map((r, rank) => ({
          id: r.token.symbol.toLowerCase(),
          symbol: r.token.symbol,
          name: r.token.name,
          sector: r.token.sector,
          tier: r.token.tier,
          price: r.price,
          marketCap: r.marketCap,
          rank: rank + 1,
        }))
        .filter((asset) => matches(asset.sector))
        .slice(0, limit);
    },

    async listCategories(): Promise<Category[]> {
      return sectorNames().map((name) => ({ id: slug(name), name }));
    },

    async dailyCloses(symbols: readonly string[], days: number): Promise<DailyCloses> {
      const wanted = checkCloseRequest(symbols, days);
      const columns = wanted.map((symbol) => {
        const column = indexOf.get(symbol);
        if (column === undefined) {
          throw new DataError(
            "notFound",
            `Demo data has no token ${symbol}: use one of the ${DEMO_UNIVERSE.length} demo tokens (${DEMO_UNIVERSE.map((t) => t.symbol).join(", ")})`
          );
        }
        return column;
      });
      const data = simulate();
      const total = data.dates.length;
      const rows = Math.min(days, total);
      const first = total - rows;
      const closes = new Float64Array(rows * columns.length);
      columns.forEach((column, j) => {
        closes.set(data.closes.subarray(column * total + first, column * total + total), j * rows);
      });
      return {
        provider: "demo",
        source: DEMO_SOURCE,
        symbols: wanted,
        dates: data.dates.slice(first),
        closes,
      };
    },

    async listIndices(): Promise<IndexSummary[]> {
      return [];
    },

    async indexHoldings(indexId: string): Promise<IndexHolding[]> {
      throw new DataError(
        "notFound",
        `Demo data has no index "${indexId}" yet: build an index in the Index tab instead`
      );
    },
  };
  return provider;
}

function sectorNames(): string[] {
  return [...new Set(DEMO_UNIVERSE.map((token) => token.sector))];
}

/** The first `days` rows of a longer simulation (column-major per token). */
function truncateDemoCloses(full: DemoCloses, simulated: number, days: number): DemoCloses {
  const tokens = full.closes.length / simulated;
  const closes = new Float64Array(days * tokens);
  for (let i = 0; i < tokens; i++)
    closes.set(full.closes.subarray(i * simulated, i * simulated + days), i * days);
  return { ...full, dates: full.dates.slice(0, days), closes, bear: full.bear.slice(0, days) };
}
