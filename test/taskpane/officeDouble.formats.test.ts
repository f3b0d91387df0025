import { type FakeWorkbook, loadOfficeDouble } from "./helpers/loadOfficeDouble";

/**
 * The Office double as Excel behaves on what is typed, shown and saved: strings written through
 * Range.values are parsed as if typed unless the cell is text ("@"); Range.text shows values
 * through their number formats; freeze panes, worksheet custom properties and legacyIds survive a
 * reopen while worksheet and table ids do not (office-js issue 1390).
 */
let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});
const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
  Excel.run(batch);

const TRICKY = ["-X", "00", "TRUE", "2024-01-01", "+1", "=A1", "5%", "1,234", "'00", "BTC"];

async function writeRow(formats?: string[]): Promise<unknown[]> {
  return run(async (context) => {
    const range = context.workbook.worksheets.add("S").getRangeByIndexes(0, 0, 1, TRICKY.length);
    if (formats !== undefined) range.numberFormat = [formats];
    range.values = [TRICKY];
    range.load("values");
    await context.sync();
    return range.values[0] as unknown[];
  });
}

describe("officeDouble: text written through Range.values", () => {
  it("is parsed as if typed in a General cell: formulas, numbers, booleans, dates", async () => {
    expect(await writeRow()).toEqual([
      "=-X", // a formula; Excel shows #NAME?
      0,
      true,
      45292, // 2024-01-01 in the 1900 date system
      1,
      "=A1",
      0.05,
      1234,
      "00", // the apostrophe prefix keeps text
      "BTC",
    ]);
    expect(workbook.getFormat("S", "D1")).toBe("m/d/yyyy");
    expect(workbook.getFormat("S", "G1")).toBe("0%");
  });

  it('stays exactly the text written in a text ("@") cell formatted in the same request', async () => {
    expect(await writeRow(TRICKY.map(() => "@"))).toEqual(TRICKY);
  });

  it("keeps table headers text, whatever they look like", async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.add("T");
      sheet.tables.add(sheet.getRangeByIndexes(0, 0, 2, 3), true);
      sheet.getRangeByIndexes(0, 0, 2, 3).values = [
        ["00", "TRUE", "-X"],
        [1, 2, 3],
      ];
      await context.sync();
    });
    expect(workbook.table("Table1")?.headers).toEqual(["00", "TRUE", "-X"]);
  });
});

describe("officeDouble: Range.text shows values through their number formats", () => {
  const cases: Array<[unknown, string, string]> = [
    [46352, "yyyy-mm-dd", "2026-11-26"],
    [45292, "m/d/yyyy", "1/1/2024"],
    [0.123456, "0.0%", "12.3%"],
    [0.2254, "0.00%", "22.54%"],
    [4793543600000, "#,##0", "4,793,543,600,000"],
    [1234.5, "#,##0.00", "1,234.50"],
    [0.00001234, "#,##0.00######", "0.00001234"],
    [97000, "#,##0.00######", "97,000.00"],
    [2, "0.########", "2."], // Excel's own quirk, why Units are no longer written with it
    [2, "General", "2"],
    [0.0015, "General", "0.0015"],
    [-0.25, "0.0%", "-25.0%"],
    ["BTC", "@", "BTC"],
    [true, "General", "TRUE"],
  ];
  it.each(cases)("%p in %p shows as %p", async (value, format, shown) => {
    await run(async (context) => {
      const range = context.workbook.worksheets.add("S").getRangeByIndexes(0, 0, 1, 1);
      range.numberFormat = [[format]];
      range.values = [[value as string | number | boolean]];
      await context.sync();
      range.load("text");
      await context.sync();
      expect(range.text).toEqual([[shown]]);
    });
    expect(workbook.getText("S", "A1")).toBe(shown);
  });
});

describe("officeDouble: what a reopen keeps", () => {
  it("keeps freeze panes, worksheet custom properties and legacyIds; worksheet and table ids change", async () => {
    const before = await run(async (context) => {
      const sheet = context.workbook.worksheets.add("Prices");
      sheet.freezePanes.freezeRows(1);
      sheet.customProperties.add("Diversify.owner", "yes");
      const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 2, 1), true);
      sheet.load("id");
      table.load("id,legacyId");
      await context.sync();
      return { sheet: sheet.id, table: table.id, legacyId: table.legacyId };
    });
    const reopened = loadOfficeDouble();
    reopened.importState(workbook.exportState());
    const after = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Prices");
      const owner = sheet.customProperties.getItemOrNullObject("DIVERSIFY.OWNER").load("value");
      const table = context.workbook.tables.getItemOrNullObject("Table1").load("id,legacyId");
      sheet.load("id");
      await context.sync();
      return { sheet: sheet.id, table: table.id, legacyId: table.legacyId, owner: owner.value };
    });
    expect(after.sheet).not.toBe(before.sheet);
    expect(after.table).not.toBe(before.table);
    expect(after.legacyId).toBe(before.legacyId);
    expect(after.owner).toBe("yes");
    expect(reopened.frozenPanes("Prices")).toEqual({ rows: 1, columns: 0 });
    expect(reopened.sheetProperties("Prices")).toEqual({ "Diversify.owner": "yes" });
  });

  it("refuses worksheet custom properties, freeze panes and legacyId on a host without their sets", async () => {
    const cases: Array<[string, (sheet: Excel.Worksheet) => void]> = [
      ["1.11", (sheet) => sheet.customProperties.add("k", "v")],
      ["1.6", (sheet) => sheet.freezePanes.freezeRows(1)],
      [
        "1.7",
        (sheet) => sheet.tables.add(sheet.getRangeByIndexes(0, 0, 2, 1), true).load("legacyId"),
      ],
    ];
    for (const [version, queue] of cases) {
      workbook.reset();
      workbook.setRequirementSets({ ExcelApi: version });
      await expect(
        run(async (context) => {
          queue(context.workbook.worksheets.add("S"));
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per host played
          await context.sync();
        })
      ).rejects.toMatchObject({ code: "ApiNotFound" });
    }
  });
});
