import type { CacheStore, SeriesRecord } from "../cache/cacheStore";

/**
 * A cache store that uses `primary` (IndexedDB in the browser) until it fails once, then `fallback`
 * (memory) for the rest of the session. IndexedDB can be missing or refuse to open (private
 * browsing, storage quota, a blocked upgrade); the price cache must then keep working rather than
 * fail every HISTORY cell, at the cost of persistence. Reads after the switch see only what the
 * fallback holds, so the cache refetches: never older data presented as newer.
 *
 * Complexity: one extra promise per call.
 *
 * @param primary the preferred store
 * @param fallback the store used after the primary's first failure
 * @example const store = createFallbackStore(createIndexedDbStore(), createMemoryStore());
 */
export function createFallbackStore(primary: CacheStore, fallback: CacheStore): CacheStore {
  let failed = false;
  const run = async <T>(work: (store: CacheStore) => Promise<T>): Promise<T> => {
    if (!failed) {
      try {
        return await work(primary);
      } catch {
        failed = true;
      }
    }
    return work(fallback);
  };
  return {
    get: (key: string) => run((store) => store.get(key)),
    set: (key: string, record: SeriesRecord) => run((store) => store.set(key, record)),
    delete: (key: string) => run((store) => store.delete(key)),
    keys: () => run((store) => store.keys()),
  };
}
