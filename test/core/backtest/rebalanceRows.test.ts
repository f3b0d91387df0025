import fc from "fast-check";
import { rebalanceRows } from "../../../src/core/backtest/rebalanceRows";
import { errorOf, readFixture } from "./backtestTestKit";

const fixture = readFixture<{
  generator: string;
  days: number[];
  rows: Record<"weekly" | "monthly" | "quarterly", number[]>;
}>("calendar.json");

describe("rebalanceRows", () => {
  it("finds the first row of each month, week and quarter (hand-worked)", () => {
    // 18993 = 2022-01-01 (Saturday), 18994 = 01-02 (Sunday), 18995 = 01-03 (Monday),
    // 19024 = 02-01, 19084 = 04-02.
    const dates = [18993, 18994, 18995, 19024, 19084];
    expect(Array.from(rebalanceRows(dates, "monthly"))).toEqual([3, 4]);
    expect(Array.from(rebalanceRows(dates, "quarterly"))).toEqual([4]);
    // ISO weeks start on Monday: 01-03 starts a week; 02-01 and 04-02 are in later weeks.
    expect(Array.from(rebalanceRows(dates, "weekly"))).toEqual([2, 3, 4]);
    expect(Array.from(rebalanceRows(dates, "daily"))).toEqual([1, 2, 3, 4]);
    expect(Array.from(rebalanceRows(dates, "none"))).toEqual([]);
  });

  it(`matches Python's datetime calendar over 1899–2101 with gaps (${fixture.generator})`, () => {
    for (const frequency of ["weekly", "monthly", "quarterly"] as const) {
      expect(Array.from(rebalanceRows(fixture.days, frequency))).toEqual(fixture.rows[frequency]);
    }
  });

  it("agrees with JavaScript's Date for months (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -40000, max: 60000 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }),
        (first, gaps) => {
          const dates = [first];
          for (const g of gaps) dates.push(dates[dates.length - 1] + g);
          const month = (d: number) => {
            const date = new Date(d * 86400000);
            return date.getUTCFullYear() * 12 + date.getUTCMonth();
          };
          const expected = dates
            .map((_, t) => t)
            .filter((t) => t > 0 && month(dates[t]) !== month(dates[t - 1]));
          expect(Array.from(rebalanceRows(dates, "monthly"))).toEqual(expected);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("throws on unsorted, duplicate, fractional or non-finite dates and unknown frequencies", () => {
    expect(errorOf(() => rebalanceRows([2, 1], "monthly")).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => rebalanceRows([1, 1], "monthly")).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => rebalanceRows([1, 1.5], "monthly")).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => rebalanceRows([1, NaN], "monthly")).code).toBe("NON_FINITE");
    expect(errorOf(() => rebalanceRows([1, 2], "yearly" as "monthly")).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("does not mutate its input", () => {
    const dates = Object.freeze([18993, 19024]);
    rebalanceRows(dates, "monthly");
    expect(dates).toEqual([18993, 19024]);
  });
});
