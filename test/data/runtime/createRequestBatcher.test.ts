import fc from "fast-check";
import { isCoreError } from "../../../src/core/errors";
import { DataError } from "../../../src/data/dataError";
import { createDemoProvider } from "../../../src/data/demo/demoProvider";
import { createRequestBatcher } from "../../../src/data/runtime/createRequestBatcher";
import type { DailyCloses } from "../../../src/data/types";
import { fakeClock } from "../helpers/fakeServer";

const TODAY = Date.UTC(2025, 5, 30, 15); // 2025-06-30

/** A counting fake: closes of symbol k on day d are 100·(k+1) + d; "NOPE" is unknown. */
function countingFetcher() {
  const calls: Array<{ symbols: string[]; days: number }> = [];
  const fetch = async (symbols: readonly string[], days: number): Promise<DailyCloses> => {
    calls.push({ symbols: [...symbols], days });
    if (symbols.includes("NOPE")) throw new DataError("notFound", "Fake has no token NOPE");
    const dates = Array.from({ length: days }, (_, t) =>
      new Date(TODAY - (days - 1 - t) * 86_400_000).toISOString().slice(0, 10)
    );
    const closes = new Float64Array(days * symbols.length);
    symbols.forEach((s, j) => {
      const k = s.charCodeAt(0);
      for (let t = 0; t < days; t++) closes[j * days + t] = 100 * k + (days - 1 - t);
    });
    return { provider: "fake", source: "fake data", symbols: [...symbols], dates, closes };
  };
  return { calls, fetch };
}

describe("createRequestBatcher", () => {
  it("makes one fetch for many cells: the union of their symbols over the longest window", async () => {
    const { calls, fetch } = countingFetcher();
    const batcher = createRequestBatcher(fetch, { clock: fakeClock(TODAY), delayMs: 5 });
    const answers = await Promise.all([
      batcher.dailyCloses(["BTC", "ETH"], 3),
      batcher.dailyCloses(["eth", "SOL"], 5),
      batcher.dailyCloses(["BTC"], 2),
    ]);
    expect(calls).toEqual([{ symbols: ["BTC", "ETH", "SOL"], days: 5 }]);
    // Each answer is its own window: 3 days of BTC, ETH (closes 100·66 + 2, +1, +0 for B = 66).
    expect(answers[0].symbols).toEqual(["BTC", "ETH"]);
    expect(answers[0].dates).toEqual(["2025-06-28", "2025-06-29", "2025-06-30"]);
    expect(Array.from(answers[0].closes)).toEqual([6602, 6601, 6600, 6902, 6901, 6900]);
    expect(answers[1].dates).toHaveLength(5);
    expect(answers[1].symbols).toEqual(["ETH", "SOL"]);
    expect(Array.from(answers[2].closes)).toEqual([6601, 6600]);
  });

  it("answers each request exactly as a fetch of it alone would (demo provider, random requests)", async () => {
    const provider = createDemoProvider({ clock: fakeClock(TODAY) });
    const universe = ["BTC", "ETH", "SOL", "SUI", "ARB", "PAXG"];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            symbols: fc.subarray(universe, { minLength: 1 }),
            days: fc.integer({ min: 1, max: 1200 }),
          }),
          { minLength: 1, maxLength: 6 }
        ),
        async (requests) => {
          let fetches = 0;
          const batcher = createRequestBatcher(
            (s, d) => {
              fetches += 1;
              return provider.dailyCloses(s, d);
            },
            { clock: fakeClock(TODAY), delayMs: 1 }
          );
          const answers = await Promise.all(
            requests.map((r) => batcher.dailyCloses(r.symbols, r.days))
          );
          expect(fetches).toBe(1);
          for (let i = 0; i < requests.length; i++) {
            const alone = await provider.dailyCloses(requests[i].symbols, requests[i].days);
            // The demo provider keeps days without any close (before listing); the batch keeps the
            // days on which one of the request's symbols has a close.
            const rows = alone.dates.length;
            const keep = alone.dates.map((_, t) =>
              alone.symbols.some((_, j) => !Number.isNaN(alone.closes[j * rows + t]))
            );
            expect(answers[i].dates).toEqual(alone.dates.filter((_, t) => keep[t]));
            expect(answers[i].symbols).toEqual(alone.symbols);
            const expected: number[] = [];
            alone.symbols.forEach((_, j) => {
              for (let t = 0; t < rows; t++) if (keep[t]) expected.push(alone.closes[j * rows + t]);
            });
            expect(Array.from(answers[i].closes)).toEqual(expected);
          }
        }
      ),
      { numRuns: 25 }
    );
  });

  it("a failed batch is retried request by request, so only the cell with the bad symbol fails", async () => {
    const { calls, fetch } = countingFetcher();
    const batcher = createRequestBatcher(fetch, { clock: fakeClock(TODAY), delayMs: 1 });
    const [good, bad] = await Promise.allSettled([
      batcher.dailyCloses(["BTC"], 2),
      batcher.dailyCloses(["NOPE"], 2),
    ]);
    expect(good.status).toBe("fulfilled");
    expect(bad.status).toBe("rejected");
    expect((bad as PromiseRejectedResult).reason.message).toBe("Fake has no token NOPE");
    expect(calls).toHaveLength(3); // the batch, then each alone
  });

  it("a transient failure (provider down, offline) fails every cell at once, without a fetch per cell", async () => {
    const calls: string[][] = [];
    const down = new DataError("providerDown", "Fake is down (503): try again later", 503);
    const batcher = createRequestBatcher(
      async (symbols) => {
        calls.push([...symbols]);
        throw down;
      },
      { clock: fakeClock(TODAY), delayMs: 1 }
    );
    const answers = await Promise.allSettled([
      batcher.dailyCloses(["BTC"], 2),
      batcher.dailyCloses(["ETH"], 3),
      batcher.dailyCloses(["SOL", "BTC"], 4),
    ]);
    expect(answers.map((a) => (a as PromiseRejectedResult).reason)).toEqual([down, down, down]);
    expect(calls).toEqual([["BTC", "ETH", "SOL"]]);
  });

  it("a lone failing request fails once, with the fetcher's error", async () => {
    const { calls, fetch } = countingFetcher();
    const batcher = createRequestBatcher(fetch, { clock: fakeClock(TODAY), delayMs: 1 });
    await expect(batcher.dailyCloses(["NOPE"], 2)).rejects.toThrow("Fake has no token NOPE");
    expect(calls).toHaveLength(1);
  });

  it("starts a new batch after each fetch (later cells fetch again)", async () => {
    const { calls, fetch } = countingFetcher();
    const batcher = createRequestBatcher(fetch, { clock: fakeClock(TODAY), delayMs: 1 });
    await batcher.dailyCloses(["BTC"], 2);
    await batcher.dailyCloses(["ETH"], 2);
    expect(calls).toHaveLength(2);
  });

  it.each([
    [[], 5, "symbols is empty"],
    [["BTC", ""], 5, "symbols: entry 2 is blank"],
    [["BTC", "btc"], 5, "symbols lists BTC twice"],
    [["BTC"], 0, "days must be a whole number of at least 1; got 0"],
  ])("INVALID_ARGUMENT for %j, %d days, without fetching", async (symbols, days, message) => {
    const { calls, fetch } = countingFetcher();
    const batcher = createRequestBatcher(fetch, { delayMs: 1 });
    const error = await batcher.dailyCloses(symbols, days).catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("INVALID_ARGUMENT");
    expect((error as Error).message).toContain(message);
    expect(calls).toHaveLength(0);
  });

  it("leaves the requested symbol lists unchanged", async () => {
    const { fetch } = countingFetcher();
    const batcher = createRequestBatcher(fetch, { clock: fakeClock(TODAY), delayMs: 1 });
    const symbols = Object.freeze(["btc", " eth"]);
    await batcher.dailyCloses(symbols, 2);
    expect(symbols).toEqual(["btc", " eth"]);
  });
});
