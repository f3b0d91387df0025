import fc from "fast-check";
import { readDecimal } from "../../../src/data/csv/readDecimal";

describe("readDecimal", () => {
  it("reads the forms spreadsheets export, with either decimal separator", () => {
    const cases: [string, "." | ",", number][] = [
      ["42265.19", ".", 42265.19],
      ["42265,19", ",", 42265.19],
      ["42.265,19", ",", 42265.19], // de-DE #.##0,00
      ["42,265.19", ".", 42265.19], // en-US #,##0.00
      ["42\u00A0265,19", ",", 42265.19], // fr-FR groups with a no-break space
      ["42\u202F265,19", ",", 42265.19], // … or a narrow one
      ["42'265.19", ".", 42265.19], // de-CH
      ["1.234.567", ",", 1234567],
      ["1,234,567.5", ".", 1234567.5],
      [".5", ".", 0.5],
      [",5", ",", 0.5],
      ["5.", ".", 5],
      ["+1.5e3", ".", 1500],
      ["1,5E-3", ",", 0.0015],
      ["-7", ",", -7],
      ["007", ".", 7],
      ["1e999", ".", Infinity],
    ];
    for (const [cell, decimal, value] of cases)
      expect([cell, readDecimal(cell, decimal)]).toEqual([cell, value]);
  });

  it("reads a 1–3 digit group then exactly 3 digits two ways: decimal or thousands", () => {
    // The ambiguity detectDecimalSeparator must settle from the rest of the file.
    expect(readDecimal("1,234", ".")).toBe(1234);
    expect(readDecimal("1,234", ",")).toBe(1.234);
    expect(readDecimal("1.234", ".")).toBe(1.234);
    expect(readDecimal("1.234", ",")).toBe(1234);
  });

  it("gives NaN for irregular grouping, two decimal separators, mixed groupings and non-numbers", () => {
    const bad: [string, "." | ","][] = [
      ["1,5", "."], // a group of one digit: a decimal comma, not thousands
      ["0,512", "."], // a first group cannot be 0
      ["1234,567", "."], // a first group has at most 3 digits
      ["1,23,456", "."], // Indian lakh grouping is not an export form
      ["1.5.5", "."],
      ["1 234,5", "."], // two different grouping characters
      ["1.234e3", ","], // no grouping with an exponent
      ["", "."],
      [".", "."],
      ["-", "."],
      ["e5", "."],
      ["1e", "."],
      ["abc", "."],
      ["NaN", "."],
      ["Infinity", "."],
      ["$42.00", "."],
      ["42,265.19", ","],
    ];
    for (const [cell, decimal] of bad)
      expect([cell, readDecimal(cell, decimal)]).toEqual([cell, NaN]);
  });

  it("reads back any number written with either separator, grouped or not (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom("." as const, "," as const),
        fc.boolean(),
        (whole, cents, decimal, grouped) => {
          const thousands = decimal === "." ? "," : ".";
          const integerPart = grouped
            ? String(whole).replace(/\B(?=(\d{3})+$)/g, thousands)
            : String(whole);
          const text = `${integerPart}${decimal}${String(cents).padStart(2, "0")}`;
          expect(readDecimal(text, decimal)).toBe(
            Number(`${whole}.${String(cents).padStart(2, "0")}`)
          );
        }
      )
    );
  });
});
