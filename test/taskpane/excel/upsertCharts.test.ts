import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import { type ChartSpec, upsertCharts } from "../../../src/taskpane/excel/upsertCharts";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
  workbook.addUserTable("Data", "Points", "C3", [
    ["Label", "X", "Y", "Z"],
    ["a", 1, 2, 3],
    ["b", 4, 5, 6],
  ]);
});

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({
  name: "My chart",
  type: "XYScatter",
  title: "X and Y",
  table: "Points",
  columns: ["X", "Y"],
  ...over,
});

async function rejection(promise: Promise<unknown>): Promise<SheetWriteError> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof SheetWriteError))
    throw new Error(`expected a SheetWriteError, got ${String(error)}`);
  return error;
}

describe("upsertCharts", () => {
  it("creates the sheet and a named, titled chart over the table's columns (header included), in 3 syncs", async () => {
    const report = await upsertCharts("Charts", [spec()]);
    expect(report).toEqual({ sheet: "Charts", created: ["My chart"], updated: [] });
    expect(workbook.charts()).toEqual([
      {
        sheet: "Charts",
        name: "My chart",
        type: "XYScatter",
        title: "X and Y",
        source: "Data!D3:E5",
        seriesBy: "Columns",
        xAxis: null,
        position: ["A1", "H18"],
      },
    ]);
    expect(workbook.syncCount).toBe(3);
    expect(workbook.runCount).toBe(1);
  });

  it("labels categories from another column, and updates by name without moving the chart", async () => {
    await upsertCharts("Charts", [
      spec({ type: "BarClustered", columns: ["Z"], categories: "Label" }),
    ]);
    expect(workbook.charts()[0].xAxis).toBe("Data!C4:C5");
    const again = await upsertCharts("Charts", [
      spec({ type: "BarClustered", columns: ["Y", "Z"], categories: "label", title: "New" }),
    ]);
    expect(again.updated).toEqual(["My chart"]);
    const [chart] = workbook.charts();
    expect(workbook.charts()).toHaveLength(1);
    expect(chart).toMatchObject({ source: "Data!E3:F5", title: "New", position: ["A1", "H18"] });
  });

  it("leaves the user's cells and other charts on the sheet alone", async () => {
    workbook.setCell("Charts", "B2", "my note");
    await upsertCharts("Charts", [spec({ name: "Theirs" })]);
    await upsertCharts("Charts", [spec()]);
    expect(workbook.getCell("Charts", "B2")).toBe("my note");
    expect(workbook.charts().map((c) => c.name)).toEqual(["Theirs", "My chart"]);
  });

  it("refuses a missing table, a missing column and columns that are not side by side, drawing nothing", async () => {
    expect((await rejection(upsertCharts("Charts", [spec({ table: "Nope" })]))).kind).toBe(
      "notFound"
    );
    const column = await rejection(upsertCharts("Charts", [spec({ columns: ["X", "W"] })]));
    expect(column.kind).toBe("notFound");
    expect(column.message).toMatch(/The Points table has no "W" column/);
    const apart = await rejection(upsertCharts("Charts", [spec({ columns: ["X", "Z"] })]));
    expect(apart.kind).toBe("invalid");
    expect(workbook.charts()).toEqual([]);
  });

  it("reports a refused request in plain words", async () => {
    workbook.failNextSync("GeneralException", "busy");
    const error = await rejection(upsertCharts("Charts", [spec()]));
    expect(error.kind).toBe("excel");
    expect(error.message).toMatch(/could not draw the charts \(GeneralException: busy\)/);
  });

  it("refuses on an Excel without ExcelApi 1.7 before any request, saying charts are off", async () => {
    workbook.setRequirementSets({
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.2",
      ExcelApi: "1.6",
    });
    workbook.resetCounters();
    const error = await rejection(upsertCharts("Charts", [spec()]));
    expect(error.kind).toBe("unsupported");
    expect(error.message).toBe(
      "Charts need ExcelApi 1.7; this Excel has ExcelApi 1.6; charts are off."
    );
    expect(workbook.syncCount).toBe(0);
    expect(workbook.sheetNames()).not.toContain("Charts");
  });

  it("does not change its specs", async () => {
    const specs = Object.freeze([Object.freeze(spec({ columns: Object.freeze(["X", "Y"]) }))]);
    const copy = JSON.stringify(specs);
    await upsertCharts("Charts", specs);
    expect(JSON.stringify(specs)).toBe(copy);
  });
});
