import type { WeightRule } from "../backtest/backtest";
import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";

/**
 * A weight rule built by an adaptive rule (volatility target, trend filter, momentum tilt, regime
 * switch): a `WeightRule` for `backtest` that may return weights summing to less than 1 (run the
 * backtest with a `cashRate` so the rest is held in cash), and that knows how many rows of returns
 * its window must hold. Pass `lookback: rule.minLookback` (or more) and `signalLag: 1` to
 * `backtest`, so that a signal computed from prices up to day t trades at day t+1's close.
 */
export interface AdaptiveRule {
  (window: ReturnsPanel, asOfRow: number): Float64Array;
  /** Rows of returns the window must hold: the rule's own need and its base rules' needs. */
  readonly minLookback: number;
}

/**
 * What an adaptive rule adjusts: fixed weights (long only, summing to at most 1), any backtest
 * `WeightRule` (an `AdaptiveRule` included, so rules compose), or "cash" (all weights 0).
 */
export type BaseRule = ArrayLike<number> | WeightRule | "cash";

/** Same forgiveness as checkWeights: rounded percentages may exceed 1 by this, not more. */
const SUM_TOLERANCE = 1e-6;

/**
 * Attaches the window length a rule needs (the function object itself gets `minLookback`).
 * @param rule the weight function
 * @param minLookback rows of returns its window must hold
 * @returns the same function, typed as an AdaptiveRule
 */
export function adaptiveRule(
  rule: (window: ReturnsPanel, asOfRow: number) => Float64Array,
  minLookback: number
): AdaptiveRule {
  return Object.assign(rule, { minLookback });
}

/**
 * Rows the base rule needs: its `minLookback` when it has one, 1 for a plain rule (the backtest's
 * minimum for any rule), 0 for fixed weights and "cash".
 * @param base the base rule
 * @returns a whole number of rows
 */
export function minLookbackOf(base: BaseRule): number {
  if (typeof base !== "function") return 0;
  const declared = (base as Partial<AdaptiveRule>).minLookback;
  return typeof declared === "number" ? declared : 1;
}

/**
 * Checks a base rule when the adaptive rule is built: "cash", a function, or finite long-only
 * weights summing to at most 1 (their count is checked against the window at each call).
 * @param base the base rule
 * @param argument its name in messages ("base", "calm", "stressed")
 * @throws CoreError INVALID_ARGUMENT (not weights, a rule or "cash"; a negative weight; a sum above 1 + 1e-6)
 * @throws CoreError NON_FINITE (a NaN or infinite weight)
 */
export function checkBaseRule(base: BaseRule, argument: string): void {
  if (base === "cash" || typeof base === "function") return;
  if (base === null || typeof base !== "object" || typeof base.length !== "number") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} must be weights, a weight rule or "cash"; got ${String(base)}`,
      { argument }
    );
  }
  checkWeightValues(base, argument, "");
}

/**
 * The base rule's weights for this window: a copy of fixed weights, zeros for "cash", or the
 * rule's output, checked to be one finite weight ≥ 0 per asset summing to at most 1.
 * @param base the base rule
 * @param window the returns window the adaptive rule was given (passed on unchanged)
 * @param asOfRow the signal row (passed on unchanged)
 * @param argument the base's name in messages
 * @returns a new Float64Array the caller may modify
 * @throws CoreError LENGTH_MISMATCH (not one weight per asset)
 * @throws CoreError INVALID_ARGUMENT (a negative weight; a sum above 1 + 1e-6)
 * @throws CoreError NON_FINITE (a NaN or infinite weight)
 */
export function baseWeights(
  base: BaseRule,
  window: ReturnsPanel,
  asOfRow: number,
  argument: string
): Float64Array {
  if (base === "cash") return new Float64Array(window.cols);
  const weights = typeof base === "function" ? base(window, asOfRow) : base;
  const where = typeof base === "function" ? ` (weights returned for row ${asOfRow + 1})` : "";
  if (weights === null || typeof weights !== "object" || weights.length !== window.cols) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument}${where} has ${weights?.length ?? "no"} values but prices has ${window.cols} assets; give one weight per asset`,
      { argument }
    );
  }
  checkWeightValues(weights, argument, where);
  return Float64Array.from(weights);
}

function checkWeightValues(weights: ArrayLike<number>, argument: string, where: string): void {
  let sum = 0;
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j];
    if (!Number.isFinite(w)) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}${where}: value ${j + 1} is not a finite number; fix the weight`,
        { argument, row: j, column: j }
      );
    }
    if (w < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument}${where}: value ${j + 1} is ${w}; weights must be 0 or more (long only)`,
        { argument, row: j, column: j }
      );
    }
    sum += w;
  }
  if (sum > 1 + SUM_TOLERANCE) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument}${where} sum to ${sum}; weights must sum to at most 1 (the rest is cash)`,
      { argument }
    );
  }
}

/**
 * Throws when the window is shorter than a signal needs, naming the option and the fix. The
 * window of a backtest holds `lookback` rows, so the fix is a longer lookback or a shorter signal.
 * @param window the returns window
 * @param needed rows the signal needs
 * @param what the signal in words, e.g. "a 200-day moving average"
 * @param argument the option that sets its length
 * @throws CoreError TOO_FEW_POINTS (window.rows < needed)
 */
export function requireRows(
  window: ReturnsPanel,
  needed: number,
  what: string,
  argument: string
): void {
  if (window.rows >= needed) return;
  throw new CoreError(
    "TOO_FEW_POINTS",
    `${what} needs ${needed} rows of returns but the rule sees ${window.rows}; set the backtest's lookback to at least ${needed} (with that much price history) or shorten ${argument}`,
    { argument }
  );
}

/**
 * A whole number option from `min` up; `hint` says what it counts, for the message.
 * @throws CoreError INVALID_ARGUMENT (text, a fraction, NaN, or below min)
 */
export function checkedWholeNumber(
  value: unknown,
  argument: string,
  min: number,
  hint: string
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} must be a whole number of ${hint}, ${min} or more; got ${typeof value === "string" ? `"${value}"` : String(value)}`,
      { argument }
    );
  }
  return value;
}

/**
 * A number option in [min, max] (NaN and text rejected), with what it means for the message.
 * @throws CoreError NON_FINITE (±Infinity, NaN); INVALID_ARGUMENT (text, outside [min, max])
 */
export function checkedNumber(
  value: unknown,
  argument: string,
  min: number,
  max: number,
  hint: string
): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < min || value > max) {
    throw new CoreError(
      typeof value === "number" && !Number.isFinite(value) ? "NON_FINITE" : "INVALID_ARGUMENT",
      `${argument} must be ${hint}; got ${typeof value === "string" ? `"${value}"` : String(value)}`,
      { argument }
    );
  }
  return value;
}

/** True when column j has a return on each of the window's last `count` rows. */
export function hasTrailingReturns(window: ReturnsPanel, j: number, count: number): boolean {
  const { rows, data } = window;
  for (let k = rows - count; k < rows; k++) if (Number.isNaN(data[j * rows + k])) return false;
  return true;
}
