import { type FakeWorkbook, loadOfficeDouble } from "./helpers/loadOfficeDouble";

/** The Office double's Excel part (test/e2e/officeDouble.js): Office.js batch semantics. */
let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});
const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
  Excel.run(batch);

describe("officeDouble Excel", () => {
  it("makes values readable only after load and sync, and applies writes at sync", async () => {
    workbook.setCell("S", "A1", 7);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 2);
      // Reading too early is the point of these two lines.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(() => range.values).toThrow(/not available.*call the load method/);
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([[7, ""]]);
      range.values = [[1, 2]];
      expect(workbook.getCell("S", "B1")).toBe("");
      await context.sync();
      expect(workbook.getCell("S", "B1")).toBe(2);
    });
    expect(workbook.syncCount).toBe(2);
  });

  it("knows isNullObject only after a sync, and refuses to navigate a missing item", async () => {
    await run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject("Nope");
      // eslint-disable-next-line office-addins/call-sync-before-read -- reading too early is the test
      expect(() => table.isNullObject).toThrow(/before context.sync/);
      await context.sync();
      expect(table.isNullObject).toBe(true);
      table.getRange().load("address");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("leaves a cell alone for null in the input, as Office.js does", async () => {
    workbook.setCell("S", "A1", "keep");
    await run(async (context) => {
      context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 2).values = [[null, 5]];
      await context.sync();
    });
    expect([workbook.getCell("S", "A1"), workbook.getCell("S", "B1")]).toEqual(["keep", 5]);
  });

  it("checks dimensions and finite numbers at sync, like Excel", async () => {
    await expect(
      run(async (context) => {
        context.workbook.worksheets.add("S").getRangeByIndexes(0, 0, 2, 2).values = [[1, 2]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1, 1).values = [[NaN]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses a request over the payload limit whole, applying nothing", async () => {
    workbook.payloadLimit = 100;
    await expect(
      run(async (context) => {
        const sheet = context.workbook.worksheets.add("S");
        sheet.getRangeByIndexes(0, 0, 1, 30).values = [
          Array.from({ length: 30 }, (_, j) => j * 1000.5),
        ];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(workbook.sheetNames()).toEqual([]);
  });

  it("keeps a table's header row and overlap on resize, and refuses overlapping tables", async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.add("S");
      const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 3, 2), true);
      table.name = "T";
      await context.sync();
      table.resize(sheet.getRangeByIndexes(1, 0, 3, 2));
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(workbook.table("T")?.headers).toEqual(["Column1", "Column2"]);
    await expect(
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("S");
        sheet.tables.add(sheet.getRangeByIndexes(2, 1, 2, 2), true);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("exports and imports a workbook: cells, formats, tables (ids, places) and custom properties", async () => {
    workbook.setCell("Notes", "C4", "=1+1");
    workbook.addUserTable("Data", "Mine", "B2", [
      ["A", "B"],
      [1, 2],
    ]);
    await run(async (context) => {
      context.workbook.properties.custom.add("k", "v");
      context.workbook.worksheets.getItem("Data").getRangeByIndexes(2, 1, 1, 1).numberFormat = [
        ["0.00"],
      ];
      await context.sync();
    });
    const saved = workbook.exportState();
    const before = workbook.table("Mine");
    const reopened = loadOfficeDouble();
    expect(reopened.tableNames()).toEqual([]);
    reopened.importState(saved);
    expect(reopened.table("Mine")).toEqual(before);
    expect(reopened.getCell("Notes", "C4")).toBe("=1+1");
    expect(reopened.getFormat("Data", "B3")).toBe("0.00");
    expect(reopened.properties()).toEqual({ k: "v" });
    expect(reopened.sheetNames()).toEqual(["Notes", "Data"]);
  });
});
