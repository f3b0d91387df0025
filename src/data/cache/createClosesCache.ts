import { checkCloseRequest } from "../checkCloseRequest";
import { dayNumberOf } from "../dayNumberOf";
import { type Clock, systemClock } from "../http/clock";
import { toIsoDate } from "../toIsoDate";
import { assembleCachedCloses } from "./assembleCachedCloses";
import type { CallOptions, DailyCloses, DataProvider } from "../types";
import type { CacheStore, SeriesRecord } from "./cacheStore";

/** Options of {@link createClosesCache}. */
export interface ClosesCacheOptions {
  readonly store: CacheStore;
  /** Most series kept; the least recently used go first (default 500). */
  readonly maxSymbols?: number;
  readonly clock?: Clock;
}

/** One line of the cache status shown in the Data tab. */
export interface CacheEntryStatus {
  readonly provider: string;
  readonly symbol: string;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly fetchedAt: number;
}

/** The price cache; see {@link createClosesCache}. */
export interface ClosesCache {
  /**
   * The last `days` daily closes of `symbols` from `provider`, fetching only what the cache lacks:
   * nothing when the series reaches today and was fetched today; the missing tail (from the last
   * cached day, refetched because it may have been intraday) when it is behind; the whole window
   * when older history is asked than is cached. Rows are the days with at least one close.
   */
  dailyCloses(
    provider: DataProvider,
    symbols: readonly string[],
    days: number,
    options?: CallOptions
  ): Promise<DailyCloses>;
  /**
   * What the cache alone can say about the last `days` daily closes of `symbols` from provider
   * `providerId`, without asking the provider (HISTORY's fallback when the provider is unreachable):
   * the window's days up to the last day cached for every symbol, or undefined when some symbol has
   * no cached close in the window. Reads only; recency and records are left as they are.
   */
  cachedCloses(
    providerId: string,
    symbols: readonly string[],
    days: number
  ): Promise<DailyCloses | undefined>;
  /** What is cached, for the Data tab. */
  status(): Promise<CacheEntryStatus[]>;
  /** Drops every series of `provider` (or all when undefined): "refresh all". */
  clear(provider?: string): Promise<void>;
}

const DEFAULT_MAX_SYMBOLS = 500;

/**
 * A per-provider, per-symbol cache of daily closes over a CacheStore (IndexedDB in the browser,
 * memory in Node). New days are merged into the stored history (a fetched value replaces the cached
 * one for its day; a day the fetch lacks keeps its cached value), so a daily refresh asks the
 * provider for a day or two instead of years. The number of series is bounded: beyond `maxSymbols`
 * the least recently used are deleted. Recency is kept in memory and written with each record, so
 * after a reload the order is that of the last writes.
 *
 * Calls to the provider are grouped by how many days each symbol needs (usually one call). A failed
 * fetch rejects and never removes or shortens a cached series: a group is written only after its
 * fetch succeeded, and then merged into the old record, so what an earlier fetch brought stays
 * available to `cachedCloses` while the provider is down.
 *
 * Complexity: a fully cached read is O(symbols × days) copying, no provider call.
 *
 * @param options the store, the bound, the clock
 * @example const cache = createClosesCache({ store: createMemoryStore() });
 *   await cache.dailyCloses(createDemoProvider(), ["BTC", "ETH"], 365);
 */
export function createClosesCache(options: ClosesCacheOptions): ClosesCache {
  const store = options.store;
  const clock = options.clock ?? systemClock;
  const maxSymbols = options.maxSymbols ?? DEFAULT_MAX_SYMBOLS;
  if (!Number.isInteger(maxSymbols) || maxSymbols < 1) {
    throw new RangeError(`maxSymbols must be a whole number of at least 1; got ${maxSymbols}`);
  }
  let recency: Map<string, number> | undefined;

  const keyOf = (provider: string, symbol: string) => `${provider}|${symbol}`;

  const loadRecency = async (): Promise<Map<string, number>> => {
    if (recency !== undefined) return recency;
    const loaded = new Map<string, number>();
    for (const key of await store.keys()) {
      const record = await store.get(key);
      if (record !== undefined) loaded.set(key, record.lastUsed);
    }
    recency = loaded;
    return loaded;
  };

  const evict = async (used: Map<string, number>, keep: ReadonlySet<string>) => {
    if (used.size <= maxSymbols) return;
    const order = [...used.entries()].filter(([key]) => !keep.has(key)).sort((a, b) => a[1] - b[1]);
    for (const [key] of order) {
      if (used.size <= maxSymbols) break;
      used.delete(key);
      await store.delete(key);
    }
  };

  async function read(
    provider: DataProvider,
    wanted: string[],
    days: number,
    call: CallOptions
  ): Promise<DailyCloses> {
    const used = await loadRecency();
    const now = clock.now();
    const today = dayNumberOf(now);
    const first = today - days + 1;
    const records: (SeriesRecord | undefined)[] = [];
    const need = new Map<number, string[]>();
    for (const symbol of wanted) {
      const record = await store.get(keyOf(provider.id, symbol));
      records.push(record);
      let fetchDays = 0;
      if (record === undefined || record.firstDay > first) {
        fetchDays = days;
      } else {
        const lastDay = record.firstDay + record.closes.length - 1;
        const fresh = lastDay >= today && dayNumberOf(record.fetchedAt) >= today;
        if (!fresh) fetchDays = today - Math.min(lastDay, today) + 1;
      }
      if (fetchDays > 0) need.set(fetchDays, [...(need.get(fetchDays) ?? []), symbol]);
    }

    for (const [fetchDays, group] of need) {
      const fetched = await provider.dailyCloses(group, fetchDays, call);
      const rows = fetched.dates.length;
      const fetchedDays = fetched.dates.map((date) => dayNumberOf(date));
      for (let g = 0; g < group.length; g++) {
        const j = wanted.indexOf(group[g]);
        const column = fetched.symbols.indexOf(group[g]);
        const old = records[j];
        const windowFirst = today - fetchDays + 1;
        const start = Math.min(old?.firstDay ?? windowFirst, windowFirst);
        const end = Math.max(
          old === undefined ? today : old.firstDay + old.closes.length - 1,
          today
        );
        const closes = new Float64Array(end - start + 1).fill(NaN);
        if (old !== undefined) closes.set(old.closes, old.firstDay - start);
        for (let t = 0; t < rows; t++) {
          const value = fetched.closes[column * rows + t];
          const at = fetchedDays[t] - start;
          // Keep only finite values inside the span; a provider's stray day outside it is ignored.
          if (Number.isFinite(value) && at >= 0 && at < closes.length) closes[at] = value;
        }
        const record: SeriesRecord = {
          provider: provider.id,
          symbol: group[g],
          source: fetched.source,
          firstDay: start,
          closes,
          fetchedAt: now,
          lastUsed: now,
        };
        records[j] = record;
        await store.set(keyOf(provider.id, group[g]), record);
      }
    }

    const keep = new Set(wanted.map((symbol) => keyOf(provider.id, symbol)));
    for (const key of keep) used.set(key, now);
    await evict(used, keep);

    return assembleCachedCloses(provider.id, wanted, records as SeriesRecord[], first, today);
  }

  async function readCached(
    providerId: string,
    wanted: string[],
    days: number
  ): Promise<DailyCloses | undefined> {
    const today = dayNumberOf(clock.now());
    const first = today - days + 1;
    const records: SeriesRecord[] = [];
    // End at the last day EVERY symbol is cached through, so no column ends in gaps that the
    // price parsers downstream would reject as a blank inside a series.
    let last = today;
    for (const symbol of wanted) {
      const record = await store.get(keyOf(providerId, symbol));
      if (record === undefined) return undefined;
      records.push(record);
      last = Math.min(last, record.firstDay + record.closes.length - 1);
    }
    if (last < first) return undefined;
    const out = assembleCachedCloses(providerId, wanted, records, first, last);
    const rows = out.dates.length;
    for (let j = 0; j < wanted.length; j++) {
      let any = false;
      for (let t = 0; t < rows && !any; t++) any = !Number.isNaN(out.closes[j * rows + t]);
      if (!any) return undefined;
    }
    return out;
  }

  // Reads run one after another: Excel recalculates many HISTORY cells at once, and a second
  // read of the same symbols must see what the first fetched rather than fetch it again.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    async dailyCloses(provider, symbols, days, call = {}) {
      const wanted = checkCloseRequest(symbols, days);
      return exclusive(() => read(provider, wanted, days, call));
    },

    async cachedCloses(providerId, symbols, days) {
      const wanted = checkCloseRequest(symbols, days);
      return exclusive(() => readCached(providerId, wanted, days));
    },

    async status() {
      const out: CacheEntryStatus[] = [];
      for (const key of await store.keys()) {
        const record = await store.get(key);
        if (record === undefined) continue;
        out.push({
          provider: record.provider,
          symbol: record.symbol,
          firstDate: toIsoDate(record.firstDay),
          lastDate: toIsoDate(record.firstDay + record.closes.length - 1),
          fetchedAt: record.fetchedAt,
        });
      }
      return out;
    },

    async clear(provider) {
      const used = await loadRecency();
      for (const key of await store.keys()) {
        if (provider === undefined || key.startsWith(`${provider}|`)) {
          used.delete(key);
          await store.delete(key);
        }
      }
    },
  };
}
