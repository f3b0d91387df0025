import { type BoxRead, readBoxes, RESPONSE_TOO_LARGE } from "./readBoxes";
import { SheetWriteError } from "./sheetWriteError";
import type { CellValue } from "./tableBlock";

/** A table's contents as Excel gives them: header texts and data rows. */
export interface TableContents {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly CellValue[]>;
}

/** Options of {@link readTables}. */
export interface ReadOptions {
  /** Only the last data row (e.g. the latest prices of a long Prices table). */
  readonly lastRowOnly?: boolean;
}

/**
 * Reads tables by name (owned or the user's, e.g. Holdings) in one Excel.run with two syncs: one to
 * find them, one for their header and data values. A missing table is `undefined` in the result,
 * so the caller decides whether that is an error.
 *
 * Large tables: when Excel on the web refuses the values as a response over 5 MB
 * (ResponsePayloadSizeLimitExceeded), the data rows are read again in runs of rows that fit
 * (readBoxes), as the writer splits its writes under the request limit; the result is the same.
 *
 * @param names table names (case-insensitive, as in Excel)
 * @param options lastRowOnly: read only the header and the last data row
 * @returns one entry per name, undefined where no such table exists
 * @throws SheetWriteError "excel" when Excel refuses the read
 * @example const [holdings] = await readTables(["Holdings"]); holdings?.headers; // => ["Symbol", "Units"]
 */
export async function readTables(
  names: readonly string[],
  options: ReadOptions = {}
): Promise<Array<TableContents | undefined>> {
  try {
    return await Excel.run(async (context) => {
      const sync = async (): Promise<void> => {
        await context.sync();
      };
      const tables = names.map((name) =>
        context.workbook.tables.getItemOrNullObject(name).load("name")
      );
      await sync();
      const bodyOf = (table: Excel.Table) => {
        const body = table.getDataBodyRange();
        return options.lastRowOnly ? body.getLastRow() : body;
      };
      const ranges = tables.map((table) =>
        table.isNullObject
          ? undefined
          : { header: table.getHeaderRowRange().load("values"), body: bodyOf(table).load("values") }
      );
      if (!ranges.some((r) => r !== undefined)) return ranges.map(() => undefined);
      let bodies: unknown[][][];
      try {
        await sync();
        bodies = ranges.map((r) => (r === undefined ? [] : (r.body.values as unknown[][])));
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== RESPONSE_TOO_LARGE) throw error;
        bodies = await readBodiesInSlices(context, tables, ranges, bodyOf, sync);
      }
      return ranges.map((r, k) =>
        r === undefined
          ? undefined
          : {
              name: tables[k].name,
              headers: (r.header.values[0] as unknown[]).map((v) => String(v)),
              rows: bodies[k] as CellValue[][],
            }
      );
    });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new SheetWriteError(
      "excel",
      `Excel could not read ${names.join(", ")} (${typeof code === "string" ? code : "error"}: ${
        error instanceof Error ? error.message : String(error)
      }). Try again.`
    );
  }
}

/**
 * After a refused response: the headers again (a refused response loads nothing), each body's
 * place, then the bodies' values in runs of rows that fit. Fills `ranges[k].header` in place.
 */
async function readBodiesInSlices(
  context: Excel.RequestContext,
  tables: readonly Excel.Table[],
  ranges: Array<{ header: Excel.Range; body: Excel.Range } | undefined>,
  bodyOf: (table: Excel.Table) => Excel.Range,
  sync: () => Promise<void>
): Promise<unknown[][][]> {
  const places = ranges.map((r, k) => {
    if (r === undefined) return undefined;
    r.header = tables[k].getHeaderRowRange().load("values");
    return {
      body: bodyOf(tables[k]).load("rowIndex,columnIndex,rowCount,columnCount"),
      sheet: tables[k].worksheet.load("name"),
    };
  });
  await sync();
  const reads: BoxRead[] = [];
  const readOf: Array<number | undefined> = places.map((p) => {
    if (p === undefined) return undefined;
    reads.push({
      sheet: p.sheet.name,
      row: p.body.rowIndex,
      column: p.body.columnIndex,
      rows: p.body.rowCount,
      columns: p.body.columnCount,
      property: "values",
    });
    return reads.length - 1;
  });
  const grids = await readBoxes(context.workbook, reads, sync);
  return readOf.map((k) => (k === undefined ? [] : grids[k]));
}
