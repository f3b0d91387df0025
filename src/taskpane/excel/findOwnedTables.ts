import { markerKey, parseMarker } from "./ownershipMarker";
import { SheetWriteError } from "./sheetWriteError";

/**
 * Which of the named tables exist and are Diversify's (name and marker id agree, as the writer
 * requires), read in one Excel.run with one sync. The pane asks this when it opens, so a workbook
 * reopened after a build offers "Refresh index" rather than "Build index".
 *
 * @param names table names (case-insensitive, as in Excel)
 * @returns the names, in the given order, of the tables that are ours
 * @throws SheetWriteError "excel" when Excel refuses the read
 * @example await findOwnedTables(["Constituents", "Prices"]); // => ["Constituents", "Prices"] after a build
 */
export async function findOwnedTables(names: readonly string[]): Promise<string[]> {
  try {
    return await Excel.run(async (context) => {
      const lookups = names.map((name) => ({
        name,
        table: context.workbook.tables.getItemOrNullObject(name).load("id"),
        marker: context.workbook.properties.custom
          .getItemOrNullObject(markerKey(name))
          .load("value"),
      }));
      await context.sync();
      return lookups
        .filter(({ table, marker }) => {
          if (table.isNullObject || marker.isNullObject) return false;
          return parseMarker(marker.value)?.id === table.id;
        })
        .map(({ name }) => name);
    });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new SheetWriteError(
      "excel",
      `Excel could not look up ${names.join(", ")} (${typeof code === "string" ? code : "error"}: ${
        error instanceof Error ? error.message : String(error)
      }). Reload the add-in.`
    );
  }
}
