import { CoreError } from "../../core/errors";
import { describeCell, numericDataTypeValue } from "./cell";

/** Days between 1899-12-30 (Excel's serial 0) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/**
 * Day numbers (days since 1970-01-01, UTC) from a Date column as Excel passes it: serial numbers
 * (what a date cell holds; 1900 date system), or ISO text "yyyy-mm-dd". Must be strictly
 * increasing. Without a Date column, rows are taken as consecutive days (stated in the help).
 */
export function dayNumbers(
  dates: readonly unknown[] | undefined,
  rows: number,
  firstRowNumber: number
): Int32Array {
  const out = new Int32Array(rows);
  if (dates === undefined) {
    for (let t = 0; t < rows; t++) out[t] = t;
    return out;
  }
  for (let t = 0; t < rows; t++) {
    let cell = dates[t];
    // Slow path only: a date formatted as a data type (Double, FormattedNumber) is its serial.
    if (typeof cell === "object") cell = numericDataTypeValue(cell) ?? cell;
    let day: number;
    if (typeof cell === "number" && Number.isFinite(cell) && cell > 0) {
      day = Math.floor(cell) - EXCEL_EPOCH_OFFSET;
    } else if (typeof cell === "string" && /^\d{4}-\d{2}-\d{2}/.test(cell.trim())) {
      const ms = Date.parse(`${cell.trim().slice(0, 10)}T00:00:00Z`);
      day = Number.isFinite(ms) ? Math.round(ms / 86400000) : NaN;
    } else {
      day = NaN;
    }
    if (!Number.isFinite(day)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `prices: the Date in row ${t + firstRowNumber} holds ${describeCell(cell)}; use Excel dates or yyyy-mm-dd text`,
        { argument: "prices", row: t }
      );
    }
    if (t > 0 && day <= out[t - 1]) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `prices: the Date in row ${t + firstRowNumber} is not after the row above; sort the prices oldest first, one row per date`,
        { argument: "prices", row: t }
      );
    }
    out[t] = day;
  }
  return out;
}

/** Excel's serial date number for a day number (inverse of the above). */
export function excelSerial(dayNumber: number): number {
  return dayNumber + EXCEL_EPOCH_OFFSET;
}
