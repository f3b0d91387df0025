import { CoreError } from "../errors";
import { scaledCopy } from "./scaledCopy";
import { type ExponentialDecaySpec, exponentialDecay } from "./exponentialDecay";

/** Options for {@link ewmCorrelationSeries}. */
export interface EwmCorrelationSeriesOptions {
  /**
   * Dates before the pair has this many common observations are NaN (default 2, at least 2: as
   * pandas, whose default min_periods = 0 still leaves the first observation NaN, 0/0).
   */
  readonly minObservations?: number;
  /** Names of the two series in messages (default ["x", "y"]). */
  readonly labels?: readonly [string, string];
  /** The argument name used in messages (default "series"). */
  readonly argument?: string;
}

/**
 * A spread below this fraction of the largest magnitude seen is the rounding of the weighted mean,
 * not a real spread (same rule as the matrix functions).
 */
const ZERO_SPREAD_RELATIVE = 1e-13;

/**
 * Exponentially weighted correlation of two series at every date.
 *
 * Formula: at date T, over the earlier rows t ≤ T where both have a value, w_t = λ^(T − t),
 * ρ_T = Σ w (x − m_x)(y − m_y) / √(Σ w (x − m_x)² Σ w (y − m_y)²), m = Σ w x / Σ w; λ = 1 − α with
 * α = 1 − exp(−ln 2 / halfLife) or 2 / (span + 1). Computed by pandas' online (West / Welford-type)
 * update of the weighted means and co-moments, which never subtracts large sums.
 * Conventions: adjust=True weights; a row missing in either series ages the older rows
 * (ignore_na=False) and repeats the previous value; the bias correction cancels in ρ. A date is NaN
 * before `minObservations` common rows, and while a series has shown no spread yet (a constant
 * start), exactly where pandas gives NaN: a weighted variance, once positive, stays positive, so
 * these NaNs can only lead the series. A series with no spread at all is an error, not a column of
 * NaN. Output aligned with the input rows, clamped to [−1, 1].
 * Reference: pandas `x.ewm(halflife=h, adjust=True).corr(y)`; agrees to ~1e-13.
 * Complexity: O(n) time, O(n) output.
 *
 * @param x first series, oldest first (NaN = missing)
 * @param y second series, same length
 * @param decay { halfLife } or { span } in rows
 * @param options minObservations (default 2), labels, argument
 * @returns Float64Array of length n
 * @throws CoreError LENGTH_MISMATCH (x and y differ in length)
 * @throws CoreError INVALID_ARGUMENT (bad decay or minObservations)
 * @throws CoreError TOO_FEW_POINTS (fewer than minObservations common rows in all)
 * @throws CoreError NON_FINITE (±Infinity)
 * @throws CoreError ZERO_VARIANCE (a series is constant over all the common rows)
 * @example ewmCorrelationSeries([1, 2, 3, 4], [1, 3, 2, 4], { halfLife: 2 })[3]; // => 0.8003 (rounded)
 */
export function ewmCorrelationSeries(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  decay: ExponentialDecaySpec,
  options: EwmCorrelationSeriesOptions = {}
): Float64Array {
  const argument = options.argument ?? "series";
  const labels = options.labels ?? ["x", "y"];
  const minObservations = options.minObservations ?? 2;
  const lambda = exponentialDecay(decay);
  const n = x.length;
  if (y.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument}: ${labels[0]} has ${n} values but ${labels[1]} has ${y.length}; give two series of the same dates`,
      { argument }
    );
  }
  if (!Number.isInteger(minObservations) || minObservations < 2) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `minObservations must be a whole number ≥ 2; got ${minObservations}`,
      { argument: "minObservations" }
    );
  }
  let common = 0;
  for (let t = 0; t < n; t++) {
    for (const [v, k] of [
      [x[t], 0],
      [y[t], 1],
    ] as const) {
      if (v === Infinity || v === -Infinity) {
        throw new CoreError(
          "NON_FINITE",
          `${argument}: ${labels[k]}, row ${t + 1} is ${v}; fix the value or leave it blank`,
          { argument, row: t, label: labels[k] }
        );
      }
    }
    if (!Number.isNaN(x[t]) && !Number.isNaN(y[t])) common++;
  }
  if (common < minObservations) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `${argument}: ${labels[0]} and ${labels[1]} have ${common} rows in common; the correlation needs at least ${minObservations}`,
      { argument }
    );
  }

  // Exact power-of-two rescaling: the sums of squares below cannot overflow or underflow.
  const xs = scaledCopy(x);
  const ys = scaledCopy(y);
  const out = new Float64Array(n).fill(NaN);
  let started = false;
  let observations = 0;
  let oldWeight = 1;
  let meanX = 0;
  let meanY = 0;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  let maxAbsX = 0;
  let maxAbsY = 0;
  let defined = false;
  let flatLabel = labels[0];
  for (let t = 0; t < n; t++) {
    const xt = xs[t];
    const yt = ys[t];
    const observed = !Number.isNaN(xt) && !Number.isNaN(yt);
    if (started) {
      oldWeight *= lambda;
      if (observed) {
        const oldMeanX = meanX;
        const oldMeanY = meanY;
        const total = oldWeight + 1;
        // The guard keeps a constant series' mean exact, so its variance stays exactly 0 (pandas).
        if (meanX !== xt) meanX = (oldWeight * oldMeanX + xt) / total;
        if (meanY !== yt) meanY = (oldWeight * oldMeanY + yt) / total;
        const dxOld = oldMeanX - meanX;
        const dyOld = oldMeanY - meanY;
        const dx = xt - meanX;
        const dy = yt - meanY;
        cxy = (oldWeight * (cxy + dxOld * dyOld) + dx * dy) / total;
        cxx = (oldWeight * (cxx + dxOld * dxOld) + dx * dx) / total;
        cyy = (oldWeight * (cyy + dyOld * dyOld) + dy * dy) / total;
        oldWeight = total;
      }
    } else if (observed) {
      started = true;
      meanX = xt;
      meanY = yt;
    }
    if (observed) {
      observations++;
      maxAbsX = Math.max(maxAbsX, Math.abs(xt));
      maxAbsY = Math.max(maxAbsY, Math.abs(yt));
    }
    if (observations < minObservations) continue;
    const xFlat = !(Math.sqrt(cxx) > ZERO_SPREAD_RELATIVE * maxAbsX);
    const yFlat = !(Math.sqrt(cyy) > ZERO_SPREAD_RELATIVE * maxAbsY);
    if (xFlat || yFlat) {
      // Remember which series lacked spread, for the error if no date is ever defined.
      flatLabel = xFlat ? labels[0] : labels[1];
      continue;
    }
    defined = true;
    out[t] = Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy)));
  }
  if (!defined) {
    throw new CoreError(
      "ZERO_VARIANCE",
      `${argument}: ${flatLabel} is constant over the rows it shares with the other series; remove it or use a longer range`,
      { argument, label: flatLabel }
    );
  }
  return out;
}
