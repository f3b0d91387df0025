/**
 * Number formats of the columns the pane writes (Range.numberFormat, ExcelApi 1.1). Excel stores a
 * number and shows it through its cell's format, so a date is a serial shown as a date, a weight a
 * fraction shown as a percentage. Formats are given in the en-US invariant form, which Excel
 * accepts in every locale (Range.numberFormat, not numberFormatLocal).
 */

/**
 * Text: the cell keeps exactly the string written. Without it Excel reads "-X" or "=X" as a
 * formula, "00" as 0, "TRUE" as a boolean and "2024-01-01" as a date (Range.values is parsed as if
 * typed), so symbols, names and sectors go into "@" columns, set in the same request before the values.
 */
export const TEXT_FORMAT = "@";

/**
 * Excel's General: whole numbers plainly (2, not "2."), fractions with as many digits as fit
 * (0.00012345). Used for unit counts, which may be whole or tiny; a "0.####" pattern would show
 * a whole number with a dangling decimal point.
 */
export const GENERAL_FORMAT = "General";

/** Weights, returns and volatilities: 0.2254 shows as 22.54%. */
export const PERCENT_FORMAT = "0.00%";

/** Drawdowns: one decimal is enough to read a fall (−25.3%). */
export const DRAWDOWN_FORMAT = "0.0%";

/** Market caps: whole currency units with thousands separators (4,793,543,600,000). */
export const WHOLE_FORMAT = "#,##0";

/** Values, trades and fees: currency with cents (1,234.50). */
export const MONEY_FORMAT = "#,##0.00";

/** Most decimals a price format shows: enough for a token priced in millionths. */
const MAX_PRICE_DECIMALS = 10;
/** Significant digits a price below 1 keeps (0.00001234, 0.5123). */
const PRICE_SIGNIFICANT_DIGITS = 4;

/**
 * A price format that suits a column of prices: two decimals at least (97,000.00), and as many
 * more as the smallest positive price needs to show four significant digits (0.00001234 with
 * "#,##0.00######"), never more than ten. Optional "#" decimals beyond the first two drop trailing
 * zeros, so 1.5 shows as 1.50, not 1.50000000.
 *
 * Complexity: O(n) over the prices.
 *
 * @param prices the column's prices; non-finite and non-positive values are ignored
 * @returns an Excel number format
 * @example priceFormat([97000, 1.2]); // => "#,##0.00"
 * @example priceFormat([0.00001234]); // => "#,##0.00######"
 */
export function priceFormat(prices: Iterable<number | string | boolean>): string {
  let smallest = Infinity;
  for (const price of prices) {
    if (typeof price === "number" && Number.isFinite(price) && price > 0 && price < smallest) {
      smallest = price;
    }
  }
  const decimals =
    smallest >= 1 || smallest === Infinity
      ? 2
      : Math.min(
          MAX_PRICE_DECIMALS,
          Math.max(2, PRICE_SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(smallest)))
        );
  return `#,##0.00${"#".repeat(decimals - 2)}`;
}
