import { CoreError } from "../core/errors";
import { dayNumberOf } from "../data/dayNumberOf";
import { isDataError } from "../data/isDataError";
import { INDEX_DEFINITIONS } from "../data/indices/indexDefinitions";
import type { DataError } from "../data/dataError";
import type { ClosesOrCached, DataContext } from "../data/runtime/createDataContext";
import { readySharedDataContext } from "../data/runtime/sharedDataContext";
import { toIsoDate } from "../data/toIsoDate";
import type { DataProvider } from "../data/types";
import { excelBoundaryAsync, unwrap } from "./boundary";
import { describeCell, isBlankCell } from "./parse/cell";
import { excelSerial } from "./parse/dates";
import { parseChoice } from "./parse/options";
import { parseNumber } from "./parse/scalars";
import { type SpillCell, spillTable } from "./spill";

const PROVIDERS = ["demo", "coingecko", "tokenmetrics", "csv"] as const;
/** One year of daily closes: the window the risk functions are usually given. */
const DEFAULT_HISTORY_DAYS = 365;
/** CoinGecko pages markets 250 at a time; more rows than that is no longer a "top" list. */
const MAX_TOP = 250;

/**
 * Daily closing prices of tokens from the configured data provider (demo data by default), dates
 * down and symbols across, ready to pass to RETURNS, STATS, RISKWEIGHTS and the other functions.
 * @customfunction HISTORY
 * @helpurl https://localhost:3000/help.html#history
 * @param symbols Tickers such as BTC, ETH: a row or column of cells, or one cell "BTC,ETH,SOL".
 * @param [days] How many days of history, ending today (default 365).
 * @param [provider] "demo", "coingecko", "tokenmetrics" or "csv" (default: the provider chosen in the Data tab).
 * @returns A "Date" column of Excel dates and one column of closes per symbol, under a header row.
 */
export async function history(
  symbols: any[][],
  days?: number,
  provider?: string
): Promise<any[][]> {
  return excelBoundaryAsync("HISTORY", async () => {
    const context = await readySharedDataContext();
    const wanted = readSymbols(symbols);
    const id = unwrap(parseChoice(provider, "provider", PROVIDERS, context.settings.provider));
    const source = context.provider(id);
    const count = readDays(days, source);
    const answer = await fetching(() => context.dailyClosesOrCached(wanted, count, id));
    return spillHistory(answer, count, source, context);
  });
}

/**
 * The largest tokens by market cap from the configured data provider, optionally in one sector.
 * @customfunction TOP
 * @helpurl https://localhost:3000/help.html#top
 * @param n How many tokens (1 to 250).
 * @param [category] A sector or category, e.g. "Layer 1", "DeFi", "Layer 2" (default: all).
 * @returns Rank, symbol, name, sector, price and market cap rows under a header row.
 */
export async function top(n: number, category?: string): Promise<any[][]> {
  return excelBoundaryAsync("TOP", async () => {
    if (isBlankCell(n)) {
      throw new CoreError("INVALID_ARGUMENT", "n is missing; give how many tokens, e.g. 10", {
        argument: "n",
      });
    }
    const limit = unwrap(
      parseNumber(n, "n", NaN, {
        min: 1,
        max: MAX_TOP,
        integer: true,
        expected: `a whole number from 1 to ${MAX_TOP}`,
      })
    );
    const context = await readySharedDataContext();
    const sector = await fetching(() => resolveCategory(readCategory(category), context));
    const assets = await fetching(() => context.markets({ limit, category: sector }));
    return spillTable(
      ["Rank", "Symbol", "Name", "Sector", "Price", "Market cap"],
      assets.map((a, i) => [
        a.rank ?? i + 1,
        a.symbol,
        a.name,
        a.sector ?? "",
        a.price ?? NaN,
        a.marketCap ?? NaN,
      ]),
      (r, c) => `the provider gives no ${c === 4 ? "price" : "market cap"} for ${assets[r].symbol}`
    );
  });
}

/**
 * The constituents of an index built from the configured data provider: a built-in definition such
 * as "top10-capped25", "top20-erc" or "sector-defi", an adaptive one such as "top20-erc-trend200"
 * (a rule on the price history; the weight it does not invest is a CASH row), or a Token Metrics
 * index id when that provider is configured.
 * @customfunction INDEX
 * @helpurl https://localhost:3000/help.html#index
 * @param name Index id, e.g. "top10-capped25", "top10-equal", "top20-invvol", "top20-erc", "top20-hrp", "sector-layer-1", "barbell-70-20-10"; adaptive: "top20-erc-trend200", "barbell-voltarget60", "top20-hrp-regime-minvar", "barbell-momentum".
 * @param [output] "constituents" (default): symbol, name, sector, tier, market cap, weight; "weights": symbol and weight only.
 * @returns One row per constituent, largest first (an adaptive index's CASH row last), under a header row; the weights sum to 1.
 */
export async function indexConstituents(name: string, output?: string): Promise<any[][]> {
  return excelBoundaryAsync("INDEX", async () => {
    const what = unwrap(
      parseChoice(output, "output", ["constituents", "weights"] as const, "constituents")
    );
    const rows = await fetching(async () =>
      indexRows(readIndexName(name), await readySharedDataContext())
    );
    if (what === "weights") {
      return spillTable(
        ["Symbol", "Weight"],
        rows.map((r) => [r.symbol, r.weight]),
        (r) => `no weight for ${rows[r].symbol}`
      );
    }
    return spillTable(
      ["Symbol", "Name", "Sector", "Tier", "Market cap", "Weight"],
      rows.map((r) => [r.symbol, r.name, r.sector, r.tier, r.marketCap, r.weight]),
      (r, c) => `the provider gives no ${c === 4 ? "market cap" : "weight"} for ${rows[r].symbol}`
    );
  });
}

/** Tickers from cells (text only; a cell may hold several separated by commas); blanks are skipped. */
function readSymbols(range: unknown): string[] {
  const cells = Array.isArray(range) ? (range as unknown[]).flat() : [range];
  const symbols: string[] = [];
  cells.forEach((cell, i) => {
    if (isBlankCell(cell)) return;
    if (typeof cell !== "string") {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `symbols: cell ${i + 1} holds ${describeCell(cell)}; give tickers as text such as BTC`,
        { argument: "symbols", column: i }
      );
    }
    for (const part of cell.split(","))
      if (part.trim() !== "") symbols.push(part.trim().toUpperCase());
  });
  if (symbols.length === 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      "symbols is empty; give at least one ticker such as BTC",
      {
        argument: "symbols",
      }
    );
  }
  const seen = new Set<string>();
  for (const symbol of symbols) {
    if (seen.has(symbol)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `symbols lists ${symbol} twice; remove the duplicate`,
        {
          argument: "symbols",
          label: symbol,
        }
      );
    }
    seen.add(symbol);
  }
  return symbols;
}

function readDays(value: unknown, provider: DataProvider): number {
  const days = unwrap(
    parseNumber(value, "days", DEFAULT_HISTORY_DAYS, {
      min: 1,
      integer: true,
      expected: "a whole number of days ≥ 1, e.g. 365",
    })
  );
  const most = provider.capabilities.maxHistoryDays;
  if (days > most) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `days: ${provider.displayName} serves at most ${most} days of history; got ${days}, so ask for ${most} or fewer`,
      { argument: "days" }
    );
  }
  return days;
}

function readCategory(value: unknown): string | undefined {
  if (isBlankCell(value)) return undefined;
  if (typeof value !== "string") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `category must be a sector name such as "DeFi", or omitted for all; got ${describeCell(value)}`,
      { argument: "category" }
    );
  }
  return value.trim();
}

/**
 * A category as the provider names it: users type sector names ("DeFi"), CoinGecko filters by id
 * ("decentralized-finance-defi"), so a name is looked up in the provider's list. The demo provider
 * takes names itself; an unmatched word goes to the provider, which says what it offers.
 */
async function resolveCategory(
  sector: string | undefined,
  context: DataContext
): Promise<string | undefined> {
  const provider = context.provider();
  if (sector === undefined || provider.id === "demo" || !provider.capabilities.categories)
    return sector;
  const wanted = sector.toLowerCase();
  const match = (await context.categories()).find(
    (c) => c.id.toLowerCase() === wanted || c.name.toLowerCase() === wanted
  );
  return match?.id ?? sector;
}

function readIndexName(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `name must be an index id such as "top10-capped25"; got ${isBlankCell(value) ? "nothing" : describeCell(value)}`,
      { argument: "name" }
    );
  }
  return value.trim();
}

interface IndexRow {
  readonly symbol: string;
  readonly name: string;
  readonly sector: string;
  readonly tier: string;
  /** USD, or the text "cash sleeve" on an adaptive index's CASH row. */
  readonly marketCap: number | string;
  readonly weight: number;
}

/** Excel shows at most this many characters of an error message. */
const EXCEL_MESSAGE_LIMIT = 250;

/**
 * The built-in ids, unquoted and in list order, as many as fit in Excel's 250 characters after
 * `used` characters; when some do not fit, "…" and where to find them all.
 */
function builtInIds(used: number): string {
  const ids = INDEX_DEFINITIONS.map((d) => d.id);
  const all = ids.join(", ");
  if (used + all.length <= EXCEL_MESSAGE_LIMIT) return all;
  const more = ", … (all in the INDEX help)";
  let shown = "";
  for (const id of ids) {
    const next = shown === "" ? id : `${shown}, ${id}`;
    if (used + next.length + more.length > EXCEL_MESSAGE_LIMIT) break;
    shown = next;
  }
  return shown + more;
}

/** A built-in definition by id, else a provider index (Token Metrics) by id, name or ticker. */
async function indexRows(name: string, context: DataContext): Promise<IndexRow[]> {
  const wanted = name.toLowerCase();
  const definition = INDEX_DEFINITIONS.find((d) => d.id === wanted);
  const provider = context.provider();
  if (definition !== undefined) {
    // An adaptive index's CASH row has no market cap: it says so rather than show an error.
    return (await context.buildIndex(definition)).constituents.map((c) =>
      c.cash === true ? { ...c, marketCap: "cash sleeve" } : c
    );
  }
  if (!provider.capabilities.indices) {
    const start = `name: no index "${name}"; use one of `;
    throw new CoreError("INVALID_ARGUMENT", start + builtInIds(start.length), {
      argument: "name",
    });
  }
  const indices = await provider.listIndices();
  const match = indices.find(
    (x) =>
      x.id.toLowerCase() === wanted ||
      x.name.toLowerCase() === wanted ||
      x.ticker?.toLowerCase() === wanted
  );
  if (match === undefined) {
    const theirs = indices.slice(0, 5).map((x) => x.id);
    const start = `name: no index "${name}"; use a ${provider.displayName} index id (${theirs.join(", ")}${indices.length > 5 ? ", …" : ""}) or one of `;
    throw new CoreError("INVALID_ARGUMENT", start + builtInIds(start.length), {
      argument: "name",
    });
  }
  const holdings = await provider.indexHoldings(match.id);
  return holdings.map((h) => ({
    symbol: h.symbol,
    name: h.name,
    sector: "",
    tier: "",
    marketCap: h.marketCap ?? NaN,
    weight: h.weight,
  }));
}

/** Runs a fetch; a provider failure (DataError) becomes #N/A with the provider's own message. */
async function fetching<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDataError(error)) throw new CoreError("NOT_AVAILABLE", error.message);
    throw error;
  }
}

/**
 * Dates × symbols under a "Date" header. When the newest close is older than today the corner says
 * where the data comes from and its as-of date, so stale prices never pass for today's. Closes
 * served from the cache because the provider failed always say so, with the as-of date and why:
 * "Date (cached, as of 2026-11-20; CoinGecko failed: server error 503)". When the provider had
 * to choose between coins sharing a ticker, or was given a coin id, the corner says which coin it
 * used: "Date — UNI = uniswap (Uniswap, rank 30; 3 coins have this ticker, …)".
 */
function spillHistory(
  answer: ClosesOrCached,
  days: number,
  provider: DataProvider,
  context: DataContext
): SpillCell[][] {
  const data = answer.closes;
  const rows = data.dates.length;
  const missing = data.symbols.filter((_, j) => {
    for (let t = 0; t < rows; t++) if (!Number.isNaN(data.closes[j * rows + t])) return false;
    return true;
  });
  if (rows === 0 || missing.length > 0) {
    const which = rows === 0 ? data.symbols.join(", ") : missing.join(", ");
    throw new CoreError(
      "NOT_AVAILABLE",
      `${data.source} has no close for ${which} in the last ${days} days; check the ticker, ask for more days or choose another provider`,
      { argument: "symbols" }
    );
  }
  const last = data.dates[rows - 1];
  const today = toIsoDate(dayNumberOf(context.clock.now()));
  const corner =
    answer.failure !== undefined
      ? `Date (cached, as of ${last}; ${provider.displayName} failed: ${shortReason(answer.failure)})`
      : last < today
        ? `Date (${data.source}, as of ${last})`
        : "Date";
  // Which coin an ambiguous ticker (or a coin id) became, e.g. CoinGecko's "UNI = uniswap (…)".
  const notes = provider.describeSymbols?.(data.symbols) ?? [];
  const header = notes.length === 0 ? corner : `${corner} — ${notes.join("; ")}`;
  const out: SpillCell[][] = [[header, ...data.symbols]];
  for (let t = 0; t < rows; t++) {
    const row: SpillCell[] = [excelSerial(dayNumberOf(data.dates[t]))];
    for (let j = 0; j < data.symbols.length; j++) {
      const value = data.closes[j * rows + t];
      // A day before a token's listing has no close: an empty cell, as the price parsers expect.
      row.push(Number.isFinite(value) ? value : "");
    }
    out.push(row);
  }
  return out;
}

/**
 * A few words for a transient provider failure, to fit a header cell: the full message (with what
 * to do) is for the error a cell shows; a header that still holds data only needs the cause.
 */
function shortReason(failure: DataError): string {
  const status = failure.status === undefined ? "" : ` ${failure.status}`;
  switch (failure.kind) {
    case "network":
      return "no connection";
    case "timeout":
      return "no answer in time";
    case "quota":
      return `rate limit${status}`;
    case "providerDown":
      return `server error${status}`;
    case "badResponse":
      return "unreadable answer";
    default:
      return failure.kind;
  }
}
