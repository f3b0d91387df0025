import { readTables } from "../../../src/taskpane/excel/readTable";
import type { TableBlock } from "../../../src/taskpane/excel/tableBlock";
import { writeOwnedTables } from "../../../src/taskpane/excel/writeOwnedTables";
import { holdingsBlock } from "../../../src/taskpane/state/holdingsBlock";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

/** Text that Excel would turn into something else if written to a General cell. */
const SYMBOLS = ["-X", "00", "TRUE", "2024-01-01", "+1", "=X", "1E5", "BTC"];

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

const constituents: TableBlock = {
  name: "Constituents",
  sheet: "Constituents",
  headers: ["Symbol", "Weight", "As of"],
  rows: SYMBOLS.map((s) => [s, 1 / SYMBOLS.length, 46352]),
  formats: ["@", "0.00%", "yyyy-mm-dd"],
};

describe("writeOwnedTables: formats and text", () => {
  it("writes symbols like -X, 00, TRUE, 2024-01-01 into a text column and reads them back unchanged", async () => {
    await writeOwnedTables([constituents]);
    const [read] = await readTables(["Constituents"]);
    expect(read?.rows.map((row) => row[0])).toEqual(SYMBOLS);
    expect(workbook.getFormat("Constituents", "A2")).toBe("@");
  });

  it("keeps text as text in a column without a declared format (text cells get @, numbers stay numbers)", async () => {
    const mixed: TableBlock = {
      name: "Mixed",
      sheet: "Mixed",
      headers: ["Any"],
      rows: [["00"], [7], ["TRUE"], [""], [false]],
    };
    await writeOwnedTables([mixed]);
    expect(workbook.table("Mixed")?.rows).toEqual([["00"], [7], ["TRUE"], [""], [false]]);
    expect(workbook.getFormat("Mixed", "A2")).toBe("@");
    expect(workbook.getFormat("Mixed", "A3")).toBe("General");
  });

  it("shows dates as dates and weights as percentages, and keeps that on a refresh", async () => {
    await writeOwnedTables([constituents]);
    await writeOwnedTables([
      { ...constituents, rows: [...constituents.rows, ["ETH", 0.5, 46353]] },
    ]);
    const table = workbook.table("Constituents");
    expect(table?.text[0]).toEqual(["-X", "12.50%", "2026-11-26"]);
    expect(table?.text[8]).toEqual(["ETH", "50.00%", "2026-11-27"]);
  });

  it("freezes the header row and autofits on a sheet it creates; leaves a sheet the user made unfrozen", async () => {
    await writeOwnedTables([constituents]);
    expect(workbook.frozenPanes("Constituents")).toEqual({ rows: 1, columns: 0 });
    workbook.addSheet("Holdings");
    await writeOwnedTables([holdingsBlock(["00", "BTC"])]);
    expect(workbook.frozenPanes("Holdings")).toEqual({ rows: 0, columns: 0 });
    expect(workbook.table("Holdings")?.rows).toEqual([
      ["00", ""],
      ["BTC", ""],
    ]);
  });

  it("skips freeze panes (and autofit) where isSetSupported says the set is missing, and still writes the table", async () => {
    // Only the writer's check is narrowed: a host passing it would refuse the call (ApiNotFound).
    const requirements = Office.context.requirements;
    const original = requirements.isSetSupported;
    const asked: string[] = [];
    requirements.isSetSupported = ((name: string, version?: string | number) => {
      asked.push(String(version));
      return !(name === "ExcelApi" && (version === "1.2" || version === "1.7"));
    }) as typeof original;
    try {
      await writeOwnedTables([constituents]);
    } finally {
      requirements.isSetSupported = original;
    }
    expect(asked).toEqual(expect.arrayContaining(["1.2", "1.7"]));
    expect(workbook.frozenPanes("Constituents")).toEqual({ rows: 0, columns: 0 });
    expect(workbook.table("Constituents")?.rows.map((row) => row[0])).toEqual(SYMBOLS);
  });
});
