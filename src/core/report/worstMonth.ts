import { CoreError } from "../errors";
import { checkedPrices } from "../stats/checkedPrices";

/** Milliseconds in a day: day numbers count days since 1970-01-01 (UTC). */
const MS_PER_DAY = 86_400_000;

/**
 * Worst calendar month: the lowest month-on-month return of an equity curve (or a price series).
 *
 * Formula: with m_k the last row of calendar month k (UTC) and m_0 the row before the first month
 * ends — the first row —, R_k = V(m_k) / V(m_{k−1}) − 1, and the result is min_k R_k. The first
 * month is measured from the first value (the day of investment), the last month to the last
 * value, so partial months at either end count as they stand (pandas
 * `equity.resample("ME").last()` with the first value prepended, then `pct_change().min()`).
 * Reference: the "worst month" of a fund factsheet (e.g. Morningstar's worst 1-month return on
 * calendar months); empyrical's `aggregate_returns(…, "monthly")` compounds the same months.
 * Conventions: values oldest first; day numbers are whole days since 1970-01-01, strictly
 * increasing, one per value; when all rows fall in one month the result is that month's return.
 * Complexity: O(n) time, O(1) extra memory.
 *
 * @param equity strictly positive values, oldest first, at least two
 * @param days day numbers (days since 1970-01-01), one per value, strictly increasing
 * @returns the worst monthly return, a fraction > −1 (negative for a loss)
 * @throws CoreError TOO_FEW_POINTS (fewer than two values); NON_FINITE / NON_POSITIVE_PRICE (a bad value, with its row)
 * @throws CoreError LENGTH_MISMATCH (days not one per value); INVALID_ARGUMENT (days not whole and increasing)
 * @example worstMonth([100, 90, 99, 110], [19752, 19782, 19783, 19813]); // => -0.1 (February: 100 at the end of January → 90)
 */
export function worstMonth(equity: ArrayLike<number>, days: ArrayLike<number>): number {
  checkedPrices(equity, "equity");
  const n = equity.length;
  if (days.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `days has ${days.length} values but equity has ${n}; give one day number per value`,
      { argument: "days" }
    );
  }
  for (let t = 0; t < n; t++) {
    if (!Number.isInteger(days[t]) || (t > 0 && days[t] <= days[t - 1])) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `days: row ${t + 1} is ${days[t]}; day numbers must be whole and strictly increasing`,
        { argument: "days", row: t }
      );
    }
  }
  let worst = Infinity;
  let base = equity[0];
  let month = monthOf(days[0]);
  for (let t = 1; t < n; t++) {
    const next = monthOf(days[t]);
    if (next !== month) {
      // Row t − 1 closed the month: its value ends that month's return and starts the next.
      worst = Math.min(worst, equity[t - 1] / base - 1);
      base = equity[t - 1];
      month = next;
    }
  }
  return Math.min(worst, equity[n - 1] / base - 1);
}

/** Year·12 + month (UTC) of a day number: a month key that grows by one each calendar month. */
function monthOf(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}
