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
    ).rejects.toMatchObject({ code: "MergedRangeConflict" });
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
    // A reopen is a new session: the table's id changes (office-js issue 1390), its legacyId stays.
    expect({ ...reopened.table("Mine"), id: "" }).toEqual({ ...before, id: "" });
    expect(reopened.table("Mine")?.id).not.toBe(before?.id);
    expect(reopened.table("Mine")?.legacyId).toBe(before?.legacyId);
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

/** Refusals: each is what Microsoft documents Excel refuses, with the documented error code. */
describe("officeDouble refuses what Excel refuses", () => {
  /** Runs one batch of writes or reads and returns the error code Excel answers (or "ok"). */
  const codeOf = async (batch: (context: Excel.RequestContext) => void): Promise<string> => {
    try {
      await run(async (context) => {
        batch(context);
        await context.sync();
      });
      return "ok";
    } catch (error) {
      return String((error as { code?: unknown }).code);
    }
  };
  const grid = (rows: number, columns: number, value: (i: number, j: number) => unknown) =>
    Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => value(i, j)));

  it("caps a request at 5 MB, as Excel on the web does (RequestPayloadSizeLimitExceeded)", async () => {
    expect(workbook.payloadLimit).toBe(5_000_000);
    workbook.addSheet("S");
    // 500 × 1000 cells of 10-character numbers: about 5.5 MB of JSON.
    const big = grid(500, 1000, (i, j) => 10000 + i + j / 10000);
    expect(
      await codeOf((context) => {
        context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 500, 1000).values = big;
      })
    ).toBe("RequestPayloadSizeLimitExceeded");
    expect(workbook.getCell("S", "A1")).toBe("");
    expect(
      await codeOf((context) => {
        context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 200, 1000).values =
          big.slice(0, 200);
      })
    ).toBe("ok");
  });

  it("caps a response (ResponsePayloadSizeLimitExceeded), leaving nothing of it loaded", async () => {
    expect(workbook.responseLimit).toBe(5_000_000);
    workbook.responseLimit = 100;
    for (let j = 0; j < 30; j++)
      workbook.setCell(
        "S",
        `${String.fromCharCode(65 + (j % 26))}${1 + Math.floor(j / 26)}`,
        1000.5 + j
      );
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const range = sheet.getRangeByIndexes(0, 0, 2, 26).load("values");
      await expect(context.sync()).rejects.toMatchObject({
        code: "ResponsePayloadSizeLimitExceeded",
      });
      expect(() => range.values).toThrow(/not available/);
      // The same context still works: a smaller read fits.
      const row = sheet.getRangeByIndexes(1, 0, 1, 4).load("values");
      await context.sync();
      expect(row.values).toEqual([[1026.5, 1027.5, 1028.5, 1029.5]]);
    });
    expect(workbook.responses.slice(-1)[0]).toBeLessThanOrEqual(100);
  });

  it("refuses table names that break Excel's rules (InvalidArgument) and accepts the valid ones", async () => {
    workbook.addSheet("S");
    const rename = (name: string) =>
      codeOf((context) => {
        const sheet = context.workbook.worksheets.getItem("S");
        sheet.tables.getItemOrNullObject("T").delete();
        const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 2, 1), true);
        table.name = name;
      });
    workbook.addUserTable("S", "T", "A1", [["h"], [1]]);
    const invalid = [
      "A1",
      "xfd1048576",
      "R1C1",
      "R",
      "c",
      "RC",
      "R2",
      "My Table",
      "1st",
      "a-b",
      "",
      "x".repeat(256),
    ];
    for (const name of invalid) {
      workbook.reset();
      workbook.addUserTable("S", "T", "A1", [["h"], [1]]);
      expect([name, await rename(name)]).toEqual([name, "InvalidArgument"]);
    }
    const valid = ["_t", "\\t", "Prices.2024", "XFE1", "Données", "A1B", "x".repeat(255)];
    for (const name of valid) {
      workbook.reset();
      workbook.addUserTable("S", "T", "A1", [["h"], [1]]);
      expect([name, await rename(name)]).toEqual([name, "ok"]);
    }
  });

  it("keeps one namespace for tables and defined names, case-insensitively (ItemAlreadyExists)", async () => {
    workbook.addUserTable("S", "Prices", "A1", [["h"], [1]]);
    workbook.addUserName("Budget", "=S!$D$1");
    expect(workbook.names()).toEqual(["Budget"]);
    const newTable = (name: string, row: number) =>
      codeOf((context) => {
        const sheet = context.workbook.worksheets.getItem("S");
        sheet.tables.add(sheet.getRangeByIndexes(row, 0, 2, 1), true).name = name;
      });
    expect(await newTable("prices", 5)).toBe("ItemAlreadyExists");
    expect(await newTable("BUDGET", 10)).toBe("ItemAlreadyExists");
    // A request is not a transaction: the tables were added, the names refused (as in Excel).
    expect(workbook.tableNames()).toEqual(["Prices", "Table2", "Table3"]);
    expect(
      await codeOf((context) => {
        context.workbook.names.add("PRICES", "=S!$A$1");
      })
    ).toBe("ItemAlreadyExists");
    expect(() => workbook.addUserName("R1C1", "=S!$A$1")).toThrow(
      expect.objectContaining({ code: "InvalidArgument" })
    );
    await run(async (context) => {
      const found = context.workbook.names.getItemOrNullObject("budget").load("name,formula");
      const missing = context.workbook.names.getItemOrNullObject("Prices");
      await context.sync();
      expect([found.name, found.formula, missing.isNullObject]).toEqual([
        "Budget",
        "=S!$D$1",
        true,
      ]);
    });
    const reopened = loadOfficeDouble();
    reopened.importState(workbook.exportState());
    expect(reopened.names()).toEqual(["Budget"]);
  });

  it("refuses number formats whose shape differs from the range, and formats Excel cannot parse", async () => {
    workbook.addSheet("S");
    const format = (formats: string[][], rows = 1, columns = 1) =>
      codeOf((context) => {
        context.workbook.worksheets
          .getItem("S")
          .getRangeByIndexes(0, 0, rows, columns).numberFormat = formats;
      });
    expect(await format([["0.00"]], 2, 1)).toBe("InvalidArgument");
    const valid = [
      "General",
      "0.00",
      "#,##0",
      "0.0%",
      "yyyy-mm-dd",
      "@",
      "[$$-409]#,##0.00",
      "[Red]0;[Blue]-0",
      '0.00" USD"',
      "0.00E+00",
      "d mmm yyyy h:mm AM/PM",
      "[h]:mm:ss",
      "_(* #,##0_)",
      "\\x0",
    ];
    for (const f of valid) expect([f, await format([[f]])]).toEqual([f, "ok"]);
    const invalid = ["x0", '"abc', "[Purple]0", "0;0;0;0;0", "[h:mm", "0".repeat(256)];
    for (const f of invalid) expect([f, await format([[f]])]).toEqual([f, "InvalidArgument"]);
    expect(workbook.getFormat("S", "A1")).toBe("\\x0");
  });

  it("refuses a proxy used after its Excel.run (InvalidObjectPath) or in another context (InvalidRequestContext)", async () => {
    workbook.addSheet("S");
    const kept = await run(async (context) => {
      const range = context.workbook.worksheets
        .getItem("S")
        .getRangeByIndexes(0, 0, 1, 1)
        .load("values");
      await context.sync();
      return range;
    });
    // Loaded values stay readable; the proxy itself is dead.
    expect(kept.values).toEqual([[""]]);
    kept.values = [[1]];
    await expect(kept.context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    expect(workbook.getCell("S", "A1")).toBe("");
    expect(
      await codeOf((context) => {
        context.workbook.worksheets.getItem("S").tables.add(kept, true);
      })
    ).toBe("InvalidRequestContext");
  });

  it("answers ApiNotFound for a member newer than the Excel it plays, and says which sets it supports", async () => {
    workbook.setRequirementSets({ ExcelApi: "1.6", SharedRuntime: "1.1" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(false);
    expect(Office.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.1")).toBe(false);
    workbook.addUserTable("S", "T", "A1", [
      ["x", "y"],
      [1, 2],
      [3, 4],
    ]);
    // Charts: ChartSeries.setXAxisValues is ExcelApi 1.7; getRangeByIndexes too, so use addresses.
    expect(
      await codeOf((context) => {
        const sheet = context.workbook.worksheets.getItem("S");
        const table = sheet.tables.getItemOrNullObject("T");
        const chart = sheet.charts.add("Line", table.getDataBodyRange(), "Columns");
        chart.series.getItemAt(0).setXAxisValues(table.getDataBodyRange());
      })
    ).toBe("ApiNotFound");
    // The commands before the refused one ran, as in Excel: a chart without its x-axis values.
    expect(workbook.charts().map((c) => c.xAxis)).toEqual([null]);
    workbook.setRequirementSets({ ExcelApi: "1.12" });
    expect(
      await codeOf((context) => {
        const table = context.workbook.tables.getItemOrNullObject("T");
        table.resize("S!A1:B4");
      })
    ).toBe("ApiNotFound");
    workbook.setRequirementSets({ ExcelApi: "1.13" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(
      await codeOf((context) => {
        context.workbook.tables.getItemOrNullObject("T").resize("S!A1:B4");
      })
    ).toBe("ok");
  });

  it("shifts the cells right of a table across its rows when a table column is added or deleted", async () => {
    workbook.addUserTable("S", "T", "A1", [
      ["x", "y"],
      [1, 2],
      [3, 4],
    ]);
    workbook.setCell("S", "D2", "note in the table's rows");
    workbook.setCell("S", "D5", "note below");
    await run(async (context) => {
      context.workbook.tables.getItemOrNullObject("T").columns.add(1, undefined, "new");
      await context.sync();
    });
    expect(workbook.table("T")?.headers).toEqual(["x", "new", "y"]);
    expect([workbook.getCell("S", "D2"), workbook.getCell("S", "E2")]).toEqual([
      "",
      "note in the table's rows",
    ]);
    expect(workbook.getCell("S", "D5")).toBe("note below");
    await run(async (context) => {
      context.workbook.tables.getItemOrNullObject("T").columns.getItemAt(1).delete();
      await context.sync();
    });
    expect(workbook.table("T")?.headers).toEqual(["x", "y"]);
    expect(workbook.getCell("S", "D2")).toBe("note in the table's rows");
  });

  it("refuses a column shift that pushes data off the sheet or cuts another table", async () => {
    workbook.addUserTable("S", "T", "A1", [["x"], [1], [2]]);
    workbook.setCell("S", "XFD2", "at the edge");
    const addColumn = () =>
      codeOf((context) => {
        context.workbook.tables.getItemOrNullObject("T").columns.add(null as unknown as number);
      });
    expect(await addColumn()).toBe("NonBlankCellOffSheet");
    workbook.setCell("S", "XFD2", "");
    workbook.addUserTable("S", "Cut", "D2", [["a"], [1], [2]]);
    expect(await addColumn()).toBe("InsertDeleteConflict");
    expect(workbook.table("T")?.headers).toEqual(["x"]);
    // A table wholly inside the shifted rows moves with its cells.
    workbook.reset();
    workbook.addUserTable("S", "T", "A1", [["x"], [1], [2], [3]]);
    workbook.addUserTable("S", "Inside", "C2", [["a"], [1]]);
    expect(await addColumn()).toBe("ok");
    expect(workbook.table("Inside")?.address).toBe("S!D2:D3");
  });
});
