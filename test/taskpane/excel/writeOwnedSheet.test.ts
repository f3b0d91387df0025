import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import { type SheetContent, writeOwnedSheet } from "../../../src/taskpane/excel/writeOwnedSheet";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

const content = (rows: number[], scale = 2): SheetContent => ({
  cells: rows.map((row, k) => ({
    row,
    column: 0,
    value: k === 0 ? "Title" : `=DIVERSIFY.STATS(Prices[#All],${k})`,
  })),
  colorScale: { row: 10, column: 1, rows: scale, columns: scale },
});

async function rejection(promise: Promise<unknown>): Promise<SheetWriteError> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof SheetWriteError))
    throw new Error(`expected a SheetWriteError, got ${String(error)}`);
  return error;
}

describe("writeOwnedSheet", () => {
  it("creates the sheet with its formulas, a 3-colour scale and a marker naming the sheet's id", async () => {
    expect(await writeOwnedSheet("Analysis", content([0, 3]))).toBe("created");
    expect(workbook.getCell("Analysis", "A1")).toBe("Title");
    expect(workbook.getCell("Analysis", "A4")).toBe("=DIVERSIFY.STATS(Prices[#All],1)");
    const [format] = workbook.conditionalFormats();
    expect(format).toMatchObject({
      sheet: "Analysis",
      address: "Analysis!B11:C12",
      type: "ColorScale",
    });
    const criteria = format.criteria as Record<
      string,
      { color: string; formula: string; type: string }
    >;
    // Office.js spells the criterion types with a capital (ConditionalFormatColorCriterionType).
    expect([criteria.minimum.type, criteria.midpoint.type, criteria.maximum.type]).toEqual([
      "Number",
      "Number",
      "Number",
    ]);
    expect([criteria.minimum.formula, criteria.midpoint.formula, criteria.maximum.formula]).toEqual(
      ["-1", "0", "1"]
    );
    const marker = JSON.parse(String(workbook.properties()["Diversify.sheet.Analysis"]));
    expect(marker.cells).toEqual([
      [0, 0],
      [3, 0],
    ]);
    expect(typeof marker.id).toBe("string");
  });

  it("refreshes its own sheet: old cells and scale cleared, new ones written, the user's notes kept", async () => {
    await writeOwnedSheet("Analysis", content([0, 3, 6]));
    workbook.setCell("Analysis", "F2", "my note");
    expect(await writeOwnedSheet("Analysis", content([0, 4], 3))).toBe("refreshed");
    expect(workbook.getCell("Analysis", "A4")).toBe("");
    expect(workbook.getCell("Analysis", "A7")).toBe("");
    expect(workbook.getCell("Analysis", "A5")).toBe("=DIVERSIFY.STATS(Prices[#All],1)");
    expect(workbook.getCell("Analysis", "F2")).toBe("my note");
    expect(workbook.conditionalFormats().map((f) => f.address)).toEqual(["Analysis!B11:D13"]);
  });

  it("never touches a sheet of that name it did not create, nor one re-created under the old marker", async () => {
    workbook.setCell("Analysis", "A1", "mine");
    const error = await rejection(writeOwnedSheet("Analysis", content([0])));
    expect(error.kind).toBe("clash");
    expect(error.message).toMatch(
      /already has a sheet named "Analysis" that Diversify did not create/
    );
    expect(workbook.getCell("Analysis", "A1")).toBe("mine");
    expect(workbook.properties()).toEqual({});

    const other = loadOfficeDouble();
    await writeOwnedSheet("Analysis", content([0]));
    const saved = JSON.parse(other.exportState()) as { sheets: Array<{ name: string }> };
    // The user deletes our sheet and makes their own of the same name: the old marker's id differs.
    saved.sheets = [];
    other.importState(
      JSON.stringify({
        ...saved,
        properties: Object.entries(other.properties()).map(([k, v]) => [
          k.toLowerCase(),
          { key: k, value: v },
        ]),
      })
    );
    other.setCell("Analysis", "A1", "theirs");
    expect((await rejection(writeOwnedSheet("Analysis", content([0])))).kind).toBe("clash");
    expect(other.getCell("Analysis", "A1")).toBe("theirs");
  });

  it("refuses a refresh whose new cell holds the user's data, before writing anything", async () => {
    await writeOwnedSheet("Analysis", content([0, 3]));
    workbook.setCell("Analysis", "A9", "=1+1");
    const error = await rejection(writeOwnedSheet("Analysis", content([0, 8])));
    expect(error.kind).toBe("occupied");
    expect(error.message).toMatch(/^Analysis!A9 holds your data/);
    expect(workbook.getCell("Analysis", "A4")).toBe("=DIVERSIFY.STATS(Prices[#All],1)");
    expect(workbook.getCell("Analysis", "A9")).toBe("=1+1");
  });

  it("reports a refused request in plain words", async () => {
    workbook.failNextSync("GeneralException", "busy");
    const error = await rejection(writeOwnedSheet("Analysis", content([0])));
    expect(error.kind).toBe("excel");
    expect(error.message).toMatch(/could not write the Analysis sheet \(GeneralException: busy\)/);
  });

  it("does not change its input", async () => {
    const input = content([0, 3]);
    const copy = JSON.stringify(input);
    await writeOwnedSheet("Analysis", Object.freeze(input));
    expect(JSON.stringify(input)).toBe(copy);
  });
});
