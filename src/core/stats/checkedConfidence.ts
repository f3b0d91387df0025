import { CoreError } from "../errors";

/** Default VaR confidence level. */
export const DEFAULT_CONFIDENCE = 0.95;

/**
 * Returns the VaR confidence level `c` (default 0.95) after checking 0 < c < 1.
 *
 * Conventions: a fraction, not a percentage (0.95, not 95); the loss tail has probability 1 − c.
 * Complexity: O(1).
 *
 * @param confidence the caller's value, or undefined for the default
 * @throws CoreError INVALID_ARGUMENT (outside the open interval (0, 1), NaN)
 * @example checkedConfidence(0.99); // => 0.99
 */
export function checkedConfidence(confidence: number | undefined): number {
  const value = confidence ?? DEFAULT_CONFIDENCE;
  if (!(value > 0 && value < 1)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `confidence must be strictly between 0 and 1 (e.g. 0.95 for 95 %); got ${value}`,
      { argument: "confidence" }
    );
  }
  return value;
}
