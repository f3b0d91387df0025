import { SheetWriteError } from "./sheetWriteError";
import type { TableBlock } from "./tableBlock";

/**
 * Excel's rules for table names, as for defined names ("Learn about syntax rules for names",
 * https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64):
 * a letter, underscore or backslash first; then letters, digits, periods, underscores or
 * backslashes; no spaces; at most 255 characters; and not a cell reference (see looksLikeReference).
 */
const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.\\]{0,254}$/u;
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
    if (!TABLE_NAME.test(block.name) || looksLikeReference(block.name)) {
      throw new SheetWriteError(
        "invalid",
        `"${block.name}" is not a valid Excel table name: start with a letter, "_" or "\\", use letters, digits, "_", "." or "\\" only (no spaces), at most 255 characters, and not a cell reference like A1 or R1C1.`
      );
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

/**
 * Whether a name reads as a cell reference, which Excel refuses as a name: A1 style within the grid
 * (A1 … XFD1048576; "XFE1" is past the last column, so it is a name), or R1C1 style ("R", "C",
 * "R2", "C3", "R1C1", "RC"; the letters C, c, R and r alone are reserved).
 */
function looksLikeReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 !== null) {
    let column = 0;
    for (const letter of a1[1].toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
    const row = Number(a1[2]);
    if (column <= MAX_COLUMNS && row >= 1 && row <= MAX_ROWS) return true;
  }
  return /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
}
