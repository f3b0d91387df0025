import { DataError } from "../../../src/data/dataError";
import { checkCloseRequest } from "../../../src/data/checkCloseRequest";
import type { Clock } from "../../../src/data/http/clock";
import type { DailyCloses, DataProvider, MarketAsset } from "../../../src/data/types";

/** What a {@link countingProvider} was asked. */
export interface ProviderLog {
  closes: Array<{ symbols: string[]; days: number }>;
  markets: number;
  /** The category of each listMarkets call (undefined = all). */
  categories: Array<string | undefined>;
}

const MS_PER_DAY = 86_400_000;

/**
 * A provider without network for the runtime and functions tests. Closes of the symbol whose first
 * letter has char code k, on the day `ago` days before today, are 100·k + ago (so BTC today is 6600).
 * "NOPE" is unknown (notFound); `lagDays` makes the data end that many days before today (stale).
 * `failCloses(error)` makes every later dailyCloses call reject with `error` (undefined: work again),
 * for the offline fallback tests.
 */
export function countingProvider(
  clock: Clock,
  options: { id?: string; lagDays?: number; failMarkets?: boolean } = {}
): {
  provider: DataProvider;
  log: ProviderLog;
  failCloses: (error: Error | undefined) => void;
} {
  const log: ProviderLog = { closes: [], markets: 0, categories: [] };
  let closesError: Error | undefined;
  const lag = options.lagDays ?? 0;
  const assets: MarketAsset[] = [
    {
      id: "btc",
      symbol: "BTC",
      name: "Bitcoin",
      sector: "Store of value",
      rank: 1,
      price: 6600,
      marketCap: 1000,
    },
    {
      id: "eth",
      symbol: "ETH",
      name: "Ethereum",
      sector: "Layer 1",
      rank: 2,
      price: 6900,
      marketCap: 500,
    },
    { id: "sol", symbol: "SOL", name: "Solana", sector: "Layer 1", rank: 3, marketCap: 200 },
  ];
  const provider: DataProvider = {
    id: options.id ?? "fake",
    displayName: "Fake provider",
    capabilities: {
      universe: true,
      categories: true,
      dailyCloses: true,
      indices: false,
      maxHistoryDays: 400,
      needsApiKey: false,
    },
    async listMarkets(request = {}) {
      log.markets += 1;
      log.categories.push(request.category);
      if (options.failMarkets)
        throw new DataError("providerDown", "Fake is down (503): try again later");
      return assets.slice(0, request.limit ?? 100);
    },
    async listCategories() {
      return [{ id: "decentralized-finance-defi", name: "DeFi" }];
    },
    async dailyCloses(symbols, days): Promise<DailyCloses> {
      const wanted = checkCloseRequest(symbols, days);
      log.closes.push({ symbols: wanted, days });
      if (closesError !== undefined) throw closesError;
      const unknown = wanted.find((s) => s === "NOPE");
      if (unknown)
        throw new DataError("notFound", `Fake has no token ${unknown}: check the ticker`);
      const rows = Math.max(0, days - lag);
      const today = Math.floor(clock.now() / MS_PER_DAY);
      const dates = Array.from({ length: rows }, (_, t) =>
        new Date((today - lag - (rows - 1 - t)) * MS_PER_DAY).toISOString().slice(0, 10)
      );
      const closes = new Float64Array(rows * wanted.length);
      wanted.forEach((s, j) => {
        for (let t = 0; t < rows; t++)
          closes[j * rows + t] = 100 * s.charCodeAt(0) + lag + (rows - 1 - t);
      });
      return { provider: provider.id, source: "fake data", symbols: wanted, dates, closes };
    },
    async listIndices() {
      return [];
    },
    async indexHoldings(id) {
      throw new DataError("notFound", `Fake has no index ${id}`);
    },
  };
  return {
    provider,
    log,
    failCloses: (error) => {
      closesError = error;
    },
  };
}
