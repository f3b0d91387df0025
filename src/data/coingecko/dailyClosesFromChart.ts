import { dayNumberOf } from "../dayNumberOf";

const DAY_MS = 86_400_000;
/**
 * How long after 00:00 UTC a point still counts as the day's snapshot. CoinGecko's daily points
 * sit at 00:00 UTC (docs reference coins-id-market-chart: "daily data … 00:00 UTC"); an hour
 * leaves room for a late snapshot while the intraday "now" point, hours later, is never taken.
 */
const SNAPSHOT_TOLERANCE_MS = 3_600_000;

/**
 * Daily closes from the `prices` of GET /coins/{id}/market_chart?interval=daily (operationId
 * coins-id-market-chart): `[unix ms, price]` pairs, one at 00:00 UTC per day, then the current
 * price at the time of the call.
 *
 * Convention: the price at 00:00 UTC of day D is the close of day D − 1 (the day that just ended),
 * as Token Metrics and CSV exports date closes; so it is dated D − 1. The intraday point is
 * dropped: it is no close, and dated by its own day it would overwrite one. When a day has two
 * snapshots the one nearest midnight wins. A price that is not a positive finite number is a
 * missing day (NaN).
 *
 * Complexity: O(points).
 *
 * @param prices the `prices` array; entries must be `[number, number | null]`
 * @returns close by day number (days since 1970-01-01 UTC), or undefined when an entry is not a pair
 * @example dailyClosesFromChart([[Date.UTC(2026, 0, 10), 42000], [Date.UTC(2026, 0, 10, 12), 43000]]);
 * // => Map { 20462 => 42000 } (20462 = 2026-01-09: the close of the day before the snapshot)
 */
export function dailyClosesFromChart(prices: readonly unknown[]): Map<number, number> | undefined {
  const byDay = new Map<number, number>();
  const offsetOfDay = new Map<number, number>();
  for (const point of prices) {
    if (!Array.isArray(point) || typeof point[0] !== "number" || !Number.isFinite(point[0]))
      return undefined;
    const time = point[0];
    const offset = time - Math.floor(time / DAY_MS) * DAY_MS;
    if (offset > SNAPSHOT_TOLERANCE_MS) continue;
    const day = dayNumberOf(time) - 1;
    const kept = offsetOfDay.get(day);
    if (kept !== undefined && kept <= offset) continue;
    const value: unknown = point[1];
    offsetOfDay.set(day, offset);
    byDay.set(day, typeof value === "number" && value > 0 && Number.isFinite(value) ? value : NaN);
  }
  return byDay;
}
