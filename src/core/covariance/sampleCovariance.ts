import type { ReturnsPanel, SquareMatrix } from "../types";
import { centredCompleteCases } from "./centredCompleteCases";
import { checkedPeriodsPerYear, type PeriodsPerYearOption } from "../stats/checkedPeriodsPerYear";
import { crossProduct } from "./crossProduct";

/**
 * Sample covariance matrix of the assets' returns, annualised.
 *
 * Formula: S_ij = ppy · Σ_t (r_ti − r̄_i)(r_tj − r̄_j) / (n − 1) over the n complete rows (rows where
 * every asset has a return), r̄ the column means over those rows.
 * Reference: matches numpy `np.cov(R, rowvar=False, ddof=1)` and Excel `COVARIANCE.S` on the complete
 * rows, times ppy (PyPortfolioOpt `sample_cov` with frequency = ppy on `returns.dropna()`).
 * Conventions: unbiased n − 1 divisor; periodsPerYear default 365 (pass 1 for per-period).
 * Complexity: O(n · p²) for p assets (one blocked cross-product), O(n · p + p²) memory.
 *
 * @param returns returns panel (column-major, NaN = missing); not modified
 * @param periodsPerYear annualisation factor, or { periodsPerYear } (default 365)
 * @returns p × p symmetric positive semi-definite matrix with the panel's labels
 * @throws CoreError INVALID_ARGUMENT (no columns, bad periodsPerYear)
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 complete rows; the message says how many remained)
 * @throws CoreError ZERO_VARIANCE (a constant column over the complete rows)
 * @example sampleCovariance(R, 1).data for R with rows [1, 2], [2, 4], [3, 9] (column-major data [1, 2, 3, 2, 4, 9]);
 * // => Float64Array [1, 3.5, 3.5, 13]
 */
export function sampleCovariance(
  returns: ReturnsPanel,
  periodsPerYear?: PeriodsPerYearOption
): SquareMatrix {
  const factor = checkedPeriodsPerYear(periodsPerYear);
  const cases = centredCompleteCases(returns, 2, "sample");
  const data = crossProduct(cases.data, cases.rows, cases.cols);
  const scale = factor / (cases.rows - 1);
  for (let k = 0; k < data.length; k++) data[k] *= scale;
  return { size: cases.cols, data, labels: cases.labels };
}
