import { CoreError } from "../errors";

/** Default periods per year: crypto trades every calendar day (see DESIGN.md). */
export const DEFAULT_PERIODS_PER_YEAR = 365;

/**
 * How functions take their annualisation factor: the number itself, or an options object
 * `{ periodsPerYear }` like the ones `covarianceMatrix` and `ewmaCovariance` take.
 */
export type PeriodsPerYearOption = number | { readonly periodsPerYear?: number };

/**
 * Returns `periodsPerYear` (default 365) after checking it is a finite number above 0. The one
 * check behind every annualised figure: the statistics (volatility, Sharpe, CAGR, …) and the
 * covariance estimators all call it, so they accept and reject the same values with one message.
 *
 * Conventions: any positive number is accepted (365 daily crypto, 252 trading days, 52, 12, 1 to
 * keep per-period values, or fractional ones such as 365.25); it scales annualised figures, it is
 * not rounded. undefined and null mean "omitted" (Excel passes null for an omitted optional
 * argument), and so does an options object without `periodsPerYear`.
 * Complexity: O(1).
 *
 * @param option periods in a year (finite, > 0), or { periodsPerYear }; omitted means 365
 * @returns the factor, e.g. to multiply per-period (co)variances by
 * @throws CoreError INVALID_ARGUMENT (zero, negative, NaN, ±Infinity or not a number)
 * @example checkedPeriodsPerYear(undefined); // => 365
 * @example checkedPeriodsPerYear({ periodsPerYear: 252 }); // => 252
 */
export function checkedPeriodsPerYear(option: PeriodsPerYearOption | null | undefined): number {
  const value = typeof option === "object" && option !== null ? option.periodsPerYear : option;
  if (value == null) return DEFAULT_PERIODS_PER_YEAR;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `periodsPerYear must be a number above 0 (365 for daily crypto, 252, 52, 12, or 1 for per-period); got ${String(value)}`,
      { argument: "periodsPerYear" }
    );
  }
  return value;
}
