import { checkedPeriodsPerYear } from "../stats/checkedPeriodsPerYear";
import { CoreError } from "../errors";
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

/** Options of {@link volatilityTarget}. */
export interface VolatilityTargetOptions {
  /** Target annual volatility, a fraction above 0 (0.6 for 60 %); required. */
  readonly target: number;
  /** Rows of trailing returns the estimate uses (default 30, at least 2). */
  readonly window?: number;
  /** "sample" (default: n−1 standard deviation) or "ewma" (RiskMetrics, zero mean). */
  readonly estimator?: "sample" | "ewma";
  /** EWMA decay λ in (0, 1) (default 0.94, RiskMetrics daily). */
  readonly lambda?: number;
  /** Periods per year to annualise the estimate (default 365, daily crypto). */
  readonly periodsPerYear?: number;
  /** Largest exposure Σw, in (0, 1] (default 1: no borrowing, the backtest holds no debt). */
  readonly maxLeverage?: number;
}

/** A target above 1000 % a year is a percentage typed as a number (60 for 60 %). */
const MAX_TARGET = 10;
const DEFAULT_WINDOW = 30;
const DEFAULT_LAMBDA = 0.94;

/**
 * Volatility targeting: the base portfolio scaled so that its trailing volatility estimate equals
 * a target, the rest of the value in the cash sleeve.
 *
 * Formula: with base weights b (Σb = s ≤ 1) on day t and the base portfolio's returns over the
 * last m rows p_u = Σ_i b̃_i r_{i,u} (u = t−m+1 … t), the rule holds w = k·b with
 * k = min(L, σ* / σ̂), where σ* is the target, L the maximum leverage and σ̂ the annualised
 * estimate: "sample" σ̂² = P · Σ_u (p_u − p̄)² / (m − 1); "ewma" σ̂² = P · Σ_{k<m} λ^k p²_{t−k} /
 * Σ_{k<m} λ^k (RiskMetrics 1996, zero mean, weights renormalised over the window), P = periods
 * per year. The exposure 1 − k·s goes to cash.
 * Reference: Moreira & Muir (2017), "Volatility-Managed Portfolios", Journal of Finance 72(4),
 * who scale by c/σ̂² of the previous month's daily returns; this is the volatility (not variance)
 * form practitioners use, w ∝ σ* ÷ σ̂, e.g. Harvey et al. (2018), "The Impact of Volatility
 * Targeting", Journal of Portfolio Management 45(1).
 * Conventions: the estimate is of the base portfolio held at today's base weights over the window
 * (ex-ante, not the realised returns of the scaled portfolio). Assets without a return on each of
 * the m rows (listed within them) are left out of the estimate and the others' weights b̃ are
 * rescaled to the same total s; when no weighted asset has m returns, or σ̂ = 0, k = L. The window
 * is the last m rows the backtest passes; run it with `signalLag: 1` so day t's estimate trades on
 * day t+1, and with a `cashRate` for the sleeve.
 * Complexity: O(m · assets) per call, plus the base rule's cost.
 *
 * @param base the weights to scale: fixed weights, a weight rule, or another adaptive rule
 * @param options target (required), window, estimator, lambda, periodsPerYear, maxLeverage
 * @returns a rule for `backtest`; its minLookback is max(m, the base's)
 * @throws CoreError INVALID_ARGUMENT (target ≤ 0 or above 10, not a number; window not a whole number ≥ 2; unknown estimator; lambda outside (0, 1); maxLeverage outside (0, 1]; bad base weights)
 * @throws CoreError NON_FINITE (an infinite target)
 * @throws CoreError TOO_FEW_POINTS (at a call: a window shorter than m rows)
 * @example volatilityTarget([1], { target: 0.1, window: 3, periodsPerYear: 100 })(window, t);
 *   // returns 0.01, −0.01, 0.03: σ = 0.02 a day, 0.2 a year → k = 0.5 → Float64Array [0.5]
 */
export function volatilityTarget(base: BaseRule, options: VolatilityTargetOptions): AdaptiveRule {
  checkBaseRule(base, "base");
  const target = checkedNumber(
    options?.target,
    "target",
    Number.MIN_VALUE,
    MAX_TARGET,
    "an annual volatility above 0 and at most 10, e.g. 0.6 for 60 % (give a fraction, not a percentage)"
  );
  const m = checkedWholeNumber(options.window ?? DEFAULT_WINDOW, "window", 2, "rows of returns");
  const estimator = String(options.estimator ?? "sample").toLowerCase();
  if (estimator !== "sample" && estimator !== "ewma") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `estimator must be "sample" or "ewma"; got "${String(options.estimator)}"`,
      { argument: "estimator" }
    );
  }
  const lambda =
    options.lambda === undefined
      ? DEFAULT_LAMBDA
      : checkedNumber(
          options.lambda,
          "lambda",
          0,
          1,
          "a decay strictly between 0 and 1, e.g. 0.94"
        );
  if (lambda === 0 || lambda === 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `lambda must be a decay strictly between 0 and 1, e.g. 0.94; got ${lambda}`,
      { argument: "lambda" }
    );
  }
  const periods = checkedPeriodsPerYear(options.periodsPerYear);
  const maxLeverage =
    options.maxLeverage === undefined
      ? 1
      : checkedNumber(
          options.maxLeverage,
          "maxLeverage",
          Number.MIN_VALUE,
          1,
          "above 0 and at most 1 (the backtest cannot borrow; 1 is fully invested)"
        );

  const rule = (window: Parameters<AdaptiveRule>[0], asOfRow: number): Float64Array => {
    requireRows(window, m, `volatility targeting over a ${m}-row window`, "window");
    const b = baseWeights(base, window, asOfRow, "base");
    const { rows, cols, data } = window;
    let total = 0;
    let covered = 0;
    const used = new Uint8Array(cols);
    for (let j = 0; j < cols; j++) {
      total += b[j];
      if (b[j] > 0 && hasTrailingReturns(window, j, m)) {
        used[j] = 1;
        covered += b[j];
      }
    }
    if (total === 0) return b;
    let scale = maxLeverage;
    if (covered > 0) {
      const returns = new Float64Array(m);
      const rescale = total / covered;
      for (let j = 0; j < cols; j++) {
        if (used[j] === 0) continue;
        const wj = b[j] * rescale;
        const base0 = j * rows + rows - m;
        for (let k = 0; k < m; k++) returns[k] += wj * data[base0 + k];
      }
      const sigma = Math.sqrt(
        periods * (estimator === "sample" ? sampleVariance(returns) : ewmaVariance(returns, lambda))
      );
      if (sigma > 0) scale = Math.min(maxLeverage, target / sigma);
    }
    for (let j = 0; j < cols; j++) b[j] *= scale;
    return b;
  };
  return adaptiveRule(rule, Math.max(m, minLookbackOf(base)));
}

/** Two-pass sample variance (n − 1): the mean first, so no cancellation of large sums. */
function sampleVariance(x: Float64Array): number {
  let mean = 0;
  for (let k = 0; k < x.length; k++) mean += x[k];
  mean /= x.length;
  let ss = 0;
  for (let k = 0; k < x.length; k++) ss += (x[k] - mean) ** 2;
  return ss / (x.length - 1);
}

/** Σ λ^age x² / Σ λ^age over the window, the newest row (last) with age 0. */
function ewmaVariance(x: Float64Array, lambda: number): number {
  let weight = 1;
  let sum = 0;
  let norm = 0;
  for (let k = x.length - 1; k >= 0; k--) {
    sum += weight * x[k] * x[k];
    norm += weight;
    weight *= lambda;
  }
  return sum / norm;
}
