import fc from "fast-check";
import { dayNumberOf } from "../../src/data/dayNumberOf";
import { toIsoDate } from "../../src/data/toIsoDate";
import oracle from "../fixtures/data/dates-oracle.json";

describe("toIsoDate", () => {
  it("formats day 0 as the epoch and day 59 as 1970-03-01 (31 + 28 days later)", () => {
    expect(toIsoDate(0)).toBe("1970-01-01");
    expect(toIsoDate(59)).toBe("1970-03-01");
  });

  it("matches Python's datetime on the oracle dates", () => {
    for (const [iso, days] of oracle.dayNumbers as [string, number][])
      expect(toIsoDate(days)).toBe(iso);
  });

  it("is the inverse of dayNumberOf (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (day) => {
        expect(dayNumberOf(toIsoDate(day))).toBe(day);
      }),
      { numRuns: 100 }
    );
  });
});
