import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";

/**
 * Expected returns as annualised arithmetic means, on the rows where every asset has a return
 * (the same rows the covariance estimators use, so mean and covariance describe one sample).
 *
 * Formula: μ_i = ppy · (1/n) Σ_t r_i,t over the n complete rows.
 * Reference: PyPortfolioOpt `expected_returns.mean_historical_return(compounding=False)` with
 * `frequency = ppy`, restricted to complete rows.
 * Conventions: periodsPerYear default 365 (daily crypto); 1 gives per-period means.
 * Complexity: O(rows × cols).
 *
 * @param returns per-period returns (NaN = missing)
 * @param periodsPerYear annualisation factor, a positive finite number (default 365)
 * @returns one annualised mean per asset
 * @throws CoreError INVALID_ARGUMENT (periodsPerYear not positive and finite);
 *   TOO_FEW_POINTS (no row where every asset has a return)
 * @example meanReturns(returnsOf([[0.01, 0.02], [0.03, 0.04]]), 12); // => [0.24, 0.36]
 */
export function meanReturns(returns: ReturnsPanel, periodsPerYear = 365): Float64Array {
  if (!(periodsPerYear > 0) || !Number.isFinite(periodsPerYear)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `ppy must be a positive number of periods per year; got ${periodsPerYear}`,
      {
        argument: "ppy",
      }
    );
  }
  const { rows, cols, data } = returns;
  const sums = new Float64Array(cols);
  let complete = 0;
  for (let t = 0; t < rows; t++) {
    let ok = true;
    for (let j = 0; j < cols && ok; j++) ok = !Number.isNaN(data[j * rows + t]);
    if (!ok) continue;
    complete++;
    for (let j = 0; j < cols; j++) sums[j] += data[j * rows + t];
  }
  if (complete === 0) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      "no date has a return for every asset; drop late-listed assets or add history",
      { argument: "prices" }
    );
  }
  for (let j = 0; j < cols; j++) sums[j] = (sums[j] / complete) * periodsPerYear;
  return sums;
}
