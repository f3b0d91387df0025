import fc from "fast-check";
import { dayNumberOf } from "../../src/data/dayNumberOf";
import oracle from "../fixtures/data/dates-oracle.json";

describe("dayNumberOf", () => {
  it("counts days since 1970-01-01 (hand-worked: 2025-01-01 = 55 years of 365 days + 14 leap days = 20089)", () => {
    // 1970..2024 is 55 years; leap years 1972, 1976, …, 2024 are 14: 55·365 + 14 = 20089.
    expect(dayNumberOf("2025-01-01")).toBe(20089);
  });

  it("matches Python's datetime on the oracle dates", () => {
    for (const [iso, days] of oracle.dayNumbers as [string, number][])
      expect(dayNumberOf(iso)).toBe(days);
  });

  it("gives the UTC day of an epoch time in ms", () => {
    expect(dayNumberOf(Date.UTC(2025, 0, 1, 23, 59, 59))).toBe(20089);
    expect(dayNumberOf(Date.UTC(2025, 0, 2))).toBe(20090);
  });

  it("returns NaN for text that is not a calendar date", () => {
    for (const bad of ["2025-02-30", "2025-13-01", "2025-1-1", "01.01.2025", "", "2023-02-29"]) {
      expect(dayNumberOf(bad)).toBeNaN();
    }
  });

  it("is strictly increasing across consecutive days (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (day) => {
        const ms = day * 86_400_000;
        expect(dayNumberOf(new Date(ms).toISOString().slice(0, 10))).toBe(day);
      }),
      { numRuns: 100 }
    );
  });
});
