import { CoreError } from "../errors";

/** Crypto trades every calendar day, so a year has 365 daily periods (DESIGN.md). */
export const DEFAULT_PERIODS_PER_YEAR = 365;

/**
 * How the estimators take their annualisation factor: the number itself, or an options object
 * `{ periodsPerYear }` like the ones `covarianceMatrix` and `ewmaCovariance` take.
 */
export type PeriodsPerYearOption = number | { readonly periodsPerYear?: number };

/**
 * Validates an annualisation factor and returns it, or the default 365 when it is omitted.
 *
 * Conventions: a per-period covariance is multiplied by periodsPerYear (variances scale with time
 * for independent returns); pass 1 to keep per-period values, 252 for trading days, 52, 12.
 * undefined and null mean "omitted" (Excel passes null for an omitted optional argument).
 * Complexity: O(1).
 *
 * @param option periods in a year (finite, > 0), or { periodsPerYear }; omitted means 365
 * @returns the factor to multiply per-period (co)variances by
 * @throws CoreError INVALID_ARGUMENT (not a finite number above 0)
 * @example checkPeriodsPerYear(undefined); // => 365
 * @example checkPeriodsPerYear({ periodsPerYear: 252 }); // => 252
 */
export function checkPeriodsPerYear(option: PeriodsPerYearOption | undefined): number {
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
