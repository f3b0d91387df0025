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

  it("records charts: add, name, title, position, setData and x-axis values; found by name per sheet", async () => {
    workbook.setCell("Data", "A1", "x");
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const chart = sheet.charts.add("Line", sheet.getRangeByIndexes(0, 1, 3, 2), "Columns");
      chart.name = "Mine";
      chart.title.text = "A title";
      chart.setPosition("D1", "K10");
      chart.series.getItemAt(0).setXAxisValues(sheet.getRangeByIndexes(1, 0, 2, 1));
      const missing = sheet.charts.getItemOrNullObject("Other");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      const found = sheet.charts.getItemOrNullObject("mine").load("name,chartType");
      await context.sync();
      expect([found.name, found.chartType]).toEqual(["Mine", "Line"]);
      found.setData(sheet.getRangeByIndexes(0, 1, 5, 1), "Columns");
      await context.sync();
    });
    expect(workbook.charts()).toEqual([
      {
        sheet: "Data",
        name: "Mine",
        type: "Line",
        title: "A title",
        source: "Data!B1:B5",
        seriesBy: "Columns",
        xAxis: "Data!A2:A3",
        position: ["D1", "K10"],
      },
    ]);
  });

  it("loads a table collection's items, and a sheet's id (stable, distinct per sheet)", async () => {
    workbook.addUserTable("One", "First", "A1", [["h"], [1]]);
    workbook.addUserTable("Two", "Second", "B2", [["h"], [1]]);
    await run(async (context) => {
      const all = context.workbook.tables.load("items/name");
      const ofTwo = context.workbook.worksheets.getItem("Two").tables.load("items/name");
      const one = context.workbook.worksheets.getItem("One").load("id");
      const two = context.workbook.worksheets.getItem("Two").load("id");
      // Reading before the sync is the point of this line.
      expect(() => all.items).toThrow(/not available/);
      await context.sync();
      expect(all.items.map((t) => t.name)).toEqual(["First", "Second"]);
      expect(ofTwo.items.map((t) => t.name)).toEqual(["Second"]);
      expect(one.id).not.toBe(two.id);
      const again = context.workbook.worksheets.getItem("One").load("id");
      await context.sync();
      expect(again.id).toBe(one.id);
    });
  });

  it("records colour-scale conditional formats and clears those a range overlaps", async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.add("Heat");
      const format = sheet
        .getRangeByIndexes(1, 1, 2, 2)
        .conditionalFormats.add(Excel.ConditionalFormatType.colorScale);
      format.colorScale.criteria = {
        minimum: { formula: "-1", type: "Number", color: "#63BE7B" },
        maximum: { formula: "1", type: "Number", color: "#F8696B" },
      };
      await context.sync();
      expect(workbook.conditionalFormats()).toEqual([
        {
          sheet: "Heat",
          address: "Heat!B2:C3",
          type: "ColorScale",
          criteria: {
            minimum: { formula: "-1", type: "Number", color: "#63BE7B" },
            maximum: { formula: "1", type: "Number", color: "#F8696B" },
          },
        },
      ]);
      sheet.getRangeByIndexes(2, 2, 1, 1).conditionalFormats.clearAll();
      await context.sync();
    });
    expect(workbook.conditionalFormats()).toEqual([]);
  });
});
