import { CoreError } from "../errors";
import type { PricePanel, ReturnsPanel } from "../types";
import { checkWeights } from "../diversification/checkWeights";
import { rebalanceRows, type CalendarFrequency } from "./rebalanceRows";

/**
 * A weighting rule re-estimated at each rebalance: it sees only the trailing `lookback` rows of
 * returns ending at the signal row (the rebalance row, or `signalLag` rows before it; a copy, so
 * nothing later is reachable) and returns one long-only weight per asset summing to 1 — or, when
 * the backtest is given a `cashRate`, summing to at most 1, the rest held in the cash sleeve.
 * `asOfRow` is the signal row (the window's last row).
 */
export type WeightRule = (window: ReturnsPanel, asOfRow: number) => ArrayLike<number>;

/** Band-triggered rebalancing: rebalance when any asset drifts outside its band. */
export interface BandSchedule {
  /** A number is an absolute half-width (0.05 = ±5 points). */
  readonly band:
    | number
    | {
        /** Half-width in weight points, e.g. 0.05. */
        readonly absolute?: number;
        /** Half-width as a fraction of the target, e.g. 0.25. */
        readonly relative?: number;
      };
}

/** Inputs of {@link backtest}. */
export interface BacktestInput {
  /** Prices, rows = dates oldest first (see `pricePanel`); NaN before listing and after delisting. */
  readonly prices: PricePanel;
  /** Day numbers (days since 1970-01-01), one per price row, strictly increasing. */
  readonly dates: ArrayLike<number>;
  /**
   * Fixed target weights, or a rule re-estimated on a trailing window at each rebalance; summing
   * to 1, or to at most 1 when a `cashRate` is given.
   */
  readonly rule: ArrayLike<number> | WeightRule;
  /** "none", "daily", "weekly", "monthly" (default), "quarterly", or { band }. */
  readonly rebalance?: CalendarFrequency | BandSchedule;
  /** Rows of returns the rule sees; also the first investment row. Default 0 (fixed) or 90 (rule). */
  readonly lookback?: number;
  /** Proportional fee in basis points of traded value, 0–1000 (default 0). */
  readonly feeBps?: number;
  /** Starting value (default 1). */
  readonly initialCapital?: number;
  /**
   * Annual rate earned by a cash (stablecoin) sleeve, e.g. 0.04. When given (0 included), weights
   * may sum to less than 1 and the rest is held in cash; when omitted, weights must sum to 1 and
   * the engine behaves exactly as without a sleeve (idle cash earns nothing).
   */
  readonly cashRate?: number;
  /**
   * Rows between the signal and the trade (default 0): with 1, the rule called for a trade on row
   * t+1 sees returns up to row t only, so a signal on day t trades at day t+1's close. The first
   * investment row becomes lookback + signalLag.
   */
  readonly signalLag?: number;
}

/** Output of {@link backtest}. */
export interface BacktestResult {
  /** Portfolio value at each row's close, after that row's trades and fees. */
  readonly equity: Float64Array;
  /** The rows where the portfolio traded; the first is the initial investment. */
  readonly rebalanceRows: Int32Array;
  /**
   * The target applied at each rebalance row (after dropping unlisted assets); with a cash sleeve
   * it sums to the invested share and 1 − Σ is cash.
   */
  readonly weights: Float64Array[];
  /** Traded value / portfolio value at each rebalance (the first is the initial purchase). */
  readonly turnoverByRebalance: Float64Array;
  /** Σ turnover over the rebalances after the initial purchase. */
  readonly turnover: number;
  /** Total fees paid, initial purchase included, in currency. */
  readonly feesPaid: number;
  /** The first invested row (= lookback + signalLag). */
  readonly startRow: number;
}

/** Fees above 10 % of traded value are a typo (percent entered as basis points). */
const MAX_FEE_BPS = 1000;
/** Weights within 1e-12 of their band edge are on it: floating-point noise must not trade. */
const WEIGHT_TOLERANCE = 1e-12;
/** The fee fixed point contracts by the fee rate (≤ 0.1) per step; 1e-15 of value is rounding. */
const FEE_TOLERANCE = 1e-15;
const MAX_FEE_ITERATIONS = 100;
/** A rule needs some history; 90 days is a common volatility window for daily crypto data. */
const DEFAULT_RULE_LOOKBACK = 90;
/** Same forgiveness as checkWeights: a sleeve's weights may exceed 1 by rounding, not more. */
const SLEEVE_SUM_TOLERANCE = 1e-6;
/** Cash accrues by calendar days, act/365 compounding, whatever the rows' spacing. */
const DAYS_PER_YEAR = 365;
/** A rate above 1000 % a year, or at or below −100 %, is a typo (percent typed as a number). */
const MAX_CASH_RATE = 10;
const MIN_CASH_RATE = -0.99;

/**
 * Backtest of a long-only portfolio rebalanced on a calendar or when it drifts outside a band.
 *
 * Conventions (close-to-close, no look-ahead):
 * - The portfolio holds cash (equity = initial capital) until the start row s = lookback, where it
 *   invests. On a rebalance row r the rule sees the returns of price rows r−lookback … r only (a
 *   copy) and trades at row r's close. Between rebalances the units are fixed, so weights drift.
 * - Calendar schedules trade on s and on the first row of each new ISO week, month or quarter after
 *   s (see `rebalanceRows`); "daily" trades every row; "none" only at s. A band schedule checks
 *   every row after s and trades when any asset's weight differs from its target by more than
 *   min(absolute, relative·target); a rule is then re-estimated at that row.
 * - Trades go to the target (not the band edge) on the value after fees: x_i = w_i·(V − F) with
 *   F = fee·Σ|x_i − h_i|, solved by fixed-point iteration. The initial purchase pays fees too.
 * - An asset without a price on a rebalance row (not listed yet) gets weight 0 and the others are
 *   rescaled to sum to the invested share (1 without a sleeve); the band check uses the same
 *   rescaled target.
 * - Cash sleeve (with `cashRate` c): a target summing to s ≤ 1 holds (1 − s)(V − F) in cash, and
 *   cash grows by (1 + c)^(Δdays/365) from each row to the next (act/365 on the dates, so weekday
 *   data accrues over weekends too); proceeds of a delisting earn it as well. Fees are charged on
 *   the assets traded, not on cash moves. A target of all zeros is all cash. Weights that sum to
 *   1 ± 1e-6 are treated exactly as without a sleeve, so fixed weights summing to 1 give
 *   bit-identical results with or without `cashRate` 0.
 * - Signal lag (`signalLag` L): the rule for a trade on row r sees rows r−L−lookback … r−L. An asset that stops
 *   trading (trailing blanks) is sold at its last price into cash, without fee; the cash earns
 *   nothing and is invested at the next rebalance.
 * The equity curve is the input of the stats module (returns, drawdown, Sharpe); no statistics here.
 * Daily rebalancing with no fees equals the fixed-mix formula V_t = V_s·Π(1 + wᵀr_u).
 * Matches an independent numpy implementation (scripts/fixtures/backtest.py) to 1e-10.
 * Complexity: O(rows·assets) plus the rule's cost at each rebalance (each call copies
 * lookback × assets returns).
 *
 * @param input prices, dates, rule, rebalance, lookback, feeBps, initialCapital, cashRate, signalLag
 * @returns equity curve, rebalance rows and weights, turnover and fees
 * @throws CoreError LENGTH_MISMATCH (dates not one per row; weights not one per asset)
 * @throws CoreError INVALID_ARGUMENT (bad schedule, band, lookback, signalLag, feeBps, cashRate or capital; unsorted dates; weights negative or not summing to 1 — to at most 1 with a cashRate —, also when returned by the rule)
 * @throws CoreError NON_FINITE (a NaN/infinite date, weight, option, cash rate or rule output)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0 in a hand-built panel)
 * @throws CoreError TOO_FEW_POINTS (fewer than two rows, or lookback leaves no row to invest)
 * @throws CoreError INFEASIBLE (on a rebalance row no asset with a weight has a price)
 * @example backtest({ prices: pricePanel([[100, 100], [110, 90]]), dates: [0, 1], rule: [0.5, 0.5] }).equity; // => [1, 1]
 */
export function backtest(input: BacktestInput): BacktestResult {
  const { prices, dates, rule } = input;
  const { rows, cols, data } = prices;
  if (rows < 2) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `prices has ${rows} row; a backtest needs at least two rows`,
      {
        argument: "prices",
      }
    );
  }
  checkPrices(prices);
  if (dates.length !== rows) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `dates has ${dates.length} rows but prices has ${rows}; give one date per price row`,
      { argument: "dates" }
    );
  }
  const schedule = input.rebalance ?? "monthly";
  const isRule = typeof rule === "function";
  const cashRate = input.cashRate === undefined ? null : checkCashRate(input.cashRate as unknown);
  const fixed = isRule
    ? null
    : cashRate === null
      ? checkWeights(rule, cols, { labels: prices.labels, assetsOf: "prices", fullyInvested: true })
      : checkSleeveWeights(rule, cols, prices.labels, {});
  const lookback = input.lookback ?? (isRule ? DEFAULT_RULE_LOOKBACK : 0);
  if (!Number.isInteger(lookback) || lookback < (isRule ? 1 : 0)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `lookback must be a whole number of rows${isRule ? " of at least 1 for a rule" : ", 0 or more"}; got ${lookback}`,
      { argument: "lookback" }
    );
  }
  const lag = input.signalLag ?? 0;
  if (!Number.isInteger(lag) || lag < 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `signalLag must be a whole number of rows, 0 or more (1 trades a day-t signal on day t+1); got ${String(lag)}`,
      { argument: "signalLag" }
    );
  }
  if (lookback + lag >= rows) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      lag === 0
        ? `lookback ${lookback} leaves no row to invest in ${rows} rows of prices; use a shorter lookback or more history`
        : `lookback ${lookback} plus signalLag ${lag} leaves no row to invest in ${rows} rows of prices; use a shorter lookback or more history`,
      { argument: "lookback" }
    );
  }
  const feeRate = checkRange(input.feeBps ?? 0, "feeBps", 0, MAX_FEE_BPS) / 10000;
  const capital = input.initialCapital ?? 1;
  if (!Number.isFinite(capital) || capital <= 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `initialCapital must be a number above 0; got ${capital}`,
      {
        argument: "initialCapital",
      }
    );
  }
  const band = typeof schedule === "object" && schedule !== null ? bandOf(schedule) : null;
  const calendar = band === null ? (String(schedule).toLowerCase() as CalendarFrequency) : "none";
  // Validates the dates (sorted whole days) for every schedule, and finds the calendar rows.
  const scheduled = new Uint8Array(rows);
  for (const r of rebalanceRows(dates, calendar)) scheduled[r] = 1;

  const start = lookback + lag;
  const equity = new Float64Array(rows);
  equity.fill(capital, 0, start);
  const units = new Float64Array(cols);
  const holding = new Float64Array(cols);
  const target = new Float64Array(cols);
  let raw: Float64Array = fixed ?? new Float64Array(cols);
  // The invested share of `raw`: exactly 1 unless a sleeve target sums to less.
  let invested = fixed === null ? 1 : investedShare(fixed);
  let cash = capital;
  const tradeRows: number[] = [];
  const applied: Float64Array[] = [];
  const turnovers: number[] = [];
  let feesPaid = 0;

  for (let t = start; t < rows; t++) {
    if (cashRate !== null && t > start && cash > 0)
      cash *= Math.pow(1 + cashRate, (dates[t] - dates[t - 1]) / DAYS_PER_YEAR);
    let value = cash;
    for (let j = 0; j < cols; j++) {
      const p = data[j * rows + t];
      if (units[j] > 0 && Number.isNaN(p)) {
        // Delisted (or data ends): sold at the last price, the proceeds wait in cash.
        cash += units[j] * data[j * rows + t - 1];
        value += units[j] * data[j * rows + t - 1];
        units[j] = 0;
      }
      holding[j] = units[j] > 0 ? units[j] * p : 0;
      value += holding[j];
    }
    let trade = t === start || scheduled[t] === 1;
    if (!trade && band !== null) {
      listedTarget(raw, invested, data, rows, t, target);
      for (let j = 0; j < cols && !trade; j++) {
        const halfWidth = Math.min(
          band.absolute,
          band.relative === Infinity ? Infinity : band.relative * target[j]
        );
        const width = halfWidth === Infinity ? 0 : halfWidth;
        if (Math.abs(holding[j] / value - target[j]) > width + WEIGHT_TOLERANCE) trade = true;
      }
    }
    if (trade) {
      if (fixed === null) {
        raw = callRule(rule as WeightRule, prices, t - lag, lookback, cashRate !== null);
        invested = investedShare(raw);
      }
      if (!listedTarget(raw, invested, data, rows, t, target)) {
        throw new CoreError(
          "INFEASIBLE",
          `on row ${t + 1} (day ${dates[t]}) no asset with a weight has a price; start later (lookback) or weight listed assets`,
          { argument: fixed === null ? "rule" : "weights", row: t }
        );
      }
      const fee = solveFee(target, holding, value, feeRate);
      let traded = 0;
      for (let j = 0; j < cols; j++) {
        const x = target[j] * (value - fee);
        traded += Math.abs(x - holding[j]);
        const p = data[j * rows + t];
        units[j] = x > 0 ? x / p : 0;
      }
      // Without a sleeve (invested exactly 1) cash is exactly 0, as it always was.
      cash = invested < 1 ? (1 - invested) * (value - fee) : 0;
      feesPaid += fee;
      tradeRows.push(t);
      applied.push(target.slice());
      turnovers.push(traded / value);
      value -= fee;
    }
    equity[t] = value;
  }
  let turnover = 0;
  for (let k = 1; k < turnovers.length; k++) turnover += turnovers[k];
  return {
    equity,
    rebalanceRows: Int32Array.from(tradeRows),
    weights: applied,
    turnoverByRebalance: Float64Array.from(turnovers),
    turnover,
    feesPaid,
    startRow: start,
  };
}

/**
 * Rescales `raw` over the assets priced at row t into `out`, to sum to `invested`; false when
 * some share is to be invested but no priced asset has weight. (× invested is exact for 1.)
 */
function listedTarget(
  raw: Float64Array,
  invested: number,
  data: Float64Array,
  rows: number,
  t: number,
  out: Float64Array
): boolean {
  let sum = 0;
  for (let j = 0; j < raw.length; j++) {
    out[j] = Number.isNaN(data[j * rows + t]) ? 0 : raw[j];
    sum += out[j];
  }
  if (invested === 0) return true;
  if (sum <= 0) return false;
  for (let j = 0; j < raw.length; j++) out[j] = (out[j] / sum) * invested;
  return true;
}

/** Σ weights, or exactly 1 for a target checkWeights rescaled to sum to 1 (see checkSleeveWeights). */
function investedShare(weights: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < weights.length; j++) sum += weights[j];
  return Math.abs(sum - 1) <= SLEEVE_SUM_TOLERANCE ? 1 : sum;
}

/**
 * Long-only weights summing to at most 1 (+1e-6); a sum within 1e-6 of 1 is rescaled to exactly 1
 * by checkWeights, so such a target takes the engine's no-sleeve path bit for bit.
 */
function checkSleeveWeights(
  weights: ArrayLike<number>,
  cols: number,
  labels: readonly string[],
  context: { argument?: string; where?: string }
): Float64Array {
  const argument = context.argument ?? "weights";
  const options = { ...context, labels, assetsOf: "prices" };
  const checked = checkWeights(weights, cols, options);
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    if (checked[j] < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${context.where ? `${argument} ${context.where}` : argument}: ${labels[j]} is ${checked[j]}; weights must be 0 or more (long only)`,
        { argument, row: j, column: j, label: labels[j] }
      );
    }
    sum += checked[j];
  }
  if (Math.abs(sum - 1) <= SLEEVE_SUM_TOLERANCE)
    return checkWeights(weights, cols, { ...options, fullyInvested: true });
  if (sum > 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${context.where ? `${argument} ${context.where}` : argument} sum to ${sum}; with a cash sleeve weights must sum to at most 1 (the rest is cash)`,
      { argument }
    );
  }
  return checked;
}

/** The sleeve's annual rate: a finite number above −99 % and at most 1000 %. */
function checkCashRate(rate: unknown): number {
  if (typeof rate !== "number") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `cashRate must be an annual rate as a number, such as 0.04 for 4 %; got ${typeof rate === "string" ? `"${rate}"` : String(rate)}`,
      { argument: "cashRate" }
    );
  }
  if (!Number.isFinite(rate)) {
    throw new CoreError(
      "NON_FINITE",
      `cashRate is ${rate}; give a finite annual rate such as 0.04 for 4 %`,
      { argument: "cashRate" }
    );
  }
  return checkRange(rate, "cashRate", MIN_CASH_RATE, MAX_CASH_RATE);
}

/** F = fee·Σ|w_i(V − F) − h_i|, a contraction in F with factor ≤ fee rate. */
function solveFee(
  target: Float64Array,
  holding: Float64Array,
  value: number,
  feeRate: number
): number {
  if (feeRate === 0) return 0;
  let fee = 0;
  for (let k = 0; k < MAX_FEE_ITERATIONS; k++) {
    let traded = 0;
    for (let j = 0; j < target.length; j++)
      traded += Math.abs(target[j] * (value - fee) - holding[j]);
    const next = feeRate * traded;
    const settled = Math.abs(next - fee) <= FEE_TOLERANCE * value;
    fee = next;
    if (settled) break;
  }
  return fee;
}

/** The rule's weights for row t, from a copy of the trailing window (the rule cannot see later rows). */
function callRule(
  rule: WeightRule,
  prices: PricePanel,
  t: number,
  lookback: number,
  sleeve: boolean
): Float64Array {
  const { rows, cols, data } = prices;
  const window = new Float64Array(lookback * cols);
  for (let j = 0; j < cols; j++) {
    const base = j * rows;
    for (let k = 0; k < lookback; k++) {
      const u = t - lookback + k + 1;
      window[j * lookback + k] = data[base + u] / data[base + u - 1] - 1;
    }
  }
  const panel: ReturnsPanel = {
    kind: "returns",
    rows: lookback,
    cols,
    data: window,
    labels: prices.labels,
  };
  const weights = rule(panel, t);
  if (sleeve)
    return checkSleeveWeights(weights, cols, prices.labels, {
      argument: "rule",
      where: `(weights returned for row ${t + 1})`,
    });
  return checkWeights(weights, cols, {
    argument: "rule",
    where: `(weights returned for row ${t + 1})`,
    labels: prices.labels,
    assetsOf: "prices",
    fullyInvested: true,
  });
}

function checkRange(value: number, argument: string, min: number, max: number): number {
  if (!Number.isFinite(value)) {
    throw new CoreError("NON_FINITE", `${argument} is ${value}; give a number`, { argument });
  }
  if (value < min || value > max) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} must be from ${min} to ${max}; got ${value}`,
      { argument }
    );
  }
  return value;
}

function bandOf(schedule: BandSchedule): { absolute: number; relative: number } {
  const band = typeof schedule.band === "number" ? { absolute: schedule.band } : schedule.band;
  if (
    band === undefined ||
    band === null ||
    (band.absolute === undefined && band.relative === undefined)
  ) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      "rebalance band needs an absolute and/or relative half-width, e.g. { band: { absolute: 0.05 } }",
      { argument: "rebalance" }
    );
  }
  return {
    absolute:
      band.absolute === undefined ? Infinity : checkRange(band.absolute, "band.absolute", 0, 1),
    relative:
      band.relative === undefined ? Infinity : checkRange(band.relative, "band.relative", 0, 1e6),
  };
}

/** A hand-built panel gets the checks `pricePanel` would have made: positive or NaN, right size. */
function checkPrices(prices: PricePanel): void {
  const { rows, cols, data, labels } = prices;
  if (cols < 1 || data.length !== rows * cols) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `prices holds ${data.length} values for ${rows} rows × ${cols} columns; build it with pricePanel`,
      { argument: "prices" }
    );
  }
  for (let j = 0; j < cols; j++) {
    for (let t = 0; t < rows; t++) {
      const p = data[j * rows + t];
      if (p > 0 && p < Infinity) continue;
      if (Number.isNaN(p)) continue;
      const place = { argument: "prices", row: t, column: j, label: labels[j] };
      const where = `prices: column ${j + 1} (${labels[j]}), row ${t + 1}`;
      if (!Number.isFinite(p))
        throw new CoreError("NON_FINITE", `${where} is ${p}; fix the cell`, place);
      throw new CoreError("NON_POSITIVE_PRICE", `${where} is ${p}; prices must be above 0`, place);
    }
  }
}
