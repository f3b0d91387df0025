import fc from "fast-check";
import { dailyClosesFromChart } from "../../../src/data/coingecko/dailyClosesFromChart";
import { dayNumberOf } from "../../../src/data/dayNumberOf";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("dailyClosesFromChart", () => {
  it("dates the 00:00 UTC snapshot of day D as the close of D − 1 and drops the intraday point", () => {
    const prices = Object.freeze([
      [Date.UTC(2026, 0, 9), 41000],
      [Date.UTC(2026, 0, 10), 42000],
      [Date.UTC(2026, 0, 10, 12, 34), 43000], // the "now" point of the call
    ]);
    expect(dailyClosesFromChart(prices)).toEqual(
      new Map([
        [dayNumberOf("2026-01-08"), 41000],
        [dayNumberOf("2026-01-09"), 42000],
      ])
    );
    expect(prices).toHaveLength(3);
  });

  it("keeps the snapshot nearest midnight when a day has two, and tolerates a late one (≤ 1 h)", () => {
    const midnight = Date.UTC(2026, 0, 10);
    expect(
      dailyClosesFromChart([
        [midnight + 30 * 60_000, 2], // e.g. the "now" point of a call at 00:30
        [midnight + 5_000, 1],
      ])
    ).toEqual(new Map([[dayNumberOf("2026-01-09"), 1]]));
    expect(dailyClosesFromChart([[midnight + HOUR + 1, 5]])).toEqual(new Map());
  });

  it("reads a missing or non-positive price as NaN, and refuses entries that are not pairs", () => {
    const midnight = Date.UTC(2026, 0, 10);
    expect(
      dailyClosesFromChart([
        [midnight, null],
        [midnight + DAY, -1],
      ])
    ).toEqual(
      new Map([
        [dayNumberOf("2026-01-09"), NaN],
        [dayNumberOf("2026-01-10"), NaN],
      ])
    );
    expect(dailyClosesFromChart([["2026-01-10", 1]])).toBeUndefined();
    expect(dailyClosesFromChart([42])).toBeUndefined();
  });

  it("gives one close per snapshot day, each dated the day before, whatever intraday points are mixed in (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 18_000, max: 21_000 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: HOUR + 1, max: DAY - 1 }), { maxLength: 10 }),
        (days, offsets) => {
          const prices: [number, number][] = days.map((d) => [d * DAY, d]);
          // intraday points carry a price no snapshot has, so one leaking through would show
          offsets.forEach((o, i) => prices.push([days[i % days.length] * DAY + o, -1]));
          const out = dailyClosesFromChart(prices)!;
          expect(out.size).toBe(days.length);
          for (const d of days) expect(out.get(d - 1)).toBe(d);
        }
      )
    );
  });
});
