/** One daily row of /daily-ohlcv, as the provider reads it. */
export interface OhlcvPoint {
  /** TOKEN_ID as text ("3375"); the ticker when a row has none. */
  readonly tokenId: string;
  readonly tokenName: string;
  /** TOKEN_SYMBOL, upper case. */
  readonly symbol: string;
  /** UTC day number of DATE / TIMESTAMP. */
  readonly day: number;
  /** CLOSE; NaN when missing, zero or negative. */
  readonly close: number;
  /** VOLUME; NaN when missing. */
  readonly volume: number;
}

/** The rows of one token. */
export interface TokenSeries {
  readonly tokenId: string;
  readonly tokenName: string;
  readonly points: OhlcvPoint[];
}

/** Which token a ticker resolved to, and why. */
export interface TokenChoice {
  readonly chosen: TokenSeries;
  /** The other tokens sharing the ticker, most traded first. */
  readonly others: TokenSeries[];
  /** "only": one token has the ticker; "preferred": the id the caller knew; "traded": the most traded. */
  readonly reason: "only" | "preferred" | "traded";
}

/**
 * Picks one token for a ticker among the /daily-ohlcv rows, which Token Metrics returns for every
 * token with that TOKEN_SYMBOL (the Python SDK's captured output for symbol=BTC holds Bitcoin 3375,
 * batcat 35621, BlackrockTradingCurrency 33649 and Osmosis allBTC 39218, read 2026-12-03). Rows are
 * grouped by TOKEN_ID, never merged across ids. The choice: the `preferredId` when it is among them
 * (an index holding's TOKEN_ID), else the token with the largest traded value Σ close × volume over
 * the window — a stand-in for market cap, which /daily-ohlcv does not send — ties going to the
 * smaller (older) TOKEN_ID.
 *
 * Complexity: O(n + k log k) for n rows and k tokens.
 *
 * @param points rows already filtered to the ticker
 * @param preferredId TOKEN_ID known for the ticker, if any
 * @returns the choice, or undefined when there is no row
 * @example chooseToken(rows, "3375")?.chosen.tokenName; // => "Bitcoin"
 */
export function chooseToken(
  points: readonly OhlcvPoint[],
  preferredId?: string
): TokenChoice | undefined {
  const byId = new Map<string, OhlcvPoint[]>();
  for (const point of points) {
    const group = byId.get(point.tokenId);
    if (group === undefined) byId.set(point.tokenId, [point]);
    else group.push(point);
  }
  if (byId.size === 0) return undefined;
  const ranked = [...byId].map(([tokenId, group]) => ({
    series: { tokenId, tokenName: group[0].tokenName, points: group },
    traded: tradedValue(group),
  }));
  ranked.sort((a, b) => b.traded - a.traded || compareIds(a.series.tokenId, b.series.tokenId));
  const series = ranked.map((r) => r.series);
  if (series.length === 1) return { chosen: series[0], others: [], reason: "only" };
  const preferred =
    preferredId === undefined ? -1 : series.findIndex((s) => s.tokenId === preferredId);
  if (preferred >= 0) {
    return {
      chosen: series[preferred],
      others: series.filter((_, i) => i !== preferred),
      reason: "preferred",
    };
  }
  return { chosen: series[0], others: series.slice(1), reason: "traded" };
}

function tradedValue(points: readonly OhlcvPoint[]): number {
  let sum = 0;
  for (const p of points) {
    const value = p.close * p.volume;
    if (Number.isFinite(value) && value > 0) sum += value;
  }
  return sum;
}

/** Numeric ids compare as numbers (3375 before 35621), others as text. */
function compareIds(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
