/**
 * The ownership marker: a custom document property per owned table (Excel.CustomPropertyCollection,
 * ExcelApi 1.7), key "Diversify.table.<Name>", value `{"id":"<table id>","legacyId":"<n>","columns":K}`.
 * A table is Diversify's only when its name matches AND its id or its legacyId matches the marker,
 * so a user's table that happens to be called "Prices" (or one the user re-created after deleting
 * ours) is never overwritten. Both ids, because Table.id and Worksheet.id are documented as constant
 * within a session only and are reported to change on reopen and between web and desktop
 * (office-js issue 1390), while Table.legacyId (ExcelApi 1.8) is the number saved in the file.
 * `columns` is how many leading columns are ours; columns the user added inside the table to their
 * right are kept. Values stay far below the 255-character limit of custom properties. A marker
 * written before legacyId was stored (or on a host without ExcelApi 1.8) matches on id alone.
 */
export interface OwnershipMarker {
  readonly id: string;
  /** Table.legacyId when the host has ExcelApi 1.8. */
  readonly legacyId?: string;
  readonly columns: number;
}

/** The ids of a table as loaded: legacyId only where the host has ExcelApi 1.8. */
export interface TableIds {
  readonly id: string;
  readonly legacyId?: string;
}

/** The custom property key of a table's marker (keys are case-insensitive, like table names). */
export function markerKey(tableName: string): string {
  return `Diversify.table.${tableName}`;
}

/** The marker's text. */
export function formatMarker(marker: OwnershipMarker): string {
  return JSON.stringify(
    marker.legacyId === undefined
      ? { id: marker.id, columns: marker.columns }
      : { id: marker.id, legacyId: marker.legacyId, columns: marker.columns }
  );
}

/** The marker in a property value, or undefined when it is not one of ours (a user may edit properties). */
export function parseMarker(value: unknown): OwnershipMarker | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = JSON.parse(value) as { id?: unknown; legacyId?: unknown; columns?: unknown };
    if (
      typeof parsed.id === "string" &&
      parsed.id !== "" &&
      (parsed.legacyId === undefined ||
        (typeof parsed.legacyId === "string" && parsed.legacyId !== "")) &&
      typeof parsed.columns === "number" &&
      Number.isInteger(parsed.columns) &&
      parsed.columns >= 1
    ) {
      return typeof parsed.legacyId === "string"
        ? { id: parsed.id, legacyId: parsed.legacyId, columns: parsed.columns }
        : { id: parsed.id, columns: parsed.columns };
    }
  } catch {
    // Not JSON: someone else's property with our prefix; treat as no marker.
  }
  return undefined;
}

/**
 * Whether a marker names this table: its id matches, or its legacyId does (both known). O(1).
 *
 * @example markerMatches({ id: "{A}", legacyId: "3", columns: 2 }, { id: "{B}", legacyId: "3" }); // => true
 */
export function markerMatches(marker: OwnershipMarker | undefined, table: TableIds): boolean {
  if (marker === undefined) return false;
  if (marker.id === table.id) return true;
  return (
    marker.legacyId !== undefined &&
    table.legacyId !== undefined &&
    marker.legacyId === table.legacyId
  );
}
