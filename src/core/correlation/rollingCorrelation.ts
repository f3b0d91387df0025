import { CoreError } from "../errors";
import { scaledCopy } from "./scaledCopy";

/** Options for {@link rollingCorrelation}. */
export interface RollingCorrelationOptions {
  /**
   * A complete window in which a series is constant has no correlation: "throw" (default) raises
   * ZERO_VARIANCE naming the window; "nan" leaves that date NaN so the caller can show an error there.
   */
  readonly onUndefinedWindow?: "throw" | "nan";
  /** Names of the two series in messages (default ["x", "y"]). */
  readonly labels?: readonly [string, string];
  /** The argument name used in messages (default "series"). */
  readonly argument?: string;
}

/**
 * Relative size below which a window's centred sum of squares is rounding, not spread: the running
 * sums lose about log10(window) digits to cancellation, far above 1e-16 but far below 1e-10.
 */
const ZERO_VARIANCE_RELATIVE = 1e-10;

/**
 * Rolling Pearson correlation of two series over a trailing window of `window` rows.
 *
 * Formula: ρ_t = C_xy / √(C_xx C_yy) over rows t−window+1 … t, with C_xy = Σ (x−x̄)(y−ȳ) (the n−1
 * factors cancel). Running sums of x, y, x², y², xy shifted by a reference value K (the window mean
 * when last recomputed), so C_xy = S_xy − S_x S_y / n loses little to cancellation; the sums are
 * recomputed from scratch every `window` steps, which bounds drift at O(1) amortised cost.
 * Conventions: result[t] is NaN when the window ending at t is not complete — the first window − 1
 * dates, and any window with a missing value in x or y (a window needs all its rows of both, as
 * pandas `x.rolling(window).corr(y)` with its default min_periods = window). Output has the input's
 * length, aligned to the input rows. Clamped to [−1, 1].
 * Reference: pandas `Series.rolling(window).corr(other)`; agrees with a direct two-pass computation
 * per window to ~1e-12.
 * Complexity: O(n) time (≤ 2n window updates), O(n) output.
 *
 * @param x first series, oldest first (NaN = missing)
 * @param y second series, same length
 * @param window rows per window, a whole number ≥ 3 and ≤ the series length
 * @param options onUndefinedWindow ("throw" default, or "nan"), labels, argument
 * @returns Float64Array of length n: the correlation of each complete window, NaN elsewhere
 * @throws CoreError LENGTH_MISMATCH (x and y differ in length)
 * @throws CoreError INVALID_ARGUMENT (window not a whole number ≥ 3, bad option)
 * @throws CoreError TOO_FEW_POINTS (window longer than the series)
 * @throws CoreError NON_FINITE (±Infinity)
 * @throws CoreError ZERO_VARIANCE (a complete window where a series is constant; "throw" policy)
 * @example rollingCorrelation([1, 2, 3, 4], [1, 3, 2, 4], 3); // => [NaN, NaN, 0.5, 0.5]
 */
export function rollingCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  window: number,
  options: RollingCorrelationOptions = {}
): Float64Array {
  const argument = options.argument ?? "series";
  const labels = options.labels ?? ["x", "y"];
  const policy = options.onUndefinedWindow ?? "throw";
  const n = x.length;
  if (y.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument}: ${labels[0]} has ${n} values but ${labels[1]} has ${y.length}; give two series of the same dates`,
      { argument }
    );
  }
  if (!Number.isInteger(window) || window < 3) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `window must be a whole number of rows ≥ 3; got ${window}`,
      { argument: "window" }
    );
  }
  if (policy !== "throw" && policy !== "nan") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `onUndefinedWindow must be "throw" or "nan"; got "${policy}"`,
      { argument: "onUndefinedWindow" }
    );
  }
  if (window > n) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `${argument} has ${n} rows but the window is ${window}; use a shorter window or a longer range`,
      { argument }
    );
  }
  const present = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    for (const [series, k] of [
      [x, 0],
      [y, 1],
    ] as const) {
      const v = series[t];
      if (v === Infinity || v === -Infinity) {
        throw new CoreError(
          "NON_FINITE",
          `${argument}: ${labels[k]}, row ${t + 1} is ${v}; fix the value or leave it blank`,
          { argument, row: t, label: labels[k] }
        );
      }
    }
    present[t] = Number.isNaN(x[t]) || Number.isNaN(y[t]) ? 0 : 1;
  }

  // Exact power-of-two rescaling: the sums of squares below cannot overflow or underflow.
  const xs = scaledCopy(x);
  const ys = scaledCopy(y);
  const out = new Float64Array(n).fill(NaN);
  let kx = 0;
  let ky = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let missing = 0;
  let sinceRecompute = 0;
  for (let t = 0; t < n; t++) {
    if (present[t]) {
      const a = xs[t] - kx;
      const b = ys[t] - ky;
      sx += a;
      sy += b;
      sxx += a * a;
      syy += b * b;
      sxy += a * b;
    } else {
      missing++;
    }
    if (t >= window) {
      const old = t - window;
      if (present[old]) {
        const a = xs[old] - kx;
        const b = ys[old] - ky;
        sx -= a;
        sy -= b;
        sxx -= a * a;
        syy -= b * b;
        sxy -= a * b;
      } else {
        missing--;
      }
    }
    sinceRecompute++;
    if (t < window - 1 || missing > 0) continue;
    const first = t - window + 1;
    if (sinceRecompute >= window) {
      // Re-anchor at the window mean and recompute exactly: removes drift from the add/remove steps.
      kx = 0;
      ky = 0;
      for (let s = first; s <= t; s++) {
        kx += xs[s];
        ky += ys[s];
      }
      kx /= window;
      ky /= window;
      sx = sy = sxx = syy = sxy = 0;
      for (let s = first; s <= t; s++) {
        const a = xs[s] - kx;
        const b = ys[s] - ky;
        sx += a;
        sy += b;
        sxx += a * a;
        syy += b * b;
        sxy += a * b;
      }
      sinceRecompute = 0;
    }
    const cxx = sxx - (sx * sx) / window;
    const cyy = syy - (sy * sy) / window;
    const cxy = sxy - (sx * sy) / window;
    const xFlat = !(cxx > ZERO_VARIANCE_RELATIVE * sxx);
    const yFlat = !(cyy > ZERO_VARIANCE_RELATIVE * syy);
    if (xFlat || yFlat) {
      if (policy === "nan") continue;
      const label = xFlat ? labels[0] : labels[1];
      throw new CoreError(
        "ZERO_VARIANCE",
        `${argument}: ${label} is constant over rows ${first + 1}–${t + 1} (the window ending at row ${t + 1}); use a longer window or pass onUndefinedWindow="nan"`,
        { argument, row: t, label }
      );
    }
    out[t] = Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy)));
  }
  return out;
}
