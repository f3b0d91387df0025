import { type AdaptiveClause, composeAdaptiveRule } from "../../core/adaptive/composeAdaptiveRule";
import { schemeRule } from "../../core/adaptive/schemeRule";
import { trailingWindow } from "../../core/adaptive/trailingWindow";
import { cappedMarketCapWeights } from "../../core/indexing/cappedMarketCapWeights";
import { tierLabels } from "../../core/indexing/tierLabels";
import { tieredWeights } from "../../core/indexing/tieredWeights";
import type { ReportStrategy } from "../../core/report/types";
import type { IndexDefinition } from "../../data/indices/indexDefinitions";
import { PaneError } from "./paneError";

/** What the Report tab's fields hold, as typed (blank = the definition's own setting). */
export interface ReportSettings {
  /** Trend filter's moving-average window in days; blank: the definition's (or none). */
  readonly trendWindow: string;
  /** Volatility target as a fraction (0.6) or percent ("60%"); blank: the definition's (or none). */
  readonly volTarget: string;
  /** Annual rate of the cash sleeve, e.g. "0.04" or "4%"; blank: 0. */
  readonly cashRate: string;
  /** Fee in basis points of traded value; blank: 0. */
  readonly feeBps: string;
}

/** The index as the report runs it, and the same thing as BACKTEST's arguments. */
export interface ReportIndexStrategy {
  readonly strategy: ReportStrategy;
  readonly feeBps: number;
  /** The adaptive rule as BACKTEST's `adaptive` text ("" when static). */
  readonly adaptiveText: string;
  /** BACKTEST's arguments that reproduce the index column in cells. */
  readonly cells: {
    readonly weightsOrMethod: string | readonly number[];
    readonly lookback: number | null;
    readonly adaptive: string | null;
    readonly cashRate: number | null;
  };
}

/** Daily closes: a year of them annualises a volatility target, as BACKTEST's default ppy. */
const PERIODS_PER_YEAR = 365;
/** BACKTEST's estimation window for an adaptive rule on fixed weights (regime's "minvar"). */
const FIXED_BASE_ESTIMATION_ROWS = 90;
/** An adaptive signal on day t trades at t + 1, as in BACKTEST. */
const SIGNAL_LAG = 1;

/**
 * The chosen index definition as the report's backtest runs it, over the tokens of the Prices
 * table (the universe in the workbook), exactly as DIVERSIFY.BACKTEST runs the same arguments:
 * - "marketcap" (capped at `cap`) and "tiered" (budgets by rank tier): fixed target weights from
 *   the Constituents table's market caps (cappedMarketCapWeights, tieredWeights), "equal": 1/N;
 *   BACKTEST(prices, weights) with lookback 0.
 * - "invvol", "erc", "hrp": the scheme re-estimated at each rebalance on its last `windowDays`
 *   returns (schemeRule, sample covariance): BACKTEST(prices, "erc", …, lookback windowDays).
 * - An adaptive part (the definition's clauses, with the trend window and volatility target
 *   fields replacing or adding their clause) composed on that base by composeAdaptiveRule, the
 *   code BACKTEST runs: lookback max(window, the rule's minLookback), signal lag 1, cash sleeve at
 *   the cash-rate field (0 when blank).
 *
 * @param definition one of INDEX_DEFINITIONS
 * @param tokens the Prices table's token columns
 * @param marketCaps one per token (NaN where the Constituents table has none)
 * @param settings the Report tab's fields as typed
 * @param rows rows of the Prices table
 * @throws PaneError (a field that is not a number, a window longer than the history, missing caps)
 * @throws CoreError (an option the core rules refuse, e.g. a volatility target ≤ 0, an infeasible cap)
 * @example reportIndexStrategy(erc, ["BTC", "ETH"], caps, blankSettings, 1000).cells.lookback; // => 365
 */
export function reportIndexStrategy(
  definition: IndexDefinition,
  tokens: readonly string[],
  marketCaps: ArrayLike<number>,
  settings: ReportSettings,
  rows: number
): ReportIndexStrategy {
  const feeBps = readNumber(settings.feeBps, "Fee (bp)", "a fee in basis points such as 10", {
    min: 0,
    max: 1000,
  });
  const clauses = clausesOf(definition, settings);
  const adaptive = clauses.length > 0;
  const cashRate = adaptive
    ? readRate(settings.cashRate)
    : settings.cashRate.trim() === ""
      ? undefined
      : readRate(settings.cashRate);
  const weighting = definition.weighting;
  let base: ArrayLike<number> | ReturnType<typeof schemeRule>;
  let method: string | undefined;
  let window = 0;
  let tiers: string[] | undefined;
  switch (weighting.method) {
    case "equal":
      base = new Array<number>(tokens.length).fill(1 / tokens.length);
      break;
    case "marketcap":
      base = cappedMarketCapWeights(capsOf(definition, tokens, marketCaps), { cap: weighting.cap });
      break;
    case "tiered": {
      const caps = capsOf(definition, tokens, marketCaps);
      base = tieredWeights(caps, weighting.budgets, {
        breaks: weighting.breaks,
        within: weighting.within,
      });
      tiers = tierLabels(caps, { breaks: weighting.breaks });
      break;
    }
    default:
      method = weighting.method;
      window = weighting.windowDays;
      base = schemeRule(weighting.method, "sample");
  }
  if (window + 1 >= rows) {
    throw new PaneError(
      `${definition.name} estimates its weights on ${window} days of returns, but the Prices table has ${rows} days; ` +
        "build the index with a longer history (Index tab) or choose another index."
    );
  }
  const weightsOrMethod = method ?? Array.from(base as ArrayLike<number>);
  if (!adaptive) {
    return {
      strategy: {
        name: definition.name,
        rule: base,
        lookback: window,
        ...(cashRate === undefined ? {} : { cashRate }),
      },
      feeBps,
      adaptiveText: "",
      cells: {
        weightsOrMethod,
        lookback: method === undefined ? null : window,
        adaptive: null,
        cashRate: cashRate ?? null,
      },
    };
  }
  const estimationRows = method === undefined ? FIXED_BASE_ESTIMATION_ROWS : window;
  const text = clauses.map((c) => c.text).join("; ");
  const rule = composeAdaptiveRule(
    method === undefined ? base : trailingWindow(base as ReturnType<typeof schemeRule>, window),
    clauses.map((c) =>
      c.kind === "momentum" && c.tiers === undefined && tiers !== undefined ? { ...c, tiers } : c
    ),
    { periodsPerYear: PERIODS_PER_YEAR, estimationRows, argument: "Rule" }
  );
  const lookback = Math.max(window, rule.minLookback);
  if (lookback + SIGNAL_LAG + 2 >= rows) {
    throw new PaneError(
      `The rule "${text}" needs ${lookback + 1} days of prices before its first signal, but the Prices table has ${rows} days; ` +
        "shorten the trend window, or build the index with a longer history (Index tab)."
    );
  }
  return {
    strategy: { name: definition.name, rule, lookback, signalLag: SIGNAL_LAG, cashRate },
    feeBps,
    adaptiveText: text,
    cells: {
      weightsOrMethod,
      lookback: method === undefined ? null : window,
      adaptive: text,
      cashRate: cashRate ?? 0,
    },
  };
}

/** The definition's clauses with the fields' trend window and volatility target applied. */
function clausesOf(definition: IndexDefinition, settings: ReportSettings): AdaptiveClause[] {
  const clauses: AdaptiveClause[] = [...(definition.adaptive?.clauses ?? [])];
  const replace = (kind: AdaptiveClause["kind"], clause: AdaptiveClause) => {
    const at = clauses.findIndex((c) => c.kind === kind);
    if (at >= 0) clauses[at] = clause;
    else clauses.push(clause);
  };
  if (settings.trendWindow.trim() !== "") {
    const days = readNumber(
      settings.trendWindow,
      "Trend window",
      "a whole number of days such as 200",
      {
        min: 2,
        integer: true,
      }
    );
    const old = clauses.find((c) => c.kind === "trend");
    replace("trend", {
      ...(old?.kind === "trend" ? old : {}),
      kind: "trend",
      text: `trend ${days}`,
      window: days,
    });
  }
  if (settings.volTarget.trim() !== "") {
    // Not checked here: a target ≤ 0 is refused by the core rule, with its message.
    const target = readFraction(
      settings.volTarget,
      "Volatility target",
      "a fraction such as 0.6 or 60%"
    );
    const old = clauses.find((c) => c.kind === "voltarget");
    replace("voltarget", {
      ...(old?.kind === "voltarget" ? old : {}),
      kind: "voltarget",
      text: `voltarget ${target}`,
      target,
    });
  }
  return clauses;
}

function capsOf(
  definition: IndexDefinition,
  tokens: readonly string[],
  marketCaps: ArrayLike<number>
): Float64Array {
  const caps = Float64Array.from(marketCaps);
  const missing = tokens.filter((_, j) => !(caps[j] > 0 && Number.isFinite(caps[j])));
  if (missing.length > 0) {
    throw new PaneError(
      `${definition.name} weights by market cap, and the Constituents table has no market cap for ${missing.join(", ")}; ` +
        "rebuild the index (Index tab) or choose an equal-weight or risk-based index."
    );
  }
  return caps;
}

/** A number as typed: "0.6", "0,6", "60%" (percent divided by 100). */
function parseTyped(text: string): number {
  const trimmed = text.trim().replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(trimmed)) return NaN;
  return trimmed.endsWith("%") ? Number(trimmed.slice(0, -1)) / 100 : Number(trimmed);
}

function readFraction(text: string, field: string, expected: string): number {
  const value = parseTyped(text);
  if (!Number.isFinite(value)) throw new PaneError(`${field} must be ${expected}; got "${text}".`);
  return value;
}

function readRate(text: string): number {
  if (text.trim() === "") return 0;
  const value = parseTyped(text);
  if (!Number.isFinite(value) || value <= -1 || value > 10) {
    throw new PaneError(
      `Cash rate must be an annual rate as a number, such as 0.04 or 4% for 4 % a year; got "${text}".`
    );
  }
  return value;
}

function readNumber(
  text: string,
  field: string,
  expected: string,
  limits: { min: number; max?: number; integer?: boolean }
): number {
  if (text.trim() === "") return 0;
  const value = parseTyped(text);
  if (
    !Number.isFinite(value) ||
    value < limits.min ||
    (limits.max !== undefined && value > limits.max) ||
    (limits.integer === true && !Number.isInteger(value))
  ) {
    throw new PaneError(`${field} must be ${expected}; got "${text}".`);
  }
  return value;
}
