import { formatMarker, markerKey, parseMarker } from "./ownershipMarker";
import { SheetWriteError } from "./sheetWriteError";
import type { CellValue, TableBlock, WriteReport } from "./tableBlock";
import { validateBlocks } from "./validateBlocks";

/** Options of {@link writeOwnedTables}. */
export interface WriteOptions {
  /**
   * Most characters of cell JSON per request. Excel on the web refuses requests over 5 MB
   * (RequestPayloadSizeLimitExceeded); 4,000,000 leaves room for the request's own envelope.
   */
  readonly payloadBudget?: number;
  /** Checked up to the first write; once writing starts it runs to the end (a half write is worse). */
  readonly signal?: AbortSignal;
}

const DEFAULT_PAYLOAD_BUDGET = 4_000_000;
/** Rows autofit looks at when a table is created (header + 50 rows of data). */
const AUTOFIT_ROWS = 51;
/** Office.js error code of a request over the payload limit (Excel on the web). */
const PAYLOAD_TOO_LARGE = "RequestPayloadSizeLimitExceeded";

/** A block's state in the workbook, from the reads. */
interface Plan {
  readonly block: TableBlock;
  readonly table: Excel.Table;
  readonly sheetName: string;
  /** Top-left cell of the header row. */
  readonly row: number;
  readonly column: number;
  /** Existing owned table: its size and how many of its leading columns are ours. */
  readonly existing?: {
    readonly id: string;
    readonly rows: number;
    readonly columns: number;
    readonly ours: number;
  };
  /** Columns the user added inside the table, right of ours; they are kept. */
  readonly userColumns: number;
  readonly sheetExists: boolean;
}

/** A block of cells by 0-based indexes. */
interface Box {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** A run of rows of one block written in one request; start 0 is the header row. */
interface Piece {
  readonly plan: Plan;
  readonly start: number;
  readonly count: number;
  readonly size: number;
}

/**
 * Writes Diversify's tables (Prices, Constituents, Rebalance, …) into the workbook in ONE Excel.run:
 * an owned table is resized in place, a missing one is created, and nothing is written unless
 * every table can be.
 *
 * Ownership: a table is ours when its name and its id match the marker Diversify stores in the
 * workbook's custom properties (see ownershipMarker.ts); it is found by name wherever the user
 * moved it, never by position. A table with our name but no marker is the user's: the write is
 * refused with a message saying how to free the name. A missing table is created at A1 of a sheet
 * of the given name.
 *
 * Never over the user's cells: before any write, every cell a table would take that is not already
 * the table's (the whole footprint of a new table; the strips right of and below an owned table that
 * grows) is read, and one that holds anything — a value or a formula — refuses the whole write with
 * its address ("Prices!AZ1 holds your data; move it or delete it, then refresh"); so does another
 * table there, even where its cells are blank. Cells elsewhere on the sheet (notes beside a table
 * that does not grow) do not matter.
 *
 * In place: an owned table keeps its id, so structured references (=SUM(Prices[BTC])) and formulas
 * pointing into it survive. Our columns are its first K; columns the user added inside the table to
 * their right are kept (table columns are inserted or deleted before them when K changes), and
 * rows no longer covered by the table are cleared.
 *
 * Requests: (1) look up tables, sheets and markers; (2) for existing owned tables, read their size,
 * and the used range of their sheets (skipped when there are none); (2b) only when a claimed cell
 * lies in a used range, read those cells; (3…) write: values are chunked by rows so each request stays under
 * `payloadBudget` characters, and the first chunk carries the structural changes; a new table's
 * marker needs its id, which Excel gives only once the table exists, so it takes one small request
 * of its own. A request refused as too large is retried with half the budget. 1,830 × 51 cells
 * (5 years × 50 symbols, about 1.8 MB of JSON) take 3 syncs, created or refreshed. Calculation is suspended during each write request.
 *
 * @param blocks the validated tables to write, one per sheet
 * @param options payload budget, cancellation
 * @returns the number of syncs and what was created or resized
 * @throws SheetWriteError "invalid" (malformed block), "clash" (a user's table has the name),
 *   "occupied" (a cell the write would take holds data), "cancelled" (signal before the first write),
 *   "excel" (Excel refused a request, the message says which; or an owned table must be resized and
 *   the host lacks ExcelApi 1.13, checked before any write)
 * @example await writeOwnedTables([{ name: "Prices", sheet: "Prices", headers: ["Date", "BTC"], rows: [[45658, 97000]] }]);
 *   // => { syncs: 3, tables: [{ name: "Prices", sheet: "Prices", rows: 1, columns: 2, created: true }] }
 */
export async function writeOwnedTables(
  blocks: readonly TableBlock[],
  options: WriteOptions = {}
): Promise<WriteReport> {
  validateBlocks(blocks);
  let budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  if (!(budget > 0))
    throw new SheetWriteError("invalid", `payloadBudget must be positive; got ${budget}`);
  const signal = options.signal;
  try {
    return await Excel.run(async (context) => {
      let syncs = 0;
      const sync = async () => {
        syncs += 1;
        await context.sync();
      };
      const workbook = context.workbook;

      // (1) Look everything up in one request.
      const lookups = blocks.map((block) => ({
        block,
        table: workbook.tables.getItemOrNullObject(block.name).load("id,name"),
        sheet: workbook.worksheets.getItemOrNullObject(block.sheet),
        marker: workbook.properties.custom.getItemOrNullObject(markerKey(block.name)).load("value"),
      }));
      // Every table, to refuse growing into one whose cells there are blank (a table body may be).
      const allTables = workbook.tables.load("items/name");
      await sync();

      for (const { table, marker } of lookups) {
        if (table.isNullObject) continue;
        const owned = marker.isNullObject ? undefined : parseMarker(marker.value);
        if (owned === undefined || owned.id !== table.id) {
          throw new SheetWriteError(
            "clash",
            `This workbook already has a table named "${table.name}" that Diversify did not create, so it was left as it is. ` +
              `Rename that table (Table Design › Table Name) and try again.`
          );
        }
      }

      // (2) Sizes of the owned tables, and the used range of every sheet a table is on or will be.
      const sized = lookups.map((lookup) => {
        if (!lookup.table.isNullObject) {
          return {
            ...lookup,
            range: lookup.table.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
            sheetOfTable: lookup.table.worksheet.load("name"),
            used: lookup.table.worksheet
              .getUsedRangeOrNullObject(true)
              .load("rowIndex,columnIndex,rowCount,columnCount"),
          };
        }
        const used = lookup.sheet.isNullObject
          ? undefined
          : lookup.sheet
              .getUsedRangeOrNullObject(true)
              .load("rowIndex,columnIndex,rowCount,columnCount");
        return { ...lookup, range: undefined, sheetOfTable: undefined, used };
      });
      const readsSheets = sized.some((s) => s.range !== undefined || s.used !== undefined);
      const otherTables = readsSheets
        ? allTables.items.map((table) => ({
            name: table.name,
            range: table.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
            sheet: table.worksheet.load("name"),
          }))
        : [];
      if (readsSheets) await sync();

      const plans: Plan[] = sized.map((s) => {
        if (s.range !== undefined && s.sheetOfTable !== undefined) {
          const marker = parseMarker(s.marker.value) as { id: string; columns: number };
          const ours = Math.min(marker.columns, s.range.columnCount);
          return {
            block: s.block,
            table: s.table,
            sheetName: s.sheetOfTable.name,
            row: s.range.rowIndex,
            column: s.range.columnIndex,
            existing: {
              id: s.table.id,
              rows: s.range.rowCount,
              columns: s.range.columnCount,
              ours,
            },
            userColumns: s.range.columnCount - ours,
            sheetExists: true,
          };
        }
        return {
          block: s.block,
          table: s.table,
          sheetName: s.block.sheet,
          row: 0,
          column: 0,
          userColumns: 0,
          sheetExists: !s.sheet.isNullObject,
        };
      });

      // Another table in the way: Excel would refuse the resize mid-write, so refuse now.
      for (const plan of plans) {
        if (!plan.sheetExists) continue;
        for (const other of otherTables) {
          if (other.name.toLowerCase() === plan.block.name.toLowerCase()) continue;
          if (other.sheet.name.toLowerCase() !== plan.sheetName.toLowerCase()) continue;
          const box: Box = {
            row: other.range.rowIndex,
            column: other.range.columnIndex,
            rows: other.range.rowCount,
            columns: other.range.columnCount,
          };
          const hit = claimedBoxes(plan)
            .map((claimed) => intersect(claimed, box))
            .find((b) => b !== undefined);
          if (hit !== undefined) {
            throw new SheetWriteError(
              "occupied",
              `${plan.sheetName}!${cellAddress(hit.row, hit.column)} is part of your table "${other.name}", and the ${plan.block.name} table would ${
                plan.existing === undefined ? "be written over it" : "grow over it"
              }; move that table, then refresh. Nothing was written.`
            );
          }
        }
      }

      // (2b) Cells a table would take over (all of a new one, the growth of an owned one) that hold
      // something: read only where they meet the sheet's used range, so this costs a request only
      // when the user has data there.
      const probes: Array<{ plan: Plan; box: Box; range: Excel.Range }> = [];
      sized.forEach((s, k) => {
        if (s.used === undefined || s.used.isNullObject) return;
        const used: Box = {
          row: s.used.rowIndex,
          column: s.used.columnIndex,
          rows: s.used.rowCount,
          columns: s.used.columnCount,
        };
        const plan = plans[k];
        for (const claimed of claimedBoxes(plan)) {
          const box = intersect(claimed, used);
          if (box === undefined) continue;
          const range = workbook.worksheets
            .getItem(plan.sheetName)
            .getRangeByIndexes(box.row, box.column, box.rows, box.columns)
            .load("formulas");
          probes.push({ plan, box, range });
        }
      });
      if (probes.length > 0) {
        await sync();
        for (const plan of plans) {
          const occupied = firstOccupied(probes.filter((p) => p.plan === plan));
          if (occupied === undefined) continue;
          const where = `${plan.sheetName}!${cellAddress(occupied.row, occupied.column)}`;
          throw new SheetWriteError(
            "occupied",
            `${where} holds your data, and the ${plan.block.name} table would ${
              plan.existing === undefined ? "be written over it" : "grow over it"
            }; move it or delete it, then refresh. Nothing was written.`
          );
        }
      }

      if (plans.some((plan) => plan.existing !== undefined) && !resizeSupported()) {
        throw new SheetWriteError(
          "excel",
          "This version of Excel cannot resize tables (it lacks ExcelApi 1.13), so the tables were left as they were. " +
            "Update Office, or use Excel on the web."
        );
      }
      if (signal?.aborted) {
        throw new SheetWriteError("cancelled", "Cancelled: nothing was written.");
      }

      // (3…) Structure with the first chunk, then the rest of the values.
      const created = new Map<Plan, Excel.Table>();
      const queueStructure = () => {
        created.clear();
        for (const plan of plans) {
          const table = queueTableShape(workbook, plan);
          if (table !== undefined) created.set(plan, table);
        }
      };
      let pieces = piecesOf(plans, budget);
      let structureDone = false;
      while (pieces.length > 0) {
        if (!structureDone) {
          queueStructure();
          for (const table of created.values()) table.load("id");
        }
        const batch = takeBatch(pieces, budget);
        for (const piece of batch) queuePiece(workbook, piece);
        workbook.application.suspendApiCalculationUntilNextSync();
        try {
          await sync();
        } catch (error) {
          if (errorCode(error) !== PAYLOAD_TOO_LARGE || budget < 2) throw error;
          // Refused whole, so nothing of it was applied: split finer and send it again.
          budget = Math.floor(budget / 2);
          pieces = piecesOf(plans, budget, pieces[0]);
          continue;
        }
        structureDone = true;
        pieces = pieces.slice(batch.length);
      }
      if (created.size > 0) {
        for (const [plan, table] of created) {
          workbook.properties.custom.add(
            markerKey(plan.block.name),
            formatMarker({ id: table.id, columns: plan.block.headers.length })
          );
          // Readable widths for a new table only: on a refresh the user's widths stay. The first
          // rows are enough to size the columns and keep autofit cheap on a long history.
          const sheet = workbook.worksheets.getItem(plan.sheetName);
          const rows = Math.min(plan.block.rows.length + 1, AUTOFIT_ROWS);
          sheet
            .getRangeByIndexes(plan.row, plan.column, rows, plan.block.headers.length)
            .format.autofitColumns();
        }
        await sync();
      }
      return {
        syncs,
        tables: plans.map((plan) => ({
          name: plan.block.name,
          sheet: plan.sheetName,
          rows: plan.block.rows.length,
          columns: plan.block.headers.length,
          created: plan.existing === undefined,
        })),
      };
    });
  } catch (error) {
    if (error instanceof SheetWriteError) throw error;
    throw new SheetWriteError(
      "excel",
      `Excel could not write the tables (${errorCode(error) ?? "error"}: ${messageOf(error)}). ` +
        "The data was fetched but not fully written; try again, and reload the add-in if it persists."
    );
  }
}

/**
 * The cells a write takes that are not already the table's: the whole footprint of a new table;
 * for an owned table, the strip right of its old columns and the strip below its old rows. The
 * width counts the user's columns inside the table, which move right when ours grow.
 */
function claimedBoxes(plan: Plan): Box[] {
  const height = plan.block.rows.length + 1;
  const width = plan.block.headers.length + plan.userColumns;
  const { row, column, existing } = plan;
  if (existing === undefined) return [{ row, column, rows: height, columns: width }];
  const boxes: Box[] = [];
  if (width > existing.columns) {
    boxes.push({
      row,
      column: column + existing.columns,
      rows: Math.min(height, existing.rows),
      columns: width - existing.columns,
    });
  }
  if (height > existing.rows) {
    boxes.push({ row: row + existing.rows, column, rows: height - existing.rows, columns: width });
  }
  return boxes;
}

function intersect(a: Box, b: Box): Box | undefined {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const columns = Math.min(a.column + a.columns, b.column + b.columns) - column;
  return rows > 0 && columns > 0 ? { row, column, rows, columns } : undefined;
}

/** The top-most, then left-most, non-blank cell of the probes (a formula counts, even one showing ""). */
function firstOccupied(
  probes: ReadonlyArray<{ box: Box; range: Excel.Range }>
): { row: number; column: number } | undefined {
  let best: { row: number; column: number } | undefined;
  for (const { box, range } of probes) {
    const formulas = range.formulas as unknown[][];
    for (let i = 0; i < box.rows; i++) {
      const cells = formulas[i];
      for (let j = 0; j < box.columns; j++) {
        if (cells[j] === "" || cells[j] === null || cells[j] === undefined) continue;
        const row = box.row + i;
        const column = box.column + j;
        if (best === undefined || row < best.row || (row === best.row && column < best.column)) {
          best = { row, column };
        }
        break;
      }
    }
  }
  return best;
}

/** A1-style address of a 0-based cell (column 51 → "AZ"). */
function cellAddress(row: number, column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}

/** Queues a new table (returned) or the resize of an owned one, and its marker when it exists. */
function queueTableShape(workbook: Excel.Workbook, plan: Plan): Excel.Table | undefined {
  const width = plan.block.headers.length;
  const height = plan.block.rows.length + 1;
  if (plan.existing === undefined) {
    const sheet = plan.sheetExists
      ? workbook.worksheets.getItem(plan.sheetName)
      : workbook.worksheets.add(plan.sheetName);
    const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, height, width), true);
    table.name = plan.block.name;
    return table;
  }
  const { existing, table } = plan;
  const sheet = workbook.worksheets.getItem(plan.sheetName);
  if (plan.userColumns > 0 && width !== existing.ours) {
    // Keep the user's columns right of ours: insert or delete table columns just before them.
    for (let k = existing.ours; k < width; k++) table.columns.add(existing.ours);
    for (let k = width; k < existing.ours; k++) table.columns.getItemAt(width).delete();
  }
  const totalWidth = width + plan.userColumns;
  const widthBefore = plan.userColumns > 0 ? totalWidth : existing.columns;
  table.resize(sheet.getRangeByIndexes(plan.row, plan.column, height, totalWidth));
  if (existing.rows > height) {
    sheet
      .getRangeByIndexes(plan.row + height, plan.column, existing.rows - height, widthBefore)
      .clear(Excel.ClearApplyTo.contents);
  }
  if (plan.userColumns === 0 && existing.columns > width) {
    sheet
      .getRangeByIndexes(plan.row, plan.column + width, existing.rows, existing.columns - width)
      .clear(Excel.ClearApplyTo.contents);
  }
  workbook.properties.custom.add(
    markerKey(plan.block.name),
    formatMarker({ id: existing.id, columns: width })
  );
  return undefined;
}

/** Queues the values (and number formats) of rows [start, start + count) of a block. */
function queuePiece(workbook: Excel.Workbook, piece: Piece): void {
  const { plan, start, count } = piece;
  const block = plan.block;
  const width = block.headers.length;
  const sheet = workbook.worksheets.getItem(plan.sheetName);
  const grid: CellValue[][] = [];
  for (let i = start; i < start + count; i++) {
    grid.push(i === 0 ? [...block.headers] : [...block.rows[i - 1]]);
  }
  sheet.getRangeByIndexes(plan.row + start, plan.column, count, width).values = grid;
  const bodyStart = Math.max(start, 1);
  const bodyCount = start + count - bodyStart;
  if (block.formats === undefined || bodyCount <= 0) return;
  block.formats.forEach((format, j) => {
    if (format === undefined || format === "") return;
    const column: string[][] = new Array(bodyCount);
    for (let i = 0; i < bodyCount; i++) column[i] = [format];
    sheet.getRangeByIndexes(plan.row + bodyStart, plan.column + j, bodyCount, 1).numberFormat =
      column;
  });
}

/** Splits every block (from `from` on) into row runs of at most `budget` characters of JSON each. */
function piecesOf(plans: readonly Plan[], budget: number, from?: Piece): Piece[] {
  const pieces: Piece[] = [];
  let skipping = from !== undefined;
  for (const plan of plans) {
    if (skipping && plan !== from?.plan) continue;
    const first = skipping && from !== undefined ? from.start : 0;
    skipping = false;
    const block = plan.block;
    const formatCost = (block.formats ?? []).reduce(
      (sum, f) => sum + (f === undefined || f === "" ? 0 : f.length + 6),
      0
    );
    let start = first;
    let size = 0;
    for (let i = first; i <= block.rows.length; i++) {
      const row = i === 0 ? block.headers : block.rows[i - 1];
      const cost = JSON.stringify(row).length + 1 + (i === 0 ? 0 : formatCost);
      if (cost > budget) {
        throw new SheetWriteError(
          "excel",
          `Row ${i} of table "${block.name}" is larger than one Excel request can carry; write fewer columns.`
        );
      }
      if (size + cost > budget && i > start) {
        pieces.push({ plan, start, count: i - start, size });
        start = i;
        size = 0;
      }
      size += cost;
    }
    pieces.push({ plan, start, count: block.rows.length + 1 - start, size });
  }
  return pieces;
}

/** The leading pieces that fit together in one request (at least one). */
function takeBatch(pieces: readonly Piece[], budget: number): Piece[] {
  const batch: Piece[] = [pieces[0]];
  let size = pieces[0].size;
  for (let k = 1; k < pieces.length && size + pieces[k].size <= budget; k++) {
    batch.push(pieces[k]);
    size += pieces[k].size;
  }
  return batch;
}

/** Table.resize is ExcelApi 1.13; outside Office (tests without the double's Office) assume yes. */
function resizeSupported(): boolean {
  if (typeof Office === "undefined" || Office.context?.requirements === undefined) return true;
  return Office.context.requirements.isSetSupported("ExcelApi", "1.13");
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
