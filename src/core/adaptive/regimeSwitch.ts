import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";
import {
  type AdaptiveRule,
  type BaseRule,
  adaptiveRule,
  baseWeights,
  checkBaseRule,
  checkedNumber,
  checkedWholeNumber,
  hasTrailingReturns,
  minLookbackOf,
  requireRows,
} from "./adaptiveRule";

/** Options of {@link regimeSwitch}. */
export interface RegimeSwitchOptions {
  /** "volatility" (default): of the equal-weight portfolio; "correlation": average pairwise. */
  readonly indicator?: "volatility" | "correlation";
  /** m: rows of returns behind each indicator value (default 30, at least 2). */
  readonly window?: number;
  /** H: the indicator's own trailing history the quantile is taken over (default 365 values). */
  readonly history?: number;
  /** q in (0, 1): stressed when today's value is above the q-quantile of the history (default 0.8). */
  readonly quantile?: number;
}

const DEFAULT_WINDOW = 30;
const DEFAULT_HISTORY = 365;
const DEFAULT_QUANTILE = 0.8;
/**
 * A window variance below 1e-12 of its Σx² is a constant series whose rolling sums cancelled to
 * rounding noise (a stablecoin's flat stretch): its correlation is 0, not noise.
 */
const VARIANCE_FLOOR = 1e-12;

/**
 * Regime switch: follow the calm rule, except when market stress — trailing volatility or
 * average pairwise correlation — is in the top quantile of its own trailing history; then follow
 * the stressed rule (minimum variance, say, or "cash").
 *
 * Formula: on the assets with a return on each of the last m + H − 1 rows, the indicator on day u
 * is I_u = sample standard deviation (n − 1) of the equal-weight portfolio's returns
 * p_v = mean_i r_{i,v}, v = u−m+1 … u ("volatility"), or the mean over pairs i < j of the Pearson
 * correlation of r_i and r_j over the same m rows ("correlation"; a pair with a constant series
 * counts 0). The regime on day t is stressed when I_t > Q_q(I_{t−H+1}, …, I_t), the linear-
 * interpolation quantile (R type 7, numpy `quantile`) of the last H values, today's included.
 * Reference: regime-dependent allocation as in Ang & Bekaert (2002), "International Asset
 * Allocation With Regime Shifts", Review of Financial Studies 15(4); the rising correlation of
 * crypto assets in sell-offs motivates the correlation indicator (Longin & Solnik (2001),
 * "Extreme Correlation of International Equity Markets", Journal of Finance 56(2)). A quantile of
 * the indicator's own history, rather than a fixed level, keeps the rule free of look-ahead and
 * of the scale of a particular market.
 * Conventions: strict inequality, so a flat history (all values equal) is calm. Fewer than one
 * asset ("volatility") or two ("correlation") with the full history: calm. Both rules receive the
 * whole window; wrap them in `trailingWindow` to give them their own shorter estimation window.
 * Run the backtest with `signalLag: 1` so a day-t regime trades at day t+1.
 * Complexity: O((m + H) · assets) for "volatility" per call, O((m + H) · assets²) for
 * "correlation" (rolling sums over the m-row window), plus the chosen rule's cost; the other rule
 * is not called.
 *
 * @param calm the rule followed in calm markets (weights, a weight rule or an adaptive rule)
 * @param stressed the rule followed in stressed markets, or "cash"
 * @param options indicator, window, history, quantile
 * @returns a rule for `backtest`; its minLookback is max(m + H − 1, the rules')
 * @throws CoreError INVALID_ARGUMENT (unknown indicator; window not a whole number ≥ 2; history not ≥ 2; quantile outside (0, 1); bad weights)
 * @throws CoreError TOO_FEW_POINTS (at a call: a window shorter than m + H − 1 rows)
 * @example regimeSwitch([1], "cash", { window: 2, history: 3, quantile: 0.5 })(returns .01, .01, .03, −.03);
 *   // I = sd of pairs: 0, .0141, .0424; median .0141 < .0424 → stressed → Float64Array [0]
 */
export function regimeSwitch(
  calm: BaseRule,
  stressed: BaseRule,
  options: RegimeSwitchOptions = {}
): AdaptiveRule {
  checkBaseRule(calm, "calm");
  checkBaseRule(stressed, "stressed");
  const indicator = String(options.indicator ?? "volatility").toLowerCase();
  if (indicator !== "volatility" && indicator !== "correlation") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `indicator must be "volatility" or "correlation"; got "${String(options.indicator)}"`,
      { argument: "indicator" }
    );
  }
  const m = checkedWholeNumber(options.window ?? DEFAULT_WINDOW, "window", 2, "rows of returns");
  const h = checkedWholeNumber(options.history ?? DEFAULT_HISTORY, "history", 2, "days");
  const q = checkedNumber(
    options.quantile ?? DEFAULT_QUANTILE,
    "quantile",
    0,
    1,
    "a fraction strictly between 0 and 1, e.g. 0.8 for the top 20 %"
  );
  if (q === 0 || q === 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `quantile must be a fraction strictly between 0 and 1, e.g. 0.8 for the top 20 %; got ${q}`,
      { argument: "quantile" }
    );
  }
  const span = m + h - 1;

  const rule = (window: ReturnsPanel, asOfRow: number): Float64Array => {
    requireRows(
      window,
      span,
      `a regime switch on a ${m}-row indicator with ${h} days of history`,
      "history"
    );
    const assets: number[] = [];
    for (let j = 0; j < window.cols; j++) if (hasTrailingReturns(window, j, span)) assets.push(j);
    const values =
      indicator === "volatility"
        ? assets.length >= 1
          ? volatilitySeries(window, assets, m, h)
          : null
        : assets.length >= 2
          ? correlationSeries(window, assets, m, h)
          : null;
    const isStressed = values !== null && values[h - 1] > quantileType7(values, q);
    return isStressed
      ? baseWeights(stressed, window, asOfRow, "stressed")
      : baseWeights(calm, window, asOfRow, "calm");
  };
  return adaptiveRule(rule, Math.max(span, minLookbackOf(calm), minLookbackOf(stressed)));
}

/** I_u for the last h days: sd (n − 1) of the equal-weight portfolio over each m-row window. */
function volatilitySeries(
  window: ReturnsPanel,
  assets: number[],
  m: number,
  h: number
): Float64Array {
  const { rows, data } = window;
  const first = rows - (m + h - 1);
  const p = new Float64Array(m + h - 1);
  for (const j of assets) for (let k = 0; k < p.length; k++) p[k] += data[j * rows + first + k];
  for (let k = 0; k < p.length; k++) p[k] /= assets.length;
  const out = new Float64Array(h);
  for (let u = 0; u < h; u++) {
    // Two passes per window (m is small): exact, and no drift from rolling sums.
    let mean = 0;
    for (let k = u; k < u + m; k++) mean += p[k];
    mean /= m;
    let ss = 0;
    for (let k = u; k < u + m; k++) ss += (p[k] - mean) ** 2;
    out[u] = Math.sqrt(ss / (m - 1));
  }
  return out;
}

/**
 * I_u for the last h days: mean pairwise correlation over each m-row window, by rolling sums of
 * the returns centred on each asset's mean over the whole span (centring keeps the sums small, so
 * Σx² − (Σx)²/m does not cancel).
 */
function correlationSeries(
  window: ReturnsPanel,
  assets: number[],
  m: number,
  h: number
): Float64Array {
  const { rows, data } = window;
  const n = assets.length;
  const length = m + h - 1;
  const first = rows - length;
  const x = new Float64Array(n * length);
  assets.forEach((j, a) => {
    let mean = 0;
    for (let k = 0; k < length; k++) mean += data[j * rows + first + k];
    mean /= length;
    for (let k = 0; k < length; k++) x[a * length + k] = data[j * rows + first + k] - mean;
  });
  const sums = new Float64Array(n);
  const squares = new Float64Array(n);
  const cross = new Float64Array((n * (n - 1)) / 2);
  const step = (k: number, sign: number): void => {
    let pair = 0;
    for (let a = 0; a < n; a++) {
      const xa = x[a * length + k];
      sums[a] += sign * xa;
      squares[a] += sign * xa * xa;
      for (let b = a + 1; b < n; b++) cross[pair++] += sign * xa * x[b * length + k];
    }
  };
  for (let k = 0; k < m; k++) step(k, 1);
  const out = new Float64Array(h);
  const pairs = cross.length;
  for (let u = 0; u < h; u++) {
    if (u > 0) {
      step(u - 1, -1);
      step(u + m - 1, 1);
    }
    let total = 0;
    let pair = 0;
    for (let a = 0; a < n; a++) {
      const va = squares[a] - (sums[a] * sums[a]) / m;
      for (let b = a + 1; b < n; b++) {
        const vb = squares[b] - (sums[b] * sums[b]) / m;
        const c = cross[pair++] - (sums[a] * sums[b]) / m;
        if (va > VARIANCE_FLOOR * squares[a] && vb > VARIANCE_FLOOR * squares[b])
          total += Math.max(-1, Math.min(1, c / Math.sqrt(va * vb)));
      }
    }
    out[u] = total / pairs;
  }
  return out;
}

/** R type 7: the value at position q(n − 1) of the sorted values, linearly interpolated. */
function quantileType7(values: Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
