/**
 * The ownership marker: a custom document property per owned table (Excel.CustomPropertyCollection,
 * ExcelApi 1.7), key "Diversify.table.<Name>", value `{"id":"<table id>","columns":K}`. A table is
 * Diversify's only when its name AND its id match a marker, so a user's table that happens to be
 * called "Prices" (or one the user re-created after deleting ours) is never overwritten. `columns`
 * is how many leading columns are ours; columns the user added inside the table to their right are
 * kept. Values stay far below the 255-character limit of custom properties.
 */
export interface OwnershipMarker {
  readonly id: string;
  readonly columns: number;
}

/** The custom property key of a table's marker (keys are case-insensitive, like table names). */
export function markerKey(tableName: string): string {
  return `Diversify.table.${tableName}`;
}

/** The marker's text. */
export function formatMarker(marker: OwnershipMarker): string {
  return JSON.stringify({ id: marker.id, columns: marker.columns });
}

/** The marker in a property value, or undefined when it is not one of ours (a user may edit properties). */
export function parseMarker(value: unknown): OwnershipMarker | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = JSON.parse(value) as { id?: unknown; columns?: unknown };
    if (
      typeof parsed.id === "string" &&
      parsed.id !== "" &&
      typeof parsed.columns === "number" &&
      Number.isInteger(parsed.columns) &&
      parsed.columns >= 1
    ) {
      return { id: parsed.id, columns: parsed.columns };
    }
  } catch {
    // Not JSON: someone else's property with our prefix; treat as no marker.
  }
  return undefined;
}
