import { CoreError } from "../errors";
import { pairedMoments } from "./pairedMoments";
import { finiteMetric } from "./finiteMetric";

/**
 * Beta of a series to a benchmark: the slope of the least-squares line of its returns on the
 * benchmark's.
 *
 * Formula: β = cov(r, b) / var(b) = Σ(r − r̄)(b − b̄) / Σ(b − b̄)², over the rows where both are
 * present (the n − 1 or n divisor cancels).
 * Reference: matches empyrical `beta(r, b)` with risk_free = 0 (rows with a NaN dropped), and
 * `np.cov(r, b)[0, 1] / np.var(b, ddof=1)`; Excel `SLOPE(r, b)`.
 * Conventions: pairwise-complete rows (NaN = missing, skipped); returns and benchmark aligned by row;
 * no risk-free adjustment (a constant rf shifts both series and leaves β unchanged).
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns the asset's per-period returns (NaN = missing)
 * @param benchmark the benchmark's per-period returns, same length (NaN = missing)
 * @returns the beta
 * @throws CoreError LENGTH_MISMATCH (different lengths)
 * @throws CoreError NON_FINITE (±Infinity in either, with its row)
 * @throws CoreError TOO_FEW_POINTS (fewer than two rows where both are present)
 * @throws CoreError ZERO_VARIANCE (the benchmark is constant on those rows)
 * @example beta([0.02, 0.04, 0.0], [0.01, 0.02, 0.0]); // => 2
 */
export function beta(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  const m = pairedMoments(returns, benchmark, 2, "a beta");
  if (m.zeroSpreadY) {
    throw new CoreError(
      "ZERO_VARIANCE",
      `benchmark is constant on the ${m.n} rows it shares with returns, so beta is undefined; choose another benchmark or a longer window`,
      { argument: "benchmark" }
    );
  }
  return finiteMetric(m.sxy / m.syy, "beta");
}
