import { checkCloseRequest } from "../checkCloseRequest";
import { dayNumberOf } from "../dayNumberOf";
import { type Clock, systemClock } from "../http/clock";
import { isTransientDataError } from "../isDataError";
import type { DailyCloses } from "../types";

/** Fetches closes for many symbols at once (the price cache, in the shared runtime). */
export type ClosesFetcher = (symbols: readonly string[], days: number) => Promise<DailyCloses>;

/** Options of {@link createRequestBatcher}. */
export interface RequestBatcherOptions {
  /** How long requests are collected before the one fetch (default 10 ms). */
  readonly delayMs?: number;
  /** "Today" for cutting each request's window out of the batch (default the system clock). */
  readonly clock?: Clock;
}

/** The batcher; see {@link createRequestBatcher}. */
export interface RequestBatcher {
  /** The last `days` daily closes of `symbols`, as the fetcher would give them for this request alone. */
  dailyCloses(symbols: readonly string[], days: number): Promise<DailyCloses>;
}

/**
 * Excel recalculates every HISTORY cell of a workbook at once; this batcher collects the requests
 * of a few milliseconds and makes ONE fetch for the union of their symbols over the longest window
 * asked, then hands each request its own columns and days. When that one fetch fails (for example
 * one cell names an unknown symbol), each request is retried alone, so only the cells at fault fail.
 * A transient failure (offline, timeout, rate limit, server error; see isTransientDataError) is not
 * any cell's fault, so it fails every request at once instead: retrying each alone would only
 * repeat the wait (timeouts and backoff) once per cell, and spend more of a rate limit.
 *
 * Each answer equals what `fetch(symbols, days)` would return for the request alone: its symbols
 * (trimmed, upper-cased, in its order), the days of its window (the last `days` days ending today)
 * on which at least one of its symbols has a close.
 * Complexity: one fetch per batch; O(rows × symbols) copying per request.
 *
 * @param fetch the fetcher behind the batch (usually the price cache bound to a provider)
 * @param options the collection delay and the clock
 * @throws CoreError INVALID_ARGUMENT (from checkCloseRequest: no symbols, a blank or duplicate symbol, days < 1), per request
 * @example const batcher = createRequestBatcher((s, d) => cache.dailyCloses(provider, s, d));
 *   await Promise.all([batcher.dailyCloses(["BTC"], 30), batcher.dailyCloses(["ETH"], 90)]); // one fetch
 */
export function createRequestBatcher(
  fetch: ClosesFetcher,
  options: RequestBatcherOptions = {}
): RequestBatcher {
  const delayMs = options.delayMs ?? 10;
  const clock = options.clock ?? systemClock;
  interface Pending {
    readonly symbols: string[];
    readonly days: number;
    readonly resolve: (value: DailyCloses) => void;
    readonly reject: (reason: unknown) => void;
  }
  let pending: Pending[] = [];

  async function flush(): Promise<void> {
    const batch = pending;
    pending = [];
    const union: string[] = [];
    const seen = new Set<string>();
    let days = 0;
    for (const request of batch) {
      days = Math.max(days, request.days);
      for (const symbol of request.symbols) {
        if (!seen.has(symbol)) {
          seen.add(symbol);
          union.push(symbol);
        }
      }
    }
    let all: DailyCloses;
    try {
      all = await fetch(union, days);
    } catch (error) {
      if (batch.length === 1 || isTransientDataError(error)) {
        for (const request of batch) request.reject(error);
        return;
      }
      // One bad request must not fail its neighbours: ask again one by one.
      await Promise.all(
        batch.map((request) =>
          fetch(request.symbols, request.days).then(request.resolve, request.reject)
        )
      );
      return;
    }
    const today = dayNumberOf(clock.now());
    for (const request of batch) {
      try {
        request.resolve(pick(all, request.symbols, today - request.days + 1));
      } catch (error) {
        request.reject(error);
      }
    }
  }

  return {
    dailyCloses(symbols, days) {
      let wanted: string[];
      try {
        wanted = checkCloseRequest(symbols, days);
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<DailyCloses>((resolve, reject) => {
        if (pending.length === 0) setTimeout(() => void flush(), delayMs);
        pending.push({ symbols: wanted, days, resolve, reject });
      });
    },
  };
}

/** The columns of `symbols` from `firstDay` on, keeping the days where one of them has a close. */
function pick(all: DailyCloses, symbols: readonly string[], firstDay: number): DailyCloses {
  const rows = all.dates.length;
  const columns = symbols.map((symbol) => {
    const j = all.symbols.indexOf(symbol);
    if (j < 0) throw new Error(`the batch answer lacks ${symbol}`);
    return j;
  });
  const keep: number[] = [];
  for (let t = 0; t < rows; t++) {
    if (dayNumberOf(all.dates[t]) < firstDay) continue;
    let any = false;
    for (const j of columns) {
      if (!Number.isNaN(all.closes[j * rows + t])) {
        any = true;
        break;
      }
    }
    if (any) keep.push(t);
  }
  const n = keep.length;
  const closes = new Float64Array(n * columns.length);
  columns.forEach((j, c) => {
    const base = j * rows;
    for (let r = 0; r < n; r++) closes[c * n + r] = all.closes[base + keep[r]];
  });
  return {
    provider: all.provider,
    source: all.source,
    symbols: [...symbols],
    dates: keep.map((t) => all.dates[t]),
    closes,
  };
}
