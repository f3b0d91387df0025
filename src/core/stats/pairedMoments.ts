import { CoreError } from "../errors";

/** Co-moments of two series over their pairwise-complete rows, from {@link pairedMoments}. */
export interface PairedMoments {
  /** Rows where both values are present (not NaN). */
  readonly n: number;
  readonly meanX: number;
  readonly meanY: number;
  /** Centred sums Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ) over those rows. */
  readonly sxx: number;
  readonly syy: number;
  readonly sxy: number;
  /** Centred Σ(d − d̄)² of the differences d = x − y (for tracking error, without cancellation). */
  readonly sdd: number;
  /** True when x (resp. y) is constant or at rounding-level spread on those rows. */
  readonly zeroSpreadX: boolean;
  readonly zeroSpreadY: boolean;
}

/** Relative spread below which a series counts as constant; see `sampleMoments` for the reasoning. */
const ZERO_SPREAD_RELATIVE = 1e-12;

/**
 * Means and centred (co)sums of a series and a benchmark over their pairwise-complete rows: the
 * shared kernel of `beta`, `correlationTo` and `trackingError`.
 *
 * Formula: over rows where neither value is NaN, two passes: means, then centred sums.
 * Conventions: NaN means "missing" here (not listed yet, delisted) and drops the row, as pandas
 * `Series.cov`/`corr` (pairwise complete); ±Infinity is an error.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param x the series (e.g. an asset's returns)
 * @param y the benchmark, same length
 * @param minPoints fewest complete rows needed (≥ 2)
 * @param need what needs them, for the message (e.g. "a beta")
 * @throws CoreError LENGTH_MISMATCH (different lengths)
 * @throws CoreError NON_FINITE (±Infinity in either, with its row)
 * @throws CoreError TOO_FEW_POINTS (fewer than `minPoints` complete rows)
 * @example pairedMoments([1, 2, NaN], [2, 4, 5], 2, "a beta").sxy; // => 1 (rows 1–2 only)
 */
export function pairedMoments(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  minPoints: number,
  need: string
): PairedMoments {
  if (x.length !== y.length) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `benchmark has ${y.length} rows but returns has ${x.length}; use two ranges of the same dates`,
      { argument: "benchmark" }
    );
  }
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  let maxAbsX = 0;
  let maxAbsY = 0;
  for (let t = 0; t < x.length; t++) {
    const a = x[t];
    const b = y[t];
    if (a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) {
      const argument = a === Infinity || a === -Infinity ? "returns" : "benchmark";
      throw new CoreError("NON_FINITE", `${argument}: row ${t + 1} is infinite; fix or remove it`, {
        argument,
        row: t,
      });
    }
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sumX += a;
    sumY += b;
    if (Math.abs(a) > maxAbsX) maxAbsX = Math.abs(a);
    if (Math.abs(b) > maxAbsY) maxAbsY = Math.abs(b);
  }
  if (n < minPoints) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `returns and benchmark have ${n} row${n === 1 ? "" : "s"} where both are present; ${need} needs at least ${minPoints}; use a longer window`,
      { argument: "benchmark" }
    );
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let sumD = 0;
  let sumD2 = 0;
  for (let t = 0; t < x.length; t++) {
    const a = x[t];
    const b = y[t];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const dx = a - meanX;
    const dy = b - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    // Summed directly, not as sxx + syy − 2sxy: for a fund hugging its benchmark that identity
    // cancels almost every digit.
    const d = dx - dy;
    sumD += d;
    sumD2 += d * d;
  }
  const sdd = Math.max(0, sumD2 - (sumD * sumD) / n);
  return {
    n,
    meanX,
    meanY,
    sxx,
    syy,
    sxy,
    sdd,
    zeroSpreadX: Math.sqrt(sxx / n) <= ZERO_SPREAD_RELATIVE * maxAbsX,
    zeroSpreadY: Math.sqrt(syy / n) <= ZERO_SPREAD_RELATIVE * maxAbsY,
  };
}
