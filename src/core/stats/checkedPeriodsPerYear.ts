import { CoreError } from "../errors";

/** Default periods per year: crypto trades every calendar day (see DESIGN.md). */
export const DEFAULT_PERIODS_PER_YEAR = 365;

/**
 * Returns `periodsPerYear` (default 365) after checking it is a finite number above 0.
 *
 * Conventions: any positive number is accepted (365 daily crypto, 252 trading days, 52, 12, or
 * fractional ones such as 365.25); it scales annualised figures, it is not rounded.
 * Complexity: O(1).
 *
 * @param periodsPerYear the caller's value, or undefined for the default
 * @throws CoreError INVALID_ARGUMENT (zero, negative, NaN or ±Infinity)
 * @example checkedPeriodsPerYear(undefined); // => 365
 */
export function checkedPeriodsPerYear(periodsPerYear: number | undefined): number {
  const value = periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  if (!Number.isFinite(value) || value <= 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `periodsPerYear must be a number above 0 (365 for daily crypto, 252, 52 or 12); got ${value}`,
      { argument: "periodsPerYear" }
    );
  }
  return value;
}
