/** Days from Excel's day 0 (1899-12-30, the 1900 leap-year bug included) to 1970-01-01. */
const EXCEL_UNIX_EPOCH = 25_569;
const MS_PER_DAY = 86_400_000;

/**
 * The Excel serial number of an ISO yyyy-mm-dd UTC date, so dates land in cells as real dates
 * (formatted "yyyy-mm-dd") rather than text that depends on the user's locale.
 *
 * @throws RangeError for a string that is not a yyyy-mm-dd date
 * @example excelSerialOf("2025-01-01"); // => 45658
 */
export function excelSerialOf(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const ms = match === null ? NaN : Date.UTC(+match[1], +match[2] - 1, +match[3]);
  if (!Number.isFinite(ms)) throw new RangeError(`not a yyyy-mm-dd date: "${isoDate}"`);
  return ms / MS_PER_DAY + EXCEL_UNIX_EPOCH;
}

/** The number format of date columns the pane writes. */
export const DATE_FORMAT = "yyyy-mm-dd";
