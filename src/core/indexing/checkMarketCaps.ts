import { CoreError } from "../errors";

/**
 * Validates a vector of market capitalisations for the index-weighting functions.
 *
 * Conventions: one strictly positive, finite market cap per constituent (a name with no market
 * cap does not belong in a market-cap index: drop it first). Labels, when given, name the
 * offending constituent in the message.
 * Complexity: O(n).
 *
 * @param marketCaps market caps, one per constituent
 * @param argument the argument name used in messages (e.g. "marketCaps")
 * @param labels optional constituent names, same length as marketCaps
 * @throws CoreError INVALID_ARGUMENT (empty; a cap ≤ 0; label count differs)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its position)
 * @example checkMarketCaps([3, 2, 1], "marketCaps"); // => undefined (no throw)
 */
export function checkMarketCaps(
  marketCaps: ArrayLike<number>,
  argument: string,
  labels?: readonly string[]
): void {
  const n = marketCaps.length;
  if (n === 0) {
    throw new CoreError("INVALID_ARGUMENT", `${argument} is empty; give at least one market cap`, {
      argument,
    });
  }
  if (labels !== undefined && labels.length !== n) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} has ${n} values but ${labels.length} labels; give one label per market cap`,
      { argument }
    );
  }
  for (let i = 0; i < n; i++) {
    const m = marketCaps[i];
    const label = labels?.[i];
    const where = `${argument}: entry ${i + 1}${label === undefined ? "" : ` (${label})`}`;
    if (!Number.isFinite(m)) {
      throw new CoreError("NON_FINITE", `${where} is ${m}, not a finite number; fix or remove it`, {
        argument,
        row: i,
        label,
      });
    }
    if (m <= 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${where} is ${m}; market caps must be above 0 (remove the constituent)`,
        { argument, row: i, label }
      );
    }
  }
}
