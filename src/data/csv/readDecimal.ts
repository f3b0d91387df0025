/** The decimal separators of the number dialects a CSV may use. */
export type DecimalSeparator = "." | ",";

/** Characters that may group thousands: the other of `.`/`,`, spaces (fr, ru, SI) and `'` (de-CH). */
const GROUPING = [".", ",", " ", "\u00A0", "\u202F", "'"];

const UNGROUPED_WITH_POINT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const UNGROUPED_WITH_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a number written with the given decimal separator, as spreadsheets export them:
 * an optional sign, digits with optionally one decimal separator, optionally thousands grouped by
 * one other character (`,` or `.` whichever is not the decimal one, a space, a no-break space or
 * `'`), optionally an exponent. Grouping must be regular, as Excel writes it: a first group of 1–3
 * digits not starting with 0, then groups of exactly 3 (`1.234.567,5`, `1,234.5`, `12 345`), and
 * is not allowed with an exponent. Anything else gives NaN — the caller turns that into a message.
 *
 * So `1,5` reads 1.5 with "," and NaN with "." (a group of one digit); `1,234` reads 1.234 with
 * "," and 1234 with "."; `0,512` is NaN with "." (a first group cannot be 0): the difference is
 * what {@link detectDecimalSeparator} uses as evidence.
 *
 * Complexity: O(length of the cell).
 *
 * @param cell a trimmed, non-blank cell
 * @param decimal the decimal separator of the file
 * @returns the value (±Infinity for an overflowing exponent), or NaN if the cell is not a number
 * @example readDecimal("42.265,19", ","); // => 42265.19
 * @example readDecimal("1,234", "."); // => 1234
 * @example readDecimal("1,5", "."); // => NaN
 */
export function readDecimal(cell: string, decimal: DecimalSeparator): number {
  // Fast path for the common ungrouped forms (most cells of most files): same result, less work.
  if (decimal === "." ? UNGROUPED_WITH_POINT.test(cell) : UNGROUPED_WITH_COMMA.test(cell)) {
    return Number(decimal === "." ? cell : cell.replace(",", "."));
  }
  const match = /^([+-]?)([^eE]*)([eE][+-]?\d+)?$/.exec(cell);
  if (match === null) return NaN;
  const [, sign, mantissa, exponent = ""] = match;
  const parts = mantissa.split(decimal);
  if (parts.length > 2) return NaN;
  const [integerPart, fraction = ""] = parts;
  if (integerPart === "" && fraction === "") return NaN;
  if (fraction !== "" && !/^\d+$/.test(fraction)) return NaN;
  let digits = integerPart;
  if (!/^\d*$/.test(integerPart)) {
    const separator = integerPart.replace(/\d/g, "")[0];
    if (exponent !== "" || separator === decimal || !GROUPING.includes(separator)) return NaN;
    const grouped = new RegExp(`^[1-9]\\d{0,2}(?:${escapeForRegExp(separator)}\\d{3})+$`);
    if (!grouped.test(integerPart)) return NaN;
    digits = integerPart.split(separator).join("");
  }
  return Number(
    `${sign}${digits === "" ? "0" : digits}.${fraction === "" ? "0" : fraction}${exponent}`
  );
}

function escapeForRegExp(ch: string): string {
  return ch === "." ? "\\." : ch;
}
