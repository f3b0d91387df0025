import fc from "fast-check";
import { createTokenBucket } from "../../../src/data/http/tokenBucket";
import { DataError } from "../../../src/data/dataError";
import { fakeClock } from "../helpers/fakeServer";

describe("createTokenBucket", () => {
  it("allows a burst of callsPerMinute, then spaces calls 60/callsPerMinute s apart", async () => {
    const clock = fakeClock(0);
    const bucket = createTokenBucket(3, clock); // 3 per minute: one token per 20 s
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(clock.sleeps).toEqual([20_000, 20_000]);
  });

  it("refills with time, up to its capacity", () => {
    const clock = fakeClock(0);
    const bucket = createTokenBucket(60, clock);
    expect(bucket.available()).toBe(60);
    clock.advance(3_600_000);
    expect(bucket.available()).toBe(60);
  });

  it("gives a cancelled caller's reservation back", async () => {
    const clock = fakeClock(0);
    const bucket = createTokenBucket(1, clock);
    await bucket.take();
    const controller = new AbortController();
    controller.abort();
    await expect(bucket.take(controller.signal)).rejects.toBeInstanceOf(DataError);
    expect(bucket.available()).toBeCloseTo(0, 10);
  });

  it("holds at most `burst` tokens when one is given, refilling at the same rate", async () => {
    const clock = fakeClock(0);
    const bucket = createTokenBucket(10, clock, 3); // keyless CoinGecko: 10/min, 3 at once
    expect(bucket.available()).toBe(3);
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(clock.sleeps).toEqual([6_000, 6_000]);
    clock.advance(3_600_000);
    expect(bucket.available()).toBe(3);
  });

  it("rejects a burst below 1", () => {
    expect(() => createTokenBucket(10, fakeClock(0), 0.5)).toThrow(
      "burst must be at least 1; got 0.5"
    );
  });

  it("rejects a budget that is not above 0", () => {
    expect(() => createTokenBucket(0, fakeClock(0))).toThrow(
      "callsPerMinute must be above 0; got 0"
    );
  });

  it("never lets more than burst + elapsed·rate calls through (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 120 }),
        async (perMinute, calls, burst) => {
          const clock = fakeClock(0);
          const bucket = createTokenBucket(perMinute, clock, burst);
          for (let i = 0; i < calls; i++) await bucket.take();
          expect(calls).toBeLessThanOrEqual(burst + (clock.now() * perMinute) / 60_000 + 1e-9);
        }
      ),
      { numRuns: 50 }
    );
  });
});
