import { buyAndHold } from "../core/backtest/buyAndHold";
import { singleAsset } from "../core/backtest/singleAsset";
import { CoreError, isCoreError } from "../core/errors";
import { discreteAllocation } from "../core/rebalance/discreteAllocation";
import { rebalanceTrades } from "../core/rebalance/rebalanceTrades";
import { returnsFromPrices } from "../core/returns/returnsFromPrices";
import { seriesStatistics } from "../core/stats/seriesStatistics";
import type { PricePanel } from "../core/types";
import { excelBoundary, excelBoundaryAsync, unwrap } from "./boundary";
import { metricCell, resolveBenchmark } from "./common";
import { isBlankCell, isOmitted } from "./parse/cell";
import { dayNumbers, excelSerial } from "./parse/dates";
import { parseChoice } from "./parse/options";
import { parseAnnualRate, parseNumber, parsePeriodsPerYear } from "./parse/scalars";
import { toGrid } from "./parse/vector";
import { MAX_NUMBER_BYTES, cellUpperBound, declarePayloadBound } from "./payloadSize";
import { type PricesArgument, readPrices, usingPrices } from "./prices";
import { type SpillCell, finiteCell, spillTable } from "./spill";
import { readWeights } from "./weights";
import { inBackground, runsInBackground } from "./worker/backgroundPool";
import {
  type AdaptiveClause,
  type AdaptiveSpec,
  BACKTEST_RULES,
  type BacktestBase,
  type BacktestRuleName,
  adaptiveBase,
  adaptiveRuleFor,
} from "./worker/backtestRules";
import { type BacktestJob, type BacktestJobResult, backtestJob } from "./worker/jobs";
import { estimateBacktestMs } from "./worker/workEstimate";

/** Latest prices: a row or column of prices, or the last row of a price range (dates down). */
function readCurrentPrices(
  range: unknown,
  labels: readonly string[] | undefined
): { prices: Float64Array; labels: readonly string[] } {
  const read = readPrices(range, "keep", "prices", ["keep"]);
  const { panel } = read;
  // A single row (or the last row of a history) holds the current prices; a single column
  // matching the asset count is a vertical list of prices.
  if (panel.rows > 1 && panel.cols === 1 && labels !== undefined && panel.rows === labels.length) {
    return { prices: Float64Array.from(panel.data), labels };
  }
  const last = panel.rows - 1;
  const prices = Float64Array.from(
    { length: panel.cols },
    (_, j) => panel.data[j * panel.rows + last]
  );
  return { prices, labels: read.hasHeader ? panel.labels : (labels ?? panel.labels) };
}

function parseFeeBps(value: unknown): number {
  return unwrap(
    parseNumber(value, "feeBps", 0, {
      min: 0,
      max: 1000,
      expected: "a fee in basis points from 0 to 1,000, e.g. 10 for 0.1 %",
    })
  );
}

/**
 * Suggested trades to bring holdings back to target weights: only assets outside their no-trade
 * band trade (back to target), trades smaller than minTrade are dropped, fees come out of cash.
 * @customfunction REBALANCE
 * @helpurl https://localhost:3000/help.html#rebalance
 * @param holdings Units held per asset: a row or column in the assets' order, or labelled with the asset names.
 * @param prices Current prices (a row, or a price range whose last row is used), with a header row of names when holdings are labelled.
 * @param targetWeights Target weights summing to 1, in the assets' order or labelled.
 * @param [band] No-trade band in weight points, e.g. 0.05 for ±5 points (default 0: trade any drift).
 * @param [minTrade] Smallest trade worth making, in currency (default 0).
 * @param [feeBps] Fee in basis points of traded value (default 0).
 * @param [cash] Cash held, available for buying and fees (default 0).
 * @param [relativeBand] Band as a fraction of each target, e.g. 0.25 for ±25 % (the tighter of the two bands applies).
 * @returns One row per asset (value, weight, target, drift, action, trade, fee, weight after) and summary rows.
 */
export function rebalance(
  holdings: any[][],
  prices: any[][],
  targetWeights: any[][],
  band?: number,
  minTrade?: number,
  feeBps?: number,
  cash?: number,
  relativeBand?: number
): any[][] {
  return excelBoundary("REBALANCE", () => {
    const current = readCurrentPrices(prices, undefined);
    const { labels } = current;
    const units = readWeights(holdings, labels, "holdings");
    for (let i = 0; i < units.length; i++) {
      if (units[i] < 0)
        throw new CoreError(
          "INVALID_ARGUMENT",
          `holdings: ${labels[i]} has ${units[i]} units; holdings must be 0 or more`,
          { argument: "holdings" }
        );
    }
    const targets = readWeights(targetWeights, labels, "targetWeights");
    const absolute = unwrap(
      parseNumber(band, "band", 0, {
        min: 0,
        max: 1,
        expected: "a band in weight points, e.g. 0.05",
      })
    );
    const relative = isOmitted(relativeBand)
      ? undefined
      : unwrap(
          parseNumber(relativeBand, "relativeBand", 0, {
            min: 0,
            expected: "a fraction of the target, e.g. 0.25",
          })
        );
    const plan = rebalanceTrades({
      units,
      prices: current.prices,
      cash: unwrap(parseNumber(cash, "cash", 0, { min: 0, expected: "an amount of 0 or more" })),
      targets,
      band: { absolute: absolute > 0 || relative === undefined ? absolute : undefined, relative },
      minTrade: unwrap(
        parseNumber(minTrade, "minTrade", 0, { min: 0, expected: "an amount of 0 or more" })
      ),
      feeBps: parseFeeBps(feeBps),
      labels,
    });
    const header = [
      "Asset",
      "Units",
      "Price",
      "Value",
      "Weight",
      "Target",
      "Drift",
      "Action",
      "Trade units",
      "Trade value",
      "Fee",
      "Weight after",
    ];
    const rows: Array<Array<number | string>> = labels.map((label, i) => [
      label,
      units[i],
      Number.isFinite(current.prices[i]) ? current.prices[i] : "",
      plan.value[i],
      plan.weight[i],
      plan.target[i],
      plan.drift[i],
      plan.action[i],
      plan.tradeUnits[i],
      plan.tradeValue[i],
      plan.fee[i],
      plan.weightAfter[i],
    ]);
    const t = plan.totals;
    const summary: Array<[string, number]> = [
      ["Portfolio value", t.portfolioValue],
      ["Turnover", t.turnover],
      ["Fees", t.fees],
      ["Cash after", t.cashAfter],
      ["Largest drift before", t.driftBefore],
      ["Largest drift after", t.driftAfter],
    ];
    const pad = (name: string, value: number) => [
      name,
      value,
      ...new Array<string>(header.length - 2).fill(""),
    ];
    return spillTable(
      header,
      [...rows, ...summary.map(([name, value]) => pad(name, value))],
      (r) => `row ${r + 1} is undefined`
    );
  });
}

/**
 * Whole units (or lots) to buy for a budget so the portfolio matches target weights as closely as
 * possible (greedy, as PyPortfolioOpt's DiscreteAllocation), and the cash left over.
 * @customfunction DISCRETE
 * @helpurl https://localhost:3000/help.html#discrete
 * @param weights Target weights, in the assets' order or labelled.
 * @param prices Current prices (a row, or a price range whose last row is used), with a header row of names.
 * @param budget Cash to invest.
 * @param [lot] Smallest tradable quantity, e.g. 1 (default) or 0.001 for fractional tokens.
 * @returns One row per asset (units, value, weight achieved, target) and the cash left.
 */
export function discrete(weights: any[][], prices: any[][], budget: number, lot?: number): any[][] {
  return excelBoundary("DISCRETE", () => {
    const current = readCurrentPrices(prices, undefined);
    const targets = readWeights(weights, current.labels);
    const amount = unwrap(
      parseNumber(budget, "budget", NaN, { min: 0, aboveMin: true, expected: "an amount above 0" })
    );
    if (Number.isNaN(amount))
      throw new CoreError("INVALID_ARGUMENT", "budget is empty; give the cash to invest", {
        argument: "budget",
      });
    const size = unwrap(
      parseNumber(lot, "lot", 1, {
        min: 0,
        aboveMin: true,
        expected: "a quantity above 0, e.g. 1 or 0.001",
      })
    );
    const result = discreteAllocation(targets, current.prices, amount, size, current.labels);
    const rows: Array<Array<number | string>> = current.labels.map((label, i) => [
      label,
      result.units[i],
      result.values[i],
      result.values[i] / amount,
      targets[i],
    ]);
    rows.push(["Cash left", "", result.cashLeft, result.cashLeft / amount, ""]);
    return spillTable(["Asset", "Units", "Value", "Weight", "Target"], rows, () => "undefined");
  });
}

/**
 * Backtest of a rebalanced portfolio: fixed weights, or a scheme (erc, invvol, hrp, minvar, maxdiv,
 * equal) re-estimated on a trailing window at each rebalance, rebalanced on a calendar or when a
 * weight leaves its band, with fees, optionally under an adaptive rule (volatility target, trend
 * filter, regime switch, momentum tilt) with the rest in cash; beside buy-and-hold of the same starting weights and
 * the benchmark (first column, e.g. BTC) alone.
 * @customfunction BACKTEST
 * @helpurl https://localhost:3000/help.html#backtest
 * @param prices Prices: dates down (oldest first), assets across, header row of names; a first column headed "Date" dates the calendar (without it, rows are consecutive days).
 * @param weightsOrMethod Fixed target weights (in the assets' order or labelled), or a method re-estimated at each rebalance: "erc", "invvol", "hrp", "minvar", "maxdiv" or "equal".
 * @param [rebalance] "monthly" (default), "none", "daily", "weekly", "quarterly" or "band".
 * @param [band] For "band": rebalance when any weight drifts more than this many weight points from target (default 0.05).
 * @param [feeBps] Fee in basis points of traded value (default 0).
 * @param [lookback] Rows of returns a method sees at each rebalance (default 90); the backtest starts after it.
 * @param [output] "equity" (default): dated equity curves; "stats": statistics of the three; "weights": the weights set at each rebalance.
 * @param [ppy] Periods per year for the statistics: 365 (default), 252, 52 or 12 (also annualises voltarget's estimate).
 * @param [adaptive] An adaptive rule on top of weightsOrMethod, as text (lower-case words, ";" between rules, applied in order): "voltarget <target> [window] [sample|ewma]", "trend <window> [sma|momentum] [cash|holdings]", "regime <volatility|correlation> [quantile] [history] [cash|minvar]", "momentum <window> [strength]" (all assets one tier), e.g. "trend 200; voltarget 0.6". Signals trade the next day; lookback is raised to what the rule needs.
 * @param [cashRate] Annual rate earned by the cash part (weights may then sum to less than 1), e.g. 0.04 (default 0).
 * @param invocation Excel's invocation: a cancel (new inputs) abandons a background computation.
 * @returns Equity curves (starting at 1), a statistics table, or the weights at each rebalance.
 * @cancelable
 */
export async function backtest(
  prices: any[][],
  weightsOrMethod: any,
  rebalance?: string,
  band?: number,
  feeBps?: number,
  lookback?: number,
  output?: string,
  ppy?: number,
  adaptive?: any,
  cashRate?: number,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return excelBoundaryAsync("BACKTEST", async () => {
    const prepared = usingPrices(prices, null, (read) => {
      const call = readBacktestCall(
        read,
        weightsOrMethod,
        rebalance,
        band,
        feeBps,
        lookback,
        output,
        ppy,
        adaptive,
        cashRate
      );
      if (!runsInBackground(call.estimatedMs)) return spillBacktest(call, backtestJob(call.job));
      // The prices live in the shared scratch array, reused once this callback returns: the
      // worker and the spill after it get their own copy.
      const panel = call.job.prices;
      return {
        ...call,
        job: { ...call.job, prices: { ...panel, data: Float64Array.from(panel.data) } },
      };
    });
    if (Array.isArray(prepared)) return prepared;
    // A scheme re-estimated at every rebalance on many assets runs in the background worker.
    const result = await inBackground("backtest", prepared.job, {
      functionName: "BACKTEST",
      estimatedMs: prepared.estimatedMs,
      invocation,
    });
    return spillBacktest(prepared, result);
  });
}

/** BACKTEST's arguments as read: the job, and what the spill needs besides its result. */
interface BacktestCall {
  readonly job: BacktestJob;
  readonly what: "equity" | "stats" | "weights";
  readonly periodsPerYear: number;
  /** The date cells of the prices' Date column, when it has one. */
  readonly dates: unknown[] | undefined;
  readonly estimatedMs: number;
}

/** Calendar rebalances per price row (rows are days), to estimate a re-estimated backtest's work. */
const REBALANCES_PER_ROW = {
  none: 0,
  daily: 1,
  weekly: 1 / 7,
  monthly: 1 / 30,
  quarterly: 1 / 91,
  band: 1 / 7,
};

/** Reads BACKTEST's arguments (in the order and with the messages it always had) into a job. */
function readBacktestCall(
  read: PricesArgument,
  weightsOrMethod: unknown,
  rebalance: unknown,
  band: unknown,
  feeBps: unknown,
  lookback: unknown,
  output: unknown,
  ppy: unknown,
  adaptive: unknown,
  cashRate: unknown
): BacktestCall {
  const panel: PricePanel = read.panel;
  const { labels } = panel;
  const schedule = unwrap(
    parseChoice(
      rebalance,
      "rebalance",
      ["monthly", "none", "daily", "weekly", "quarterly", "band"] as const,
      "monthly"
    )
  );
  const what = unwrap(
    parseChoice(output, "output", ["equity", "stats", "weights"] as const, "equity")
  );
  const fee = parseFeeBps(feeBps);
  const periodsPerYear = unwrap(parsePeriodsPerYear(ppy));
  const grid = toGrid(weightsOrMethod);
  const isMethod =
    grid.length === 1 &&
    grid[0].length === 1 &&
    typeof grid[0][0] === "string" &&
    BACKTEST_RULES.includes(grid[0][0].trim().toLowerCase() as BacktestRuleName);
  if (
    isOmitted(weightsOrMethod) ||
    (grid.length === 1 && grid[0].length === 1 && typeof grid[0][0] === "string" && !isMethod)
  ) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `weightsOrMethod must be weights (one per asset) or one of "erc", "invvol", "hrp", "minvar", "maxdiv", "equal"; got ${isOmitted(weightsOrMethod) ? "nothing" : `"${String(grid[0][0])}"`}`,
      { argument: "weightsOrMethod" }
    );
  }
  const rule: BacktestBase = isMethod
    ? { scheme: String(grid[0][0]).trim().toLowerCase() as BacktestRuleName }
    : { weights: readWeights(weightsOrMethod, labels, "weightsOrMethod") };
  const window = unwrap(
    parseNumber(lookback, "lookback", isMethod ? 90 : 0, {
      min: isMethod ? 2 : 0,
      integer: true,
      expected: "a whole number of rows",
    })
  );
  const days = dayNumbers(read.dates, panel.rows, read.hasHeader ? 2 : 1);
  const halfWidth = unwrap(
    parseNumber(band, "band", 0.05, {
      min: 0,
      max: 1,
      aboveMin: true,
      expected: "a band in weight points, e.g. 0.05",
    })
  );
  const clauses = readAdaptive(adaptive);
  // A cash sleeve only when asked for (or needed by an adaptive rule): without one the backtest
  // runs exactly as it always did, weights summing to 1.
  const rate = isOmitted(cashRate)
    ? clauses === undefined
      ? undefined
      : 0
    : unwrap(parseAnnualRate(cashRate, "cashRate"));
  let spec: AdaptiveSpec | undefined;
  let rows = window;
  if (clauses !== undefined) {
    spec = {
      clauses,
      periodsPerYear,
      // A scheme keeps its own window (lookback, 90 by default); "minvar" under fixed weights too.
      estimationRows: isMethod || window >= 2 ? window : 90,
    };
    // Built here too, though the job rebuilds it, so a bad option fails before any work starts
    // and the backtest's lookback can be raised to what the rule needs.
    const built = adaptiveRuleFor(adaptiveBase(rule, spec.estimationRows), spec);
    if (built.minLookback + SIGNAL_LAG >= panel.rows) {
      throw new CoreError(
        "TOO_FEW_POINTS",
        `adaptive: "${clauses.map((c) => c.text).join("; ")}" needs ${built.minLookback} rows of returns before its first signal (it trades the day after), but prices has ${panel.rows} rows; shorten the rule's window or history, or give more price history`,
        { argument: "adaptive" }
      );
    }
    rows = Math.max(window, built.minLookback);
  }
  const isRule = isMethod || spec !== undefined;
  const rebalances = isRule ? 1 + panel.rows * REBALANCES_PER_ROW[schedule] : 0;
  return {
    job: {
      prices: panel,
      dates: days,
      rule,
      rebalance: schedule === "band" ? { band: halfWidth } : schedule,
      lookback: rows,
      feeBps: fee,
      ...(rate === undefined ? {} : { cashRate: rate }),
      ...(spec === undefined ? {} : { adaptive: spec, signalLag: SIGNAL_LAG }),
    },
    what,
    periodsPerYear,
    dates: read.dates,
    estimatedMs:
      estimateBacktestMs(panel.rows, panel.cols, rebalances, rows) +
      rebalances * adaptiveCallMs(clauses, panel.cols),
  };
}

/**
 * Pairs × rows per millisecond of the correlation regime indicator (rolling sums over pairs,
 * m + H rows): measured about 8 ms for 60 assets × 229 rows in Node, 20× slower than the Gram.
 */
const REGIME_PAIR_ROWS_PER_MS = 5e4;

/**
 * Estimated milliseconds of one call of the adaptive clauses beyond the base's: the correlation
 * regime's O((m + H) · cols²) dominates; the other clauses are O(window · cols), negligible.
 */
function adaptiveCallMs(clauses: readonly AdaptiveClause[] | undefined, cols: number): number {
  let ms = 0;
  for (const clause of clauses ?? []) {
    if (clause.kind === "regime" && clause.indicator === "correlation") {
      const span = (clause.history ?? 365) + 29;
      ms += (((cols * (cols - 1)) / 2) * span) / REGIME_PAIR_ROWS_PER_MS;
    }
  }
  return ms;
}

/** An adaptive rule's signal on day t trades at day t+1's close: no look-ahead. */
const SIGNAL_LAG = 1;

const ADAPTIVE_USAGE =
  'use "voltarget <target> [window] [sample|ewma]", "trend <window> [sma|momentum] [cash|holdings]", "regime <volatility|correlation> [quantile] [history] [cash|minvar]" or "momentum <window> [strength]", with ";" between rules, e.g. "trend 200; voltarget 0.6"';

/** A number as typed in a rule: 0.6, 200, "60%". */
const NUMBER_WORD = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i;

/**
 * BACKTEST's `adaptive` argument read into clauses: one text (rules separated by ";") or a range
 * of such texts, words case-insensitive, numbers as typed ("60%" is 0.6). Blank (or 0, Excel
 * desktop's empty cell): no adaptive rule.
 * Option values are checked by the core rules (adaptiveRuleFor names the clause in the message).
 */
function readAdaptive(value: unknown): AdaptiveClause[] | undefined {
  if (isOmitted(value)) return undefined;
  const texts: string[] = [];
  for (const row of toGrid(value)) {
    for (const cell of row) {
      // Excel desktop passes an empty referenced cell as 0: no rule is the number 0.
      if (isBlankCell(cell as never) || cell === 0) continue;
      if (typeof cell !== "string") {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `adaptive must be text naming a rule; got ${typeof cell === "number" ? cell : "a non-text cell"}; ${ADAPTIVE_USAGE}`,
          { argument: "adaptive" }
        );
      }
      texts.push(...cell.split(";"));
    }
  }
  const clauses = texts
    .map((text) => text.trim().replace(/\s+/g, " "))
    .filter((text) => text !== "")
    .map(readClause);
  return clauses.length === 0 ? undefined : clauses;
}

function readClause(text: string): AdaptiveClause {
  const [keyword, ...rest] = text.toLowerCase().split(/[\s,]+/);
  const numbers: number[] = [];
  const words: string[] = [];
  for (const token of rest) {
    if (NUMBER_WORD.test(token)) {
      numbers.push(token.endsWith("%") ? Number(token.slice(0, -1)) / 100 : Number(token));
    } else words.push(token);
  }
  const fail = (problem: string, usage: string): never => {
    throw new CoreError("INVALID_ARGUMENT", `adaptive: "${text}": ${problem}; ${usage}`, {
      argument: "adaptive",
    });
  };
  /** The one word of `choices` among the words (undefined if none), refusing two of them. */
  const pick = <T extends string>(choices: readonly T[], usage: string): T | undefined => {
    const found = words.filter((w) => (choices as readonly string[]).includes(w));
    if (found.length > 1) fail(`give one of ${choices.join(" or ")}, not both`, usage);
    return found[0] as T | undefined;
  };
  const check = (allowed: readonly string[], maxNumbers: number, usage: string): void => {
    const unknown = words.find((w) => !allowed.includes(w));
    if (unknown !== undefined) fail(`"${unknown}" is not an option of ${keyword}`, usage);
    if (numbers.length > maxNumbers)
      fail(`${keyword} takes at most ${maxNumbers} number${maxNumbers > 1 ? "s" : ""}`, usage);
  };
  switch (keyword) {
    case "voltarget": {
      const usage = 'write "voltarget <target> [window] [sample|ewma]", e.g. "voltarget 0.6 30"';
      check(["sample", "ewma"], 2, usage);
      if (numbers.length === 0)
        fail("give the target annual volatility as a fraction, e.g. 0.6 for 60 %", usage);
      return {
        kind: "voltarget",
        text,
        target: numbers[0],
        window: numbers[1],
        estimator: pick(["sample", "ewma"] as const, usage),
      };
    }
    case "trend": {
      const usage =
        'write "trend <window> [sma|momentum] [cash|holdings]", e.g. "trend 200" or "trend 90 momentum holdings"';
      check(["sma", "momentum", "cash", "holdings"], 1, usage);
      return {
        kind: "trend",
        text,
        window: numbers[0],
        signal: pick(["sma", "momentum"] as const, usage),
        freed: pick(["cash", "holdings"] as const, usage),
      };
    }
    case "regime": {
      const usage =
        'write "regime <volatility|correlation> [quantile] [history] [cash|minvar]", e.g. "regime volatility 0.8 365 minvar"';
      check(["volatility", "correlation", "cash", "minvar"], 2, usage);
      return {
        kind: "regime",
        text,
        indicator: pick(["volatility", "correlation"] as const, usage) ?? "volatility",
        quantile: numbers[0],
        history: numbers[1],
        stressed: pick(["cash", "minvar"] as const, usage) ?? "cash",
      };
    }
    case "momentum": {
      // BACKTEST has no tiers input: all assets rank as one tier (composeAdaptiveRule).
      const usage =
        'write "momentum <window> [strength]", e.g. "momentum 90 0.5" (all assets ranked as one tier)';
      check([], 2, usage);
      return { kind: "momentum", text, window: numbers[0], strength: numbers[1] };
    }
    default:
      return fail(`"${keyword}" is not a rule`, ADAPTIVE_USAGE);
  }
}

/**
 * BACKTEST's spill from the backtest result: the equity curves beside buy-and-hold of the same
 * starting weights and the benchmark alone, their statistics, or the weights at each rebalance.
 */
function spillBacktest(call: BacktestCall, result: BacktestJobResult): SpillCell[][] {
  const { what, periodsPerYear } = call;
  const panel = call.job.prices;
  const days = call.job.dates;
  const { labels } = panel;
  const read = { dates: call.dates };
  const start = result.startRow;
  const startWeights = result.weights[0];
  // With a cash sleeve the job holds the base itself (its weights may sum below 1, the rest cash).
  const hold = result.hold ?? buyAndHold(panel, startWeights, { startRow: start });
  const benchmarkColumn = resolveBenchmark(null, labels);
  let benchmark: Float64Array | CoreError;
  try {
    benchmark = singleAsset(panel, benchmarkColumn, { startRow: start });
  } catch (error) {
    if (!isCoreError(error)) throw error;
    benchmark = error;
  }
  const when = (t: number): SpillCell => (read.dates === undefined ? t + 1 : excelSerial(days[t]));
  if (what === "weights") {
    // With a cash sleeve the weights may sum below 1: a Cash column shows the rest.
    const sleeve = call.job.cashRate !== undefined;
    // Rounding of a fully invested target (1 − Σw ≈ 1e-16) shows as 0, not as dust.
    const cashOf = (w: Float64Array) => {
      const rest = 1 - w.reduce((a, b) => a + b, 0);
      return rest > 1e-12 ? rest : 0;
    };
    return spillTable(
      [read.dates === undefined ? "Row" : "Date", ...labels, ...(sleeve ? ["Cash"] : [])],
      Array.from(result.rebalanceRows, (t, k) => [
        when(t) as number,
        ...Array.from(result.weights[k]),
        ...(sleeve ? [cashOf(result.weights[k])] : []),
      ]),
      () => "undefined"
    );
  }
  const benchName = `${labels[benchmarkColumn]} only`;
  if (what === "equity") {
    const dated = read.dates !== undefined;
    // Sized up front and filled by index, finite values passed without a call: the spill is
    // BACKTEST's largest cost outside the core after the parse (one row per day).
    const out = new Array<SpillCell[]>(panel.rows - start + 1);
    const header = [dated ? "Date" : "Row", "Portfolio", "Buy and hold", benchName];
    out[0] = header;
    // A benchmark without a curve shows one error cell, made once rather than per row.
    const benchmarkCurve = isCoreError(benchmark) ? undefined : benchmark;
    const noBenchmark = isCoreError(benchmark) ? metricCell(benchmark, "") : "";
    // The spill's worst-case JSON bytes for the payload check (declarePayloadBound), summed here
    // as if every body cell were a number; a cell that is not adds its difference.
    const bodyRows = out.length - 1;
    let worstBytes = 2 * out.length + 2 + bodyRows * 4 * MAX_NUMBER_BYTES;
    for (const cell of header) worstBytes += cellUpperBound(cell);
    if (benchmarkCurve === undefined) {
      worstBytes += bodyRows * (cellUpperBound(noBenchmark) - MAX_NUMBER_BYTES);
    }
    const undefinedCell = (value: number): SpillCell => {
      const cell = finiteCell(value, "undefined");
      worstBytes += cellUpperBound(cell) - MAX_NUMBER_BYTES;
      return cell;
    };
    const { equity } = result;
    for (let t = start; t < panel.rows; t++) {
      const e = equity[t];
      const h = hold[t];
      let b: SpillCell = noBenchmark;
      if (benchmarkCurve !== undefined) {
        const x = benchmarkCurve[t];
        b = Number.isFinite(x) ? x : undefinedCell(x);
      }
      out[t - start + 1] = [
        dated ? excelSerial(days[t]) : t + 1,
        Number.isFinite(e) ? e : undefinedCell(e),
        Number.isFinite(h) ? h : undefinedCell(h),
        b,
      ];
    }
    return declarePayloadBound(out, worstBytes);
  }
  const curves: Array<[string, Float64Array | CoreError]> = [
    ["Portfolio", result.equity],
    ["Buy and hold", hold],
    [benchName, benchmark],
  ];
  const statsOf = (curve: Float64Array) => {
    const tail = curve.subarray(start);
    const equityPanel: PricePanel = {
      kind: "prices",
      rows: tail.length,
      cols: 1,
      data: Float64Array.from(tail),
      labels: ["equity"],
    };
    return seriesStatistics(returnsFromPrices(equityPanel).data, { periodsPerYear });
  };
  const computed = curves.map(([name, curve]) => {
    if (isCoreError(curve)) return { name, stats: curve };
    try {
      return { name, stats: statsOf(curve) };
    } catch (error) {
      if (!isCoreError(error)) throw error;
      return { name, stats: error };
    }
  });
  const metrics: Array<[string, (s: ReturnType<typeof seriesStatistics>) => number | CoreError]> = [
    ["CAGR", (s) => s.cagr],
    ["Annualised volatility", (s) => s.annualisedVolatility],
    ["Sharpe ratio", (s) => s.sharpeRatio],
    ["Max drawdown", (s) => s.maxDrawdown],
    ["Calmar ratio", (s) => s.calmarRatio],
  ];
  const table: SpillCell[][] = [["Metric", ...computed.map((c) => c.name)]];
  for (const [name, pick] of metrics) {
    table.push([
      name,
      ...computed.map((c) =>
        isCoreError(c.stats)
          ? metricCell(c.stats, "")
          : metricCell(pick(c.stats), `${name} is undefined`)
      ),
    ]);
  }
  table.push([
    "Final value",
    ...curves.map(([, curve]) =>
      isCoreError(curve) ? metricCell(curve, "") : finiteCell(curve[curve.length - 1], "undefined")
    ),
  ]);
  table.push(["Turnover", result.turnover, "", ""]);
  table.push(["Fees paid", result.feesPaid, "", ""]);
  table.push(["Rebalances", result.rebalanceRows.length, "", ""]);
  return table;
}
