import { readBoxes } from "../../../src/taskpane/excel/readBoxes";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

const read = (boxes: Parameters<typeof readBoxes>[1]) =>
  Excel.run(async (context) => {
    let syncs = 0;
    const grids = await readBoxes(context.workbook, boxes, async () => {
      syncs += 1;
      await context.sync();
    });
    return { grids, syncs };
  });

describe("readBoxes", () => {
  beforeEach(() => {
    for (let r = 1; r <= 40; r++) {
      workbook.setCell("S", `A${r}`, r);
      workbook.setCell("S", `B${r}`, `=A${r}*2`);
    }
  });

  it("reads every box in one request when the response fits, values or formulas", async () => {
    const { grids, syncs } = await read([
      { sheet: "S", row: 0, column: 0, rows: 2, columns: 1, property: "values" },
      { sheet: "S", row: 38, column: 1, rows: 2, columns: 1, property: "formulas" },
    ]);
    expect(grids).toEqual([
      [[1], [2]],
      [["=A39*2"], ["=A40*2"]],
    ]);
    expect(syncs).toBe(1);
  });

  it("halves the cells per request on ResponsePayloadSizeLimitExceeded and returns the same grids", async () => {
    const boxes = [
      { sheet: "S", row: 0, column: 0, rows: 40, columns: 2, property: "formulas" as const },
      { sheet: "S", row: 10, column: 0, rows: 5, columns: 1, property: "values" as const },
    ];
    const whole = await read(boxes);
    workbook.responseLimit = 120;
    workbook.resetCounters();
    const split = await read(boxes);
    expect(split.grids).toEqual(whole.grids);
    expect(split.grids[0]).toHaveLength(40);
    // Refused requests load nothing, so every answered one fitted.
    const answered = workbook.responses.filter((size) => size <= 120);
    expect(answered.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(split.syncs).toBeGreaterThan(4);
  });

  it("refuses with Excel's error when one row alone is over the limit", async () => {
    workbook.responseLimit = 5;
    await expect(
      read([{ sheet: "S", row: 0, column: 0, rows: 3, columns: 2, property: "formulas" }])
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
