import type { CacheStore, SeriesRecord } from "./cacheStore";

/**
 * An in-memory CacheStore for Node and tests. `set` stores a copy (as IndexedDB's structured clone
 * would), so a caller changing its array afterwards cannot change the cache; `get` returns the stored
 * record without copying, which the cache never mutates.
 *
 * Complexity: O(1) per get/delete, O(series length) per set.
 *
 * @example const store = createMemoryStore(); await store.keys(); // => []
 */
export function createMemoryStore(): CacheStore {
  const records = new Map<string, SeriesRecord>();
  return {
    async get(key) {
      return records.get(key);
    },
    async set(key, record) {
      records.set(key, { ...record, closes: Float64Array.from(record.closes) });
    },
    async delete(key) {
      records.delete(key);
    },
    async keys() {
      return [...records.keys()];
    },
  };
}
