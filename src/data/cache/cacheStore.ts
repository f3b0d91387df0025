/**
 * One cached series: the daily closes of one symbol from one provider, on consecutive UTC days
 * starting at `firstDay` (NaN = no close that day). Records are replaced, never edited in place.
 */
export interface SeriesRecord {
  readonly provider: string;
  readonly symbol: string;
  /** Where the numbers came from ("demo data", "CoinGecko", …). */
  readonly source: string;
  /** Day number (days since 1970-01-01 UTC) of closes[0]. */
  readonly firstDay: number;
  readonly closes: Float64Array;
  /** When the provider was last asked for this series (ms since the epoch). */
  readonly fetchedAt: number;
  /** Last time the series was read or written (ms), for the LRU bound. */
  readonly lastUsed: number;
}

/**
 * The small key/value storage the price cache persists through. Two implementations:
 * createMemoryStore (Node, tests) and createIndexedDbStore (browser / Office runtime).
 */
export interface CacheStore {
  get(key: string): Promise<SeriesRecord | undefined>;
  set(key: string, record: SeriesRecord): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}
