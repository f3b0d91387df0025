import { checkedPeriodsPerYear } from "./checkedPeriodsPerYear";
import { pairedMoments } from "./pairedMoments";
import { finiteMetric } from "./finiteMetric";

/**
 * Annualised tracking error: the volatility of active returns (series minus benchmark).
 *
 * Formula: TE = √ppy · std(r − b, ddof = 1) over the rows where both are present.
 * Reference: matches `np.std(r - b, ddof=1) * np.sqrt(ppy)` (the ex-post tracking error of
 * Grinold & Kahn, "Active Portfolio Management"; empyrical's `tracking_error` in later forks).
 * Conventions: pairwise-complete rows (NaN = missing, skipped); sample (n − 1) standard deviation;
 * periodsPerYear default 365. Identical series give 0 (not an error: TE is not a ratio).
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns the asset's per-period returns (NaN = missing)
 * @param benchmark the benchmark's per-period returns, same length (NaN = missing)
 * @param periodsPerYear periods in a year (default 365)
 * @returns the annualised tracking error, ≥ 0
 * @throws CoreError LENGTH_MISMATCH (different lengths)
 * @throws CoreError NON_FINITE (±Infinity in either, with its row)
 * @throws CoreError TOO_FEW_POINTS (fewer than two rows where both are present)
 * @throws CoreError INVALID_ARGUMENT (periodsPerYear not above 0)
 * @example trackingError([0.02, 0.0], [0.01, 0.01], 1); // => 0.01414213562373095 (std of [0.01, −0.01])
 */
export function trackingError(
  returns: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  periodsPerYear?: number
): number {
  const ppy = checkedPeriodsPerYear(periodsPerYear);
  const m = pairedMoments(returns, benchmark, 2, "a tracking error");
  return finiteMetric(Math.sqrt((m.sdd / (m.n - 1)) * ppy), "tracking error");
}
