import { equalWeights } from "../../core/allocation/equalWeights";
import type { AdaptiveRule, BaseRule } from "../../core/adaptive/adaptiveRule";
import { composeAdaptiveRule } from "../../core/adaptive/composeAdaptiveRule";
import { schemeRule } from "../../core/adaptive/schemeRule";
import { trailingWindow } from "../../core/adaptive/trailingWindow";
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
import type { ReturnsPanel } from "../../core/types";
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
  /** Fraction of the index; the weights sum to 1 (with the CASH row of an adaptive index). */
  readonly weight: number;
  /** True on the CASH (stablecoin) sleeve row of an adaptive index: no market cap, no price. */
  readonly cash?: boolean;
}

/** The symbol of an adaptive index's cash sleeve row. */
export const CASH_SYMBOL = "CASH";

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
  /** An adaptive index: its rule, the rows of returns it saw up to `asOf`, and today's cash share. */
  readonly adaptive?: { readonly rule: string; readonly rows: number; readonly cash: number };
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
 * Adaptive definitions (`definition.adaptive`): the weighting is the base — fixed weights from
 * today's market caps for "marketcap", "equal" and "tiered", or BACKTEST's re-estimated scheme
 * (schemeRule: assets listed through the window, sample covariance) on the last `windowDays`
 * returns for "invvol", "erc", "hrp" — and composeAdaptiveRule applies the clauses, the same code
 * DIVERSIFY.BACKTEST runs (a momentum tilt ranks within the tiers of a "tiered" weighting). The
 * rule sees the R = max(windowDays or 0, rule.minLookback) daily returns ending on the as-of date
 * (r_u = p_u / p_{u−1} − 1 over the last R + 1 close dates ≤ asOf, no later price), exactly the
 * window BACKTEST's rule sees for a trade the next day (signalLag 1), so the weights equal
 * BACKTEST's at a rebalance on the day after `asOf`. What the rule leaves uninvested is a CASH row
 * (`cash: true`, no market cap) at the end, shown whenever the rule can hold cash (volatility
 * target, trend to cash, regime to cash), so the weights with it sum to 1. `historyDays` is not
 * used (the rule fixes its window). Periods per year 365 (daily crypto closes).
 * Complexity: O(N log N) for market-cap schemes; O(days · N²) for the covariance, O(N³) for ERC/HRP.
 *
 * @param definition one of INDEX_DEFINITIONS (or a custom one of the same shape)
 * @param input a provider (the universe and closes are fetched) or the data itself
 * @param options historyDays, asOf, cached market-list and closes fetchers, clock, cancellation
 * @returns the constituents with weights, the as-of date and the source
 * @throws CoreError INVALID_ARGUMENT (historyDays not a whole number ≥ 3; asOf or data.asOf not yyyy-mm-dd; a definition with top < 1)
 * @throws CoreError NOT_AVAILABLE (no asset in the universe or sector; a market cap missing for a market-cap index; closes missing for a constituent)
 * @throws CoreError INFEASIBLE (a cap below 1/N for a small sector; a tier with a budget but no names)
 * @throws CoreError TOO_FEW_POINTS, ZERO_VARIANCE, SINGULAR_MATRIX, NOT_CONVERGED (from the covariance and the risk-based weighting; TOO_FEW_POINTS also when an adaptive rule's window, e.g. a 200-day average, is longer than the closes up to asOf)
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
  let plan: AdaptivePlan | undefined;
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
    plan = adaptivePlan(definition, markets, input.id === "demo" ? DEMO_SOURCE : input.displayName);
    if (risky || plan !== undefined) {
      const fetch =
        options.dailyCloses ??
        ((symbols: readonly string[], days: number) =>
          input.dailyCloses(symbols, days, { signal: options.signal }));
      // An adaptive rule needs R returns, so R + 1 closes, up to the as-of date.
      closes = await fetch(
        markets.map((asset) => asset.symbol),
        (plan === undefined ? historyDays : plan.rows + 1) + (today - snapshotDay)
      );
    }
    source = closes?.source ?? (input.id === "demo" ? DEMO_SOURCE : input.displayName);
  } else {
    markets = firstOfEachSymbol(input.markets).slice(0, definition.universe.top);
    requireUniverse(definition, markets);
    plan = adaptivePlan(definition, markets, input.source);
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
  let adaptive: BuiltIndex["adaptive"];
  if (plan !== undefined) {
    const applied = applyPlan(definition, plan, closes, symbols, snapshotDay);
    weights = applied.weights;
    tiers = plan.tiers;
    asOf = applied.lastDate;
    adaptive = { rule: plan.rule, rows: plan.rows, cash: applied.cash };
  } else
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

  const constituents: IndexConstituent[] = markets.map((asset, i) => ({
    symbol: asset.symbol,
    name: asset.name,
    sector: asset.sector ?? "",
    tier: tiers?.[i] ?? asset.tier ?? tierByRank(asset.rank ?? i + 1),
    marketCap: asset.marketCap ?? NaN,
    weight: weights[i],
  }));
  if (adaptive !== undefined && (plan?.holdsCash === true || adaptive.cash > 0)) {
    constituents.push({
      symbol: CASH_SYMBOL,
      name: "Cash sleeve (stablecoin)",
      sector: "Cash",
      tier: "cash",
      marketCap: NaN,
      weight: adaptive.cash,
      cash: true,
    });
  }
  return { definition, constituents, asOf, source, window, adaptive };
}

/** What an adaptive definition applies: its composed rule and the rows of returns it sees. */
interface AdaptivePlan {
  readonly rule: string;
  readonly apply: AdaptiveRule;
  /** R: rows of returns the rule sees, ending on the as-of date. */
  readonly rows: number;
  /** The tier labels a "tiered" base ranks within (the Tier column), else undefined. */
  readonly tiers?: string[];
  /** True when a clause can leave weight in cash (the CASH row is then always shown). */
  readonly holdsCash: boolean;
}

/** Daily closes: a year of them annualises a volatility target. */
const PERIODS_PER_YEAR = 365;
/** BACKTEST's default estimation window for a fixed-weight base (regime's "minvar"). */
const FIXED_BASE_ESTIMATION_ROWS = 90;
/** A cash share below this is rounding of a fully invested rule (1 − Σw ≈ 1e-16), shown as 0. */
const CASH_DUST = 1e-12;

/**
 * The base of an adaptive definition (fixed weights from today's market caps, or BACKTEST's
 * scheme on its own trailing window) and the rule composed on it, before any close is fetched,
 * so a bad option fails first and the fetch asks for exactly the rows the rule needs.
 */
function adaptivePlan(
  definition: IndexDefinition,
  markets: readonly MarketAsset[],
  source: string
): AdaptivePlan | undefined {
  const adaptive = definition.adaptive;
  if (adaptive === undefined) return undefined;
  const weighting = definition.weighting;
  let base: BaseRule;
  let tiers: string[] | undefined;
  let estimationRows = FIXED_BASE_ESTIMATION_ROWS;
  let baseRows = 0;
  switch (weighting.method) {
    case "marketcap":
      base = cappedMarketCapWeights(marketCapsOf(definition, markets, source), {
        cap: weighting.cap,
      });
      break;
    case "equal":
      base = equalWeights(markets.length);
      break;
    case "tiered": {
      const caps = marketCapsOf(definition, markets, source);
      base = tieredWeights(caps, weighting.budgets, {
        breaks: weighting.breaks,
        within: weighting.within,
      });
      tiers = tierLabels(caps, { breaks: weighting.breaks });
      break;
    }
    default:
      estimationRows = weighting.windowDays;
      baseRows = weighting.windowDays;
      base = trailingWindow(schemeRule(weighting.method, "sample"), weighting.windowDays);
  }
  const clauses = adaptive.clauses.map((clause) =>
    clause.kind === "momentum" && clause.tiers === undefined && tiers !== undefined
      ? { ...clause, tiers }
      : clause
  );
  const apply = composeAdaptiveRule(base, clauses, {
    periodsPerYear: PERIODS_PER_YEAR,
    estimationRows,
    argument: `index "${definition.id}"`,
  });
  return {
    rule: adaptive.rule,
    apply,
    rows: Math.max(baseRows, apply.minLookback),
    tiers,
    holdsCash: clauses.some(
      (c) =>
        c.kind === "voltarget" ||
        (c.kind === "trend" && c.freed !== "holdings") ||
        (c.kind === "regime" && c.stressed === "cash")
    ),
  };
}

/**
 * The plan's weights as of `lastDay`: the rule on the R daily returns of the last R + 1 close
 * dates on or before it (no later close is read), computed as the backtest computes its window
 * (r_u = p_u / p_{u−1} − 1, NaN where either close is missing).
 */
function applyPlan(
  definition: IndexDefinition,
  plan: AdaptivePlan,
  closes: DailyCloses | undefined,
  symbols: readonly string[],
  lastDay: number
): { weights: Float64Array; cash: number; lastDate: string } {
  const rule = `index "${definition.id}" (rule "${plan.rule}")`;
  if (closes === undefined) {
    throw new CoreError(
      "NOT_AVAILABLE",
      `${rule} needs daily closes of its constituents; pass them with the market data`,
      { argument: "input" }
    );
  }
  const total = closes.dates.length;
  let end = total;
  while (end > 0 && dayNumberOf(closes.dates[end - 1]) > lastDay) end--;
  const rows = plan.rows;
  if (end < rows + 1) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `${rule} needs ${rows + 1} days of prices up to ${toIsoDate(lastDay)} (${rows} daily returns), but the closes hold ${end}; choose a later as-of date, a provider with more history, or an index with a shorter window`,
      { argument: "definition" }
    );
  }
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
  const first = end - rows - 1;
  const data = new Float64Array(rows * symbols.length);
  columns.forEach((j, k) => {
    const at = j * total;
    for (let u = 0; u < rows; u++) {
      data[k * rows + u] = closes.closes[at + first + u + 1] / closes.closes[at + first + u] - 1;
    }
  });
  const window: ReturnsPanel = {
    kind: "returns",
    rows,
    cols: symbols.length,
    data,
    labels: [...symbols],
  };
  const weights = Float64Array.from(plan.apply(window, end - 1));
  const invested = weights.reduce((sum, w) => sum + w, 0);
  const cash = 1 - invested > CASH_DUST ? 1 - invested : 0;
  return { weights, cash, lastDate: closes.dates[end - 1] };
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
