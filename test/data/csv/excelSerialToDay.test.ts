import fc from "fast-check";
import { excelSerialToDay, MAX_EXCEL_SERIAL } from "../../../src/data/csv/excelSerialToDay";
import { toIsoDate } from "../../../src/data/toIsoDate";

describe("excelSerialToDay", () => {
  it("maps serials to the dates Excel shows for them (1900 system)", () => {
    // Values as Excel's DATE() gives them: DATE(2024,1,1) = 45292, DATE(1900,3,1) = 61, …
    const cases: [number, string][] = [
      [1, "1900-01-01"],
      [59, "1900-02-28"],
      [61, "1900-03-01"],
      [25_569, "1970-01-01"],
      [45_292, "2024-01-01"],
      [45_292.99, "2024-01-01"], // 23:45 on that day: the time is dropped
      [MAX_EXCEL_SERIAL, "9999-12-31"],
    ];
    for (const [serial, iso] of cases)
      expect([serial, toIsoDate(excelSerialToDay(serial))]).toEqual([serial, iso]);
  });

  it("gives NaN for the phantom 29 February 1900 (60), for 0 and out of range", () => {
    for (const serial of [60, 0, -1, MAX_EXCEL_SERIAL + 1, NaN, Infinity]) {
      expect(excelSerialToDay(serial)).toBeNaN();
    }
  });

  it("counts one day per serial from 61 on (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_EXCEL_SERIAL - 1 }), (serial) => {
        expect(excelSerialToDay(serial + 1) - excelSerialToDay(serial)).toBe(1);
      })
    );
  });
});
