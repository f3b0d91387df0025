import { CoreError } from "../errors";

/** Weights typed or computed elsewhere; 1e-6 forgives rounded percentages, not a missing asset. */
const WEIGHT_SUM_TOLERANCE = 1e-6;

/** Options for {@link checkWeights}. */
export interface CheckWeightsOptions {
  /** The argument name used in messages (default "weights"; the backtest says "rule" for a callback). */
  readonly argument?: string;
  /** Context added after the argument in messages, e.g. "(weights returned for row 31)". */
  readonly where?: string;
  /** Asset names for messages; missing ones read "Asset i". */
  readonly labels?: readonly string[];
  /** The argument that fixes the number of assets, for the length message (default "cov"). */
  readonly assetsOf?: string;
  /**
   * Require a long-only, fully invested portfolio (every weight ≥ 0, sum 1 within 1e-6) and return
   * it rescaled to sum exactly to 1, as the backtests need; default false (any exposure vector).
   */
  readonly fullyInvested?: boolean;
}

/**
 * Validates a weight vector: one finite weight per asset. By default weights may be negative
 * (short positions) and need not sum to 1, since the diagnostics (risk contributions,
 * diversification ratio, …) are defined for any exposure vector; with `fullyInvested` they must be
 * long only and sum to 1, and the small rounding difference is removed by rescaling.
 *
 * Conventions: the error's row and column are both the asset's 0-based index (a weight range is
 * typed down a column in Excel, and each weight belongs to an asset column). `where` traces a
 * callback's bad output to its date.
 * Complexity: O(n).
 *
 * @param weights the portfolio weights; not modified
 * @param assets the number of assets they must cover
 * @param options argument name, context, labels and the long-only, fully invested policy
 * @returns a new Float64Array of the weights (rescaled to sum exactly to 1 with `fullyInvested`)
 * @throws CoreError LENGTH_MISMATCH (not one weight per asset)
 * @throws CoreError INVALID_ARGUMENT (no weights at all)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, naming the asset)
 * @throws CoreError INVALID_ARGUMENT (with `fullyInvested`: a negative weight; a sum not 1 ± 1e-6)
 * @example checkWeights([-0.5, 1.5], 2); // => Float64Array [-0.5, 1.5]
 * @example checkWeights([0.3, 0.6], 2, { fullyInvested: true }); // throws INVALID_ARGUMENT (sum 0.9)
 */
export function checkWeights(
  weights: ArrayLike<number>,
  assets: number,
  options: CheckWeightsOptions = {}
): Float64Array {
  const argument = options.argument ?? "weights";
  const name = options.where ? `${argument} ${options.where}` : argument;
  // A callback (the backtest's rule) can return anything; report it rather than crash on .length.
  if (weights === null || typeof weights !== "object" || weights.length !== assets) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${name} has ${weights?.length ?? "no"} values but ${options.assetsOf ?? "cov"} has ${assets} assets; give one weight per asset`,
      { argument }
    );
  }
  if (assets === 0) {
    throw new CoreError("INVALID_ARGUMENT", `${name} is empty; give one weight per asset`, {
      argument,
    });
  }
  let sum = 0;
  for (let i = 0; i < assets; i++) {
    const w = weights[i];
    const label = options.labels?.[i] ?? `Asset ${i + 1}`;
    if (!Number.isFinite(w)) {
      throw new CoreError(
        "NON_FINITE",
        `${name}: value ${i + 1} (${label}) is not a finite number; fix the weight`,
        { argument, row: i, column: i, label }
      );
    }
    if (options.fullyInvested && w < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${name}: ${label} is ${w}; weights must be 0 or more (long only)`,
        { argument, row: i, column: i, label }
      );
    }
    sum += w;
  }
  if (!options.fullyInvested) return Float64Array.from(weights);
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    throw new CoreError("INVALID_ARGUMENT", `${name} sum to ${sum}; weights must sum to 1`, {
      argument,
    });
  }
  const out = new Float64Array(assets);
  for (let i = 0; i < assets; i++) out[i] = weights[i] / sum;
  return out;
}
