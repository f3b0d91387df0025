import { createMemoryStore } from "../../../src/data/cache/createMemoryStore";

describe("createMemoryStore", () => {
  const record = () => ({
    provider: "demo",
    symbol: "BTC",
    source: "demo data",
    firstDay: 20089,
    closes: new Float64Array([1, 2, NaN]),
    fetchedAt: 5,
    lastUsed: 5,
  });

  it("round-trips a record", async () => {
    const store = createMemoryStore();
    await store.set("demo|BTC", record());
    expect(await store.get("demo|BTC")).toEqual(record());
    expect(await store.keys()).toEqual(["demo|BTC"]);
    await store.delete("demo|BTC");
    expect(await store.get("demo|BTC")).toBeUndefined();
  });

  it("stores a copy, so the caller's array can change without changing the cache", async () => {
    const store = createMemoryStore();
    const mine = record();
    await store.set("k", mine);
    mine.closes[0] = 99;
    expect((await store.get("k"))?.closes[0]).toBe(1);
  });
});
