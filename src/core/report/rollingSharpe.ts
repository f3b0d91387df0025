import { CoreError, isCoreError } from "../errors";
import { checkedPeriodsPerYear } from "../stats/checkedPeriodsPerYear";
import { checkedPrices } from "../stats/checkedPrices";
import { sharpeRatio } from "../stats/sharpeRatio";

/**
 * Rolling Sharpe ratio of an equity curve: at each row t, the annualised Sharpe ratio of the
 * `window` returns ending at t.
 *
 * Formula: S_t = sharpeRatio(r_{t−w+1} … r_t) with r_u = V_u / V_{u−1} − 1, i.e.
 * √ppy · mean / std(ddof = 1) at risk-free 0 — the same `sharpeRatio` STATS uses, so S_t equals
 * STATS' "Sharpe ratio" of the w + 1 values V_{t−w} … V_t. Reference: Sharpe (1994); the rolling
 * form is pandas `r.rolling(w).mean() / r.rolling(w).std() * √ppy`.
 * Conventions: rows before the first full window (t < w), and windows of constant returns (zero
 * volatility, e.g. all cash), are NaN: undefined, and shown blank by the pane, never a number.
 * Complexity: O(n·w) time (each window through `sharpeRatio`, so the figure is exactly the cell's
 * rather than a running-sum approximation of it); O(w) extra memory.
 *
 * @param equity strictly positive values, oldest first, at least two
 * @param window returns per window, 2 … n − 1 (365 for a year of daily rows)
 * @param periodsPerYear periods per year (default 365)
 * @returns a Float64Array of n values, NaN where undefined
 * @throws CoreError INVALID_ARGUMENT (window not a whole number in 2 … n − 1; periodsPerYear ≤ 0)
 * @throws CoreError TOO_FEW_POINTS / NON_FINITE / NON_POSITIVE_PRICE (a bad equity curve)
 * @example rollingSharpe(curve, 365)[400]; // => sharpeRatio of the returns of curve rows 35 … 400, STATS' Sharpe of those rows
 */
export function rollingSharpe(
  equity: ArrayLike<number>,
  window: number,
  periodsPerYear = 365
): Float64Array {
  checkedPrices(equity, "equity");
  const ppy = checkedPeriodsPerYear(periodsPerYear);
  const n = equity.length;
  if (!Number.isInteger(window) || window < 2 || window > n - 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `window must be a whole number of returns from 2 to ${n - 1} (the curve has ${n} values); got ${window}`,
      { argument: "window" }
    );
  }
  const returns = new Float64Array(n - 1);
  for (let t = 1; t < n; t++) returns[t - 1] = equity[t] / equity[t - 1] - 1;
  const out = new Float64Array(n).fill(NaN);
  for (let t = window; t < n; t++) {
    try {
      out[t] = sharpeRatio(returns.subarray(t - window, t), { periodsPerYear: ppy });
    } catch (error) {
      // A constant window (all cash) has no Sharpe ratio: NaN marks it undefined.
      if (!isCoreError(error) || error.code !== "ZERO_VARIANCE") throw error;
    }
  }
  return out;
}
