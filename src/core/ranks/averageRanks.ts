import { CoreError } from "../errors";
import { averageRanksInto } from "./averageRanksInto";

/**
 * Average (fractional) ranks of a series: the smallest value gets 1, ties share the mean of the
 * positions they occupy.
 *
 * Formula: rank(x) = (L + U + 1) / 2, L = #values below x, U = #values ≤ x.
 * Reference: scipy.stats.rankdata(method="average"); pandas `Series.rank()` (method "average").
 * Conventions: 1-based ranks; −0 and +0 tie; the ranks of n values sum to n(n+1)/2.
 * Complexity: O(n log n) time, O(n) extra memory.
 *
 * @param values finite numbers, at least one
 * @param argument the argument name used in error messages (default "values")
 * @returns a new Float64Array of ranks, same order as `values`
 * @throws CoreError TOO_FEW_POINTS (empty input)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @example averageRanks([10, 30, 20, 30]); // => Float64Array [1, 3.5, 2, 3.5]
 */
export function averageRanks(values: ArrayLike<number>, argument = "values"): Float64Array {
  const n = values.length;
  if (n === 0) {
    throw new CoreError("TOO_FEW_POINTS", `${argument} is empty; give at least one value to rank`, {
      argument,
    });
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}: row ${i + 1} is ${values[i]}; ranks need finite numbers (remove or fill it)`,
        { argument, row: i }
      );
    }
  }
  return averageRanksInto(values, n, new Float64Array(n), new Float64Array(n));
}
