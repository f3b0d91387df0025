const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 UTC of an ISO `yyyy-mm-dd` date, or of an epoch time in ms (the UTC day it
 * falls in). Returns NaN for text that is not a real calendar date (2025-02-30 included).
 *
 * Complexity: O(1).
 *
 * @param date "yyyy-mm-dd", or milliseconds since the epoch
 * @example dayNumberOf("2025-01-01"); // => 20089
 * @example dayNumberOf(Date.UTC(2025, 0, 1, 13)); // => 20089
 */
export function dayNumberOf(date: string | number): number {
  if (typeof date === "number") return Math.floor(date / MS_PER_DAY);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return NaN;
  }
  return ms / MS_PER_DAY;
}
