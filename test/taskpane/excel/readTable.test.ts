import { readTables } from "../../../src/taskpane/excel/readTable";
import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

/** A user's table of `rows` data rows × 10 columns of deterministic numbers, at B3 of "Data". */
function addTable(rows: number): unknown[][] {
  const headers = ["Date", ...Array.from({ length: 9 }, (_, j) => `S${j + 1}`)];
  const body = Array.from({ length: rows }, (_, i) =>
    headers.map((_h, j) => (j === 0 ? 45000 + i : 100 + i * 0.123456789 + j))
  );
  workbook.addUserTable("Data", "Big", "B3", [headers, ...body]);
  return body;
}

describe("readTables", () => {
  it("reads a table in one request after the lookup when the response fits", async () => {
    const body = addTable(50);
    workbook.resetCounters();
    const [big] = await readTables(["Big"]);
    expect(big?.rows).toEqual(body);
    expect(workbook.syncCount).toBe(2);
  });

  it("reads the rows again in runs that fit when Excel refuses the response as too large (issue 15, point 4)", async () => {
    const body = addTable(2000);
    // About 440,000 characters of values; a tenth of that per response.
    workbook.responseLimit = 44_000;
    workbook.resetCounters();
    const [big] = await readTables(["Big"]);
    expect(big?.headers).toEqual(["Date", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9"]);
    expect(big?.rows).toEqual(body);
    const answered = workbook.responses.filter((size) => size <= 44_000);
    // Every response but the refused ones fitted, and halving kept the number of requests small.
    expect(workbook.syncCount).toBeGreaterThan(4);
    expect(workbook.syncCount).toBeLessThan(40);
    expect(answered.length).toBeGreaterThan(2);
  });

  it("splits the last row alone too, and refuses clearly when one row cannot fit", async () => {
    const body = addTable(5);
    workbook.responseLimit = 150;
    const [last] = await readTables(["Big"], { lastRowOnly: true });
    expect(last?.rows).toEqual([body[4]]);
    workbook.responseLimit = 20;
    const error = await readTables(["Big"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetWriteError);
    expect(error).toMatchObject({
      kind: "excel",
      message: expect.stringMatching(
        /^Excel could not read Big \(ResponsePayloadSizeLimitExceeded: /
      ),
    });
  });

  it("passes on any other refusal as an excel error, without retrying", async () => {
    addTable(3);
    workbook.failNextSync("GeneralException", "boom");
    workbook.resetCounters();
    await expect(readTables(["Big"])).rejects.toMatchObject({
      kind: "excel",
      message: expect.stringContaining("GeneralException: boom"),
    });
    expect(workbook.syncCount).toBe(1);
  });
});
