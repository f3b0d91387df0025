import { checkedPeriodsPerYear } from "./checkedPeriodsPerYear";
import { checkedPrices } from "./checkedPrices";
import { finiteMetric } from "./finiteMetric";

/**
 * Compound annual growth rate of a price series (or equity curve).
 *
 * Formula: CAGR = (P_last / P_first)^(1 / years) − 1, years = (n − 1) / periodsPerYear, where n − 1
 * is the number of periods (returns) between the first and last price.   Reference: as empyrical
 * `annual_return` (= `cagr`) applied to the series' simple returns.
 * Conventions: prices oldest first, equally spaced; periodsPerYear default 365 (calendar days).
 * Complexity: O(n) for validation, O(1) arithmetic.
 *
 * @param prices strictly positive prices, oldest first, at least two
 * @param periodsPerYear periods in a year (default 365)
 * @returns the CAGR as a fraction per year (> −1)
 * @throws CoreError TOO_FEW_POINTS (fewer than two prices)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0, with its row)
 * @throws CoreError INVALID_ARGUMENT (periodsPerYear not above 0)
 * @example cagr([100, 110, 121], 2); // => 0.20999999999999996 (two periods = one year: 1.21 − 1)
 */
export function cagr(prices: ArrayLike<number>, periodsPerYear?: number): number {
  const ppy = checkedPeriodsPerYear(periodsPerYear);
  checkedPrices(prices);
  const years = (prices.length - 1) / ppy;
  return finiteMetric(
    Math.pow(prices[prices.length - 1] / prices[0], 1 / years) - 1,
    "compound annual growth rate",
    "prices"
  );
}
