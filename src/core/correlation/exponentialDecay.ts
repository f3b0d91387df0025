import { CoreError } from "../errors";

/** How fast exponential weights fade: give exactly one of a half-life or a span, in rows. */
export type ExponentialDecaySpec = { readonly halfLife: number } | { readonly span: number };

/**
 * The per-row decay factor λ = 1 − α of exponential weights, from a half-life or a span.
 *
 * Formula: half-life h → α = 1 − exp(−ln 2 / h), so a row h rows older weighs exactly half;
 * span s → α = 2 / (s + 1). Reference: pandas `ewm(halflife=h)` / `ewm(span=s)` (same α).
 * Complexity: O(1).
 *
 * @param spec { halfLife } (> 0 rows) or { span } (> 1 rows)
 * @returns λ in (0, 1): the weight of a row relative to the next newer one
 * @throws CoreError INVALID_ARGUMENT (neither or both given, or out of range)
 * @example exponentialDecay({ halfLife: 1 }); // => 0.5
 */
export function exponentialDecay(spec: ExponentialDecaySpec): number {
  const halfLife = (spec as { halfLife?: number }).halfLife;
  const span = (spec as { span?: number }).span;
  if ((halfLife === undefined) === (span === undefined)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      "decay: give exactly one of halfLife or span (in rows)",
      { argument: "decay" }
    );
  }
  if (halfLife !== undefined) {
    if (!(halfLife > 0) || !Number.isFinite(halfLife)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `halfLife must be a finite number of rows above 0; got ${halfLife}`,
        { argument: "halfLife" }
      );
    }
    const decay = Math.exp(-Math.LN2 / halfLife);
    if (decay === 0) {
      // Below ~0.001 rows, λ = 2^(−1/h) underflows: every row but the last would weigh exactly 0.
      throw new CoreError(
        "INVALID_ARGUMENT",
        `halfLife ${halfLife} is too short: older rows would get no weight at all; use a half-life of at least 0.01 rows`,
        { argument: "halfLife" }
      );
    }
    return decay;
  }
  if (!(span! > 1) || !Number.isFinite(span)) {
    // span = 1 gives α = 1: only the newest row would count, and one row has no correlation.
    throw new CoreError(
      "INVALID_ARGUMENT",
      `span must be a finite number of rows above 1; got ${span}`,
      {
        argument: "span",
      }
    );
  }
  return 1 - 2 / (span! + 1);
}
