import { createClosesCache } from "../../../src/data/cache/createClosesCache";
import { createIndexedDbStore } from "../../../src/data/cache/createIndexedDbStore";
import { createDemoProvider } from "../../../src/data/demo/demoProvider";
import { fakeClock } from "../helpers/fakeServer";
import { fakeIndexedDb } from "../helpers/fakeIndexedDb";

const record = {
  provider: "demo",
  symbol: "BTC",
  source: "demo data",
  firstDay: 20089,
  closes: new Float64Array([1, NaN, 3]),
  fetchedAt: 7,
  lastUsed: 7,
};

describe("createIndexedDbStore", () => {
  it("round-trips records, keys and deletes through IndexedDB (in-memory fake)", async () => {
    const store = createIndexedDbStore("test-db", fakeIndexedDb());
    await store.set("demo|BTC", record);
    const back = await store.get("demo|BTC");
    expect(back).toEqual(record);
    // structuredClone in Jest yields another realm's Float64Array, so compare the tag, not the constructor
    expect(Object.prototype.toString.call(back?.closes)).toBe("[object Float64Array]");
    expect(await store.keys()).toEqual(["demo|BTC"]);
    await store.delete("demo|BTC");
    expect(await store.get("demo|BTC")).toBeUndefined();
  });

  it("persists across store instances on the same database, so the cache survives a reload", async () => {
    const idb = fakeIndexedDb();
    const clock = fakeClock(Date.UTC(2025, 2, 10));
    const demo = createDemoProvider({ clock });
    const first = await createClosesCache({
      store: createIndexedDbStore("prices", idb),
      clock,
    }).dailyCloses(demo, ["BTC"], 30);
    let fetched = 0;
    const counting = {
      ...demo,
      dailyCloses: (...args: Parameters<typeof demo.dailyCloses>) => (
        fetched++,
        demo.dailyCloses(...args)
      ),
    };
    const again = await createClosesCache({
      store: createIndexedDbStore("prices", idb),
      clock,
    }).dailyCloses(counting, ["BTC"], 30);
    expect(again).toEqual(first);
    expect(fetched).toBe(0);
  });

  it("says so when no IndexedDB is available", () => {
    expect(() => createIndexedDbStore("x", undefined)).toThrow(
      "IndexedDB is not available here; use createMemoryStore for the price cache"
    );
  });

  it("stores a copy of the record (structured clone)", async () => {
    const store = createIndexedDbStore("copy-db", fakeIndexedDb());
    const mine = { ...record, closes: Float64Array.from(record.closes) };
    await store.set("k", mine);
    mine.closes[0] = 99;
    expect((await store.get("k"))?.closes[0]).toBe(1);
  });
});
