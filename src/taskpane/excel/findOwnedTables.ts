import { hostIsSetSupported } from "./requirementSets";
import { markerKey, markerMatches, parseMarker } from "./ownershipMarker";
import { SheetWriteError } from "./sheetWriteError";

/**
 * Which of the named tables exist and are Diversify's (name, and marker id or legacyId, agree, as
 * the writer requires: ids may change on reopen), read in one Excel.run with one sync. The pane asks this when it opens, so a workbook
 * reopened after a build offers "Refresh index" rather than "Build index".
 *
 * @param names table names (case-insensitive, as in Excel)
 * @returns the names, in the given order, of the tables that are ours (none without ExcelApi 1.7)
 * @throws SheetWriteError "excel" when Excel refuses the read
 * @example await findOwnedTables(["Constituents", "Prices"]); // => ["Constituents", "Prices"] after a build
 */
export async function findOwnedTables(names: readonly string[]): Promise<string[]> {
  // Without ExcelApi 1.7 there are no custom properties to read the markers from, and the pane
  // already says its tables are off (requirementSets.ts): none counts as ours, no request is made.
  if (!hostIsSetSupported()("ExcelApi", "1.7")) return [];
  try {
    return await Excel.run(async (context) => {
      const withLegacyId = hostIsSetSupported()("ExcelApi", "1.8");
      const lookups = names.map((name) => ({
        name,
        table: context.workbook.tables
          .getItemOrNullObject(name)
          .load(withLegacyId ? "id,legacyId" : "id"),
        marker: context.workbook.properties.custom
          .getItemOrNullObject(markerKey(name))
          .load("value"),
      }));
      await context.sync();
      return lookups
        .filter(({ table, marker }) => {
          if (table.isNullObject || marker.isNullObject) return false;
          const ids = withLegacyId ? { id: table.id, legacyId: table.legacyId } : { id: table.id };
          return markerMatches(parseMarker(marker.value), ids);
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
