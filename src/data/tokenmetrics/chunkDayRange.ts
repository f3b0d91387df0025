import { CoreError } from "../../core/errors";

/**
 * Splits the day range [firstDay, lastDay] (day numbers, both ends included) into consecutive
 * chunks whose `end − start` is at most `maxSpanDays`, in order, sharing no day and leaving none
 * out. This is the rule of Token Metrics' TypeScript SDK (`src/base.ts` @2da4d06 `_chunkDateRange`,
 * read 2026-12-03): a range with end − start ≤ 29 is sent as is, a longer one as [s, s+29],
 * [s+30, s+59], …, the last ending on `lastDay`. (The Python SDK's chunks repeat their boundary
 * day; disjoint chunks fetch each day once, so no credit is spent twice.)
 *
 * Complexity: O((lastDay − firstDay) / (maxSpanDays + 1)) time and output.
 *
 * @param firstDay first day number (integer)
 * @param lastDay last day number (integer, ≥ firstDay)
 * @param maxSpanDays largest end − start of one chunk (integer ≥ 0); Token Metrics allows 29
 * @returns [start, end] pairs of day numbers, ascending
 * @throws CoreError INVALID_ARGUMENT (non-integer days, lastDay < firstDay, negative span)
 * @example chunkDayRange(0, 59, 29); // => [[0, 29], [30, 59]]
 */
export function chunkDayRange(
  firstDay: number,
  lastDay: number,
  maxSpanDays: number
): Array<[number, number]> {
  if (!Number.isInteger(firstDay) || !Number.isInteger(lastDay) || lastDay < firstDay) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `the day range must be whole days with the last not before the first; got ${firstDay}..${lastDay}`,
      { argument: "days" }
    );
  }
  if (!Number.isInteger(maxSpanDays) || maxSpanDays < 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `maxSpanDays must be a whole number of at least 0; got ${maxSpanDays}`,
      { argument: "maxSpanDays" }
    );
  }
  const chunks: Array<[number, number]> = [];
  for (let start = firstDay; start <= lastDay; start += maxSpanDays + 1) {
    chunks.push([start, Math.min(start + maxSpanDays, lastDay)]);
  }
  return chunks;
}
