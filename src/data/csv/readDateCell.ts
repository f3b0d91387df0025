import { dayNumberOf } from "../dayNumberOf";
import { excelSerialToDay } from "./excelSerialToDay";

/**
 * What a date cell says: a day (UTC day number, NaN if the text has a date's form but no such day
 * exists), a day/month pair whose order the column must tell (`01/02/2024`), an Excel serial, or
 * nothing a date can be read from.
 */
export type DateCell =
  | { readonly kind: "day"; readonly day: number }
  | {
      readonly kind: "yearLast";
      readonly first: number;
      readonly second: number;
      readonly year: number;
    }
  | { readonly kind: "serial"; readonly serial: number; readonly day: number }
  | { readonly kind: "notADate" };

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp]\.?[Mm]\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}$`);
const YEAR_FIRST_SLASH = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${TIME}$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4})${TIME}$`);
const SERIAL = /^(\d{1,7})(?:[.,]\d+)?$/;

/**
 * Reads one date cell. Accepted, with an optional time after the date (`T00:00:00Z`, ` 00:00`,
 * ` 12:00:00 AM`: ignored, one row per UTC day): `yyyy-mm-dd` (ISO 8601), `yyyy/m/d`, `d.m.yyyy`
 * (always day first: no locale writes the month first with dots), `d/m/yyyy` or `m/d/yyyy` and the
 * same with `-` (year last: the order is the column's, see {@link detectDayOrder}), and Excel date
 * serials in the 1900 system (`45292`, `45292.5`; see {@link excelSerialToDay}).
 *
 * Complexity: O(length of the cell).
 *
 * @param text a trimmed cell
 * @example readDateCell("31.01.2024"); // => { kind: "day", day: 19753 }
 * @example readDateCell("01/02/2024"); // => { kind: "yearLast", first: 1, second: 2, year: 2024 }
 */
export function readDateCell(text: string): DateCell {
  let match = ISO_DATE.exec(text);
  if (match !== null) return { kind: "day", day: dayOf(match[1], match[2], match[3]) };
  match = YEAR_FIRST_SLASH.exec(text);
  if (match !== null) return { kind: "day", day: dayOf(match[1], match[2], match[3]) };
  match = DOTTED.exec(text);
  if (match !== null) return { kind: "day", day: dayOf(match[3], match[2], match[1]) };
  match = YEAR_LAST.exec(text);
  if (match !== null) {
    return {
      kind: "yearLast",
      first: Number(match[1]),
      second: Number(match[3]),
      year: Number(match[4]),
    };
  }
  match = SERIAL.exec(text);
  if (match !== null) {
    const serial = Number(match[1]);
    return { kind: "serial", serial, day: excelSerialToDay(serial) };
  }
  return { kind: "notADate" };
}

/**
 * The UTC day number of a year, month and day given as numbers or digit strings (unpadded is
 * fine); NaN if there is no such day (dayNumberOf checks the calendar: 2023-02-29 is NaN).
 *
 * Complexity: O(1).
 *
 * @example dayOf(2024, 1, 31); // => 19753
 */
export function dayOf(year: string | number, month: string | number, day: string | number): number {
  const pad = (part: string | number) => String(part).padStart(2, "0");
  return dayNumberOf(`${year}-${pad(month)}-${pad(day)}`);
}
