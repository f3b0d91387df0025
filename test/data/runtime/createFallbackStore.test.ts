import type { CacheStore, SeriesRecord } from "../../../src/data/cache/cacheStore";
import { createMemoryStore } from "../../../src/data/cache/createMemoryStore";
import { createFallbackStore } from "../../../src/data/runtime/createFallbackStore";

const RECORD: SeriesRecord = {
  provider: "demo",
  symbol: "BTC",
  source: "demo data",
  firstDay: 20000,
  closes: Float64Array.of(1, 2, 3),
  fetchedAt: 0,
  lastUsed: 0,
};

/** A store whose every call rejects, as IndexedDB does when it cannot open. */
function brokenStore(): CacheStore & { calls: number } {
  const store = {
    calls: 0,
    get: () => fail(),
    set: () => fail(),
    delete: () => fail(),
    keys: () => fail(),
  };
  function fail(): Promise<never> {
    store.calls += 1;
    return Promise.reject(new Error("IndexedDB open blocked"));
  }
  return store;
}

describe("createFallbackStore", () => {
  it("uses the primary store while it works, leaving the fallback empty", async () => {
    const primary = createMemoryStore();
    const fallback = createMemoryStore();
    const store = createFallbackStore(primary, fallback);
    await store.set("demo|BTC", RECORD);
    expect(await store.get("demo|BTC")).toEqual(RECORD);
    expect(await primary.keys()).toEqual(["demo|BTC"]);
    expect(await fallback.keys()).toEqual([]);
    await store.delete("demo|BTC");
    expect(await store.keys()).toEqual([]);
  });

  it("switches to the fallback for good after the primary's first failure", async () => {
    const primary = brokenStore();
    const fallback = createMemoryStore();
    const store = createFallbackStore(primary, fallback);
    expect(await store.keys()).toEqual([]);
    await store.set("demo|BTC", RECORD);
    expect(await store.get("demo|BTC")).toEqual(RECORD);
    expect(await fallback.keys()).toEqual(["demo|BTC"]);
    expect(primary.calls).toBe(1);
  });

  it("passes a failure of the fallback on (nothing left to fall back to)", async () => {
    const store = createFallbackStore(brokenStore(), brokenStore());
    await expect(store.get("demo|BTC")).rejects.toThrow("IndexedDB open blocked");
  });

  it("leaves the record it stores unchanged", async () => {
    const store = createFallbackStore(brokenStore(), createMemoryStore());
    const record = Object.freeze({ ...RECORD, closes: Float64Array.of(1, 2, 3) });
    await store.set("demo|BTC", record);
    expect(Array.from(record.closes)).toEqual([1, 2, 3]);
  });
});
