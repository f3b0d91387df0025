import { CoreError } from "../../core/errors";
import { createClosesCache, type ClosesCache } from "../cache/createClosesCache";
import type { CacheStore } from "../cache/cacheStore";
import { createMemoryStore } from "../cache/createMemoryStore";
import { createProvider, type ProviderDependencies } from "../createProvider";
import { type Clock, systemClock } from "../http/clock";
import type { DataError } from "../dataError";
import { dayNumberOf } from "../dayNumberOf";
import { isTransientDataError } from "../isDataError";
import { DEFAULT_DATA_SETTINGS, type DataSettings, missingSavedKey } from "../settings";
import { buildIndex, type BuildIndexOptions, type BuiltIndex } from "../indices/buildIndex";
import type { IndexDefinition } from "../indices/indexDefinitions";
import type {
  Category,
  DailyCloses,
  DataProvider,
  ListMarketsOptions,
  MarketAsset,
} from "../types";
import { toIsoDate } from "../toIsoDate";
import { createRequestBatcher, type RequestBatcher } from "./createRequestBatcher";

/** A provider id as in DataSettings. */
export type ProviderId = DataSettings["provider"];

/** Options of {@link createDataContext}; everything is injectable for tests. */
export interface DataContextOptions {
  /** Initial settings (default DEFAULT_DATA_SETTINGS: the demo provider). */
  readonly settings?: DataSettings;
  /** Where the price cache keeps its series (default in memory). */
  readonly store?: CacheStore;
  readonly clock?: Clock;
  /** Builds a provider from settings (default createProvider). */
  readonly createProvider?: (
    settings: DataSettings,
    dependencies: ProviderDependencies
  ) => DataProvider;
  /** How long HISTORY requests are collected into one fetch (default 10 ms). */
  readonly batchDelayMs?: number;
  /** How long a market list (TOP, INDEX) is reused (default 5 minutes). */
  readonly marketsTtlMs?: number;
  /**
   * After a transient failure, how long dailyClosesOrCached answers from the cache without asking
   * the provider again (default 60 s).
   */
  readonly failureCooldownMs?: number;
  /**
   * Reads the stored settings (the shared runtime: after Office.onReady, from the settings store).
   * Applied when it resolves unless setSettings came first (the pane's choice is newer); until then
   * `ready` is pending, so functions Excel calls before the pane renders wait for the saved provider
   * instead of answering from demo data. A failed read keeps the initial settings.
   */
  readonly loadSettings?: () => Promise<DataSettings | undefined>;
}

/** The data state of one JS runtime, shared by the custom functions and the task pane. */
export interface DataContext {
  /** The current settings (keys are held in memory only; the pane persists them in add-in storage). */
  readonly settings: DataSettings;
  /**
   * Settles once the stored settings are in force (at once without `loadSettings`); never rejects.
   * Custom functions await it before reading `settings`.
   */
  readonly ready: Promise<void>;
  /** Replaces the settings: providers are rebuilt on next use; cached prices stay (they do not depend on keys). */
  setSettings(settings: DataSettings): void;
  /**
   * The configured provider, or another one by id with the same keys and URLs (HISTORY's provider
   * argument). Throws CoreError NOT_AVAILABLE "saved key missing: …" (see missingSavedKey) when
   * the settings need a key they no longer hold, rather than quietly using a keyless source.
   */
  provider(id?: ProviderId): DataProvider;
  /** The one price cache of the runtime. */
  readonly cache: ClosesCache;
  readonly clock: Clock;
  /** Daily closes through the cache, batched: many cells recalculating together make one fetch. */
  dailyCloses(
    symbols: readonly string[],
    days: number,
    providerId?: ProviderId
  ): Promise<DailyCloses>;
  /**
   * Daily closes as `dailyCloses` gives them; but when the provider fails for a reason that may
   * pass (offline, timeout, rate limit, server error, unreadable answer: isTransientDataError) and
   * the cache holds every symbol, the cached closes (see ClosesCache.cachedCloses) with the failure,
   * so HISTORY keeps working offline and says so. Any other failure, or a symbol not cached, rejects
   * with the provider's error as before. For a minute after a transient failure (failureCooldownMs)
   * requests the cache can answer are answered from it with that failure, without the provider:
   * offline, each recalculation would otherwise wait out every retry and backoff (~7 s) again.
   */
  dailyClosesOrCached(
    symbols: readonly string[],
    days: number,
    providerId?: ProviderId
  ): Promise<ClosesOrCached>;
  /** The provider's market list, reused for a few minutes (TOP and INDEX cells share it). */
  markets(
    options?: Omit<ListMarketsOptions, "signal">,
    providerId?: ProviderId
  ): Promise<MarketAsset[]>;
  /** The provider's categories, reused for a few minutes (TOP matches a sector name to its id). */
  categories(providerId?: ProviderId): Promise<Category[]>;
  /**
   * Builds an index on the configured provider through this context's market list and price cache:
   * the one call the task pane and DIVERSIFY.INDEX share, so both compute the same index.
   */
  buildIndex(definition: IndexDefinition, options?: ContextIndexOptions): Promise<BuiltIndex>;
}

/** What {@link DataContext.dailyClosesOrCached} answers. */
export interface ClosesOrCached {
  readonly closes: DailyCloses;
  /** Set when `closes` come from the cache because the provider failed: that failure. */
  readonly failure?: DataError;
}

/** Options of {@link DataContext.buildIndex}: buildIndex's, less what the context supplies. */
export type ContextIndexOptions = Omit<BuildIndexOptions, "listMarkets" | "dailyCloses" | "clock">;

/** Market caps and prices move all day, but not enough in five minutes to refetch for every cell. */
const DEFAULT_MARKETS_TTL_MS = 5 * 60_000;

/** Long enough to spare a recalculation storm the retries, short enough to notice a reconnection. */
const DEFAULT_FAILURE_COOLDOWN_MS = 60_000;

/**
 * Creates the data context of a runtime: the current DataSettings (demo by default), the providers
 * built from them by createProvider (one per provider id, built on first use), ONE closes cache for
 * all of them (keyed per provider and symbol), a request batcher per provider in front of the
 * cache, a short-lived memo of market and category lists, and `buildIndex` over all of them (what
 * the pane and INDEX both call). `dailyClosesOrCached` falls back to the cache when the provider
 * fails transiently (HISTORY offline). `setSettings` is what the pane calls when the user
 * changes provider, keys or URLs. Keys stay in this object's memory and are never logged; a new CSV
 * text drops the cached CSV series, since the same symbols then mean other numbers.
 *
 * Complexity: O(1) per call besides the fetch.
 *
 * @param options settings, store, clock, provider factory, batching delay, market-list lifetime
 * @example const context = createDataContext(); context.provider().id; // => "demo"
 */
export function createDataContext(options: DataContextOptions = {}): DataContext {
  const clock = options.clock ?? systemClock;
  const build = options.createProvider ?? createProvider;
  const marketsTtlMs = options.marketsTtlMs ?? DEFAULT_MARKETS_TTL_MS;
  const failureCooldownMs = options.failureCooldownMs ?? DEFAULT_FAILURE_COOLDOWN_MS;
  // The last transient failure of each provider's closes, while it is recent enough to trust.
  let recentFailures = new Map<ProviderId, { at: number; error: DataError }>();
  const cache = createClosesCache({
    store: options.store ?? createMemoryStore(),
    clock,
    maxSymbols: options.settings?.cacheMaxSymbols,
  });
  let settings = options.settings ?? DEFAULT_DATA_SETTINGS;
  let providers = new Map<ProviderId, DataProvider>();
  let batchers = new Map<ProviderId, RequestBatcher>();
  let marketLists = new Map<string, { at: number; list: Promise<MarketAsset[]> }>();
  let categoryLists = new Map<ProviderId, { at: number; list: Promise<Category[]> }>();
  // Reads wait for a pending clear, so the first read after new CSV text cannot see the old series.
  let cleared: Promise<unknown> = Promise.resolve();

  const provider = (id: ProviderId = settings.provider): DataProvider => {
    let built = providers.get(id);
    if (built === undefined) {
      const wanted = id === settings.provider ? settings : { ...settings, provider: id };
      const missing = missingSavedKey(wanted);
      if (missing !== undefined) throw new CoreError("NOT_AVAILABLE", missing);
      built = build(wanted, { clock });
      providers.set(id, built);
    }
    return built;
  };

  /** A list fetched at most once per `marketsTtlMs`; a failed fetch is not remembered. */
  function remember<K, T>(
    memo: Map<K, { at: number; list: Promise<T> }>,
    key: K,
    fetch: () => Promise<T>
  ): Promise<T> {
    const now = clock.now();
    const kept = memo.get(key);
    if (kept !== undefined && now - kept.at < marketsTtlMs) return kept.list;
    const list = fetch();
    memo.set(key, { at: now, list });
    list.catch(() => {
      if (memo.get(key)?.list === list) memo.delete(key);
    });
    return list;
  }

  // Set by setSettings, so stored settings read late never override the pane's newer choice.
  let settingsChosen = false;
  const loadSettings = options.loadSettings;
  // Started after `context` exists (a then-callback), so a loader that throws at once is caught too.
  const ready: Promise<void> =
    loadSettings === undefined
      ? Promise.resolve()
      : Promise.resolve()
          .then(loadSettings)
          .then((stored) => {
            if (stored !== undefined && !settingsChosen) context.setSettings(stored);
          })
          .catch(() => undefined);

  const context: DataContext = {
    get settings() {
      return settings;
    },
    get ready() {
      return ready;
    },
    setSettings(next) {
      settingsChosen = true;
      if (next.csv.text !== settings.csv.text) {
        cleared = cache.clear("csv").catch(() => undefined);
      }
      settings = next;
      providers = new Map();
      batchers = new Map();
      marketLists = new Map();
      categoryLists = new Map();
      // New keys, URLs or proxy may well fix the failure: ask the provider again at once.
      recentFailures = new Map();
    },
    provider,
    cache,
    clock,
    dailyCloses(symbols, days, providerId = settings.provider) {
      let batcher = batchers.get(providerId);
      if (batcher === undefined) {
        const source = provider(providerId);
        batcher = createRequestBatcher((s, d) => cache.dailyCloses(source, s, d), {
          delayMs: options.batchDelayMs,
          clock,
        });
        batchers.set(providerId, batcher);
      }
      const ready = batcher;
      return cleared.then(() => ready.dailyCloses(symbols, days));
    },
    async dailyClosesOrCached(symbols, days, providerId = settings.provider) {
      // Cached closes that already reach today are not stale, whatever failed beside them (a
      // batch fails as a whole when one of its symbols needed the provider).
      const fromCache = (closes: DailyCloses, failure: DataError): ClosesOrCached =>
        closes.dates[closes.dates.length - 1] >= toIsoDate(dayNumberOf(clock.now()))
          ? { closes }
          : { closes, failure };
      const readCache = () =>
        cleared.then(() => cache.cachedCloses(provider(providerId).id, symbols, days));
      const recent = recentFailures.get(providerId);
      if (recent !== undefined && clock.now() - recent.at < failureCooldownMs) {
        const closes = await readCache();
        if (closes !== undefined) return fromCache(closes, recent.error);
      }
      try {
        const closes = await context.dailyCloses(symbols, days, providerId);
        recentFailures.delete(providerId);
        return { closes };
      } catch (error) {
        if (!isTransientDataError(error)) throw error;
        recentFailures.set(providerId, { at: clock.now(), error });
        const closes = await readCache();
        if (closes === undefined) throw error;
        return fromCache(closes, error);
      }
    },
    markets(request = {}, providerId = settings.provider) {
      const key = `${providerId}|${request.limit ?? ""}|${request.category ?? ""}`;
      return remember(marketLists, key, () => provider(providerId).listMarkets(request));
    },
    categories(providerId = settings.provider) {
      return remember(categoryLists, providerId, () => provider(providerId).listCategories());
    },
    buildIndex(definition, indexOptions = {}) {
      return buildIndex(definition, provider(), {
        ...indexOptions,
        clock,
        listMarkets: ({ limit, category }) => context.markets({ limit, category }),
        dailyCloses: (symbols, days) => context.dailyCloses(symbols, days),
      });
    },
  };
  return context;
}
