import fc from "fast-check";
import { writeOwnedTables } from "../../../src/taskpane/excel/writeOwnedTables";
import { readTables } from "../../../src/taskpane/excel/readTable";
import { SheetWriteError } from "../../../src/taskpane/excel/sheetWriteError";
import type { CellValue, TableBlock } from "../../../src/taskpane/excel/tableBlock";
import { type FakeWorkbook, loadOfficeDouble } from "../helpers/loadOfficeDouble";

let workbook: FakeWorkbook;
beforeEach(() => {
  workbook = loadOfficeDouble();
});

/** A Prices-like block: Date + `symbols` columns, `days` rows of deterministic numbers. */
function pricesBlock(days: number, symbols: number, offset = 0): TableBlock {
  const headers = ["Date", ...Array.from({ length: symbols }, (_, j) => `S${j + 1}`)];
  const rows: CellValue[][] = [];
  for (let t = 0; t < days; t++) {
    const row: CellValue[] = [45000 + t];
    for (let j = 0; j < symbols; j++) row.push(100 + offset + t * 0.123456789 + j * 1.987654321);
    rows.push(row);
  }
  return {
    name: "Prices",
    sheet: "Prices",
    headers,
    rows,
    formats: ["yyyy-mm-dd", ...headers.slice(1).map(() => undefined)],
  };
}

const constituents = (symbols: string[]): TableBlock => ({
  name: "Constituents",
  sheet: "Constituents",
  headers: ["Symbol", "Weight"],
  rows: symbols.map((s) => [s, 1 / symbols.length]),
  formats: [undefined, "0.00%"],
});

async function rejection(promise: Promise<unknown>): Promise<SheetWriteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SheetWriteError) return error;
    throw error;
  }
  throw new Error("expected a SheetWriteError");
}

describe("writeOwnedTables", () => {
  it("creates a table at A1 of a new sheet with its header, rows, formats and marker", async () => {
    const report = await writeOwnedTables([constituents(["BTC", "ETH"])]);
    const table = workbook.table("Constituents");
    expect(table?.address).toBe("Constituents!A1:B3");
    expect(table?.headers).toEqual(["Symbol", "Weight"]);
    expect(table?.rows).toEqual([
      ["BTC", 0.5],
      ["ETH", 0.5],
    ]);
    expect(workbook.getFormat("Constituents", "B2")).toBe("0.00%");
    expect(JSON.parse(String(workbook.properties()["Diversify.table.Constituents"]))).toEqual({
      id: table?.id,
      legacyId: table?.legacyId,
      columns: 2,
    });
    // The header row stays in view on the sheet created for it.
    expect(workbook.frozenPanes("Constituents")).toEqual({ rows: 1, columns: 0 });
    expect(report.tables).toEqual([
      { name: "Constituents", sheet: "Constituents", rows: 2, columns: 2, created: true },
    ]);
    // lookup, write, marker (a new table's id exists only after the write)
    expect(report.syncs).toBe(3);
    expect(workbook.runCount).toBe(1);
  });

  it("writes 1,830 × 51 cells (5 years × 50 symbols + Date) in at most 3 syncs, created or refreshed", async () => {
    const first = await writeOwnedTables([pricesBlock(1830, 50), constituents(["S1", "S2"])]);
    expect(first.syncs).toBeLessThanOrEqual(3);
    const second = await writeOwnedTables([pricesBlock(1830, 50, 1), constituents(["S1", "S2"])]);
    expect(second.syncs).toBeLessThanOrEqual(3);
    expect(second.tables.every((t) => !t.created)).toBe(true);
    expect(workbook.syncCount).toBe(first.syncs + second.syncs);
    const table = workbook.table("Prices");
    expect(table?.rows).toHaveLength(1830);
    expect(table?.rows[1829][50]).toBeCloseTo(101 + 1829 * 0.123456789 + 49 * 1.987654321, 9);
  });

  it("resizes an owned table in place: same id, user columns and outside formulas survive, old rows cleared", async () => {
    await writeOwnedTables([pricesBlock(10, 2)]);
    const id = workbook.table("Prices")?.id;
    // The user widens the table with a formula column and refers to it from another sheet.
    workbook.setCell("Prices", "D1", "Note");
    workbook.setCell("Prices", "D2", "=B2/C2");
    const raw = workbook.table("Prices");
    expect(raw).not.toBeNull();
    workbook.setCell("Summary", "A1", "=SUM(Prices[S1])");
    // Simulate Excel growing the table over the user's column (as typing next to a table does).
    const grown = await (async () => {
      const excel = (globalThis as any).Excel;
      await excel.run(async (context: Excel.RequestContext) => {
        const table = context.workbook.tables.getItemOrNullObject("Prices");
        await context.sync();
        table.resize(context.workbook.worksheets.getItem("Prices").getRangeByIndexes(0, 0, 11, 4));
        await context.sync();
      });
      return workbook.table("Prices");
    })();
    expect(grown?.headers).toEqual(["Date", "S1", "S2", "Note"]);

    // Refresh with fewer rows and one more symbol.
    await writeOwnedTables([pricesBlock(6, 3)]);
    const after = workbook.table("Prices");
    expect(after?.id).toBe(id);
    expect(after?.headers).toEqual(["Date", "S1", "S2", "S3", "Note"]);
    expect(after?.rows).toHaveLength(6);
    expect(after?.rows[0][4]).toBe("=B2/C2");
    expect(workbook.getCell("Summary", "A1")).toBe("=SUM(Prices[S1])");
    // Rows 8–11 held the longer history; nothing of it is left under the table.
    expect(workbook.getCell("Prices", "A8")).toBe("");
    expect(workbook.getCell("Prices", "B11")).toBe("");
    expect(JSON.parse(String(workbook.properties()["Diversify.table.Prices"])).columns).toBe(4);
  });

  it("finds an owned table by name wherever the user moved it, not by position", async () => {
    await writeOwnedTables([constituents(["BTC"])]);
    const id = workbook.table("Constituents")?.id;
    // The user moves it to another sheet, away from A1, and writes notes where it was.
    workbook.moveTable("Constituents", "Portfolio", "C5");
    workbook.setCell("Constituents", "A1", "the user's own notes");
    await writeOwnedTables([constituents(["BTC", "ETH", "SOL"])]);
    expect(workbook.table("Constituents")?.id).toBe(id);
    expect(workbook.table("Constituents")?.address).toBe("Portfolio!C5:D8");
    expect(workbook.getCell("Constituents", "A1")).toBe("the user's own notes");
    expect(workbook.table("Constituents")?.rows.map((r) => r[0])).toEqual(["BTC", "ETH", "SOL"]);
  });

  it("shrinks the columns of an owned table and clears the ones it no longer covers", async () => {
    await writeOwnedTables([pricesBlock(3, 4)]);
    await writeOwnedTables([pricesBlock(3, 2)]);
    expect(workbook.table("Prices")?.address).toBe("Prices!A1:C4");
    expect(workbook.getCell("Prices", "E2")).toBe("");
    expect(workbook.getCell("Prices", "D1")).toBe("");
  });

  it("refuses a user's table with the same name (no marker) and leaves it untouched", async () => {
    workbook.addUserTable("Mine", "Prices", "C3", [
      ["When", "Value"],
      [1, 2],
    ]);
    const error = await rejection(writeOwnedTables([pricesBlock(3, 2), constituents(["BTC"])]));
    expect(error.kind).toBe("clash");
    expect(error.message).toMatch(
      /already has a table named "Prices" that Diversify did not create/
    );
    expect(error.message).toMatch(/Rename that table/);
    expect(workbook.table("Prices")?.rows).toEqual([[1, 2]]);
    // Nothing else was written either: the check comes before any write.
    expect(workbook.table("Constituents")).toBeNull();
  });

  it("refuses a table re-created by the user under our name (marker id differs)", async () => {
    await writeOwnedTables([constituents(["BTC"])]);
    // The user deletes our table and makes their own "Constituents".

    await (globalThis as any).Excel.run(async (context: Excel.RequestContext) => {
      context.workbook.tables.getItemOrNullObject("Constituents").delete();
      await context.sync();
    });
    workbook.addUserTable("Other", "Constituents", "A1", [["Mine"], ["keep"]]);
    const error = await rejection(writeOwnedTables([constituents(["ETH"])]));
    expect(error.kind).toBe("clash");
    expect(workbook.table("Constituents")?.rows).toEqual([["keep"]]);
  });

  it("refuses to create a table over someone else's data on an existing sheet, naming the cell", async () => {
    workbook.setCell("Prices", "B2", "my numbers");
    const error = await rejection(writeOwnedTables([pricesBlock(3, 2)]));
    expect(error.kind).toBe("occupied");
    expect(error.message).toMatch(/^Prices!B2 holds your data/);
    expect(error.message).toMatch(/move it or delete it, then refresh/);
    expect(workbook.getCell("Prices", "B2")).toBe("my numbers");
    expect(workbook.tableNames()).toEqual([]);
    expect(workbook.properties()).toEqual({});
  });

  it("creates a table on an existing sheet whose data lies outside its footprint", async () => {
    workbook.setCell("Prices", "H20", "my note");
    await writeOwnedTables([pricesBlock(3, 2)]);
    expect(workbook.table("Prices")?.address).toBe("Prices!A1:C4");
    expect(workbook.getCell("Prices", "H20")).toBe("my note");
  });

  describe("when an owned table grows", () => {
    /** Everything on a sheet the tests look at, to compare before and after a refused refresh. */
    const snapshot = (sheet: string, rows: number, columns: number) => {
      const cells: unknown[][] = [];
      for (let r = 1; r <= rows; r++) {
        const row: unknown[] = [];
        for (let c = 0; c < columns; c++) {
          row.push(workbook.getCell(sheet, `${String.fromCharCode(65 + c)}${r}`));
        }
        cells.push(row);
      }
      return cells;
    };

    it("refuses before any write when the user's data is right of the table, naming the first cell", async () => {
      await writeOwnedTables([pricesBlock(5, 2), constituents(["S1", "S2"])]);
      // Prices is A1:C6; the user writes in E1 and E3 (a formula), beside it.
      workbook.setCell("Prices", "E3", "=SUM(B2:B6)");
      workbook.setCell("Prices", "E1", "mine");
      const before = snapshot("Prices", 8, 6);
      const constituentsBefore = workbook.table("Constituents");
      const markers = workbook.properties();
      workbook.resetCounters();
      const error = await rejection(
        writeOwnedTables([pricesBlock(5, 4, 1), constituents(["S1", "S2", "S3", "S4"])])
      );
      expect(error.kind).toBe("occupied");
      expect(error.message).toBe(
        "Prices!E1 holds your data, and the Prices table would grow over it; move it or delete it, then refresh. Nothing was written."
      );
      expect(snapshot("Prices", 8, 6)).toEqual(before);
      expect(workbook.table("Prices")?.address).toBe("Prices!A1:C6");
      expect(workbook.table("Constituents")).toEqual(constituentsBefore);
      expect(workbook.properties()).toEqual(markers);
      // lookup, sizes, the probe of the claimed cells: no write request at all
      expect(workbook.syncCount).toBe(3);
    });

    it("refuses when the user's data is below the table, naming it", async () => {
      await writeOwnedTables([pricesBlock(5, 2)]);
      workbook.setCell("Prices", "B9", 42);
      const before = snapshot("Prices", 10, 4);
      const error = await rejection(writeOwnedTables([pricesBlock(20, 2, 1)]));
      expect(error.kind).toBe("occupied");
      expect(error.message).toMatch(/^Prices!B9 holds your data/);
      expect(snapshot("Prices", 10, 4)).toEqual(before);
      expect(workbook.table("Prices")?.rows).toEqual(pricesBlock(5, 2).rows);
    });

    it("refuses on the sheet the user moved the table to", async () => {
      await writeOwnedTables([pricesBlock(3, 1)]);
      workbook.moveTable("Prices", "Elsewhere", "C3");
      workbook.setCell("Elsewhere", "E3", "beside");
      const error = await rejection(writeOwnedTables([pricesBlock(3, 2)]));
      expect(error.message).toMatch(/^Elsewhere!E3 holds your data/);
      expect(workbook.getCell("Elsewhere", "E3")).toBe("beside");
    });

    it("grows over blank cells and ignores data away from the new footprint", async () => {
      await writeOwnedTables([pricesBlock(5, 2)]);
      // Beside the old table but outside the new one (the table grows to D7).
      workbook.setCell("Prices", "F2", "far right");
      workbook.setCell("Prices", "A9", "far below");
      workbook.setCell("Prices", "D8", "");
      await writeOwnedTables([pricesBlock(6, 3)]);
      expect(workbook.table("Prices")?.address).toBe("Prices!A1:D7");
      expect(workbook.getCell("Prices", "F2")).toBe("far right");
      expect(workbook.getCell("Prices", "A9")).toBe("far below");
    });

    it("refreshes at the same size without reading cells, whatever lies beside the table", async () => {
      await writeOwnedTables([pricesBlock(5, 2)]);
      workbook.setCell("Prices", "D1", "touching");
      workbook.setCell("Prices", "A7", "touching");
      workbook.resetCounters();
      const report = await writeOwnedTables([pricesBlock(5, 2, 3)]);
      expect(report.syncs).toBe(3);
      expect(workbook.getCell("Prices", "D1")).toBe("touching");
      expect(workbook.getCell("Prices", "A7")).toBe("touching");
    });

    it("refuses to grow into the user's table even where its cells are blank, before any write", async () => {
      await writeOwnedTables([pricesBlock(5, 2), constituents(["S1"])]);
      workbook.moveTable("Prices", "Prices", "C3");
      // The user's table beside it: its header (G1) above ours, its body blank where Prices would grow.
      workbook.addUserTable("Prices", "Mine", "G1", [
        ["Notes"],
        [""],
        [""],
        [""],
        [""],
        [""],
        [""],
        [""],
      ]);
      const before = workbook.table("Prices");
      const error = await rejection(writeOwnedTables([pricesBlock(5, 4), constituents(["S2"])]));
      expect(error.kind).toBe("occupied");
      expect(error.message).toBe(
        'Prices!G3 is part of your table "Mine", and the Prices table would grow over it; move that table, then refresh. Nothing was written.'
      );
      expect(workbook.table("Prices")).toEqual(before);
      expect(workbook.table("Constituents")?.rows).toEqual([["S1", 1]]);
    });

    it("refuses to grow down into a user's table whose first rows are blank", async () => {
      await writeOwnedTables([pricesBlock(3, 1)]);
      workbook.addUserTable("Prices", "Below", "A8", [["Header"], ["x"]]);
      workbook.setCell("Prices", "A8", "Header");
      const error = await rejection(writeOwnedTables([pricesBlock(10, 1)]));
      expect(error.message).toMatch(/^Prices!A8 is part of your table "Below"/);
    });

    it("counts the user's columns inside the table: ours push them right, over what lies there", async () => {
      await writeOwnedTables([pricesBlock(3, 1)]);
      await (globalThis as any).Excel.run(async (context: Excel.RequestContext) => {
        const table = context.workbook.tables.getItemOrNullObject("Prices");
        await context.sync();
        table.resize(context.workbook.worksheets.getItem("Prices").getRangeByIndexes(0, 0, 4, 3));
        await context.sync();
      });
      workbook.setCell("Prices", "C1", "Note");
      workbook.setCell("Prices", "D2", "just right of the Note column");
      const error = await rejection(writeOwnedTables([pricesBlock(3, 2)]));
      expect(error.message).toMatch(/^Prices!D2 holds your data/);
    });
  });

  it("creates the table on an existing empty sheet", async () => {
    workbook.addSheet("Prices");
    await writeOwnedTables([pricesBlock(2, 1)]);
    expect(workbook.table("Prices")?.address).toBe("Prices!A1:B3");
  });

  it("chunks by rows under the payload budget, every request within it", async () => {
    workbook.payloadLimit = 60_000;
    const report = await writeOwnedTables([pricesBlock(400, 10)], { payloadBudget: 50_000 });
    expect(report.syncs).toBeGreaterThan(3);
    expect(Math.max(...workbook.payloads)).toBeLessThanOrEqual(60_000);
    expect(workbook.table("Prices")?.rows).toEqual(pricesBlock(400, 10).rows);
  });

  it("retries with smaller chunks when Excel refuses a request as too large", async () => {
    workbook.payloadLimit = 30_000;
    const report = await writeOwnedTables([pricesBlock(400, 10)], { payloadBudget: 1_000_000 });
    expect(workbook.table("Prices")?.rows).toEqual(pricesBlock(400, 10).rows);
    expect(report.syncs).toBeGreaterThan(3);
  });

  it("reports a refused request in plain words, and a failed refresh keeps the old values", async () => {
    await writeOwnedTables([pricesBlock(5, 2)]);
    const before = workbook.table("Prices");
    workbook.failNextSync(
      "GeneralException",
      "There was an internal error while processing the request."
    );
    const error = await rejection(writeOwnedTables([pricesBlock(5, 2, 50)]));
    expect(error.kind).toBe("excel");
    expect(error.message).toMatch(/Excel could not write the tables \(GeneralException/);
    expect(workbook.table("Prices")).toEqual(before);
  });

  it("refuses a refresh on a host without ExcelApi 1.13 (table resize) before writing", async () => {
    await writeOwnedTables([pricesBlock(3, 2)]);
    const before = workbook.table("Prices");
    const requirements = (globalThis as { Office: typeof Office }).Office.context.requirements;
    const original = requirements.isSetSupported;
    requirements.isSetSupported = ((name: string, version?: string | number) =>
      !(name === "ExcelApi" && version === "1.13")) as typeof requirements.isSetSupported;
    try {
      const error = await rejection(writeOwnedTables([pricesBlock(5, 2, 9)]));
      expect(error.kind).toBe("excel");
      expect(error.message).toMatch(/lacks ExcelApi 1.13/);
      expect(workbook.table("Prices")).toEqual(before);
      // Creating a table needs no resize: still allowed.
      await writeOwnedTables([constituents(["BTC"])]);
      expect(workbook.table("Constituents")).not.toBeNull();
    } finally {
      requirements.isSetSupported = original;
    }
  });

  it("rejects malformed blocks before touching the workbook", async () => {
    const bad: Array<[TableBlock, RegExp]> = [
      [
        { name: "1Prices", sheet: "P", headers: ["A"], rows: [[1]] },
        /not a valid Excel table name/,
      ],
      [{ name: "P", sheet: "a/b", headers: ["A"], rows: [[1]] }, /not a valid sheet name/],
      [
        { name: "P", sheet: "P", headers: ["A", "a"], rows: [[1, 2]] },
        /header 2 \("a"\) is empty or repeated/,
      ],
      [{ name: "P", sheet: "P", headers: ["A"], rows: [] }, /0 data rows/],
      [
        { name: "P", sheet: "P", headers: ["A", "B"], rows: [[1]] },
        /row 1 has 1 cells, the header 2/,
      ],
      [{ name: "P", sheet: "P", headers: ["A"], rows: [[NaN]] }, /row 1, column 1 \(A\) holds NaN/],
      [
        { name: "P", sheet: "P", headers: ["A"], rows: [[1]], formats: [] },
        /0 formats for 1 columns/,
      ],
    ];
    for (const [block, message] of bad) {
      const error = await rejection(writeOwnedTables([block]));
      expect(error.kind).toBe("invalid");
      expect(error.message).toMatch(message);
    }
    const twice = await rejection(writeOwnedTables([constituents(["A"]), constituents(["B"])]));
    expect(twice.message).toMatch(/given twice/);
    expect(workbook.syncCount).toBe(0);
    expect(workbook.sheetNames()).toEqual([]);
  });

  it("writes nothing when cancelled before the first write", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      writeOwnedTables([pricesBlock(3, 2)], { signal: controller.signal })
    );
    expect(error.kind).toBe("cancelled");
    expect(workbook.tableNames()).toEqual([]);
  });

  it("does not change its input blocks", async () => {
    const block = pricesBlock(20, 3);
    const copy = JSON.parse(JSON.stringify(block));
    Object.freeze(block.rows);
    block.rows.forEach((row) => Object.freeze(row));
    Object.freeze(block.headers);
    await writeOwnedTables([block]);
    await writeOwnedTables([block]);
    expect(JSON.parse(JSON.stringify(block))).toEqual(copy);
  });
});

describe("writeOwnedTables properties", () => {
  it("after any sequence of writes the table holds exactly the last block, with a stable id", async () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.string({ maxLength: 6 }),
      fc.boolean()
    );
    const block = fc
      .record({ rows: fc.integer({ min: 1, max: 12 }), cols: fc.integer({ min: 1, max: 5 }) })
      .chain(({ rows, cols }) =>
        fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        })
      )
      .map((rows): TableBlock => ({
        name: "Prices",
        sheet: "Prices",
        headers: rows[0].map((_, j) => `H${j}`),
        rows,
      }));
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 4 }), async (blocks) => {
        workbook.reset();
        let id: string | undefined;
        for (const b of blocks) {
          const report = await writeOwnedTables([b]);
          expect(report.syncs).toBeLessThanOrEqual(3);
          id ??= workbook.table("Prices")?.id;
          expect(workbook.table("Prices")?.id).toBe(id);
        }
        const last = blocks[blocks.length - 1];
        const table = workbook.table("Prices");
        expect(table?.headers).toEqual(last.headers);
        expect(table?.rows).toEqual(last.rows.map((r) => r.map((v) => (Object.is(v, -0) ? 0 : v))));
        // Nothing of older, larger blocks remains outside the table.
        expect(workbook.getCell("Prices", `A${last.rows.length + 2}`)).toBe("");
      }),
      { numRuns: 60 }
    );
  });
});

describe("readTables", () => {
  it("reads owned and user tables by name, undefined for a missing one, and the last row alone", async () => {
    await writeOwnedTables([pricesBlock(4, 2)]);
    workbook.addUserTable("Holdings", "Holdings", "B2", [
      ["Symbol", "Units"],
      ["BTC", 0.5],
    ]);
    const [prices, holdings, none] = await readTables(["Prices", "Holdings", "Nope"]);
    expect(prices?.headers).toEqual(["Date", "S1", "S2"]);
    expect(prices?.rows).toHaveLength(4);
    expect(holdings?.rows).toEqual([["BTC", 0.5]]);
    expect(none).toBeUndefined();
    const [last] = await readTables(["Prices"], { lastRowOnly: true });
    expect(last?.rows).toEqual([pricesBlock(4, 2).rows[3]]);
  });
});
