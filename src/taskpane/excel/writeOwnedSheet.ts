import { hostIsSetSupported } from "./requirementSets";
import { SheetWriteError } from "./sheetWriteError";

/** A cell an owned sheet holds: text or a formula (starting with "="), at 0-based row and column. */
export interface SheetCell {
  readonly row: number;
  readonly column: number;
  readonly value: string;
}

/** A block of cells by 0-based indexes. */
export interface CellBox {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** What goes on the sheet: its cells and an optional 3-colour scale (e.g. a correlation heat map). */
export interface SheetContent {
  readonly cells: readonly SheetCell[];
  readonly colorScale?: CellBox;
}

/** What {@link writeOwnedSheet} did. */
export type OwnedSheetOutcome = "created" | "refreshed";

/** Custom properties hold at most 255 characters. */
const MARKER_LIMIT = 255;
/** Low correlations green, zero white, high red: red is where diversification is missing. */
const COLOR_SCALE: Excel.ConditionalColorScaleCriteria = {
  minimum: { formula: "-1", type: "Number", color: "#63BE7B" },
  midpoint: { formula: "0", type: "Number", color: "#FFFFFF" },
  maximum: { formula: "1", type: "Number", color: "#F8696B" },
};

interface SheetMarker {
  readonly id: string;
  /** [row, column] of every cell written last time, so a refresh clears exactly those. */
  readonly cells: ReadonlyArray<readonly [number, number]>;
  readonly scale?: readonly [number, number, number, number];
}

/**
 * The worksheet custom property (Worksheet.customProperties, ExcelApi 1.12) that marks a sheet as
 * Diversify's. It is saved with the sheet, so it outlives the sheet's id, which may change between
 * sessions and between web and desktop (office-js issue 1390); a sheet the user makes has none.
 */
export const SHEET_OWNER_KEY = "Diversify.owner";

/** The custom property key of an owned sheet's marker. */
export function sheetMarkerKey(sheetName: string): string {
  return `Diversify.sheet.${sheetName}`;
}

/**
 * Writes a sheet Diversify owns as a whole (the optional Analysis sheet): created once with its
 * cells and colour scale, and afterwards refreshed only while it is still ours — there is a marker
 * (a custom document property "Diversify.sheet.<Name>" holding the sheet's id and the cells
 * written) and either its id is the sheet's or, since ids may change on reopen, the sheet carries
 * the worksheet custom property {@link SHEET_OWNER_KEY} (ExcelApi 1.12; without that set the
 * marker's id alone decides, as before). Each write stores the sheet's current id again. A refresh clears the cells it wrote last time, then writes the new ones; a new cell
 * that holds something the user typed refuses the refresh before any write. A sheet of that name
 * that is not ours is never touched.
 *
 * Requests: one Excel.run; (1) look up the sheet and the marker; (1b) only when the marker's id is
 * not the sheet's, read the sheet's owner property; (2) on a refresh, read the new
 * cells that were not ours (skipped when there are none); (3) write; a new sheet's marker needs its
 * id, read in (3) and stored in (4).
 *
 * @param sheetName the sheet, e.g. "Analysis"
 * @param content the cells (formulas as text) and the colour-scale range
 * @returns "created" or "refreshed"
 * @throws SheetWriteError "clash" (a sheet of that name that Diversify did not create), "occupied"
 *   (a new cell holds the user's data), "invalid" (too many cells to remember in the marker),
 *   "excel" (Excel refused a request)
 * @example await writeOwnedSheet("Analysis", { cells: [{ row: 0, column: 0, value: "=DIVERSIFY.STATS(Prices[#All])" }] });
 *   // => "created"
 */
export async function writeOwnedSheet(
  sheetName: string,
  content: SheetContent
): Promise<OwnedSheetOutcome> {
  const cells: Array<[number, number]> = content.cells.map((c) => [c.row, c.column]);
  const scale = content.colorScale;
  const markerOf = (id: string) =>
    JSON.stringify({
      id,
      cells,
      ...(scale === undefined
        ? {}
        : { scale: [scale.row, scale.column, scale.rows, scale.columns] }),
    });
  if (markerOf("{00000000-0000-0000-0000-000000000000}").length > MARKER_LIMIT) {
    throw new SheetWriteError("invalid", `Too many cells for the ${sheetName} sheet's marker.`);
  }
  try {
    return await Excel.run(async (context) => {
      const workbook = context.workbook;
      const existing = workbook.worksheets.getItemOrNullObject(sheetName).load("id,name");
      const marker = workbook.properties.custom
        .getItemOrNullObject(sheetMarkerKey(sheetName))
        .load("value");
      await context.sync();

      let sheet: Excel.Worksheet;
      let outcome: OwnedSheetOutcome;
      if (existing.isNullObject) {
        sheet = workbook.worksheets.add(sheetName);
        outcome = "created";
      } else {
        const previous = await claimOwnedSheet(
          context,
          sheetName,
          existing,
          marker.isNullObject ? undefined : parseSheetMarker(marker.value),
          "Rename that sheet to get Diversify's, or untick the Analysis sheet."
        );
        sheet = existing;
        outcome = "refreshed";
        const ours = new Set(previous.cells.map(([r, c]) => `${r},${c}`));
        const probes = content.cells
          .filter((c) => !ours.has(`${c.row},${c.column}`))
          .map((c) => ({
            cell: c,
            range: sheet.getRangeByIndexes(c.row, c.column, 1, 1).load("formulas,address"),
          }));
        if (probes.length > 0) {
          await context.sync();
          const taken = probes.find((p) => {
            const v = (p.range.formulas as unknown[][])[0][0];
            return v !== "" && v !== null && v !== undefined;
          });
          if (taken !== undefined) {
            throw new SheetWriteError(
              "occupied",
              `${taken.range.address} holds your data, and the ${sheetName} sheet needs that cell now; move it or delete it, then refresh. Nothing was written.`
            );
          }
        }
        for (const [r, c] of previous.cells) {
          sheet.getRangeByIndexes(r, c, 1, 1).clear(Excel.ClearApplyTo.contents);
        }
        if (previous.scale !== undefined) {
          const [r, c, rows, columns] = previous.scale;
          sheet.getRangeByIndexes(r, c, rows, columns).conditionalFormats.clearAll();
        }
      }
      for (const cell of content.cells) {
        sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).formulas = [[cell.value]];
      }
      if (scale !== undefined) {
        const format = sheet
          .getRangeByIndexes(scale.row, scale.column, scale.rows, scale.columns)
          .conditionalFormats.add(Excel.ConditionalFormatType.colorScale);
        format.colorScale.criteria = COLOR_SCALE;
      }
      await markOwnedSheet(context, sheetName, sheet, outcome === "created", markerOf);
      return outcome;
    });
  } catch (error) {
    throw sheetWriteFailure(sheetName, error);
  }
}

/**
 * The ownership step of a refresh, shared by writeOwnedSheet and writeReportSheet: an existing
 * sheet is ours when its marker's id is the sheet's or, since ids may change on reopen, the sheet
 * carries {@link SHEET_OWNER_KEY} naming this marker (ExcelApi 1.12; one extra sync, only when the
 * ids differ). Anything else is someone else's sheet and refuses the write before any change.
 *
 * @param context the Excel.run context
 * @param sheetName the sheet's name
 * @param existing the sheet of that name (id and name loaded)
 * @param previous its parsed marker, or undefined when there is none or it is not ours
 * @param renameHint the sentence after the clash message telling the user what to do
 * @returns the marker, now known to be this sheet's
 * @throws SheetWriteError "clash" when the sheet is not Diversify's
 */
export async function claimOwnedSheet<M extends { readonly id: string }>(
  context: Excel.RequestContext,
  sheetName: string,
  existing: Excel.Worksheet,
  previous: M | undefined,
  renameHint: string
): Promise<M> {
  let owned = previous !== undefined && previous.id === existing.id;
  if (previous !== undefined && !owned && hostIsSetSupported()("ExcelApi", "1.12")) {
    const owner = existing.customProperties.getItemOrNullObject(SHEET_OWNER_KEY).load("value");
    await context.sync();
    owned = !owner.isNullObject && owner.value === sheetMarkerKey(sheetName);
  }
  if (previous === undefined || !owned) {
    throw new SheetWriteError(
      "clash",
      `This workbook already has a sheet named "${existing.name}" that Diversify did not create, so it was left as it is. ` +
        renameHint
    );
  }
  return previous;
}

/**
 * The last request of an owned-sheet write: stores the marker under the sheet's current id (a new
 * sheet's id is read first, one sync) and, with ExcelApi 1.12, the owner property, then syncs.
 *
 * @param context the Excel.run context
 * @param sheetName the sheet's name
 * @param sheet the sheet written
 * @param created whether the sheet was added in this run (its id is not loaded yet)
 * @param markerOf the marker's JSON for an id
 */
export async function markOwnedSheet(
  context: Excel.RequestContext,
  sheetName: string,
  sheet: Excel.Worksheet,
  created: boolean,
  markerOf: (id: string) => string
): Promise<void> {
  if (created) {
    sheet.load("id");
    await context.sync();
  }
  context.workbook.properties.custom.add(sheetMarkerKey(sheetName), markerOf(sheet.id));
  if (hostIsSetSupported()("ExcelApi", "1.12")) {
    sheet.customProperties.add(SHEET_OWNER_KEY, sheetMarkerKey(sheetName));
  }
  await context.sync();
}

/**
 * What an owned-sheet write throws for an error out of Excel.run: a SheetWriteError as it is,
 * anything else as "excel" with Excel's code and message.
 *
 * @param sheetName the sheet's name
 * @param error what was caught
 * @returns the error to throw
 */
export function sheetWriteFailure(sheetName: string, error: unknown): SheetWriteError {
  if (error instanceof SheetWriteError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  return new SheetWriteError(
    "excel",
    `Excel could not write the ${sheetName} sheet (${typeof code === "string" ? code : "error"}: ${
      error instanceof Error ? error.message : String(error)
    }). Try again.`
  );
}

function parseSheetMarker(value: unknown): SheetMarker | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<SheetMarker>;
    const isPair = (p: unknown) =>
      Array.isArray(p) && p.length === 2 && p.every((n) => Number.isInteger(n) && n >= 0);
    if (
      typeof parsed.id === "string" &&
      parsed.id !== "" &&
      Array.isArray(parsed.cells) &&
      parsed.cells.every(isPair) &&
      (parsed.scale === undefined ||
        (Array.isArray(parsed.scale) &&
          parsed.scale.length === 4 &&
          parsed.scale.every((n) => Number.isInteger(n) && n >= 0)))
    ) {
      return parsed as SheetMarker;
    }
  } catch {
    // Not JSON: someone else's property with our prefix; treat as no marker.
  }
  return undefined;
}
