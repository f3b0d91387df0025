import { CoreError } from "../errors";
import type { ReturnsPanel, SquareMatrix } from "../types";
import { centredCompleteCases } from "./centredCompleteCases";
import { checkedPeriodsPerYear } from "../stats/checkedPeriodsPerYear";
import { crossProduct } from "./crossProduct";

/** Options for {@link ewmaCovariance}: give the decay as halfLife or as span (not both). */
export interface EwmaOptions {
  /** Periods after which a weight halves; finite and > 0. Default 60 when span is not given. */
  readonly halfLife?: number;
  /** pandas' span: α = 2 / (span + 1); finite and ≥ 1. */
  readonly span?: number;
  /** Annualisation factor (default 365; 1 for per-period). */
  readonly periodsPerYear?: number;
}

/** Two months of daily crypto returns: reacts to a regime change within weeks, yet averages enough days. */
const DEFAULT_HALF_LIFE = 60;

/**
 * 1 − Σw²/(Σw)² = 1 − 1/n_eff is the bias-correction denominator; below this the weights sit on
 * essentially one row (half-life far below one period) and the unbiased covariance is undefined.
 */
const MIN_EFFECTIVE_SPREAD = 1e-12;

/**
 * A weighted variance below this fraction of the column's plain variance is rounding noise: every
 * row with weight left (others underflowed to 0) holds the same value, and re-centring on a weighted
 * mean leaves deviations of an ulp or so. 1e−24 on variances is a volatility ratio of 1e−12.
 */
const ZERO_WEIGHTED_VARIANCE = 1e-24;

/**
 * Exponentially weighted covariance matrix at the last complete row, bias-corrected, annualised.
 *
 * Formula, on the n complete rows r_t (t = 0 oldest … n − 1 newest):
 *   decay λ = 1 − α with α = 1 − 2^(−1/halfLife) (or α = 2/(span + 1)),  w_t = λ^(n−1−t),
 *   m_i = Σ_t w_t r_ti / Σw,  C_ij = Σ_t w_t (r_ti − m_i)(r_tj − m_j) / Σw,
 *   Σ̂_ij = ppy · C_ij · (Σw)² / ((Σw)² − Σw²).
 * Reference: exactly pandas `R.dropna().ewm(halflife=h, adjust=True).cov(bias=False)` read at the last
 * date (pandas' `ewmcov`, whose weights the fixture script reproduces in numpy). Not the RiskMetrics
 * recursion (no bias correction, mean fixed at 0, λ = 0.94 ⇔ halfLife ≈ 11.2).
 * Conventions: weights count complete rows only (rows where some asset has no return are dropped
 * first, as `dropna()`); default halfLife 60 periods; periodsPerYear default 365.
 * Complexity: O(n · p²) for one blocked cross-product of √w-scaled, re-centred columns; O(n · p) extra.
 *
 * @param returns returns panel (column-major, NaN = missing); not modified
 * @param options { halfLife } or { span }, and periodsPerYear
 * @returns p × p symmetric positive semi-definite matrix with the panel's labels
 * @throws CoreError INVALID_ARGUMENT (no columns; halfLife/span not a finite number in range, both
 *   given, or so short that one row carries all the weight; bad periodsPerYear)
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 complete rows; the message says how many remained)
 * @throws CoreError ZERO_VARIANCE (a constant column, or one whose weighted variance is 0)
 * @example ewmaCovariance(R, { halfLife: 1, periodsPerYear: 1 }).data for R with one column [1, 2, 3];
 * // weights 1/4, 1/2, 1; m = 17/7; C = 26/49; factor 49/28 → [0.928571…] (= 13/14)
 */
export function ewmaCovariance(returns: ReturnsPanel, options: EwmaOptions = {}): SquareMatrix {
  const factor = checkedPeriodsPerYear(options.periodsPerYear);
  const decay = decayFrom(options);
  const cases = centredCompleteCases(returns, 2, "exponentially weighted");
  const { rows: n, cols: p } = cases;

  // Weights relative to the newest row (w = 1), so old weights underflow to 0 rather than overflow.
  const weights = new Float64Array(n);
  let sumW = 0;
  let sumW2 = 0;
  let w = 1;
  for (let t = n - 1; t >= 0; t--) {
    weights[t] = w;
    sumW += w;
    sumW2 += w * w;
    w *= decay;
  }
  const spread = 1 - sumW2 / (sumW * sumW);
  if (!(spread > MIN_EFFECTIVE_SPREAD)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${decayName(options)} decays so fast that the newest row carries all the weight; use a halfLife of at least 1 period`,
      { argument: options.span != null ? "span" : "halfLife" }
    );
  }

  // Re-centre on the weighted means and scale rows by √w: then XᵀX is Σ_t w_t (r − m)(r − m)ᵀ.
  const x = new Float64Array(n * p);
  const plainSquares = new Float64Array(p);
  const root = new Float64Array(n);
  for (let t = 0; t < n; t++) root[t] = Math.sqrt(weights[t]);
  for (let j = 0; j < p; j++) {
    const base = j * n;
    let weighted = 0;
    let squares = 0;
    for (let t = 0; t < n; t++) {
      const v = cases.data[base + t];
      weighted += weights[t] * v;
      squares += v * v;
    }
    plainSquares[j] = squares;
    const mean = weighted / sumW;
    for (let t = 0; t < n; t++) x[base + t] = (cases.data[base + t] - mean) * root[t];
  }
  const data = crossProduct(x, n, p);
  const scale = factor / (sumW * spread);
  for (let k = 0; k < data.length; k++) data[k] *= scale;
  for (let j = 0; j < p; j++) {
    const weightedVariance = data[j * p + j] / scale / sumW;
    if (!(weightedVariance > ZERO_WEIGHTED_VARIANCE * (plainSquares[j] / n))) {
      throw new CoreError(
        "ZERO_VARIANCE",
        `returns: column ${j + 1} (${cases.labels[j]}) has zero weighted variance (its recent returns are constant); remove it or use a longer halfLife`,
        { argument: "returns", column: j, label: cases.labels[j] }
      );
    }
  }
  return { size: p, data, labels: cases.labels };
}

function decayName(options: EwmaOptions): string {
  return options.span != null
    ? `span ${options.span}`
    : `halfLife ${options.halfLife ?? DEFAULT_HALF_LIFE}`;
}

// null counts as "not given": Excel passes null for an omitted optional argument.
function decayFrom(options: EwmaOptions): number {
  const { halfLife, span } = options;
  if (halfLife != null && span != null) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `give halfLife or span, not both; got halfLife ${String(halfLife)} and span ${String(span)}`,
      { argument: "halfLife" }
    );
  }
  if (span != null) {
    if (typeof span !== "number" || !Number.isFinite(span) || span < 1) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `span must be a number of at least 1 (periods); got ${String(span)}`,
        { argument: "span" }
      );
    }
    return 1 - 2 / (span + 1);
  }
  const h = halfLife ?? DEFAULT_HALF_LIFE;
  if (typeof h !== "number" || !Number.isFinite(h) || h <= 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `halfLife must be a number of periods above 0 (e.g. 60 for two months of daily returns); got ${String(h)}`,
      { argument: "halfLife" }
    );
  }
  return Math.pow(2, -1 / h);
}
