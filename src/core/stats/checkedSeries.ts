import { CoreError } from "../errors";

/**
 * Validates one series (returns, prices or an equity curve) before a statistic reads it: at least
 * `minPoints` values, every one finite. Shared by every function of `stats/` and `drawdown/` so the
 * messages keep one grammar.
 *
 * Conventions: NaN is rejected here (a single series has no "missing" rows; use a per-asset panel
 * function such as `panelStatistics` to skip the blanks before listing and after delisting).
 * Complexity: O(n), no allocation.
 *
 * @param values the series, oldest first
 * @param argument the argument name shown in messages (e.g. "returns")
 * @param minPoints the fewest values the statistic needs (≥ 1)
 * @param need why that many, completing "… need at least k values" (e.g. "a sample standard deviation")
 * @throws CoreError TOO_FEW_POINTS (empty, or fewer than `minPoints` values)
 * @throws CoreError NON_FINITE (a NaN or ±Infinity, with its row)
 * @example checkedSeries([0.01, -0.02], "returns", 2, "a volatility"); // => undefined (no throw)
 */
export function checkedSeries(
  values: ArrayLike<number>,
  argument: string,
  minPoints: number,
  need: string
): void {
  const n = values.length;
  if (n < minPoints) {
    const have = n === 0 ? "is empty" : `has ${n} value${n === 1 ? "" : "s"}`;
    throw new CoreError(
      "TOO_FEW_POINTS",
      `${argument} ${have}; ${need} needs at least ${minPoints}; use a longer window`,
      { argument }
    );
  }
  for (let t = 0; t < n; t++) {
    if (!Number.isFinite(values[t])) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}: row ${t + 1} is ${values[t]}, not a finite number; fix or remove it`,
        { argument, row: t }
      );
    }
  }
}
