import { SheetWriteError } from "./sheetWriteError";
import type { TableBlock } from "./tableBlock";

/** Excel's rules for table names, less the ones our fixed names never meet (R1C1-like names). */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,254}$/;
/** Sheet names: 1–31 characters, none of : \ / ? * [ ]. */
const SHEET_NAME = /^[^:\\/?*[\]]{1,31}$/;
/** Excel's grid: 1,048,576 rows × 16,384 columns. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/**
 * Checks every block before anything touches the workbook, so a malformed block fails the whole
 * write with the old tables intact: valid and distinct table and sheet names, distinct non-empty
 * headers, at least one data row, every row as wide as the header, finite numbers only, the grid
 * limits.
 *
 * @throws SheetWriteError "invalid" naming the table, row and column at fault
 */
export function validateBlocks(blocks: readonly TableBlock[]): void {
  if (blocks.length === 0)
    throw new SheetWriteError("invalid", "Nothing to write: no tables given.");
  const names = new Set<string>();
  const sheets = new Set<string>();
  for (const block of blocks) {
    if (!TABLE_NAME.test(block.name)) {
      throw new SheetWriteError("invalid", `"${block.name}" is not a valid Excel table name.`);
    }
    if (!SHEET_NAME.test(block.sheet)) {
      throw new SheetWriteError("invalid", `"${block.sheet}" is not a valid sheet name.`);
    }
    if (names.has(block.name.toLowerCase()) || sheets.has(block.sheet.toLowerCase())) {
      throw new SheetWriteError(
        "invalid",
        `Table "${block.name}" or sheet "${block.sheet}" is given twice; write one table per sheet.`
      );
    }
    names.add(block.name.toLowerCase());
    sheets.add(block.sheet.toLowerCase());
    const width = block.headers.length;
    if (width === 0 || width > MAX_COLUMNS) {
      throw new SheetWriteError("invalid", `Table "${block.name}" has ${width} columns.`);
    }
    const headers = new Set<string>();
    block.headers.forEach((header, j) => {
      const key = header.trim().toLowerCase();
      if (key === "" || headers.has(key)) {
        throw new SheetWriteError(
          "invalid",
          `Table "${block.name}": header ${j + 1} ("${header}") is empty or repeated.`
        );
      }
      headers.add(key);
    });
    if (block.rows.length === 0 || block.rows.length + 1 > MAX_ROWS) {
      throw new SheetWriteError(
        "invalid",
        `Table "${block.name}" has ${block.rows.length} data rows; a table needs 1 to ${MAX_ROWS - 1}.`
      );
    }
    if (block.formats !== undefined && block.formats.length !== width) {
      throw new SheetWriteError(
        "invalid",
        `Table "${block.name}" has ${block.formats.length} formats for ${width} columns.`
      );
    }
    block.rows.forEach((row, i) => {
      if (row.length !== width) {
        throw new SheetWriteError(
          "invalid",
          `Table "${block.name}", row ${i + 1} has ${row.length} cells, the header ${width}.`
        );
      }
      for (let j = 0; j < width; j++) {
        const cell = row[j];
        if (
          typeof cell === "number" ? !Number.isFinite(cell) : cell === null || cell === undefined
        ) {
          throw new SheetWriteError(
            "invalid",
            `Table "${block.name}", row ${i + 1}, column ${j + 1} (${block.headers[j]}) holds ${String(cell)}; write "" for a blank.`
          );
        }
      }
    });
  }
}
