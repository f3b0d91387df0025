import { CoreError } from "../errors";

/** Calendar rebalancing frequencies. */
export type CalendarFrequency = "none" | "daily" | "weekly" | "monthly" | "quarterly";

/**
 * Rows on which a calendar rebalance falls: the first row of each new day, ISO week, month or
 * quarter.
 *
 * Conventions: dates are day numbers (days since 1970-01-01, UTC), one per price row, strictly
 * increasing; gaps (weekends, missing days) are fine. Row t (t ≥ 1) is a rebalance row when its
 * period differs from row t−1's, so a month that starts on a weekend rebalances on its first row.
 * Row 0 is never returned (it has no previous period; the backtest invests there anyway).
 * Weeks are ISO weeks (Monday to Sunday); quarters start in January, April, July and October.
 * "daily" returns every row from 1, "none" no row. Months come from the proleptic Gregorian
 * calendar (Hinnant's days→civil algorithm), matching Python's `datetime.date`.
 * Complexity: O(rows).
 *
 * @param dates day numbers, strictly increasing whole numbers
 * @param frequency "none", "daily", "weekly", "monthly" or "quarterly"
 * @returns 0-based rows, increasing
 * @throws CoreError INVALID_ARGUMENT (unknown frequency; a date that is not a whole number or not after the previous one)
 * @throws CoreError NON_FINITE (a NaN or infinite date)
 * @example rebalanceRows([18993, 18994, 19024, 19025], "monthly"); // => Int32Array [2] (2022-01-01, 01-02, 02-01, 02-02)
 */
export function rebalanceRows(dates: ArrayLike<number>, frequency: CalendarFrequency): Int32Array {
  checkDates(dates);
  const period = periodOf(frequency);
  const rows: number[] = [];
  for (let t = 1; t < dates.length; t++) {
    if (period === null) break;
    if (period(dates[t]) !== period(dates[t - 1])) rows.push(t);
  }
  return Int32Array.from(rows);
}

function checkDates(dates: ArrayLike<number>): void {
  for (let t = 0; t < dates.length; t++) {
    const d = dates[t];
    if (!Number.isFinite(d)) {
      throw new CoreError("NON_FINITE", `dates: row ${t + 1} is ${d}; give a date`, {
        argument: "dates",
        row: t,
      });
    }
    if (!Number.isInteger(d) || (t > 0 && d <= dates[t - 1])) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `dates: row ${t + 1} (${d}) must be a whole day number after row ${t} (${t > 0 ? dates[t - 1] : "none"}); sort the dates oldest first without duplicates`,
        { argument: "dates", row: t }
      );
    }
  }
}

function periodOf(frequency: CalendarFrequency): ((day: number) => number) | null {
  switch (frequency) {
    case "none":
      return null;
    case "daily":
      return (day) => day;
    case "weekly":
      // 1970-01-01 was a Thursday; shifting by 3 makes each ISO week (Monday first) one number.
      return (day) => Math.floor((day + 3) / 7);
    case "monthly":
      return monthIndex;
    case "quarterly":
      return (day) => {
        const m = monthIndex(day);
        return Math.floor(m / 3);
      };
    default:
      throw new CoreError(
        "INVALID_ARGUMENT",
        `rebalance must be "none", "daily", "weekly", "monthly" or "quarterly"; got "${String(frequency)}"`,
        { argument: "rebalance" }
      );
  }
}

/** year·12 + month − 1 of a day number (Hinnant, "chrono-compatible low-level date algorithms"). */
function monthIndex(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}
