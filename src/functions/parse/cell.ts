/**
 * How Excel hands a single cell to a custom function: a number, a string (text or "" for an empty
 * cell in some hosts), a boolean, null (an empty cell on the web, or an omitted argument), or an
 * error value when `allowErrorForDataTypeAny` is set.
 */
export type ExcelCell = unknown;

/** True for what Excel passes for an empty cell: null, undefined or "" (and whitespace-only text). */
export function isBlankCell(cell: ExcelCell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** True when the cell is an Excel error passed in (e.g. #N/A in a source range). */
export function isErrorCell(cell: ExcelCell): boolean {
  return (
    typeof cell === "object" &&
    cell !== null &&
    "code" in cell &&
    typeof (cell as { code: unknown }).code === "string"
  );
}

/** Describes a cell value in words for an error message ("text \"abc\"", "TRUE", "an error"). */
export function describeCell(cell: ExcelCell): string {
  if (typeof cell === "string")
    return `text "${cell.length > 30 ? cell.slice(0, 27) + "…" : cell}"`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (isErrorCell(cell)) return `the error ${(cell as { code: string }).code}`;
  if (typeof cell === "number") return String(cell);
  return "an unreadable value";
}

/** Excel's A1 column letters for a 0-based column index (0 → "A", 26 → "AA"). */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** True for an omitted argument or a range that is a single blank cell (what Excel passes for either). */
export function isOmitted(value: unknown): boolean {
  if (Array.isArray(value)) {
    return (
      value.length === 0 ||
      (value.length === 1 &&
        (!Array.isArray(value[0])
          ? isBlankCell(value[0])
          : value[0].length <= 1 && isBlankCell(value[0][0])))
    );
  }
  return isBlankCell(value);
}
