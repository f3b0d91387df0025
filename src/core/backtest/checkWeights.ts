import { CoreError } from "../errors";

/** Weights typed or computed elsewhere; 1e-6 forgives rounded percentages, not a missing asset. */
const WEIGHT_SUM_TOLERANCE = 1e-6;

/**
 * Validates a long-only weight vector and returns a copy rescaled to sum exactly to 1.
 *
 * Conventions: one weight per asset, each finite and ≥ 0, summing to 1 within 1e-6; the small
 * rounding difference is removed by rescaling. `where` is added to messages (e.g. "returned by the
 * rule at row 31") so a callback's bad output is traced to its date.
 * Complexity: O(n).
 *
 * @param weights the weights
 * @param assets the number of assets they must cover
 * @param argument the argument name for messages (e.g. "weights" or "rule")
 * @param where optional context for messages
 * @param labels optional asset names for messages
 * @returns a new Float64Array summing to 1
 * @throws CoreError LENGTH_MISMATCH (not one weight per asset)
 * @throws CoreError NON_FINITE (NaN or ±Infinity)
 * @throws CoreError INVALID_ARGUMENT (a negative weight; weights not summing to 1 ± 1e-6)
 * @example checkWeights([0.25, 0.75], 2, "weights"); // => Float64Array [0.25, 0.75]
 */
export function checkWeights(
  weights: ArrayLike<number>,
  assets: number,
  argument: string,
  where = "",
  labels?: readonly string[]
): Float64Array {
  const suffix = where === "" ? "" : ` ${where}`;
  if (weights === null || typeof weights !== "object" || weights.length !== assets) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument}${suffix} has ${weights?.length ?? "no"} weights for ${assets} assets; give one weight per asset`,
      { argument }
    );
  }
  let sum = 0;
  for (let i = 0; i < assets; i++) {
    const w = weights[i];
    const label = labels?.[i] ?? `asset ${i + 1}`;
    if (!Number.isFinite(w)) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}${suffix}: ${label} is ${w}; weights must be numbers`,
        {
          argument,
          column: i,
          label,
        }
      );
    }
    if (w < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument}${suffix}: ${label} is ${w}; weights must be 0 or more (long only)`,
        { argument, column: i, label }
      );
    }
    sum += w;
  }
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument}${suffix} sum to ${sum}; weights must sum to 1`,
      { argument }
    );
  }
  const out = new Float64Array(assets);
  for (let i = 0; i < assets; i++) out[i] = weights[i] / sum;
  return out;
}
