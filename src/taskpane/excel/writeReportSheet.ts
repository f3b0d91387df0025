import type { ReportBlock, ReportSheet } from "../state/reportLayout";
import { REPORT_CHART_COLUMN } from "../state/reportLayout";
import { checkRequirementSets, hostIsSetSupported } from "./requirementSets";
import { SheetWriteError } from "./sheetWriteError";
import {
  claimOwnedSheet,
  markOwnedSheet,
  sheetMarkerKey,
  sheetWriteFailure,
} from "./writeOwnedSheet";

/** What {@link writeReportSheet} did. */
export interface ReportWriteOutcome {
  readonly outcome: "created" | "refreshed";
  readonly cells: number;
  readonly chartsCreated: readonly string[];
  readonly chartsUpdated: readonly string[];
}

/** Boxes written last time, [row, column, rows, columns] each: a refresh clears exactly those. */
interface ReportMarker {
  readonly id: string;
  readonly boxes: ReadonlyArray<readonly [number, number, number, number]>;
}

/** Custom properties hold at most 255 characters; a report has a handful of boxes. */
const MARKER_LIMIT = 255;
/** Rows and columns each chart covers, stacked down from the chart column. */
const CHART_ROWS = 18;
const CHART_COLUMNS = 9;
const GAP_ROWS = 2;

/**
 * Writes the Report sheet Diversify owns: its blocks of values (header, statistics, curve, dated
 * tables) with their number formats, and its named line charts, in one Excel.run.
 *
 * Ownership as writeOwnedSheet's: the sheet is ours when the custom document property
 * "Diversify.sheet.Report" holds its id, or (ids change on reopen) the sheet carries the
 * worksheet property SHEET_OWNER_KEY; a sheet of that name that is not ours is never touched. The
 * marker lists the boxes written, so a refresh clears exactly those. Never over the user's cells:
 * on a refresh, every cell of the new blocks outside the old boxes is read first, and one holding
 * anything refuses the whole write. All checks come before the first write, and the writes go in
 * one request, so a failure leaves the previous report as it was.
 *
 * Requests: (1) the sheet, the marker (and the owner property) and the charts by name; (2) on a
 * refresh, the new blocks' formulas; (3) clear the old boxes, write values and formats, add or
 * re-point the charts (setData keeps the user's position and size), store the marker (a new
 * sheet's id is read in (3) and stored in (4)).
 *
 * @param sheetName the sheet ("Report")
 * @param sheet the blocks and charts (reportLayout)
 * @returns created or refreshed, the cells written and the charts created or updated
 * @throws SheetWriteError "clash" (a sheet of that name Diversify did not create), "occupied" (a cell
 *   the report needs holds the user's data), "unsupported" (no charts in this Excel), "invalid"
 *   (overlapping blocks, a chart over a missing block), "excel" (Excel refused a request)
 * @example await writeReportSheet("Report", reportLayout(report, header, serials, tokens)); // => { outcome: "created", … }
 */
export async function writeReportSheet(
  sheetName: string,
  sheet: ReportSheet
): Promise<ReportWriteOutcome> {
  const requirements = checkRequirementSets(hostIsSetSupported());
  const charts = requirements.missing.findIndex((c) => c.id === "charts");
  if (charts >= 0) throw new SheetWriteError("unsupported", requirements.messages[charts]);
  const boxes = sheet.blocks.map(boxOf);
  checkBlocks(sheet, boxes);
  const markerOf = (id: string) => JSON.stringify({ id, boxes } satisfies ReportMarker);
  if (markerOf("{00000000-0000-0000-0000-000000000000}").length > MARKER_LIMIT) {
    throw new SheetWriteError("invalid", `Too many blocks for the ${sheetName} sheet's marker.`);
  }
  try {
    return await Excel.run(async (context) => {
      const workbook = context.workbook;
      const existing = workbook.worksheets.getItemOrNullObject(sheetName).load("id,name");
      const markerItem = workbook.properties.custom
        .getItemOrNullObject(sheetMarkerKey(sheetName))
        .load("value");
      await context.sync();

      let target: Excel.Worksheet;
      let outcome: ReportWriteOutcome["outcome"];
      let previous: ReportMarker | undefined;
      if (existing.isNullObject) {
        target = workbook.worksheets.add(sheetName);
        outcome = "created";
      } else {
        previous = await claimOwnedSheet(
          context,
          sheetName,
          existing,
          markerItem.isNullObject ? undefined : parseMarker(markerItem.value),
          "Rename that sheet to get Diversify's report."
        );
        target = existing;
        outcome = "refreshed";
        const old = previous.boxes;
        const probes = boxes.map((box) =>
          target.getRangeByIndexes(box[0], box[1], box[2], box[3]).load("formulas")
        );
        const found = sheet.charts.map((chart) =>
          target.charts.getItemOrNullObject(chart.name).load("name")
        );
        await context.sync();
        probes.forEach((probe, k) => {
          const [r0, c0] = boxes[k];
          (probe.formulas as unknown[][]).forEach((row, i) =>
            row.forEach((value, j) => {
              if (value === "" || value === null || value === undefined) return;
              const r = r0 + i;
              const c = c0 + j;
              if (
                old.some(
                  ([br, bc, rows, cols]) => r >= br && r < br + rows && c >= bc && c < bc + cols
                )
              )
                return;
              throw new SheetWriteError(
                "occupied",
                `${sheetName}!${cellAddress(r, c)} holds your data, and the report needs that cell now; move it or delete it, then run the report again. Nothing was written.`
              );
            })
          );
        });
        for (const [r, c, rows, cols] of old) {
          target.getRangeByIndexes(r, c, rows, cols).clear(Excel.ClearApplyTo.contents);
        }
        return finish(context, sheetName, target, sheet, boxes, outcome, markerOf, found);
      }
      return finish(context, sheetName, target, sheet, boxes, outcome, markerOf, undefined);
    });
  } catch (error) {
    throw sheetWriteFailure(sheetName, error);
  }
}

type Box = readonly [number, number, number, number];

/** (3) and (4): the values, formats, charts and marker. */
async function finish(
  context: Excel.RequestContext,
  sheetName: string,
  target: Excel.Worksheet,
  sheet: ReportSheet,
  boxes: readonly Box[],
  outcome: ReportWriteOutcome["outcome"],
  markerOf: (id: string) => string,
  found: Excel.Chart[] | undefined
): Promise<ReportWriteOutcome> {
  let cells = 0;
  sheet.blocks.forEach((block, k) => {
    const [r, c, rows, cols] = boxes[k];
    const range = target.getRangeByIndexes(r, c, rows, cols);
    range.numberFormat = formatsOf(block, cols);
    range.values = block.values.map((row) => [...row]);
    cells += rows * cols;
  });
  const created: string[] = [];
  const updated: string[] = [];
  sheet.charts.forEach((spec, k) => {
    const at = sheet.blocks.findIndex((b) => b.name === spec.block);
    const [r, c, rows] = boxes[at];
    const source = target.getRangeByIndexes(r, c + spec.firstColumn, rows, spec.columns);
    const categories = target.getRangeByIndexes(r + 1, c + spec.categoryColumn, rows - 1, 1);
    const existing = found?.[k];
    let chart: Excel.Chart;
    if (existing === undefined || existing.isNullObject) {
      chart = target.charts.add("Line", source, "Columns");
      chart.name = spec.name;
      const top = k * (CHART_ROWS + GAP_ROWS);
      chart.setPosition(
        cellAddress(top, REPORT_CHART_COLUMN),
        cellAddress(top + CHART_ROWS - 1, REPORT_CHART_COLUMN + CHART_COLUMNS - 1)
      );
      created.push(spec.name);
    } else {
      chart = existing;
      chart.setData(source, "Columns");
      updated.push(spec.name);
    }
    chart.title.text = spec.title;
    chart.series.getItemAt(0).setXAxisValues(categories);
  });
  await markOwnedSheet(context, sheetName, target, outcome === "created", markerOf);
  return { outcome, cells, chartsCreated: created, chartsUpdated: updated };
}

function boxOf(block: ReportBlock): Box {
  const rows = block.values.length;
  const cols = Math.max(...block.values.map((row) => row.length));
  return [block.row, block.column, rows, cols];
}

/** Blocks must be rectangular, inside the sheet and apart; charts must name a block. */
function checkBlocks(sheet: ReportSheet, boxes: readonly Box[]): void {
  sheet.blocks.forEach((block, k) => {
    const [r, c, rows, cols] = boxes[k];
    if (rows === 0 || block.values.some((row) => row.length !== cols)) {
      throw new SheetWriteError("invalid", `The report's ${block.name} block is not rectangular.`);
    }
    boxes.forEach(([r2, c2, rows2, cols2], j) => {
      if (j <= k) return;
      if (r < r2 + rows2 && r2 < r + rows && c < c2 + cols2 && c2 < c + cols) {
        throw new SheetWriteError(
          "invalid",
          `The report's ${block.name} and ${sheet.blocks[j].name} blocks overlap.`
        );
      }
    });
  });
  for (const chart of sheet.charts) {
    if (!sheet.blocks.some((b) => b.name === chart.block))
      throw new SheetWriteError("invalid", `The ${chart.name} chart has no ${chart.block} block.`);
  }
}

/** The block's number formats as a grid: "@" for text (kept as typed), else by column or row. */
function formatsOf(block: ReportBlock, cols: number): string[][] {
  return block.values.map((row, i) =>
    Array.from({ length: cols }, (_, j) => {
      const value = row[j];
      if (typeof value === "string") return "@";
      const format =
        block.rowFormats !== undefined
          ? j === 0
            ? ""
            : block.rowFormats[i]
          : i === 0
            ? ""
            : (block.formats?.[j] ?? "");
      return format === "" || format === undefined ? "General" : format;
    })
  );
}

function parseMarker(value: unknown): ReportMarker | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<ReportMarker>;
    const isBox = (b: unknown) =>
      Array.isArray(b) && b.length === 4 && b.every((n) => Number.isInteger(n) && n >= 0);
    if (
      typeof parsed.id === "string" &&
      parsed.id !== "" &&
      Array.isArray(parsed.boxes) &&
      parsed.boxes.every(isBox)
    )
      return parsed as ReportMarker;
  } catch {
    // Not JSON: someone else's property with our prefix; treat it as no marker.
  }
  return undefined;
}

/** A1 address of 0-based indexes. */
function cellAddress(row: number, column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}
