import { equalWeights } from "../../core/allocation/equalWeights";
import { hierarchicalRiskParity } from "../../core/allocation/hierarchicalRiskParity";
import { inverseVolatilityWeights } from "../../core/allocation/inverseVolatilityWeights";
import { riskBudgetingWeights } from "../../core/allocation/riskBudgetingWeights";
import { covarianceMatrix } from "../../core/covariance/covarianceMatrix";
import { CoreError } from "../../core/errors";
import { cappedMarketCapWeights } from "../../core/indexing/cappedMarketCapWeights";
import { tierLabels } from "../../core/indexing/tierLabels";
import { tieredWeights } from "../../core/indexing/tieredWeights";
import { pricePanel } from "../../core/panel/pricePanel";
import { returnsFromPrices } from "../../core/returns/returnsFromPrices";
import { DEMO_SOURCE } from "../demo/demoProvider";
import { dayNumberOf } from "../dayNumberOf";
import { type Clock, systemClock } from "../http/clock";
import { toIsoDate } from "../toIsoDate";
import type {
  DailyCloses,
  DataProvider,
  ListMarketsOptions,
  MarketAsset,
  MarketCapTier,
} from "../types";
import type { IndexDefinition } from "./indexDefinitions";

/** Market data an index can be built from without a provider (the pane's cached tables, tests). */
export interface IndexData {
  /** The universe, largest market cap first (as `DataProvider.listMarkets` returns it). */
  readonly markets: readonly MarketAsset[];
  /** Daily closes of (at least) the universe's symbols; needed by risk-based indices only. */
  readonly closes?: DailyCloses;
  /** Where the numbers come from, e.g. "demo data". */
  readonly source: string;
  /** Date of the market snapshot (ISO); default the last close date, else today. */
  readonly asOf?: string;
}

/** Options of {@link buildIndex}. */
export interface BuildIndexOptions {
  /** Days of closes a risk-based index estimates its covariance from (default: the definition's window). */
  readonly historyDays?: number;
  /** ISO date the index is computed as of: closes after it are ignored (default today / the data's date). */
  readonly asOf?: string;
  /** How to list the provider's markets (the shared runtime reuses its short-lived list). */
  readonly listMarkets?: (options: ListMarketsOptions) => Promise<MarketAsset[]>;
  /** How to fetch closes from the provider (the shared runtime routes them through its cache). */
  readonly dailyCloses?: (symbols: readonly string[], days: number) => Promise<DailyCloses>;
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
}

/** One constituent of a built index. */
export interface IndexConstituent {
  readonly symbol: string;
  readonly name: string;
  /** Sector, "" when the provider gives none. */
  readonly sector: string;
  readonly tier: MarketCapTier | string;
  /** USD; NaN when the provider gives none (only equal and risk-based indices allow that). */
  readonly marketCap: number;
  /** Fraction of the index; the weights sum to 1. */
  readonly weight: number;
}

/** What {@link buildIndex} returns. */
export interface BuiltIndex {
  readonly definition: IndexDefinition;
  /** Largest market cap first (the provider's order). */
  readonly constituents: readonly IndexConstituent[];
  /** ISO date of the data: the last close used, or the day of the market snapshot. */
  readonly asOf: string;
  /** The provider's source text, "demo data" for the demo. */
  readonly source: string;
  /** Days of closes and complete return rows behind a risk-based index. */
  readonly window?: { readonly days: number; readonly rowsUsed: number };
}

/** Rank breaks of the DESIGN.md tiers, for constituents whose provider gives no tier. */
const DEFAULT_TIER_BREAKS: readonly number[] = [20, 100];

/**
 * Builds an index from a definition and market data: selects the universe (the provider's `top`
 * largest by market cap, optionally one sector), then weights it with the core function the
 * definition names, so INDEX and the task pane compute the same index from the same inputs.
 *
 * Weighting: "marketcap" → cappedMarketCapWeights (w_i = clip(λ m_i, 0, cap), Σ w = 1); "equal" →
 * 1/N; "invvol", "erc", "hrp" → inverseVolatilityWeights, riskBudgetingWeights (equal budgets) and
 * hierarchicalRiskParity (single linkage) on the sample covariance (numpy ddof=1) of daily simple
 * returns over the last `historyDays` days of closes (historyDays − 1 returns), complete rows only
 * (a day where any constituent lacks a close is left out; `window.rowsUsed` says how many remained);
 * "tiered" → tieredWeights with the definition's rank breaks and budgets (the tier column is then the
 * tier used for weighting; otherwise it is the provider's tier, or large/mid/small by rank 20/100).
 * Conventions: weights sum to 1; constituents keep the provider's order (largest first); a ticker
 * listed twice keeps its first (larger) asset, since closes are fetched by ticker; `asOf` is the
 * last close date used, or the market snapshot's day; `source` is the provider's text. With a
 * provider, market caps are its current ones (providers give no past caps), so an earlier `asOf`
 * moves only the returns window.
 * Complexity: O(N log N) for market-cap schemes; O(days · N²) for the covariance, O(N³) for ERC/HRP.
 *
 * @param definition one of INDEX_DEFINITIONS (or a custom one of the same shape)
 * @param input a provider (the universe and closes are fetched) or the data itself
 * @param options historyDays, asOf, cached market-list and closes fetchers, clock, cancellation
 * @returns the constituents with weights, the as-of date and the source
 * @throws CoreError INVALID_ARGUMENT (historyDays not a whole number ≥ 3; asOf or data.asOf not yyyy-mm-dd; a definition with top < 1)
 * @throws CoreError NOT_AVAILABLE (no asset in the universe or sector; a market cap missing for a market-cap index; closes missing for a constituent)
 * @throws CoreError INFEASIBLE (a cap below 1/N for a small sector; a tier with a budget but no names)
 * @throws CoreError TOO_FEW_POINTS, ZERO_VARIANCE, SINGULAR_MATRIX, NOT_CONVERGED (from the covariance and the risk-based weighting)
 * @throws DataError (the provider failed: bad key, quota, network, unknown category…)
 * @example (await buildIndex(INDEX_DEFINITIONS[0], createDemoProvider())).constituents.length; // => 10
 */
export async function buildIndex(
  definition: IndexDefinition,
  input: DataProvider | IndexData,
  options: BuildIndexOptions = {}
): Promise<BuiltIndex> {
  const weighting = definition.weighting;
  const risky =
    weighting.method === "invvol" || weighting.method === "erc" || weighting.method === "hrp";
  const historyDays = options.historyDays ?? (risky ? weighting.windowDays : 0);
  if (risky && (!Number.isInteger(historyDays) || historyDays < 3)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `historyDays must be a whole number of days ≥ 3 (at least two returns); got ${historyDays}`,
      { argument: "historyDays" }
    );
  }
  if (!Number.isInteger(definition.universe.top) || definition.universe.top < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `index "${definition.id}": universe.top must be a whole number ≥ 1; got ${definition.universe.top}`,
      { argument: "definition" }
    );
  }
  const asOfDay = options.asOf === undefined ? undefined : dayNumberOf(options.asOf);
  if (asOfDay !== undefined && !Number.isFinite(asOfDay)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `asOf must be a date written yyyy-mm-dd; got "${options.asOf}"`,
      { argument: "asOf" }
    );
  }

  let markets: readonly MarketAsset[];
  let closes: DailyCloses | undefined;
  let source: string;
  let snapshotDay: number;
  if (isProvider(input)) {
    const category =
      definition.universe.category === undefined
        ? undefined
        : (definition.universe.providerCategories?.[input.id] ?? definition.universe.category);
    const request = { limit: definition.universe.top, category, signal: options.signal };
    markets = await (options.listMarkets ?? ((o: ListMarketsOptions) => input.listMarkets(o)))(
      request
    );
    markets = firstOfEachSymbol(markets).slice(0, definition.universe.top);
    requireUniverse(definition, markets);
    const today = dayNumberOf((options.clock ?? systemClock).now());
    snapshotDay = Math.min(asOfDay ?? today, today);
    if (risky) {
      const fetch =
        options.dailyCloses ??
        ((symbols: readonly string[], days: number) =>
          input.dailyCloses(symbols, days, { signal: options.signal }));
      closes = await fetch(
        markets.map((asset) => asset.symbol),
        historyDays + (today - snapshotDay)
      );
    }
    source = closes?.source ?? (input.id === "demo" ? DEMO_SOURCE : input.displayName);
  } else {
    markets = firstOfEachSymbol(input.markets).slice(0, definition.universe.top);
    requireUniverse(definition, markets);
    closes = input.closes;
    source = input.source;
    const given = input.asOf === undefined ? undefined : dayNumberOf(input.asOf);
    if (given !== undefined && !Number.isFinite(given)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `data.asOf must be a date written yyyy-mm-dd; got "${input.asOf}"`,
        { argument: "asOf" }
      );
    }
    const lastClose =
      closes !== undefined && closes.dates.length > 0
        ? dayNumberOf(closes.dates[closes.dates.length - 1])
        : undefined;
    snapshotDay =
      asOfDay ?? given ?? lastClose ?? dayNumberOf((options.clock ?? systemClock).now());
  }

  const n = markets.length;
  const symbols = markets.map((asset) => asset.symbol);
  let weights: Float64Array;
  let tiers: string[] | undefined;
  let window: BuiltIndex["window"];
  let asOf = toIsoDate(snapshotDay);
  switch (weighting.method) {
    case "marketcap":
      weights = cappedMarketCapWeights(marketCapsOf(definition, markets, source), {
        cap: weighting.cap,
      });
      break;
    case "equal":
      weights = equalWeights(n);
      break;
    case "tiered": {
      const caps = marketCapsOf(definition, markets, source);
      const tierOptions = { breaks: weighting.breaks };
      weights = tieredWeights(caps, weighting.budgets, {
        ...tierOptions,
        within: weighting.within,
      });
      tiers = tierLabels(caps, tierOptions);
      break;
    }
    default: {
      if (closes === undefined) {
        throw new CoreError(
          "NOT_AVAILABLE",
          `index "${definition.id}" needs daily closes of its constituents; pass them with the market data`,
          { argument: "input" }
        );
      }
      const panel = windowPanel(closes, symbols, historyDays, snapshotDay);
      const { matrix, rowsUsed } = covarianceMatrix(returnsFromPrices(panel.prices), {
        estimator: "sample",
      });
      weights =
        weighting.method === "invvol"
          ? inverseVolatilityWeights(matrix)
          : weighting.method === "erc"
            ? riskBudgetingWeights(matrix)
            : hierarchicalRiskParity(matrix, "single").weights;
      window = { days: historyDays, rowsUsed };
      asOf = panel.lastDate;
    }
  }

  const constituents = markets.map((asset, i) => ({
    symbol: asset.symbol,
    name: asset.name,
    sector: asset.sector ?? "",
    tier: tiers?.[i] ?? asset.tier ?? tierByRank(asset.rank ?? i + 1),
    marketCap: asset.marketCap ?? NaN,
    weight: weights[i],
  }));
  return { definition, constituents, asOf, source, window };
}

function isProvider(input: DataProvider | IndexData): input is DataProvider {
  return typeof (input as DataProvider).listMarkets === "function";
}

/**
 * Closes are fetched by symbol, so a symbol must name one asset; a provider may list two coins
 * under one ticker (CoinGecko does), and the larger, listed first, is the one meant.
 */
function firstOfEachSymbol(markets: readonly MarketAsset[]): MarketAsset[] {
  const seen = new Set<string>();
  return markets.filter((asset) => {
    const key = asset.symbol.toUpperCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function requireUniverse(definition: IndexDefinition, markets: readonly MarketAsset[]): void {
  if (markets.length === 0) {
    const where = definition.universe.category
      ? ` in the sector "${definition.universe.category}"`
      : "";
    throw new CoreError(
      "NOT_AVAILABLE",
      `index "${definition.id}": the provider lists no asset${where}; choose another index or provider`,
      { argument: "definition" }
    );
  }
}

function marketCapsOf(
  definition: IndexDefinition,
  markets: readonly MarketAsset[],
  source: string
): Float64Array {
  const caps = new Float64Array(markets.length);
  markets.forEach((asset, i) => {
    const cap = asset.marketCap;
    if (cap === undefined || !Number.isFinite(cap) || cap <= 0) {
      throw new CoreError(
        "NOT_AVAILABLE",
        `index "${definition.id}": ${source} gives no market cap for ${asset.symbol}; choose an equal-weight or risk-based index`,
        { argument: "definition", row: i, label: asset.symbol }
      );
    }
    caps[i] = cap;
  });
  return caps;
}

function tierByRank(rank: number): MarketCapTier {
  return rank <= DEFAULT_TIER_BREAKS[0]
    ? "large"
    : rank <= DEFAULT_TIER_BREAKS[1]
      ? "mid"
      : "small";
}

/**
 * The price panel of `symbols` over the `days` days ending on `lastDay`, rows where at least one
 * symbol has a close; blanks stay NaN ("keep") because the covariance uses complete rows only.
 */
function windowPanel(
  closes: DailyCloses,
  symbols: readonly string[],
  days: number,
  lastDay: number
): { prices: ReturnType<typeof pricePanel>; lastDate: string } {
  const rows = closes.dates.length;
  const columns = symbols.map((symbol) => {
    const j = closes.symbols.indexOf(symbol);
    if (j < 0) {
      throw new CoreError(
        "NOT_AVAILABLE",
        `the closes lack ${symbol}; fetch the closes of every constituent`,
        { argument: "closes", label: symbol }
      );
    }
    return j;
  });
  const firstDay = lastDay - days + 1;
  const values: number[][] = [];
  let lastDate = "";
  for (let t = 0; t < rows; t++) {
    const day = dayNumberOf(closes.dates[t]);
    if (day < firstDay || day > lastDay) continue;
    const row = columns.map((j) => closes.closes[j * rows + t]);
    if (row.every((value) => Number.isNaN(value))) continue;
    values.push(row);
    lastDate = closes.dates[t];
  }
  if (values.length < 3) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `the closes hold ${values.length} day(s) in the ${days}-day window; at least 3 are needed for a covariance`,
      { argument: "closes" }
    );
  }
  return {
    prices: pricePanel(values, { labels: symbols, fill: "keep", argument: "closes" }),
    lastDate,
  };
}
