/**
 * A minimal in-memory IDBFactory with the part of the IndexedDB API createIndexedDbStore uses
 * (open with upgrade, one object store, get / put / delete / getAllKeys in a transaction), firing
 * its events asynchronously like a browser and cloning values with structuredClone. Jest runs in
 * Node, which has no IndexedDB.
 */
export function fakeIndexedDb(): IDBFactory {
  const databases = new Map<string, Map<string, Map<string, unknown>>>();
  const later = (fn: () => void) => setTimeout(fn, 0);

  const open = (name: string) => {
    const request: Record<string, unknown> = {};
    later(() => {
      let stores = databases.get(name);
      const isNew = stores === undefined;
      if (stores === undefined) {
        stores = new Map();
        databases.set(name, stores);
      }
      const known = stores;
      const db = {
        objectStoreNames: { contains: (store: string) => known.has(store) },
        createObjectStore: (store: string) => known.set(store, new Map()),
        transaction: (store: string) => {
          const data = known.get(store);
          if (data === undefined) throw new Error(`NotFoundError: no object store ${store}`);
          const transaction: Record<string, unknown> = {};
          const requests: Record<string, unknown>[] = [];
          const make = (result: () => unknown) => {
            const r: Record<string, unknown> = {};
            requests.push(r);
            later(() => {
              r.result = result();
              later(() => (transaction.oncomplete as () => void)?.());
            });
            return r;
          };
          transaction.objectStore = () => ({
            get: (key: string) =>
              make(() => (data.has(key) ? structuredClone(data.get(key)) : undefined)),
            put: (value: unknown, key: string) =>
              make(() => (data.set(key, structuredClone(value)), key)),
            delete: (key: string) => make(() => (data.delete(key), undefined)),
            getAllKeys: () => make(() => [...data.keys()].sort()),
          });
          return transaction;
        },
      };
      request.result = db;
      if (isNew) (request.onupgradeneeded as (() => void) | undefined)?.();
      (request.onsuccess as () => void)();
    });
    return request;
  };
  return { open } as unknown as IDBFactory;
}
