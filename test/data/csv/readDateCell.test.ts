import { dayOf, readDateCell } from "../../../src/data/csv/readDateCell";
import { toIsoDate } from "../../../src/data/toIsoDate";

const isoOf = (text: string) => {
  const cell = readDateCell(text);
  return cell.kind === "day" || cell.kind === "serial" ? toIsoDate(cell.day) : cell.kind;
};

describe("readDateCell", () => {
  it("reads ISO, year-first slash and dotted dates, with or without a time", () => {
    const cases: [string, string][] = [
      ["2024-01-31", "2024-01-31"],
      ["2024-01-31T00:00:00Z", "2024-01-31"],
      ["2024-01-31T23:59:59.999+02:00", "2024-01-31"],
      ["2024-01-31 00:00", "2024-01-31"],
      ["2024/1/31", "2024-01-31"],
      ["31.01.2024", "2024-01-31"],
      ["1.2.2024", "2024-02-01"], // dotted is always day first
      ["31.01.2024 00:00:00", "2024-01-31"],
      ["45322", "2024-01-31"],
      ["45322,5", "2024-01-31"],
    ];
    for (const [text, iso] of cases) expect([text, isoOf(text)]).toEqual([text, iso]);
  });

  it("leaves the order of year-last slash and dash dates to the column", () => {
    expect(readDateCell("01/02/2024")).toEqual({
      kind: "yearLast",
      first: 1,
      second: 2,
      year: 2024,
    });
    expect(readDateCell("1-13-2024 12:00:00 AM")).toEqual({
      kind: "yearLast",
      first: 1,
      second: 13,
      year: 2024,
    });
  });

  it("gives NaN days for impossible dates and notADate for other text", () => {
    expect(readDateCell("2023-02-29")).toEqual({ kind: "day", day: NaN });
    expect(readDateCell("31.04.2024")).toEqual({ kind: "day", day: NaN });
    expect(readDateCell("60")).toEqual({ kind: "serial", serial: 60, day: NaN });
    for (const text of ["yesterday", "2024-1-31", "01/02/24", "01/02-2024", "20240131", ""]) {
      expect([text, readDateCell(text).kind]).toEqual([text, "notADate"]);
    }
  });
});

describe("dayOf", () => {
  it("checks the calendar", () => {
    expect(dayOf(2024, 1, 31)).toBe(19753);
    expect(dayOf("2024", "2", "29")).toBe(19782);
    expect(dayOf(2023, 2, 29)).toBeNaN();
    expect(dayOf(2024, 13, 1)).toBeNaN();
  });
});
