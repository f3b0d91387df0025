import type { CacheStore, SeriesRecord } from "./cacheStore";

const STORE_NAME = "closes";

/**
 * A CacheStore on IndexedDB, for the browser and the Office shared runtime.
 *
 * Why IndexedDB and not OfficeRuntime.storage: OfficeRuntime.storage holds at most 10 MB per domain,
 * shared by everything the add-in stores, and only strings (prices would be JSON text, ~2–3× their
 * binary size). Five years of daily closes are 1,826 × 8 bytes ≈ 15 kB per symbol as a Float64Array;
 * a few hundred symbols over several years would crowd the 10 MB out. IndexedDB stores typed arrays
 * natively (structured clone), its quota is a share of the disk (hundreds of MB or more), and it is
 * available in every runtime Excel uses for add-ins (Edge WebView2, WKWebView, browsers).
 * OfficeRuntime.storage remains the place for the small settings.
 *
 * Each record is one value keyed by "provider|SYMBOL" in the object store "closes" of database
 * `databaseName` (version 1).
 *
 * @param databaseName IndexedDB database name (default "diversify-cache")
 * @param factory the IDBFactory (default globalThis.indexedDB); injectable for tests
 * @throws Error when no IndexedDB is available (use createMemoryStore instead)
 * @example const store = createIndexedDbStore(); await store.keys();
 */
export function createIndexedDbStore(
  databaseName = "diversify-cache",
  factory: IDBFactory | undefined = globalThis.indexedDB
): CacheStore {
  if (factory === undefined) {
    throw new Error("IndexedDB is not available here; use createMemoryStore for the price cache");
  }
  const idb = factory;
  let opening: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.open(databaseName, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE_NAME))
          request.result.createObjectStore(STORE_NAME);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error("could not open the price cache"));
    });
    return opening;
  };
  const run = async <T>(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest
  ): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE_NAME, mode);
      const request = action(transaction.objectStore(STORE_NAME));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () =>
        reject(transaction.error ?? new Error("price cache transaction failed"));
      transaction.onabort = () =>
        reject(transaction.error ?? new Error("price cache transaction aborted"));
    });
  };
  return {
    get: (key) => run<SeriesRecord | undefined>("readonly", (store) => store.get(key)),
    set: async (key, record) => {
      await run<IDBValidKey>("readwrite", (store) => store.put(record, key));
    },
    delete: async (key) => {
      await run<undefined>("readwrite", (store) => store.delete(key));
    },
    keys: async () =>
      (await run<IDBValidKey[]>("readonly", (store) => store.getAllKeys())).map(String),
  };
}
