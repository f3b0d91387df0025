/** Timed runs of one or more sides of a case, and what the table reports of them. */
export interface Timings {
  /** The first call of each side (the warm-up; for a fresh page, compile included). */
  readonly firstMs: readonly number[];
  /** The timed runs of each side after the warm-up, in order. */
  readonly runsMs: readonly (readonly number[])[];
}

/** At least this many timed rounds (the issue asks for a median of ≥ 5 after one warm-up). */
const MIN_ROUNDS = 5;
/** Rounds up to this many while the case has been timed for less than {@link SLOW_TOTAL_MS}. */
const USUAL_ROUNDS = 7;
const SLOW_TOTAL_MS = 3000;
/** Fast cases repeat until {@link FAST_TOTAL_MS} of timing, at most {@link MAX_ROUNDS} rounds. */
const FAST_TOTAL_MS = 600;
const MAX_ROUNDS = 41;

/**
 * Times sides of one case in alternation (one warm-up call each, then rounds in which every side
 * runs once), so a function and its core-only baseline see the same machine state, as
 * bench/harness.ts does in Node. A side may return a Promise (a function moved to a worker): the
 * time runs until it settles. Rounds: at least 5; up to 7 while under 3 s; fast cases up to 41
 * while under 0.6 s.
 */
export async function timeAlternating(
  sides: ReadonlyArray<() => unknown>,
  now: () => number
): Promise<Timings> {
  const firstMs: number[] = [];
  for (const side of sides) firstMs.push(await timeOne(side, now));
  const runsMs = sides.map((): number[] => []);
  let total = 0;
  for (
    let round = 0;
    round < MIN_ROUNDS ||
    (round < USUAL_ROUNDS && total < SLOW_TOTAL_MS) ||
    (round < MAX_ROUNDS && total < FAST_TOTAL_MS);
    round++
  ) {
    for (let k = 0; k < sides.length; k++) {
      const elapsed = await timeOne(sides[k], now);
      runsMs[k].push(elapsed);
      total += elapsed;
    }
  }
  return { firstMs, runsMs };
}

async function timeOne(side: () => unknown, now: () => number): Promise<number> {
  const start = now();
  const result = side();
  if (result instanceof Promise) await result;
  return now() - start;
}

/** Median (upper median for an even count) and minimum of a list of times. */
export function summary(times: readonly number[]): { medianMs: number; minMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0] };
}
