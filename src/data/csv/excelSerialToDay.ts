/** Excel's largest date serial: 9999-12-31 in the 1900 date system. */
export const MAX_EXCEL_SERIAL = 2_958_465;

/** The serial of 1970-01-01 in Excel's 1900 date system (valid for serials from 61 on). */
const SERIAL_OF_UNIX_EPOCH = 25_569;

/** Serial 60 is 1900-02-29, a day that never was (Excel keeps Lotus 1-2-3's leap-year bug). */
export const PHANTOM_LEAP_DAY_SERIAL = 60;

/**
 * The UTC day number (days since 1970-01-01) of an Excel date serial in the 1900 date system,
 * the default of Excel on Windows and of every xlsx since: serial 1 is 1900-01-01, and Excel
 * counts a 29 February 1900 (serial 60) that never existed, so serials 1–59 are one day later
 * than a plain count and 61 on are exact (61 = 1900-03-01). A fraction is the time of day and is
 * dropped (one row per day). Returns NaN for the phantom serial 60, for 0 (Excel's "1900-01-00")
 * and for anything outside 1–2958465 (9999-12-31).
 *
 * Reference: Microsoft, "Date systems in Excel" (support.microsoft.com), and "Excel incorrectly
 * assumes that the year 1900 is a leap year" (learn.microsoft.com/office/troubleshoot/excel).
 * The 1904 system (old Mac workbooks) cannot be told from the numbers and is not read.
 * Complexity: O(1).
 *
 * @param serial an Excel serial, possibly with a time fraction
 * @example excelSerialToDay(45292); // => 19723 (2024-01-01)
 * @example excelSerialToDay(59); // => -25509 (1900-02-28)
 * @example excelSerialToDay(61); // => -25508 (1900-03-01)
 */
export function excelSerialToDay(serial: number): number {
  const whole = Math.floor(serial);
  if (!(whole >= 1 && whole <= MAX_EXCEL_SERIAL) || whole === PHANTOM_LEAP_DAY_SERIAL) return NaN;
  return whole - SERIAL_OF_UNIX_EPOCH + (whole < PHANTOM_LEAP_DAY_SERIAL ? 1 : 0);
}
