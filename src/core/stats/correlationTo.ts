import { CoreError } from "../errors";
import { pairedMoments } from "./pairedMoments";
import { finiteMetric } from "./finiteMetric";

/**
 * Pearson correlation of a series with a benchmark, over the rows where both are present.
 *
 * Formula: ρ = Σ(r − r̄)(b − b̄) / √(Σ(r − r̄)² · Σ(b − b̄)²), clipped to [−1, 1] (rounding can step a
 * hair outside for near-identical series).
 * Reference: matches `np.corrcoef(r, b)[0, 1]`, pandas `Series.corr` (pairwise complete) and
 * Excel `CORREL`.
 * Conventions: pairwise-complete rows (NaN = missing, skipped); aligned by row.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns the asset's per-period returns (NaN = missing)
 * @param benchmark the benchmark's per-period returns, same length (NaN = missing)
 * @returns the correlation in [−1, 1]
 * @throws CoreError LENGTH_MISMATCH (different lengths)
 * @throws CoreError NON_FINITE (±Infinity in either, with its row)
 * @throws CoreError TOO_FEW_POINTS (fewer than two rows where both are present)
 * @throws CoreError ZERO_VARIANCE (either series is constant on those rows)
 * @example correlationTo([1, 2, 3], [2, 4, 7]); // => 0.9933992677987828
 */
export function correlationTo(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  const m = pairedMoments(returns, benchmark, 2, "a correlation");
  if (m.zeroSpreadX || m.zeroSpreadY) {
    const argument = m.zeroSpreadX ? "returns" : "benchmark";
    throw new CoreError(
      "ZERO_VARIANCE",
      `${argument} is constant on the ${m.n} rows both series share, so the correlation is undefined; choose another series or a longer window`,
      { argument }
    );
  }
  const rho = m.sxy / Math.sqrt(m.sxx * m.syy);
  return Math.max(-1, Math.min(1, finiteMetric(rho, "correlation")));
}
