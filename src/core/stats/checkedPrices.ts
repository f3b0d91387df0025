import { CoreError } from "../errors";
import { checkedSeries } from "./checkedSeries";

/**
 * Validates a price series or equity curve: at least two values, all finite and strictly positive.
 *
 * Conventions: oldest first; no blanks (NaN) — a single series has no missing rows (use the panel
 * functions to skip the blanks before listing and after delisting).
 * Complexity: O(n), no allocation.
 *
 * @param prices the series, oldest first
 * @param argument the argument name shown in messages (default "prices")
 * @throws CoreError TOO_FEW_POINTS (fewer than two prices)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0, with its row)
 * @example checkedPrices([100, 120, 90]); // => undefined (no throw)
 */
export function checkedPrices(prices: ArrayLike<number>, argument = "prices"): void {
  checkedSeries(prices, argument, 2, "a price path");
  for (let t = 0; t < prices.length; t++) {
    if (prices[t] <= 0) {
      throw new CoreError(
        "NON_POSITIVE_PRICE",
        `${argument}: row ${t + 1} is ${prices[t]}; prices must be above 0`,
        { argument, row: t }
      );
    }
  }
}
