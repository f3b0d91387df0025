import { CoreError } from "../errors";

/**
 * Returns an annual rate option (risk-free rate, minimum acceptable return), default 0, after
 * checking it is finite.
 *
 * Conventions: a fraction per year (0.04 for 4 %); callers convert it to a per-period rate by
 * dividing by periodsPerYear (simple, not compounded, as empyrical's users usually do).
 * Complexity: O(1).
 *
 * @param rate the caller's value, or undefined for 0
 * @param argument the option name shown in messages ("riskFree", "mar")
 * @throws CoreError INVALID_ARGUMENT (NaN or ±Infinity)
 * @example checkedRate(undefined, "riskFree"); // => 0
 */
export function checkedRate(rate: number | undefined, argument: string): number {
  const value = rate ?? 0;
  if (!Number.isFinite(value)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} must be a finite annual rate such as 0.04 for 4 %; got ${value}`,
      { argument }
    );
  }
  return value;
}
