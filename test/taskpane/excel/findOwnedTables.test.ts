import { findOwnedTables } from "../../../src/taskpane/excel/findOwnedTables";
import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import { writeOwnedTables } from "../../../src/taskpane/excel/writeOwnedTables";
import type { TableBlock } from "../../../src/taskpane/excel/tableBlock";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

const block = (name: string): TableBlock => ({
  name,
  sheet: name,
  headers: ["Symbol", "Weight"],
  rows: [["BTC", 1]],
});

describe("findOwnedTables", () => {
  it("finds nothing in a new workbook, in one run and one sync", async () => {
    expect(await findOwnedTables(["Constituents", "Prices"])).toEqual([]);
    expect(workbook.runCount).toBe(1);
    expect(workbook.syncCount).toBe(1);
  });

  it("finds the tables a build wrote (the workbook reopened: only the markers and tables remain)", async () => {
    await writeOwnedTables([block("Constituents"), block("Prices")]);
    const saved = workbook.exportState();
    workbook = loadOfficeDouble();
    expect(await findOwnedTables(["Prices"])).toEqual([]);
    workbook.importState(saved);
    expect(await findOwnedTables(["Prices", "Constituents", "Rebalance"])).toEqual([
      "Prices",
      "Constituents",
    ]);
  });

  it("does not count a user's table with our name, nor one re-created under a stale marker", async () => {
    await writeOwnedTables([block("Prices")]);
    await Excel.run(async (context) => {
      context.workbook.tables.getItemOrNullObject("Prices").delete();
      await context.sync();
    });
    workbook.addUserTable("Mine", "Prices", "A1", [["Date"], [1]]);
    workbook.addUserTable("Mine", "Constituents", "C1", [["Symbol"], ["BTC"]]);
    expect(await findOwnedTables(["Constituents", "Prices"])).toEqual([]);
  });

  it("reports a refused read as a SheetWriteError in plain words", async () => {
    workbook.failNextSync("GeneralException", "busy");
    const error = await findOwnedTables(["Prices"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetWriteError);
    expect((error as SheetWriteError).kind).toBe("excel");
    expect((error as SheetWriteError).message).toMatch(
      /could not look up Prices \(GeneralException: busy\)/
    );
  });

  it("finds none, without a request, on an Excel without ExcelApi 1.7 (no custom properties)", async () => {
    await writeOwnedTables([block("Prices")]);
    workbook.setRequirementSets({ SharedRuntime: "1.1", ExcelApi: "1.6" });
    workbook.resetCounters();
    expect(await findOwnedTables(["Prices"])).toEqual([]);
    expect(workbook.syncCount).toBe(0);
  });

  it("does not change its input", async () => {
    const names = Object.freeze(["Constituents", "Prices"]);
    await findOwnedTables(names);
    expect(names).toEqual(["Constituents", "Prices"]);
  });
});
