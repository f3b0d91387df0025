import { isBlankCell } from "./cell";
import { type Parsed, invalid, ok } from "./result";

/** Resamples of RISKWEIGHTS "resampled" when no count is typed. */
export const DEFAULT_RESAMPLES = 100;

/**
 * Reads RISKWEIGHTS' method "resampled [count]" (case-insensitive): the number of bootstrap
 * resamples, a whole number from 2 to 10,000, default 100. Undefined for any other method (its
 * own parser reads it), so the caller can try this first.
 *
 * @example parseResampledMethod("Resampled 500"); // => ok(500)
 */
export function parseResampledMethod(value: unknown): Parsed<number | undefined> {
  if (typeof value !== "string" || isBlankCell(value)) return ok(undefined);
  const words = value.trim().split(/\s+/);
  if (words[0].toLowerCase() !== "resampled") return ok(undefined);
  if (words.length === 1) return ok(DEFAULT_RESAMPLES);
  const count = words.length === 2 ? Number(words[1]) : NaN;
  if (!Number.isInteger(count) || count < 2 || count > 10000) {
    return invalid(
      `method "${value}": the count after "resampled" must be a whole number of resamples from 2 to 10,000, e.g. "resampled 200" (default ${DEFAULT_RESAMPLES})`
    );
  }
  return ok(count);
}
