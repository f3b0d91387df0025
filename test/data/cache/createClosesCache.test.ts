import fc from "fast-check";
import { createClosesCache } from "../../../src/data/cache/createClosesCache";
import { createMemoryStore } from "../../../src/data/cache/createMemoryStore";
import { DataError } from "../../../src/data/dataError";
import { createDemoProvider } from "../../../src/data/demo/demoProvider";
import type { DailyCloses, DataProvider } from "../../../src/data/types";
import { dataErrorOf, fakeClock, type FakeClock } from "../helpers/fakeServer";

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 10, 9);

/** Wraps a provider and records each dailyCloses call as "SYM,SYM:days". */
function recording(inner: DataProvider): DataProvider & { calls: string[]; fail?: boolean } {
  const wrapper = {
    ...inner,
    calls: [] as string[],
    fail: false,
    async dailyCloses(symbols: readonly string[], days: number): Promise<DailyCloses> {
      wrapper.calls.push(`${symbols.join(",")}:${days}`);
      if (wrapper.fail) throw new DataError("providerDown", "Demo is down");
      return inner.dailyCloses(symbols, days);
    },
  };
  return wrapper;
}

/** A provider with hand-set closes per ISO date: values[symbol][date]. */
function tableProvider(
  clock: FakeClock,
  values: Record<string, Record<string, number>>
): DataProvider & { calls: string[] } {
  const demo = createDemoProvider({ clock });
  const calls: string[] = [];
  return {
    ...demo,
    id: "table",
    calls,
    async dailyCloses(symbols, days) {
      calls.push(`${symbols.join(",")}:${days}`);
      const today = Math.floor(clock.now() / DAY);
      const dates = Array.from({ length: days }, (_, i) =>
        new Date((today - days + 1 + i) * DAY).toISOString().slice(0, 10)
      );
      const closes = new Float64Array(days * symbols.length);
      symbols.forEach((s, j) =>
        dates.forEach((d, t) => (closes[j * days + t] = values[s]?.[d] ?? NaN))
      );
      return { provider: "table", source: "table", symbols: [...symbols], dates, closes };
    },
  };
}

/** A cheap provider: close = day number + symbol offset; "NEW" has no close before 2025-03-01. */
function formulaProvider(clock: FakeClock): DataProvider {
  const demo = createDemoProvider({ clock });
  const listed = Date.UTC(2025, 2, 1) / DAY;
  return {
    ...demo,
    id: "formula",
    async dailyCloses(symbols, days) {
      const today = Math.floor(clock.now() / DAY);
      const dates = Array.from({ length: days }, (_, i) =>
        new Date((today - days + 1 + i) * DAY).toISOString().slice(0, 10)
      );
      const closes = new Float64Array(days * symbols.length);
      symbols.forEach((s, j) =>
        dates.forEach((_, t) => {
          const day = today - days + 1 + t;
          closes[j * days + t] = s === "NEW" && day < listed ? NaN : day + s.charCodeAt(0) / 1000;
        })
      );
      return { provider: "formula", source: "formula", symbols: [...symbols], dates, closes };
    },
  };
}

describe("createClosesCache", () => {
  it("fetches once, then serves from the cache the same day, then fetches only the tail (hand-worked)", async () => {
    const clock = fakeClock(T0);
    const demo = createDemoProvider({ clock });
    const provider = recording(demo);
    const cache = createClosesCache({ store: createMemoryStore(), clock });
    const first = await cache.dailyCloses(provider, ["BTC", "ETH"], 30);
    expect(provider.calls).toEqual(["BTC,ETH:30"]);
    expect(first).toEqual(await demo.dailyCloses(["BTC", "ETH"], 30));
    await cache.dailyCloses(provider, ["btc"], 10);
    expect(provider.calls).toHaveLength(1);
    // Two days later: cached up to 03-10, today 03-12 → refetch 03-10 (maybe intraday) + 2 new days = 3.
    clock.advance(2 * DAY);
    const later = await cache.dailyCloses(provider, ["BTC", "ETH"], 30);
    expect(provider.calls).toEqual(["BTC,ETH:30", "BTC,ETH:3"]);
    expect(later).toEqual(await demo.dailyCloses(["BTC", "ETH"], 30));
  });

  it("serves concurrent reads of the same symbols with one fetch", async () => {
    const clock = fakeClock(T0);
    const provider = recording(createDemoProvider({ clock }));
    const cache = createClosesCache({ store: createMemoryStore(), clock });
    const [a, b] = await Promise.all([
      cache.dailyCloses(provider, ["BTC"], 30),
      cache.dailyCloses(provider, ["BTC"], 30),
    ]);
    expect(a).toEqual(b);
    expect(provider.calls).toEqual(["BTC:30"]);
  });

  it("fetches the whole window when older history is asked than is cached", async () => {
    const clock = fakeClock(T0);
    const provider = recording(createDemoProvider({ clock }));
    const cache = createClosesCache({ store: createMemoryStore(), clock });
    await cache.dailyCloses(provider, ["BTC"], 10);
    await cache.dailyCloses(provider, ["BTC", "SOL"], 100);
    expect(provider.calls).toEqual(["BTC:10", "BTC,SOL:100"]);
  });

  it("merges new days into old history: new values replace old ones, missing ones keep them", async () => {
    const clock = fakeClock(Date.UTC(2025, 0, 3, 12));
    const provider = tableProvider(clock, {
      BTC: { "2025-01-01": 1, "2025-01-02": 2, "2025-01-03": 3 },
    });
    const cache = createClosesCache({ store: createMemoryStore(), clock });
    await cache.dailyCloses(provider, ["BTC"], 3);
    clock.advance(DAY);
    // the provider now revises 01-03 to 3.5, adds 01-04 = 4
    provider.calls.length = 0;
    const values = { "2025-01-03": 3.5, "2025-01-04": 4 };
    const next = tableProvider(clock, { BTC: values });
    Object.assign(provider, { dailyCloses: next.dailyCloses });
    const out = await cache.dailyCloses(provider, ["BTC"], 4);
    expect(out.dates).toEqual(["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"]);
    expect(Array.from(out.closes)).toEqual([1, 2, 3.5, 4]);
    expect(next.calls).toEqual(["BTC:2"]);
  });

  it("keeps at most maxSymbols series, dropping the least recently used", async () => {
    const clock = fakeClock(T0);
    const store = createMemoryStore();
    const provider = recording(createDemoProvider({ clock }));
    const cache = createClosesCache({ store, clock, maxSymbols: 2 });
    await cache.dailyCloses(provider, ["BTC"], 5);
    clock.advance(1000);
    await cache.dailyCloses(provider, ["ETH"], 5);
    clock.advance(1000);
    await cache.dailyCloses(provider, ["BTC"], 5); // BTC is now more recent than ETH
    clock.advance(1000);
    await cache.dailyCloses(provider, ["SOL"], 5);
    expect((await store.keys()).sort()).toEqual(["demo|BTC", "demo|SOL"]);
    expect((await cache.status()).map((s) => s.symbol).sort()).toEqual(["BTC", "SOL"]);
  });

  it("persists through its store: a new cache over the same store needs no fetch", async () => {
    const clock = fakeClock(T0);
    const store = createMemoryStore();
    const provider = recording(createDemoProvider({ clock }));
    const before = await createClosesCache({ store, clock }).dailyCloses(
      provider,
      ["BTC", "XMR"],
      60
    );
    const after = await createClosesCache({ store, clock }).dailyCloses(
      provider,
      ["BTC", "XMR"],
      60
    );
    expect(after).toEqual(before);
    expect(provider.calls).toHaveLength(1);
    const status = await createClosesCache({ store, clock }).status();
    expect(status).toContainEqual({
      provider: "demo",
      symbol: "BTC",
      firstDate: "2025-01-10",
      lastDate: "2025-03-10",
      fetchedAt: T0,
    });
  });

  it("leaves the cache as it was when a fetch fails", async () => {
    const clock = fakeClock(T0);
    const provider = recording(createDemoProvider({ clock }));
    const cache = createClosesCache({ store: createMemoryStore(), clock });
    const before = await cache.dailyCloses(provider, ["BTC"], 20);
    clock.advance(DAY);
    provider.fail = true;
    expect((await dataErrorOf(cache.dailyCloses(provider, ["BTC"], 20))).kind).toBe("providerDown");
    const status = await cache.status();
    expect(status[0].lastDate).toBe(before.dates[before.dates.length - 1]);
  });

  it("never wipes cached closes when a refresh fails: every record stays as it was, byte for byte", async () => {
    const clock = fakeClock(T0);
    const store = createMemoryStore();
    const provider = recording(createDemoProvider({ clock }));
    const cache = createClosesCache({ store, clock });
    await cache.dailyCloses(provider, ["BTC", "ETH"], 30);
    const before = await Promise.all(["demo|BTC", "demo|ETH"].map((key) => store.get(key)));
    clock.advance(3 * DAY);
    provider.fail = true;
    // A tail refresh (4 days) and a longer window (the whole 60 days) both fail…
    expect((await dataErrorOf(cache.dailyCloses(provider, ["BTC", "ETH"], 30))).kind).toBe(
      "providerDown"
    );
    expect((await dataErrorOf(cache.dailyCloses(provider, ["BTC"], 60))).kind).toBe("providerDown");
    expect(provider.calls).toEqual(["BTC,ETH:30", "BTC,ETH:4", "BTC:60"]);
    // …and leave the records, closes and fetch times included, untouched.
    const after = await Promise.all(["demo|BTC", "demo|ETH"].map((key) => store.get(key)));
    expect(after).toEqual(before);
    // Still behind, so the next read once the provider is back asks for the same tail again.
    provider.fail = false;
    await cache.dailyCloses(provider, ["BTC", "ETH"], 30);
    expect(provider.calls[3]).toBe("BTC,ETH:4");
  });

  it("keeps a symbol's old closes when another symbol's fetch in the same read fails", async () => {
    const clock = fakeClock(T0);
    const store = createMemoryStore();
    const demo = createDemoProvider({ clock });
    const cache = createClosesCache({ store, clock });
    const first = await cache.dailyCloses(demo, ["BTC"], 10);
    clock.advance(DAY);
    // BTC needs its 2-day tail, SOL its whole window: two groups; SOL's fails after BTC's is merged.
    const failing: DataProvider = {
      ...demo,
      async dailyCloses(symbols, days) {
        if (symbols.includes("SOL")) throw new DataError("timeout", "Demo did not answer");
        return demo.dailyCloses(symbols, days);
      },
    };
    expect((await dataErrorOf(cache.dailyCloses(failing, ["BTC", "SOL"], 10))).kind).toBe(
      "timeout"
    );
    const btc = await store.get("demo|BTC");
    expect(Array.from(btc!.closes.subarray(0, 10))).toEqual(Array.from(first.closes));
    expect(btc!.closes).toHaveLength(11);
    expect(await store.get("demo|SOL")).toBeUndefined();
  });

  describe("cachedCloses", () => {
    it("serves the cached part of the window, ending where every symbol is cached, without a fetch", async () => {
      const clock = fakeClock(T0);
      const provider = recording(createDemoProvider({ clock }));
      const cache = createClosesCache({ store: createMemoryStore(), clock });
      const earlier = await cache.dailyCloses(provider, ["BTC", "ETH"], 10);
      await cache.dailyCloses(provider, ["SOL"], 10);
      clock.advance(DAY);
      await cache.dailyCloses(provider, ["SOL"], 10); // SOL now reaches a day further than BTC, ETH
      clock.advance(2 * DAY);
      provider.calls.length = 0;
      // Window 03-04..03-13; BTC and ETH end 03-10, so rows 03-04..03-10: the last 7 fetched.
      const out = await cache.cachedCloses("demo", ["eth", "SOL", "BTC"], 10);
      expect(provider.calls).toEqual([]);
      expect(out?.symbols).toEqual(["ETH", "SOL", "BTC"]);
      expect(out?.dates).toEqual(earlier.dates.slice(3));
      expect(Array.from(out!.closes.subarray(0, 7))).toEqual(
        Array.from(earlier.closes.subarray(13, 20))
      );
      expect(Array.from(out!.closes.subarray(14, 21))).toEqual(
        Array.from(earlier.closes.subarray(3, 10))
      );
      expect(out?.source).toBe("demo data");
    });

    it("is undefined when a symbol is not cached, or has no close in the window", async () => {
      const clock = fakeClock(T0);
      const cache = createClosesCache({ store: createMemoryStore(), clock });
      await cache.dailyCloses(createDemoProvider({ clock }), ["BTC"], 5);
      expect(await cache.cachedCloses("demo", ["BTC", "ETH"], 5)).toBeUndefined();
      expect(await cache.cachedCloses("coingecko", ["BTC"], 5)).toBeUndefined();
      clock.advance(10 * DAY);
      expect(await cache.cachedCloses("demo", ["BTC"], 5)).toBeUndefined();
      expect((await cache.cachedCloses("demo", ["BTC"], 11))?.dates).toEqual(["2025-03-10"]);
    });

    it("changes nothing in the store", async () => {
      const clock = fakeClock(T0);
      const store = createMemoryStore();
      const cache = createClosesCache({ store, clock });
      await cache.dailyCloses(createDemoProvider({ clock }), ["BTC"], 5);
      const before = await store.get("demo|BTC");
      clock.advance(DAY);
      await cache.cachedCloses("demo", ["BTC"], 5);
      expect(await store.get("demo|BTC")).toBe(before);
    });
  });

  it("clears one provider or all", async () => {
    const clock = fakeClock(T0);
    const store = createMemoryStore();
    const cache = createClosesCache({ store, clock });
    await cache.dailyCloses(createDemoProvider({ clock }), ["BTC"], 3);
    await cache.clear("coingecko");
    expect(await store.keys()).toEqual(["demo|BTC"]);
    await cache.clear();
    expect(await store.keys()).toEqual([]);
  });

  it("rejects a bound below 1", () => {
    expect(() => createClosesCache({ store: createMemoryStore(), maxSymbols: 0 })).toThrow(
      "maxSymbols must be a whole number of at least 1; got 0"
    );
  });

  it("always answers what the provider would, whatever the request history (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            days: fc.integer({ min: 1, max: 120 }),
            advance: fc.integer({ min: 0, max: 3 }),
            symbol: fc.constantFrom("BTC", "ETH", "NEW"),
          }),
          {
            minLength: 1,
            maxLength: 6,
          }
        ),
        async (requests) => {
          const clock = fakeClock(T0);
          const demo = formulaProvider(clock);
          const cache = createClosesCache({ store: createMemoryStore(), clock, maxSymbols: 2 });
          for (const request of requests) {
            clock.advance(request.advance * DAY);
            const got = await cache.dailyCloses(demo, [request.symbol], request.days);
            const want = await demo.dailyCloses([request.symbol], request.days);
            // the cache drops days with no close at all (NEW before its listing); the provider keeps them
            const keep = want.dates.map((_, t) => !Number.isNaN(want.closes[t]));
            expect(got.dates).toEqual(want.dates.filter((_, t) => keep[t]));
            expect(Array.from(got.closes)).toEqual(
              Array.from(want.closes).filter((_, t) => keep[t])
            );
          }
        }
      ),
      { numRuns: 60 }
    );
  });

  it("leaves the symbols array unchanged", async () => {
    const clock = fakeClock(T0);
    const symbols = Object.freeze(["btc", "eth"]);
    await createClosesCache({ store: createMemoryStore(), clock }).dailyCloses(
      createDemoProvider({ clock }),
      symbols,
      5
    );
    expect(symbols).toEqual(["btc", "eth"]);
  });
});
