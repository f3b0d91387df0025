import { DataError } from "../dataError";

/** How a symbol of a request maps to a CoinGecko coin. */
export interface CoinResolution {
  /** CoinGecko's coin id, e.g. "uniswap". */
  readonly id: string;
  readonly name: string;
  readonly rank?: number;
  /** How it was found: from a market list (TOP / index building), by ticker, or given as an id. */
  readonly via: "marketList" | "ticker" | "id";
  /** Coins CoinGecko lists with this ticker (1 = unambiguous); 0 when given as an id. */
  readonly sharing: number;
  /** The coin this ticker meant before a market list showed another one under it. */
  readonly replaced?: string;
}

/** A /coins/markets row, as far as resolution reads it. */
export interface ResolverRow {
  readonly id: string;
  readonly symbol: string;
  readonly name?: unknown;
  readonly market_cap?: unknown;
  readonly market_cap_rank?: unknown;
}

/** The explicit coin-id form: "id:uniswap" (case-insensitive), as CoinGecko's own Sheets add-on writes it. */
const ID_PREFIX = /^id:/i;
/** /coins/markets' largest page (coins-markets: per_page "Valid values: 1...250"). */
const LOOKUP_PAGE_SIZE = 250;
/** Pages read for one ticker lookup: 1,000 coins sharing the tickers of one request is plenty. */
const MAX_LOOKUP_PAGES = 4;
/** CoinGecko coin ids are lower-case words with digits, dashes and dots ("usd-coin", "wrapped-bitcoin"). */
const COIN_ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Maps the symbols of a request to CoinGecko coin ids, and remembers how (for the HISTORY header
 * and the pane). A symbol is one of:
 * - "id:<coin id>": that coin, always (e.g. "id:uniswap");
 * - a ticker ("UNI"): the coin the latest market list (TOP, index building) showed under that
 *   ticker, so a basket member is never swapped for another coin with its ticker; else one
 *   GET /coins/markets?symbols=…&include_tokens=all (operationId coins-markets: the default
 *   include_tokens=top returns only "top-ranked tokens by market cap or volume"), and of the coins
 *   sharing the ticker the best market-cap rank wins (unranked coins last, then by market cap);
 * - a bare coin id ("bitcoin") when no coin has it as a ticker: looked up with ?ids=.
 *
 * Complexity: one or two /coins/markets calls per batch of unknown symbols (more only when over
 * 250 coins share its tickers); O(rows × tickers) to pick.
 */
export interface CoinIdResolver {
  /** Records the coins of a market list (first row per ticker, i.e. the largest, wins). */
  rememberMarketList(rows: readonly ResolverRow[]): void;
  /** The coin of each symbol, in order; rejects "notFound" naming the first unknown one. */
  resolve(symbols: readonly string[], signal?: AbortSignal): Promise<CoinResolution[]>;
  /** How each symbol was resolved, for display; undefined when it has not been resolved yet. */
  resolution(symbol: string): CoinResolution | undefined;
}

/**
 * Creates a resolver over a /coins/markets fetcher.
 *
 * @param fetchMarkets GET /coins/markets with these extra parameters (vs_currency and order are the caller's)
 * @example const r = createCoinIdResolver((p) => get("/coins/markets", p)); await r.resolve(["UNI"]);
 */
export function createCoinIdResolver(
  fetchMarkets: (params: Record<string, string>, signal?: AbortSignal) => Promise<ResolverRow[]>
): CoinIdResolver {
  const known = new Map<string, CoinResolution>();

  const rankOf = (row: ResolverRow) =>
    typeof row.market_cap_rank === "number" && row.market_cap_rank > 0
      ? row.market_cap_rank
      : Infinity;
  const capOf = (row: ResolverRow) => (typeof row.market_cap === "number" ? row.market_cap : 0);
  const nameOf = (row: ResolverRow) => (typeof row.name === "string" ? row.name : row.id);
  const rankField = (row: ResolverRow) => (rankOf(row) < Infinity ? rankOf(row) : undefined);

  async function resolveUnknown(symbols: readonly string[], signal?: AbortSignal) {
    const tickers = symbols.filter((s) => !ID_PREFIX.test(s) && !known.has(s));
    if (tickers.length > 0) {
      // Largest first, 250 a page: a full page may hide a small coin that alone has its ticker,
      // so read on (at most MAX_LOOKUP_PAGES) until a short page.
      const rows: ResolverRow[] = [];
      for (let page = 1; page <= MAX_LOOKUP_PAGES; page++) {
        const pageRows = await fetchMarkets(
          {
            symbols: tickers.map((s) => s.toLowerCase()).join(","),
            include_tokens: "all",
            per_page: String(LOOKUP_PAGE_SIZE),
            page: String(page),
          },
          signal
        );
        rows.push(...pageRows);
        if (pageRows.length < LOOKUP_PAGE_SIZE) break;
      }
      for (const ticker of tickers) {
        const matches = rows
          .filter((row) => row.symbol.toUpperCase() === ticker)
          .sort((a, b) => rankOf(a) - rankOf(b) || capOf(b) - capOf(a));
        if (matches.length === 0) continue;
        const best = matches[0];
        known.set(ticker, {
          id: best.id,
          name: nameOf(best),
          rank: rankField(best),
          via: "ticker",
          sharing: matches.length,
        });
      }
    }
    // Explicit ids, and words no coin has as a ticker that may be coin ids ("bitcoin").
    const ids = symbols.filter((s) => !known.has(s));
    const idWords = ids
      .map((s) => s.replace(ID_PREFIX, "").toLowerCase())
      .filter((id) => COIN_ID.test(id));
    if (idWords.length === 0) return;
    const rows = await fetchMarkets({ ids: idWords.join(","), per_page: "250", page: "1" }, signal);
    for (const symbol of ids) {
      const id = symbol.replace(ID_PREFIX, "").toLowerCase();
      const row = rows.find((r) => r.id === id);
      if (row !== undefined) {
        known.set(symbol, { id, name: nameOf(row), rank: rankField(row), via: "id", sharing: 0 });
      } else if (ID_PREFIX.test(symbol) && COIN_ID.test(id)) {
        // A coin without market data can still have a chart: try it, a 404 then names the id.
        known.set(symbol, { id, name: id, via: "id", sharing: 0 });
      }
    }
  }

  return {
    rememberMarketList(rows) {
      const seen = new Map<string, ResolverRow[]>();
      for (const row of rows) {
        const ticker = row.symbol.toUpperCase();
        seen.set(ticker, [...(seen.get(ticker) ?? []), row]);
      }
      for (const [ticker, group] of seen) {
        const first = group[0];
        const before = known.get(ticker);
        known.set(ticker, {
          id: first.id,
          name: nameOf(first),
          rank: rankField(first),
          via: "marketList",
          sharing: group.length,
          // Said in the note: HISTORY cells of this ticker now follow the list's coin.
          replaced: before !== undefined && before.id !== first.id ? before.id : undefined,
        });
      }
    },

    async resolve(symbols, signal) {
      await resolveUnknown(symbols, signal);
      return symbols.map((symbol) => {
        const found = known.get(symbol);
        if (found !== undefined) return found;
        const id = symbol.replace(ID_PREFIX, "");
        throw new DataError(
          "notFound",
          ID_PREFIX.test(symbol)
            ? `CoinGecko has no coin with the id "${id}": coin ids are lower-case words such as "bitcoin" or "usd-coin" (the API ID on the coin's coingecko.com page)`
            : `CoinGecko has no coin with the ticker ${symbol}: check the spelling, or give the coin id as "id:<coin id>" (the API ID on the coin's coingecko.com page)`
        );
      });
    },

    resolution: (symbol) => known.get(symbol),
  };
}

/**
 * A short note on how a symbol was resolved, or undefined when there is nothing to say (an
 * unambiguous ticker). Fits a spill header: "UNI = uniswap (Uniswap, rank 30; 4 coins have this
 * ticker, the best ranked is used; give id:<coin id> for another)".
 *
 * @example describeResolution("BTC", { id: "bitcoin", name: "Bitcoin", rank: 1, via: "ticker", sharing: 1 }); // => undefined
 */
export function describeResolution(symbol: string, r: CoinResolution): string | undefined {
  const rank = r.rank === undefined ? "unranked" : `rank ${r.rank}`;
  if (r.via === "id") return `${symbol} = ${r.id} (${r.name}, ${rank})`;
  if (r.replaced !== undefined)
    return `${symbol} = ${r.id} (${r.name}, ${rank}; the coin of the latest market list, no longer ${r.replaced}; give id:<coin id> to choose)`;
  if (r.sharing <= 1) return undefined;
  const why =
    r.via === "marketList" ? "the one in the market list is used" : "the best ranked is used";
  return `${symbol} = ${r.id} (${r.name}, ${rank}; ${r.sharing} coins have this ticker, ${why}; give id:<coin id> for another)`;
}
