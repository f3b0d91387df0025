import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import type { CellValue, TableBlock } from "../../../src/taskpane/excel/tableBlock";
import { writeOwnedTables } from "../../../src/taskpane/excel/writeOwnedTables";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

/**
 * writeOwnedTables against the double's Excel refusals (issue 15, points 4, 6 and 7): defined
 * names, column shifts beside a table, and reads over the response limit.
 */
let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

function pricesBlock(days: number, symbols: number): TableBlock {
  const headers = ["Date", ...Array.from({ length: symbols }, (_, j) => `S${j + 1}`)];
  const rows: CellValue[][] = Array.from({ length: days }, (_, t) => [
    45000 + t,
    ...Array.from({ length: symbols }, (_, j) => 100 + t + j / 10),
  ]);
  return { name: "Prices", sheet: "Prices", headers, rows };
}

async function rejection(promise: Promise<unknown>): Promise<SheetWriteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SheetWriteError) return error;
    throw error;
  }
  throw new Error("expected a SheetWriteError");
}

/** An owned Prices table (Date, S1) that the user widened with a "Note" column inside it. */
async function ownedTableWithUserColumn(): Promise<void> {
  await writeOwnedTables([pricesBlock(3, 1)]);
  await Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject("Prices");
    await context.sync();
    table.resize(context.workbook.worksheets.getItem("Prices").getRangeByIndexes(0, 0, 4, 3));
    await context.sync();
  });
  workbook.setCell("Prices", "C1", "Note");
  workbook.setCell("Prices", "C2", "mine");
}

describe("writeOwnedTables against Excel's namespace of names (issue 15, point 6)", () => {
  it("refuses a table whose name is a defined name, before any write, naming the name", async () => {
    workbook.addUserName("prices", "=Notes!$A$1");
    workbook.resetCounters();
    const error = await rejection(writeOwnedTables([pricesBlock(2, 1)]));
    expect(error.kind).toBe("clash");
    expect(error.message).toMatch(
      /^This workbook has a defined name "prices" \(Formulas › Name Manager\)/
    );
    expect(error.message).toMatch(/Nothing was written\.$/);
    expect(workbook.sheetNames()).toEqual([]);
    expect(workbook.tableNames()).toEqual([]);
    expect(workbook.syncCount).toBe(1);
  });

  it("creates the table when the defined names are other names", async () => {
    workbook.addUserName("Budget", "=Notes!$A$1");
    await writeOwnedTables([pricesBlock(2, 1)]);
    expect(workbook.tableNames()).toEqual(["Prices"]);
  });
});

describe("writeOwnedTables and the cells a column change shifts (issue 15, point 7)", () => {
  it("refuses to add our columns when the user has cells right of the table in its rows", async () => {
    await ownedTableWithUserColumn();
    workbook.setCell("Prices", "H3", "far right, same rows");
    const before = workbook.table("Prices");
    const error = await rejection(writeOwnedTables([pricesBlock(3, 2)]));
    expect(error.kind).toBe("occupied");
    expect(error.message).toMatch(
      /^Prices!H3 holds your data, and the Prices table would shift it sideways/
    );
    expect(workbook.table("Prices")).toEqual(before);
    expect(workbook.getCell("Prices", "H3")).toBe("far right, same rows");
  });

  it("refuses to delete our columns for the same reason (the cells would move left)", async () => {
    await writeOwnedTables([pricesBlock(3, 2)]);
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject("Prices");
      await context.sync();
      table.resize(context.workbook.worksheets.getItem("Prices").getRangeByIndexes(0, 0, 4, 4));
      await context.sync();
    });
    workbook.setCell("Prices", "D1", "Note");
    workbook.setCell("Prices", "F2", "beside");
    const error = await rejection(writeOwnedTables([pricesBlock(3, 1)]));
    expect(error.message).toMatch(
      /^Prices!F2 holds your data, and the Prices table would shift it/
    );
    expect(workbook.getCell("Prices", "F2")).toBe("beside");
  });

  it("refuses when a user's table lies in the shifted band", async () => {
    await ownedTableWithUserColumn();
    workbook.addUserTable("Prices", "Side", "J2", [["a"], [1]]);
    const error = await rejection(writeOwnedTables([pricesBlock(3, 2)]));
    expect(error.message).toMatch(
      /^Prices!J2 is part of your table "Side", and the Prices table would shift it/
    );
  });

  it("changes the columns when the cells beside the table are outside its rows, and they stay put", async () => {
    await ownedTableWithUserColumn();
    workbook.setCell("Prices", "H6", "below the table's rows");
    await writeOwnedTables([pricesBlock(3, 2)]);
    expect(workbook.table("Prices")?.headers).toEqual(["Date", "S1", "S2", "Note"]);
    expect(workbook.table("Prices")?.rows[0][3]).toBe("mine");
    expect(workbook.getCell("Prices", "H6")).toBe("below the table's rows");
  });
});

describe("writeOwnedTables under the response limit (issue 15, point 4)", () => {
  it("reads the cells a table would take in runs that fit, and still finds the user's data", async () => {
    // The user's numbers in D1:D400 make B1:D400 the used range, so 800 cells of the footprint
    // (A1:C401) are read: about 2,400 characters, four times the limit set here.
    for (let r = 1; r <= 400; r++) workbook.setCell("Prices", `D${r}`, r);
    workbook.setCell("Prices", "B390", "mine");
    workbook.responseLimit = 600;
    const error = await rejection(writeOwnedTables([pricesBlock(400, 2)]));
    expect(error.message).toMatch(
      /^Prices!B390 holds your data, and the Prices table would be written over it/
    );
    expect(workbook.responses.some((size) => size > 600)).toBe(true);
  });
});

describe("writeOwnedTables on an older Excel", () => {
  it("is refused in its first request, a lookup, without ExcelApi 1.7: nothing is written", async () => {
    // The pane says so at start-up (requirementSets.ts); a write tried anyway fails before writing.
    workbook.setRequirementSets({
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.2",
      ExcelApi: "1.6",
    });
    workbook.resetCounters();
    const error = await rejection(writeOwnedTables([pricesBlock(2, 1)]));
    expect(error.kind).toBe("excel");
    expect(error.message).toMatch(/^Excel could not write the tables \(ApiNotFound: /);
    expect(workbook.syncCount).toBe(1);
    expect(workbook.sheetNames()).toEqual([]);
  });
});
