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
      const tables = names.map((name) =>
        context.workbook.tables.getItemOrNullObject(name).load("name")
      );
      await context.sync();
      const ranges = tables.map((table) => {
        if (table.isNullObject) return undefined;
        const body = table.getDataBodyRange();
        return {
          header: table.getHeaderRowRange().load("values"),
          body: (options.lastRowOnly ? body.getLastRow() : body).load("values"),
        };
      });
      if (ranges.some((r) => r !== undefined)) await context.sync();
      return ranges.map((r, k) =>
        r === undefined
          ? undefined
          : {
              name: tables[k].name,
              headers: (r.header.values[0] as unknown[]).map((v) => String(v)),
              rows: r.body.values as CellValue[][],
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
