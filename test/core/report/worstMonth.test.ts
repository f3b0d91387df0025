import fc from "fast-check";
import { worstMonth } from "../../../src/core/report/worstMonth";
import fixture from "../../fixtures/report/report.json";

/** 2024-01-01 as a day number (days since 1970-01-01). */
const JAN_1_2024 = 19723;

describe("worstMonth", () => {
  it("measures each calendar month from the previous month's last value (hand-worked)", () => {
    // Jan 30: 100 | Feb 29: 90 | Mar 1: 99, Mar 31: 110.
    // January (first month, from the first value): 100/100 − 1 = 0; February: 90/100 − 1 = −0.1;
    // March: 110/90 − 1 = +0.222…; the worst is −0.1.
    const days = [JAN_1_2024 + 29, JAN_1_2024 + 59, JAN_1_2024 + 60, JAN_1_2024 + 90];
    expect(worstMonth([100, 90, 99, 110], days)).toBeCloseTo(-0.1, 15);
  });

  it("is the one month's return when every row falls in one month", () => {
    expect(worstMonth([100, 80, 120], [JAN_1_2024, JAN_1_2024 + 1, JAN_1_2024 + 2])).toBeCloseTo(
      0.2,
      15
    );
  });

  it("matches the numpy/datetime oracle (scripts/fixtures/report.py)", () => {
    expect(worstMonth(fixture.a, fixture.days)).toBeCloseTo(fixture.worstMonthA, 12);
    expect(worstMonth(fixture.b, fixture.days)).toBeCloseTo(fixture.worstMonthB, 12);
  });

  it("is scale-invariant and never above the whole period's return when it is one month", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 2, maxLength: 120 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (values, scale) => {
          const days = values.map((_, t) => JAN_1_2024 + 3 * t);
          const a = worstMonth(values, days);
          const b = worstMonth(
            values.map((v) => v * scale),
            days
          );
          expect(b).toBeCloseTo(a, 9);
          expect(a).toBeGreaterThan(-1);
        }
      )
    );
  });

  it("throws on bad input, naming the argument", () => {
    expect(() => worstMonth([1], [JAN_1_2024])).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    expect(() => worstMonth([1, 2], [JAN_1_2024])).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "days" })
    );
    expect(() => worstMonth([1, 2], [JAN_1_2024, JAN_1_2024])).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "days" })
    );
    expect(() => worstMonth([1, 0], [JAN_1_2024, JAN_1_2024 + 1])).toThrow(
      expect.objectContaining({ code: "NON_POSITIVE_PRICE" })
    );
    expect(() => worstMonth([1, NaN], [JAN_1_2024, JAN_1_2024 + 1])).toThrow(
      expect.objectContaining({ code: "NON_FINITE" })
    );
  });

  it("does not modify its inputs", () => {
    const values = Object.freeze([100, 90, 95]);
    const days = Object.freeze([JAN_1_2024, JAN_1_2024 + 31, JAN_1_2024 + 62]);
    expect(() => worstMonth(values, days)).not.toThrow();
    expect(values).toEqual([100, 90, 95]);
  });
});
