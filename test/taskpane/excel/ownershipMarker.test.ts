import { findOwnedTables } from "../../../src/taskpane/excel/findOwnedTables";
import {
  formatMarker,
  markerMatches,
  parseMarker,
} from "../../../src/taskpane/excel/ownershipMarker";
import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import type { TableBlock } from "../../../src/taskpane/excel/tableBlock";
import { writeOwnedSheet } from "../../../src/taskpane/excel/writeOwnedSheet";
import { writeOwnedTables } from "../../../src/taskpane/excel/writeOwnedTables";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

const prices = (closes: number[]): TableBlock => ({
  name: "Prices",
  sheet: "Prices",
  headers: ["Date", "BTC"],
  rows: closes.map((close, t) => [45658 + t, close]),
  formats: ["yyyy-mm-dd", "#,##0.00"],
});
const analysis = (formula: string) => ({
  cells: [
    { row: 0, column: 0, value: "Title" },
    { row: 2, column: 0, value: formula },
  ],
});

/**
 * "Closes and reopens" the workbook: a fresh double holding what was saved (ids are new), minus
 * the sheets `dropSheets` (as if the user had deleted them before saving).
 */
function reopen(dropSheets: string[] = []): void {
  const saved = JSON.parse(workbook.exportState()) as { sheets: Array<{ name: string }> };
  saved.sheets = saved.sheets.filter((s) => !dropSheets.includes(s.name));
  workbook = loadOfficeDouble();
  workbook.importState(JSON.stringify(saved));
}

describe("ownership marker", () => {
  it("round-trips id, legacyId and columns; an old marker without legacyId still parses", () => {
    const marker = { id: "{A}", legacyId: "3", columns: 2 };
    expect(parseMarker(formatMarker(marker))).toEqual(marker);
    expect(parseMarker('{"id":"{A}","columns":2}')).toEqual({ id: "{A}", columns: 2 });
    expect(parseMarker('{"id":"{A}","legacyId":3,"columns":2}')).toBeUndefined();
    expect(parseMarker("not json")).toBeUndefined();
  });

  it("matches a table on its id or, when both are known, its legacyId", () => {
    const marker = { id: "{A}", legacyId: "3", columns: 2 };
    expect(markerMatches(marker, { id: "{A}" })).toBe(true);
    expect(markerMatches(marker, { id: "{B}", legacyId: "3" })).toBe(true);
    expect(markerMatches(marker, { id: "{B}", legacyId: "4" })).toBe(false);
    expect(markerMatches(marker, { id: "{B}" })).toBe(false);
    expect(markerMatches({ id: "{A}", columns: 2 }, { id: "{B}", legacyId: "3" })).toBe(false);
    expect(markerMatches(undefined, { id: "{A}" })).toBe(false);
  });
});

describe("ownership survives save → reopen (worksheet and table ids change, office-js issue 1390)", () => {
  it("refreshes the tables and the Analysis sheet after a reopen, and stores the new ids", async () => {
    await writeOwnedTables([prices([97000, 98000])]);
    expect(await writeOwnedSheet("Analysis", analysis("=1"))).toBe("created");
    const before = workbook.table("Prices");
    reopen();
    expect(workbook.table("Prices")?.id).not.toBe(before?.id);

    expect(await findOwnedTables(["Prices"])).toEqual(["Prices"]);
    const report = await writeOwnedTables([prices([97000, 98000, 99000])]);
    expect(report.tables[0].created).toBe(false);
    expect(workbook.table("Prices")?.rows).toEqual([
      [45658, 97000],
      [45659, 98000],
      [45660, 99000],
    ]);
    expect(await writeOwnedSheet("Analysis", analysis("=2"))).toBe("refreshed");
    expect(workbook.getCell("Analysis", "A3")).toBe("=2");

    // The markers now hold this session's ids, so a second refresh matches on id alone.
    const marker = parseMarker(workbook.properties()["Diversify.table.Prices"]);
    expect(marker).toEqual({
      id: workbook.table("Prices")?.id,
      legacyId: before?.legacyId,
      columns: 2,
    });
    expect(workbook.sheetProperties("Analysis")).toEqual({
      "Diversify.owner": "Diversify.sheet.Analysis",
    });
  });

  it("still refuses a user's table or sheet of our name after a reopen", async () => {
    await writeOwnedTables([prices([1])]);
    await writeOwnedSheet("Analysis", analysis("=1"));
    // The user deletes both and makes their own under the same names, then saves and reopens.
    await Excel.run(async (context) => {
      context.workbook.tables.getItemOrNullObject("Prices").delete();
      await context.sync();
    });
    workbook.addUserTable("Mine", "Prices", "A1", [["Date"], [1]]);
    reopen(["Analysis"]);
    workbook.setCell("Analysis", "A1", "theirs");
    expect(await findOwnedTables(["Prices"])).toEqual([]);
    const tableError = await writeOwnedTables([prices([1])]).catch((e: unknown) => e);
    expect(tableError).toBeInstanceOf(SheetWriteError);
    expect((tableError as SheetWriteError).kind).toBe("clash");
    const sheetError = await writeOwnedSheet("Analysis", analysis("=1")).catch((e: unknown) => e);
    expect((sheetError as SheetWriteError).kind).toBe("clash");
    expect(workbook.getCell("Analysis", "A1")).toBe("theirs");
  });

  it("on a host without ExcelApi 1.8 the table marker holds the id alone, and the double is never asked for legacyId", async () => {
    workbook.setRequirementSets({ ExcelApi: "1.7" });
    await writeOwnedTables([prices([1])]);
    expect(parseMarker(workbook.properties()["Diversify.table.Prices"])).toEqual({
      id: workbook.table("Prices")?.id,
      columns: 2,
    });
    expect(await findOwnedTables(["Prices"])).toEqual(["Prices"]);
    // Freeze panes are ExcelApi 1.7 too, so this host has them.
    expect(workbook.frozenPanes("Prices")).toEqual({ rows: 1, columns: 0 });
  });

  it("without ExcelApi 1.12 the sheet falls back to the marker's id: refreshed in the session, refused (untouched) after a reopen", async () => {
    workbook.setRequirementSets({ ExcelApi: "1.11" });
    expect(await writeOwnedSheet("Analysis", analysis("=1"))).toBe("created");
    expect(workbook.sheetProperties("Analysis")).toEqual({});
    expect(await writeOwnedSheet("Analysis", analysis("=2"))).toBe("refreshed");
    reopen();
    workbook.setRequirementSets({ ExcelApi: "1.11" });
    const error = await writeOwnedSheet("Analysis", analysis("=3")).catch((e: unknown) => e);
    expect((error as SheetWriteError).kind).toBe("clash");
    expect(workbook.getCell("Analysis", "A3")).toBe("=2");
  });
});
