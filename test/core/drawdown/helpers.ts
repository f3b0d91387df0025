import type { DrawdownEpisode } from "../../../src/core/drawdown/drawdownEpisodes";
import { readFixture } from "../stats/helpers";

/** A seeded random price path (or the tie case) of test/fixtures/drawdown/random.json. */
export interface DrawdownCase {
  readonly name: string;
  readonly prices: number[];
  readonly drawdownSeries: number[];
  readonly maxDrawdownFromReturns: number;
  readonly maxDrawdown: number;
  readonly longestUnderwater: number;
  readonly episodeCount: number;
  /** The worst 10, deepest first. */
  readonly episodes: DrawdownEpisode[];
}

/** One asset of test/fixtures/drawdown/crypto-daily-close.json (indices relative to `first`). */
export interface RealDrawdownCase {
  readonly symbol: string;
  readonly first: number;
  readonly last: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly worstPeakDate: string;
  readonly worstTroughDate: string;
  readonly maxDrawdown: number;
  readonly longestUnderwater: number;
  readonly episodeCount: number;
  /** The worst 5, deepest first. */
  readonly episodes: DrawdownEpisode[];
}

export function randomDrawdownCases(): DrawdownCase[] {
  return readFixture<{ cases: DrawdownCase[] }>("drawdown", "random.json").cases;
}

export function realDrawdownCases(): RealDrawdownCase[] {
  return readFixture<{ cases: RealDrawdownCase[] }>("drawdown", "crypto-daily-close.json").cases;
}

/** One column of the shared CSV between its first and last price (no blanks inside: see the README). */
export function priceSpan(rows: number[][], column: number, first: number, last: number): number[] {
  return rows.slice(first, last + 1).map((row) => row[column]);
}
