import {
  INDEX_DEFINITIONS,
  type IndexDefinition,
} from "../../../src/data/indices/indexDefinitions";
import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import type { CellValue, TableBlock } from "../../../src/taskpane/excel/tableBlock";
import { writeOwnedTables } from "../../../src/taskpane/excel/writeOwnedTables";
import { PaneError } from "../../../src/taskpane/state/paneError";
import { refreshReport } from "../../../src/taskpane/state/refreshReport";
import type { ReportSettings } from "../../../src/taskpane/state/reportIndexStrategy";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

const SYMBOLS = ["BTC", "ETH", "SOL", "ADA"];
const FIRST_SERIAL = 45292; // 2024-01-01
const BLANK: ReportSettings = { trendWindow: "", volTarget: "", cashRate: "", feeBps: "10" };
const noWait = { yieldToUi: () => Promise.resolve() };
const byId = (id: string): IndexDefinition => {
  const found = INDEX_DEFINITIONS.find((d) => d.id === id);
  if (found === undefined) throw new Error(`no index ${id}`);
  return found;
};

/** Constituents (with market caps, demo source) and seeded Prices, as the Index tab writes them. */
function indexBlocks(days: number): TableBlock[] {
  let seed = 5;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const level = [40000, 2500, 100, 0.5];
  const rows: CellValue[][] = [];
  for (let t = 0; t < days; t++) {
    const market = 0.03 * (random() - 0.5);
    for (let j = 0; j < 4; j++) level[j] *= 1 + market * (1 + j / 4) + 0.02 * (random() - 0.5);
    rows.push([FIRST_SERIAL + t, ...level]);
  }
  const caps = [800, 300, 60, 20];
  return [
    {
      name: "Constituents",
      sheet: "Constituents",
      headers: ["Symbol", "Name", "Sector", "Tier", "Market cap", "Weight", "As of", "Source"],
      rows: SYMBOLS.map((s, j) => [
        s,
        s,
        "L1",
        "large",
        caps[j],
        0.25,
        FIRST_SERIAL + days - 1,
        "demo data",
      ]),
    },
    { name: "Prices", sheet: "Prices", headers: ["Date", ...SYMBOLS], rows },
  ];
}

describe("refreshReport", () => {
  it("writes the Report sheet: header, statistics, curve, rolling tables and three named charts", async () => {
    await writeOwnedTables(indexBlocks(500));
    const progress: number[] = [];
    const result = await refreshReport(byId("top10-equal"), BLANK, {
      ...noWait,
      onProgress: (p) => progress.push(p.fraction),
    });
    expect(progress[progress.length - 1]).toBe(1);
    expect(result.write.outcome).toBe("created");
    expect(result.demo).toBe(true);
    expect(result.report.strategies.map((s) => s.name)).toEqual([
      "Top 10, equal weight",
      "BTC only",
      "ETH only",
      "Equal weight",
      "Market-cap weight",
    ]);
    expect(String(workbook.getCell("Report", "A2"))).toContain("demo data");
    expect(String(workbook.getCell("Report", "A3"))).toMatch(/^As of 2025-05-14/);
    expect(workbook.getCell("Report", "A8")).toBe("Metric");
    expect(workbook.getCell("Report", "A9")).toBe("CAGR");
    // The index is equal weight, so its column equals the equal-weight column.
    expect(workbook.getCell("Report", "B9")).toBe(workbook.getCell("Report", "E9"));
    expect(workbook.getFormat("Report", "B9")).toBe("0.00%");
    expect(workbook.getCell("Report", "H1")).toBe("Date");
    expect(workbook.getCell("Report", "H2")).toBe(FIRST_SERIAL);
    expect(workbook.getFormat("Report", "H2")).toBe("yyyy-mm-dd");
    const charts = workbook.charts().filter((c) => c.sheet === "Report");
    expect(charts.map((c) => c.name)).toEqual([
      "Diversify report Sharpe",
      "Diversify report drawdown",
      "Diversify report diversification curve",
    ]);
    expect(charts[0].source).toBe("Report!I1:M501");
    expect(charts[0].xAxis).toBe("Report!H2:H501");
  });

  it("refreshes in place: same charts, cleared old cells, the user's notes elsewhere kept", async () => {
    await writeOwnedTables(indexBlocks(500));
    await refreshReport(byId("top10-equal"), BLANK, noWait);
    workbook.setCell("Report", "A40", "my note");
    await writeOwnedTables(indexBlocks(450));
    const second = await refreshReport(byId("top10-equal"), BLANK, noWait);
    expect(second.write.outcome).toBe("refreshed");
    expect(second.write.chartsUpdated).toHaveLength(3);
    expect(workbook.charts().filter((c) => c.sheet === "Report")).toHaveLength(3);
    expect(workbook.getCell("Report", "A40")).toBe("my note");
    expect(workbook.getCell("Report", "H452") ?? "").toBe("");
    expect(workbook.getCell("Report", "H451")).toBe(FIRST_SERIAL + 449);
  });

  it("a failed run leaves the previous Report sheet as it was", async () => {
    await writeOwnedTables(indexBlocks(500));
    await refreshReport(byId("top10-equal"), BLANK, noWait);
    const before = workbook.exportState();
    const fails: Array<[ReportSettings, RegExp]> = [
      [{ ...BLANK, cashRate: "four percent" }, /Cash rate must be an annual rate as a number/],
      [{ ...BLANK, trendWindow: "5000" }, /needs 5000 days of prices.*Prices table has 500 days/],
      [{ ...BLANK, volTarget: "0" }, /voltarget 0/],
      [{ ...BLANK, volTarget: "-0.2" }, /voltarget -0.2/],
      [{ ...BLANK, feeBps: "ten" }, /Fee \(bp\) must be/],
    ];
    for (const [settings, message] of fails) {
      await expect(refreshReport(byId("top10-equal"), settings, noWait)).rejects.toThrow(message);
      expect(workbook.exportState()).toBe(before);
    }
  });

  it("refuses, before any write, when a cell the longer report needs holds the user's data", async () => {
    await writeOwnedTables(indexBlocks(450));
    await refreshReport(byId("top10-equal"), BLANK, noWait);
    workbook.setCell("Report", "H480", "mine");
    await writeOwnedTables(indexBlocks(500));
    const before = workbook.exportState();
    await expect(refreshReport(byId("top10-equal"), BLANK, noWait)).rejects.toThrow(
      /Report!H480 holds your data/
    );
    expect(workbook.exportState()).toBe(before);
  });

  it("says what to do when there is no Prices table, and never touches a sheet it did not create", async () => {
    await expect(refreshReport(byId("top10-equal"), BLANK, noWait)).rejects.toThrow(PaneError);
    await expect(refreshReport(byId("top10-equal"), BLANK, noWait)).rejects.toThrow(
      /no Prices table|has none/
    );
    await writeOwnedTables(indexBlocks(500));
    workbook.addSheet("Report");
    workbook.setCell("Report", "A1", "the user's own report");
    await expect(refreshReport(byId("top10-equal"), BLANK, noWait)).rejects.toThrow(
      SheetWriteError
    );
    expect(workbook.getCell("Report", "A1")).toBe("the user's own report");
  });

  it("runs an adaptive index through the same rule as BACKTEST, trading the next day", async () => {
    await writeOwnedTables(indexBlocks(500));
    const result = await refreshReport(
      byId("top20-erc-trend200"),
      { ...BLANK, cashRate: "4%" },
      noWait
    );
    // ERC on 365 days, trend 200: lookback 365, the signal trades the next day.
    expect(result.report.startRow).toBe(366);
    expect(String(workbook.getCell("Report", "A5"))).toBe(
      'The index column in cells: DIVERSIFY.BACKTEST(Prices[#All],"erc","monthly",,10,365,"stats",365,"trend 200",0.04)'
    );
  });
});
