import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";
import {
  type AdaptiveRule,
  type BaseRule,
  adaptiveRule,
  baseWeights,
  checkBaseRule,
  checkedWholeNumber,
  hasTrailingReturns,
  minLookbackOf,
  requireRows,
} from "./adaptiveRule";

/** Options of {@link trendFilter}. */
export interface TrendFilterOptions {
  /** n: days of the moving average, or of the momentum return (default 200 for "sma", 365 for "momentum"). */
  readonly window?: number;
  /** "sma" (default): price above its n-day simple moving average; "momentum": n-day return > 0. */
  readonly signal?: "sma" | "momentum";
  /** Where the weight of a token out of trend goes: "cash" (default) or "holdings" (pro rata). */
  readonly freed?: "cash" | "holdings";
}

const DEFAULT_SMA_WINDOW = 200;
const DEFAULT_MOMENTUM_WINDOW = 365;

/**
 * Trend filter: hold a token only while it is in an uptrend, by its price against its moving
 * average or by its own past return; the weight of a token out of trend goes to the cash sleeve or
 * to the tokens still held.
 *
 * Formula: with relative prices Q rebuilt from the window's returns (Q_u = Q_{u−1}(1 + r_u); the
 * signal is scale-free, so the unknown price level does not matter), token i is in trend on day t
 * when "sma": Q_t > (1/n) Σ_{k=0}^{n−1} Q_{t−k} (n prices, so n − 1 returns), or "momentum":
 * Π_{u=t−n+1}^{t} (1 + r_u) − 1 > 0 (n returns). With base weights b, "cash" holds w_i = b_i for
 * tokens in trend and 0 otherwise (the rest is cash); "holdings" rescales the tokens in trend to
 * the base's total, w_i = b_i · Σ_j b_j / Σ_{j in trend} b_j, and is all cash when none is.
 * Reference: Faber (2007), "A Quantitative Approach to Tactical Asset Allocation", Journal of
 * Wealth Management 9(4) (10-month SMA, price above it: hold; below: cash); Moskowitz, Ooi &
 * Pedersen (2012), "Time series momentum", Journal of Financial Economics 104(2) (sign of the
 * past 12-month return; here the raw return, not the excess over the cash rate).
 * Conventions: strict inequalities (a price exactly on its average is out). A token without a
 * return on each row the signal needs (listed too recently) is out: there is no trend to follow.
 * Run the backtest with `signalLag: 1` so a day-t signal trades at day t+1, and with a `cashRate`.
 * Complexity: O(n · assets) per call, plus the base rule's cost.
 *
 * @param base the weights to filter: fixed weights, a weight rule, or another adaptive rule
 * @param options window, signal, freed
 * @returns a rule for `backtest`; its minLookback is n − 1 ("sma") or n ("momentum"), or the base's if more
 * @throws CoreError INVALID_ARGUMENT (window not a whole number, below 2 for "sma" or 1 for "momentum"; unknown signal or freed; bad base weights)
 * @throws CoreError TOO_FEW_POINTS (at a call: a window of returns shorter than the signal needs — a moving average longer than the history)
 * @example trendFilter([0.5, 0.5], { window: 3 })(returnsOf([[10, 20], [11, 19], [12, 18], [11, 19]]), 3);
 *   // A: 11 < (11 + 12 + 11)/3 → out; B: 19 > (19 + 18 + 19)/3 → in → Float64Array [0, 0.5]
 */
export function trendFilter(base: BaseRule, options: TrendFilterOptions = {}): AdaptiveRule {
  checkBaseRule(base, "base");
  const signal = String(options.signal ?? "sma").toLowerCase();
  if (signal !== "sma" && signal !== "momentum") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `signal must be "sma" (price above its moving average) or "momentum" (positive past return); got "${String(options.signal)}"`,
      { argument: "signal" }
    );
  }
  const freed = String(options.freed ?? "cash").toLowerCase();
  if (freed !== "cash" && freed !== "holdings") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `freed must be "cash" (the weight of a token out of trend goes to the cash sleeve) or "holdings" (to the other tokens pro rata); got "${String(options.freed)}"`,
      { argument: "freed" }
    );
  }
  const isSma = signal === "sma";
  const n = checkedWholeNumber(
    options.window ?? (isSma ? DEFAULT_SMA_WINDOW : DEFAULT_MOMENTUM_WINDOW),
    "window",
    isSma ? 2 : 1,
    "days"
  );
  const needed = isSma ? n - 1 : n;
  const what = isSma ? `a ${n}-day moving average` : `a ${n}-day momentum signal`;

  const rule = (window: ReturnsPanel, asOfRow: number): Float64Array => {
    requireRows(window, needed, what, "window");
    const b = baseWeights(base, window, asOfRow, "base");
    let total = 0;
    let kept = 0;
    for (let j = 0; j < window.cols; j++) {
      total += b[j];
      if (b[j] === 0) continue;
      const up = hasTrailingReturns(window, j, needed) && inTrend(window, j, n, isSma);
      if (up) kept += b[j];
      else b[j] = 0;
    }
    if (freed === "holdings" && kept > 0 && kept < total) {
      const scale = total / kept;
      for (let j = 0; j < window.cols; j++) b[j] *= scale;
    }
    return b;
  };
  return adaptiveRule(rule, Math.max(needed, minLookbackOf(base)));
}

/** The signal on the window's last row for column j (its needed returns are all present). */
function inTrend(window: ReturnsPanel, j: number, n: number, isSma: boolean): boolean {
  const { rows, data } = window;
  const column = j * rows;
  if (!isSma) {
    let growth = 1;
    for (let k = rows - n; k < rows; k++) growth *= 1 + data[column + k];
    return growth > 1;
  }
  // Q = 1 on the oldest of the n prices, the returns after it give the other n − 1.
  let q = 1;
  let sum = 1;
  for (let k = rows - n + 1; k < rows; k++) {
    q *= 1 + data[column + k];
    sum += q;
  }
  return q > sum / n;
}
