import { hostIsSetSupported } from "./requirementSets";
import { formatMarker, markerKey, markerMatches, parseMarker } from "./ownershipMarker";
import { readBoxes } from "./readBoxes";
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
    /** Table.legacyId, where the host has ExcelApi 1.8. */
    readonly legacyId?: string;
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
 * Ownership: a table is ours when its name matches and its id or legacyId (ExcelApi 1.8; ids may
 * change on reopen, office-js issue 1390) matches the marker Diversify stores in the workbook's
 * custom properties (see ownershipMarker.ts); every write stores the current ids again. It is found by name wherever the user
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
 * Formats: each chunk sets its rows' number formats (Range.numberFormat, ExcelApi 1.1) before their
 * values, so a "@" column keeps text as text and dates and percentages show as such; a column
 * without a declared format that holds text gets "@" on its text cells. A new table's columns are
 * autofitted once (format.autofitColumns, ExcelApi 1.2) and, on a sheet created here, its header
 * row is frozen (freezePanes.freezeRows, ExcelApi 1.7); each is skipped where the host lacks its set.
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
      // Table ids may change between sessions (office-js issue 1390); legacyId is the one saved.
      const tableIds = hostIsSetSupported()("ExcelApi", "1.8") ? "id,legacyId,name" : "id,name";
      const lookups = blocks.map((block) => ({
        block,
        table: workbook.tables.getItemOrNullObject(block.name).load(tableIds),
        sheet: workbook.worksheets.getItemOrNullObject(block.sheet),
        marker: workbook.properties.custom.getItemOrNullObject(markerKey(block.name)).load("value"),
        // Table names share one namespace with defined names (NamedItemCollection, ExcelApi 1.4).
        definedName: workbook.names.getItemOrNullObject(block.name).load("name"),
      }));
      // Every table, to refuse growing into one whose cells there are blank (a table body may be).
      const allTables = workbook.tables.load("items/name");
      await sync();

      for (const { table, marker } of lookups) {
        if (table.isNullObject) continue;
        const owned = marker.isNullObject ? undefined : parseMarker(marker.value);
        if (!markerMatches(owned, idsOf(table))) {
          throw new SheetWriteError(
            "clash",
            `This workbook already has a table named "${table.name}" that Diversify did not create, so it was left as it is. ` +
              `Rename that table (Table Design › Table Name) and try again.`
          );
        }
      }
      // Excel would refuse the new table's name mid-write (ItemAlreadyExists), so refuse now.
      for (const { block, table, definedName } of lookups) {
        if (!table.isNullObject || definedName.isNullObject) continue;
        throw new SheetWriteError(
          "clash",
          `This workbook has a defined name "${definedName.name}" (Formulas › Name Manager), and a table cannot share a name with it, ` +
            `so the ${block.name} table was not created. Rename or delete that name, then try again. Nothing was written.`
        );
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
              ...idsOf(s.table),
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
          const hit = takenBoxes(plan)
            .map((taken) => ({ ...taken, box: intersect(taken.box, box) }))
            .find((taken) => taken.box !== undefined);
          if (hit?.box !== undefined) {
            throw new SheetWriteError(
              "occupied",
              `${plan.sheetName}!${cellAddress(hit.box.row, hit.box.column)} is part of your table "${other.name}", and the ${plan.block.name} table would ${whatItWouldDo(
                plan,
                hit.shifted
              )}; move that table, then refresh. Nothing was written.`
            );
          }
        }
      }

      // (2b) Cells a table would take over (all of a new one, the growth of an owned one) that hold
      // something: read only where they meet the sheet's used range, so this costs a request only
      // when the user has data there.
      // Also the cells right of an owned table across its rows when its columns change while the
      // user has columns inside it: adding or deleting table columns shifts them (see takenBoxes).
      const probes: Array<{ plan: Plan; box: Box; shifted: boolean }> = [];
      sized.forEach((s, k) => {
        if (s.used === undefined || s.used.isNullObject) return;
        const used: Box = {
          row: s.used.rowIndex,
          column: s.used.columnIndex,
          rows: s.used.rowCount,
          columns: s.used.columnCount,
        };
        const plan = plans[k];
        for (const taken of takenBoxes(plan)) {
          const box = intersect(taken.box, used);
          if (box === undefined) continue;
          probes.push({ plan, box, shifted: taken.shifted });
        }
      });
      if (probes.length > 0) {
        // One request when the cells fit in a response; split by rows when Excel refuses it as too large.
        const grids = await readBoxes(
          workbook,
          probes.map(({ plan, box }) => ({
            sheet: plan.sheetName,
            row: box.row,
            column: box.column,
            rows: box.rows,
            columns: box.columns,
            property: "formulas" as const,
          })),
          sync
        );
        const read = probes.map((probe, k) => ({ ...probe, formulas: grids[k] }));
        for (const plan of plans) {
          const occupied = firstOccupied(read.filter((p) => p.plan === plan));
          if (occupied === undefined) continue;
          const where = `${plan.sheetName}!${cellAddress(occupied.row, occupied.column)}`;
          throw new SheetWriteError(
            "occupied",
            `${where} holds your data, and the ${plan.block.name} table would ${whatItWouldDo(
              plan,
              occupied.shifted
            )}; move it or delete it, then refresh. Nothing was written.`
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
          for (const table of created.values()) table.load(tableIds);
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
            formatMarker({ ...idsOf(table), columns: plan.block.headers.length })
          );
          // Readable widths for a new table only: on a refresh the user's widths stay. The first
          // rows are enough to size the columns and keep autofit cheap on a long history.
          const sheet = workbook.worksheets.getItem(plan.sheetName);
          const rows = Math.min(plan.block.rows.length + 1, AUTOFIT_ROWS);
          if (hostIsSetSupported()("ExcelApi", "1.2")) {
            sheet
              .getRangeByIndexes(plan.row, plan.column, rows, plan.block.headers.length)
              .format.autofitColumns();
          }
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

/** Excel's last column index + 1 (16,384 columns, A to XFD). */
const SHEET_COLUMNS = 16_384;

/**
 * Every box a write would change that is not already the table's: the claimed boxes, and, when an
 * owned table with the user's columns inside changes its number of our columns (table columns are
 * added or deleted before the user's, see queueTableShape), the band right of the table across its
 * current rows to the sheet's last column, because Excel shifts those cells by the inserted or
 * deleted columns (the OperationCellsExceedLimit note of
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling:
 * rows × (16383 − columns) cells are processed). Issue 15, point 7.
 */
function takenBoxes(plan: Plan): Array<{ box: Box; shifted: boolean }> {
  const taken = claimedBoxes(plan).map((box) => ({ box, shifted: false }));
  const { existing } = plan;
  if (
    existing !== undefined &&
    plan.userColumns > 0 &&
    plan.block.headers.length !== existing.ours
  ) {
    const column = plan.column + existing.columns;
    if (column < SHEET_COLUMNS) {
      taken.push({
        box: { row: plan.row, column, rows: existing.rows, columns: SHEET_COLUMNS - column },
        shifted: true,
      });
    }
  }
  return taken;
}

/** What the write would do to a cell it takes, for the refusal's message. */
function whatItWouldDo(plan: Plan, shifted: boolean): string {
  if (shifted) {
    return `shift it sideways (changing the ${plan.block.name} table's columns moves the cells right of it, across its rows)`;
  }
  return plan.existing === undefined ? "be written over it" : "grow over it";
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
  probes: ReadonlyArray<{ box: Box; shifted: boolean; formulas: unknown[][] }>
): { row: number; column: number; shifted: boolean } | undefined {
  let best: { row: number; column: number; shifted: boolean } | undefined;
  for (const { box, shifted, formulas } of probes) {
    for (let i = 0; i < box.rows; i++) {
      const cells = formulas[i];
      for (let j = 0; j < box.columns; j++) {
        if (cells[j] === "" || cells[j] === null || cells[j] === undefined) continue;
        const row = box.row + i;
        const column = box.column + j;
        if (best === undefined || row < best.row || (row === best.row && column < best.column)) {
          best = { row, column, shifted };
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
    // The header stays in view while scrolling a long history; only on a sheet created here (the
    // table is at A1), so the view of a sheet the user made stays theirs.
    if (!plan.sheetExists && hostIsSetSupported()("ExcelApi", "1.7"))
      sheet.freezePanes.freezeRows(1);
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
    formatMarker({ id: existing.id, legacyId: existing.legacyId, columns: width })
  );
  return undefined;
}

/**
 * Queues the number formats, then the values, of rows [start, start + count) of a block. Formats
 * go first: Excel parses each value against its cell's format when it is set, so only a column
 * already "@" keeps "-X", "00" or "TRUE" as the text it is.
 */
function queuePiece(workbook: Excel.Workbook, piece: Piece): void {
  const { plan, start, count } = piece;
  const block = plan.block;
  const width = block.headers.length;
  const sheet = workbook.worksheets.getItem(plan.sheetName);
  const bodyStart = Math.max(start, 1);
  const bodyCount = start + count - bodyStart;
  if (bodyCount > 0) {
    columnFormatsOf(block).forEach((format, j) => {
      if (format === undefined) return;
      const column: string[][] = new Array(bodyCount);
      for (let i = 0; i < bodyCount; i++) {
        const value = block.rows[bodyStart + i - 1][j];
        column[i] = [format !== TEXT_CELLS ? format : isText(value) ? "@" : "General"];
      }
      sheet.getRangeByIndexes(plan.row + bodyStart, plan.column + j, bodyCount, 1).numberFormat =
        column;
    });
  }
  const grid: CellValue[][] = [];
  for (let i = start; i < start + count; i++) {
    grid.push(i === 0 ? [...block.headers] : [...block.rows[i - 1]]);
  }
  sheet.getRangeByIndexes(plan.row + start, plan.column, count, width).values = grid;
}

/** A column without a declared format that holds text: its text cells get "@", the others General. */
const TEXT_CELLS = Symbol("text cells");
const columnFormatsCache = new WeakMap<
  TableBlock,
  ReadonlyArray<string | typeof TEXT_CELLS | undefined>
>();

function isText(value: CellValue): boolean {
  return typeof value === "string" && value !== "";
}

/**
 * The number format each column is written with: the block's own, or — for a column without one
 * that holds text — "@" on its text cells, because Excel parses a string written to a General cell
 * as if typed ("0" → 0, "TRUE" → true, "-X" → a formula) and the writer promises to store exactly
 * the block. Columns without a format and without text keep whatever format the cells have.
 */
function columnFormatsOf(block: TableBlock): ReadonlyArray<string | typeof TEXT_CELLS | undefined> {
  const cached = columnFormatsCache.get(block);
  if (cached !== undefined) return cached;
  const formats = block.headers.map((_, j) => {
    const declared = block.formats?.[j];
    if (declared !== undefined && declared !== "") return declared;
    return block.rows.some((row) => isText(row[j])) ? TEXT_CELLS : undefined;
  });
  columnFormatsCache.set(block, formats);
  return formats;
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
    // Per body row, the characters of its number formats ("General" at most for a text-cells column).
    const formatCost = columnFormatsOf(block).reduce<number>(
      (sum, f) => sum + (f === undefined ? 0 : f === TEXT_CELLS ? 13 : f.length + 6),
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

/** A loaded table's id, and its legacyId when it was loaded (ExcelApi 1.8). */
function idsOf(table: Excel.Table): { id: string; legacyId?: string } {
  return hostIsSetSupported()("ExcelApi", "1.8")
    ? { id: table.id, legacyId: table.legacyId }
    : { id: table.id };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
