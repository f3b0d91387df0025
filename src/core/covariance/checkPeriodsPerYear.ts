import { CoreError } from "../errors";

/** Crypto trades every calendar day, so a year has 365 daily periods (DESIGN.md). */
export const DEFAULT_PERIODS_PER_YEAR = 365;

/**
 * Validates an annualisation factor and returns it, or the default 365 when it is undefined.
 *
 * Conventions: a per-period covariance is multiplied by periodsPerYear (variances scale with time
 * for independent returns); pass 1 to keep per-period values, 252 for trading days, 52, 12.
 * Complexity: O(1).
 *
 * @param periodsPerYear periods in a year, finite and > 0; undefined (or null) means 365
 * @returns the factor to multiply per-period (co)variances by
 * @throws CoreError INVALID_ARGUMENT (not a finite number above 0)
 * @example checkPeriodsPerYear(undefined); // => 365
 */
export function checkPeriodsPerYear(periodsPerYear: number | undefined): number {
  // null counts as omitted: Excel passes null for an omitted optional argument.
  if (periodsPerYear == null) return DEFAULT_PERIODS_PER_YEAR;
  if (
    typeof periodsPerYear !== "number" ||
    !Number.isFinite(periodsPerYear) ||
    periodsPerYear <= 0
  ) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `periodsPerYear must be a number above 0 (365 for daily crypto, 252, 52, 12, or 1 for per-period); got ${String(periodsPerYear)}`,
      { argument: "periodsPerYear" }
    );
  }
  return periodsPerYear;
}
