import { detectDecimalSeparator } from "../../../src/data/csv/detectDecimalSeparator";

const rows = (...cells: string[][]) => cells.map((row, t) => ({ line: t + 2, cells: row }));

describe("detectDecimalSeparator", () => {
  it("takes the separator from the first cell that reads only one way, skipping the date", () => {
    expect(detectDecimalSeparator(rows(["1.5", "1,234", "7"], ["x", "2,5"]), ",")).toEqual({
      separator: ",",
      evidence: { line: 3, column: 2, cell: "2,5" },
      refuseAmbiguous: false,
    });
    expect(detectDecimalSeparator(rows(["d", "", "1,234.5"]), ";")).toEqual({
      separator: ".",
      evidence: { line: 2, column: 3, cell: "1,234.5" },
      refuseAmbiguous: false,
    });
  });

  it("falls back on the delimiter as Excel pairs them, and refuses ambiguity in a tab file", () => {
    const ambiguous = rows(["d", "1,234", "12"]);
    expect(detectDecimalSeparator(ambiguous, ";")).toEqual({
      separator: ",",
      refuseAmbiguous: false,
    });
    expect(detectDecimalSeparator(ambiguous, ",")).toEqual({
      separator: ".",
      refuseAmbiguous: false,
    });
    expect(detectDecimalSeparator(ambiguous, "\t")).toEqual({
      separator: ".",
      refuseAmbiguous: true,
    });
  });
});
