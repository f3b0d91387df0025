import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import type { TableBlock } from "../../../src/taskpane/excel/tableBlock";
import { validateBlocks } from "../../../src/taskpane/excel/validateBlocks";

const block = (name: string): TableBlock => ({
  name,
  sheet: "Sheet",
  headers: ["A"],
  rows: [[1]],
});

function refusal(name: string): SheetWriteError | undefined {
  try {
    validateBlocks([block(name)]);
    return undefined;
  } catch (error) {
    if (error instanceof SheetWriteError) return error;
    throw error;
  }
}

describe("validateBlocks", () => {
  it("accepts table names Excel accepts, letters of any script, underscores, backslashes and periods", () => {
    for (const name of [
      "Prices",
      "_t",
      "\\t",
      "Prices.2024",
      "XFE1",
      "Données",
      "A1B",
      "x".repeat(255),
    ]) {
      expect([name, refusal(name)]).toEqual([name, undefined]);
    }
  });

  it("refuses the names Excel refuses, saying the rules", () => {
    const invalid = [
      "A1",
      "xfd1048576",
      "R1C1",
      "R",
      "c",
      "RC",
      "R2",
      "C3",
      "My Table",
      "1st",
      "a-b",
      "",
      "x".repeat(256),
    ];
    for (const name of invalid) {
      const error = refusal(name);
      expect([name, error?.kind]).toEqual([name, "invalid"]);
      expect(error?.message).toMatch(/is not a valid Excel table name: start with a letter/);
    }
  });

  it("refuses a block given twice and a row narrower than its header, naming them", () => {
    expect(() => validateBlocks([block("T"), { ...block("t"), sheet: "Other" }])).toThrow(
      /Table "t" or sheet "Other" is given twice/
    );
    expect(() => validateBlocks([{ ...block("T"), rows: [[]] }])).toThrow(
      /Table "T", row 1 has 0 cells, the header 1\./
    );
  });
});
