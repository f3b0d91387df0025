import { toIsoDate } from "../toIsoDate";
import type { DailyCloses } from "../types";
import type { SeriesRecord } from "./cacheStore";

/**
 * Builds the DailyCloses answer of the price cache from cached series: the days firstDay..lastDay
 * on which at least one series has a close, one column per record (in the given order), NaN where
 * a series has no close that day or does not reach it. `source` joins the records' distinct sources.
 * This is the whole CPU cost of a cached read, so it works on the typed arrays directly.
 *
 * Complexity: O(records × days) time; the output arrays only.
 *
 * @param providerId the provider id written in the answer
 * @param symbols the column labels, one per record
 * @param records cached series, one per symbol
 * @param firstDay first day number of the window
 * @param lastDay last day number of the window (≥ firstDay)
 * @example assembleCachedCloses("demo", ["BTC"], [{ provider: "demo", symbol: "BTC", source: "demo data", firstDay: 10, closes: new Float64Array([1, 2, 3]), fetchedAt: 0, lastUsed: 0 }], 11, 12).closes; // => Float64Array [2, 3]
 */
export function assembleCachedCloses(
  providerId: string,
  symbols: readonly string[],
  records: readonly SeriesRecord[],
  firstDay: number,
  lastDay: number
): DailyCloses {
  const span = lastDay - firstDay + 1;
  const present = new Uint8Array(span);
  for (const record of records) {
    const lo = Math.max(firstDay, record.firstDay);
    const hi = Math.min(lastDay, record.firstDay + record.closes.length - 1);
    const closes = record.closes;
    for (let day = lo; day <= hi; day++) {
      if (!Number.isNaN(closes[day - record.firstDay])) present[day - firstDay] = 1;
    }
  }
  const rowOf = new Int32Array(span).fill(-1);
  const dates: string[] = [];
  for (let d = 0; d < span; d++) {
    if (present[d] === 1) {
      rowOf[d] = dates.length;
      dates.push(toIsoDate(firstDay + d));
    }
  }
  const n = dates.length;
  const out = new Float64Array(n * records.length).fill(NaN);
  records.forEach((record, j) => {
    const lo = Math.max(firstDay, record.firstDay);
    const hi = Math.min(lastDay, record.firstDay + record.closes.length - 1);
    const closes = record.closes;
    const base = j * n;
    for (let day = lo; day <= hi; day++) {
      const row = rowOf[day - firstDay];
      if (row >= 0) out[base + row] = closes[day - record.firstDay];
    }
  });
  const sources = [...new Set(records.map((r) => r.source))];
  return {
    provider: providerId,
    source: sources.join(", "),
    symbols: [...symbols],
    dates,
    closes: out,
  };
}
