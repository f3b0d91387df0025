import { selectKthInPlace } from "./selectKthInPlace";
import { finiteMetric } from "./finiteMetric";

/**
 * 1 − c is inexact in binary (1 − 0.9 = 0.09999999999999998), so (n − 1)(1 − c) can land a hair
 * below a whole number that the caller meant exactly (10 × 0.1 = 1 with empyrical's cutoff 0.1) and
 * ⌊h⌋ would pick the wrong order statistic. Positions within this relative distance of an integer
 * are snapped to it; 1e-9 is far above rounding error and far below any meaningful fraction.
 */
const INDEX_SNAP = 1e-9;

/** Historical VaR and CVaR read from one sample, from {@link historicalTail}. */
export interface HistoricalTail {
  /** Value at risk as a loss: −quantile_{1−c}(r) (R type 7). */
  readonly valueAtRisk: number;
  /** Conditional VaR (expected shortfall) as a loss: −mean of the lowest ⌊(n − 1)(1 − c)⌋ + 1 returns. */
  readonly conditionalValueAtRisk: number;
}

/**
 * Historical VaR and CVaR at confidence c, read from one partial sort of a copy of the returns; the
 * kernel shared by `historicalVaR`, `historicalCVaR` and `seriesStatistics`.
 *
 * Formula: α = 1 − c, h = (n − 1)α, k = ⌊h⌋ (0-based order statistics x_(0) ≤ … ≤ x_(n−1)).
 * VaR = −(x_(k) + (h − k)(x_(k+1) − x_(k))), the linear-interpolation quantile (R type 7, numpy
 * `percentile(method="linear")`, Excel `PERCENTILE.INC`, as empyrical `value_at_risk` =
 * `np.percentile(r, 100α)`). CVaR = −(1/(k+1)) Σ_{i≤k} x_(i), the mean of the returns at or below the
 * VaR order statistic, exactly empyrical `conditional_value_at_risk` (`np.partition` at ⌊(n − 1)α⌋).
 * Since x_(k) ≤ quantile, CVaR ≥ VaR. The interpolation equals simple-statistics `quantileSorted`;
 * it is written here because only the lowest k + 2 order statistics are needed (a selection, not a
 * sort) and that function wants a fully sorted `number[]`.
 * Conventions: losses are positive numbers (a VaR of 0.05 = a 5 % loss); a negative result means
 * even the tail is a gain. Per period, not annualised.
 * Complexity: O(n) expected time (quickselect on a copy), O(n) memory for the copy.
 *
 * @param returns finite returns, at least one, any order; not modified
 * @param confidence c in (0, 1), already validated
 * @returns { valueAtRisk, conditionalValueAtRisk }
 * @throws nothing (callers check their preconditions first)
 * @example historicalTail([0.1, -0.1, 0], 0.75); // => { valueAtRisk: 0.05, conditionalValueAtRisk: 0.1 }
 */
export function historicalTail(returns: ArrayLike<number>, confidence: number): HistoricalTail {
  const n = returns.length;
  const raw = (n - 1) * (1 - confidence);
  const nearest = Math.round(raw);
  const h = Math.abs(raw - nearest) <= INDEX_SNAP * Math.max(1, raw) ? nearest : raw;
  const k = Math.floor(h);
  const fraction = h - k;
  const work = new Float64Array(n);
  for (let t = 0; t < n; t++) work[t] = returns[t];
  const lower = selectKthInPlace(work, k);
  // After selection work[0..k] are the k + 1 smallest values and x_(k+1) is the least of the rest.
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += work[i];
  let quantile = lower;
  if (fraction > 0) {
    let next = Infinity;
    for (let i = k + 1; i < n; i++) if (work[i] < next) next = work[i];
    quantile = lower + fraction * (next - lower);
  }
  return {
    valueAtRisk: -quantile,
    conditionalValueAtRisk: finiteMetric(-sum / (k + 1), "conditional value at risk"),
  };
}
