import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import { writeReportSheet } from "../../../src/taskpane/excel/writeReportSheet";
import type { ReportSheet } from "../../../src/taskpane/state/reportLayout";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

/** A small report: a title, a 3-row table with per-column formats, and a chart over it. */
function sheet(rows: number): ReportSheet {
  return {
    blocks: [
      { name: "header", row: 0, column: 0, values: [["Title"], ["-not a formula"]] },
      {
        name: "dated",
        row: 3,
        column: 0,
        values: [
          ["Date", "A", "B"],
          ...Array.from({ length: rows }, (_, t) => [45292 + t, t / 10, t === 0 ? "" : -t / 100]),
        ],
        formats: ["yyyy-mm-dd", "0.00%", "0.0%"],
      },
    ],
    charts: [
      {
        name: "My chart",
        title: "A and B",
        block: "dated",
        firstColumn: 1,
        columns: 2,
        categoryColumn: 0,
      },
    ],
  };
}

describe("writeReportSheet", () => {
  it("creates the sheet with values, formats (text kept as text) and a named line chart", async () => {
    const out = await writeReportSheet("Report", sheet(3));
    expect(out).toEqual({
      outcome: "created",
      cells: 2 + 12,
      chartsCreated: ["My chart"],
      chartsUpdated: [],
    });
    expect(workbook.getCell("Report", "A2")).toBe("-not a formula");
    expect(workbook.getFormat("Report", "A2")).toBe("@");
    expect(workbook.getCell("Report", "A5")).toBe(45292);
    expect(workbook.getText("Report", "A5")).toBe("2024-01-01");
    expect(workbook.getText("Report", "B6")).toBe("10.00%");
    expect(workbook.getFormat("Report", "A4")).toBe("@");
    const [chart] = workbook.charts();
    expect([chart.sheet, chart.name, chart.type, chart.source, chart.xAxis, chart.title]).toEqual([
      "Report",
      "My chart",
      "Line",
      "Report!B4:C7",
      "Report!A5:A7",
      "A and B",
    ]);
    expect(workbook.sheetProperties("Report")).toEqual({
      "Diversify.owner": "Diversify.sheet.Report",
    });
  });

  it("a refresh clears the old cells, writes the new ones and re-points the same chart", async () => {
    await writeReportSheet("Report", sheet(5));
    workbook.setCell("Report", "F1", "beside");
    const out = await writeReportSheet("Report", sheet(2));
    expect(out.outcome).toBe("refreshed");
    expect(out.chartsUpdated).toEqual(["My chart"]);
    expect(workbook.charts()).toHaveLength(1);
    expect(workbook.charts()[0].source).toBe("Report!B4:C6");
    expect(workbook.getCell("Report", "A8") ?? "").toBe("");
    expect(workbook.getCell("Report", "F1")).toBe("beside");
  });

  it("refuses a sheet it did not create, and a grown block over the user's cell, writing nothing", async () => {
    workbook.addSheet("Report");
    workbook.setCell("Report", "A1", "mine");
    await expect(writeReportSheet("Report", sheet(3))).rejects.toThrow(
      expect.objectContaining({ kind: "clash" })
    );
    expect(workbook.getCell("Report", "A1")).toBe("mine");

    workbook.reset();
    await writeReportSheet("Other", sheet(3));
    workbook.setCell("Other", "B9", "note");
    const before = workbook.exportState();
    await expect(writeReportSheet("Other", sheet(6))).rejects.toThrow(/Other!B9 holds your data/);
    expect(workbook.exportState()).toBe(before);
  });

  it("refuses malformed layouts before any request", async () => {
    const overlap: ReportSheet = {
      ...sheet(3),
      blocks: [...sheet(3).blocks, { name: "clash", row: 4, column: 1, values: [[1]] }],
    };
    await expect(writeReportSheet("Report", overlap)).rejects.toThrow(
      /dated and clash blocks overlap/
    );
    const ragged: ReportSheet = {
      blocks: [{ name: "ragged", row: 0, column: 0, values: [[1, 2], [3]] }],
      charts: [],
    };
    await expect(writeReportSheet("Report", ragged)).rejects.toThrow(SheetWriteError);
    const orphan: ReportSheet = {
      ...sheet(3),
      charts: [{ ...sheet(3).charts[0], block: "missing" }],
    };
    await expect(writeReportSheet("Report", orphan)).rejects.toThrow(/has no missing block/);
    expect(workbook.sheetNames()).not.toContain("Report");
  });

  it("an Excel failure mid-write is reported as such", async () => {
    workbook.failNextSync("GeneralException", "boom");
    await expect(writeReportSheet("Report", sheet(3))).rejects.toThrow(
      expect.objectContaining({ kind: "excel", message: expect.stringMatching(/GeneralException/) })
    );
  });
});
