import { writeOwnedTables } from "../../../src/taskpane/excel/writeOwnedTables";
import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import type { CellValue, TableBlock } from "../../../src/taskpane/excel/tableBlock";
import { refreshCharts } from "../../../src/taskpane/state/refreshCharts";
import { PaneError } from "../../../src/taskpane/state/paneError";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

const SYMBOLS = ["BTC", "ETH", "SOL"];

/** Prices with deterministic, uncorrelated-looking moves (a sine of different frequencies). */
function indexBlocks(days: number): TableBlock[] {
  const rows: CellValue[][] = [];
  const level = [100, 50, 20];
  for (let t = 0; t < days; t++) {
    if (t > 0)
      for (let j = 0; j < 3; j++) level[j] *= 1 + 0.03 * Math.sin(t * (j + 1.7)) + 0.001 * j;
    rows.push([45000 + t, ...level]);
  }
  return [
    {
      name: "Constituents",
      sheet: "Constituents",
      headers: ["Symbol", "Name", "Weight"],
      rows: SYMBOLS.map((s, j) => [s, s.toLowerCase(), [0.5, 0.3, 0.2][j]]),
    },
    { name: "Prices", sheet: "Prices", headers: ["Date", ...SYMBOLS], rows },
  ];
}

describe("refreshCharts", () => {
  it("writes Frontier and Drawdowns and inserts three named charts on the Charts sheet", async () => {
    await writeOwnedTables(indexBlocks(60));
    const result = await refreshCharts();
    expect(result).toMatchObject({ assets: 3, days: 60, points: 30 });
    expect(workbook.table("Frontier")?.headers).toEqual([
      "Volatility",
      "Return",
      "Sharpe",
      ...SYMBOLS,
    ]);
    expect(workbook.table("Frontier")?.rows).toHaveLength(30);
    expect(workbook.table("Drawdowns")?.address).toBe("Drawdowns!A1:D61");
    expect(result.charts.created).toEqual([
      "Diversify frontier",
      "Diversify weights",
      "Diversify drawdowns",
    ]);
    const charts = workbook.charts();
    expect(charts.map((c) => [c.sheet, c.name, c.type, c.source, c.xAxis])).toEqual([
      ["Charts", "Diversify frontier", "XYScatterLines", "Frontier!A1:B31", null],
      ["Charts", "Diversify weights", "BarClustered", "Constituents!C1:C4", "Constituents!A2:A4"],
      ["Charts", "Diversify drawdowns", "Line", "Drawdowns!B1:D61", "Drawdowns!A2:A61"],
    ]);
    expect(charts.every((c) => c.seriesBy === "Columns" && c.title !== "")).toBe(true);
    // Stacked down the sheet, not on top of each other.
    expect(charts.map((c) => c.position?.[0])).toEqual(["A1", "A21", "A41"]);
  });

  it("updates the same charts on a second run (never duplicated) and follows a longer Prices table", async () => {
    await writeOwnedTables(indexBlocks(60));
    await refreshCharts();
    workbook.resetCounters();
    await writeOwnedTables(indexBlocks(90));
    const second = await refreshCharts();
    expect(second.charts.created).toEqual([]);
    expect(second.charts.updated).toHaveLength(3);
    const charts = workbook.charts();
    expect(charts).toHaveLength(3);
    expect(charts[2].source).toBe("Drawdowns!B1:D91");
    expect(charts[2].position?.[0]).toBe("A41");
  });

  it("refuses before writing when the user's data lies where Drawdowns would grow, charts unchanged", async () => {
    await writeOwnedTables(indexBlocks(60));
    await refreshCharts();
    const before = workbook.charts();
    const frontier = workbook.table("Frontier");
    workbook.setCell("Drawdowns", "A70", "my note");
    await writeOwnedTables(indexBlocks(90));
    const error = await refreshCharts().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetWriteError);
    expect((error as SheetWriteError).message).toMatch(/^Drawdowns!A70 holds your data/);
    expect(workbook.charts()).toEqual(before);
    expect(workbook.table("Frontier")).toEqual(frontier);
    expect(workbook.table("Drawdowns")?.rows).toHaveLength(60);
  });

  it("asks for an index build when there is no Prices or Constituents table, writing nothing", async () => {
    await expect(refreshCharts()).rejects.toThrow(PaneError);
    await expect(refreshCharts()).rejects.toThrow(/no Prices table; build an index/);
    expect(workbook.sheetNames()).toEqual([]);
    await writeOwnedTables([indexBlocks(10)[1]]);
    await expect(refreshCharts()).rejects.toThrow(/no Constituents table/);
    expect(workbook.charts()).toEqual([]);
  });
});
