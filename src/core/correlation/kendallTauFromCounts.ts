/**
 * Kendall's tau-b from the pair counts of Knight's algorithm.
 *
 * Formula: τ_b = (n₀ − n₁ − n₂ + n₃ − 2·n_d) / √((n₀ − n₁)(n₀ − n₂)), n₀ = n(n−1)/2 the pairs, n₁ / n₂
 * the pairs tied in x / y, n₃ those tied in both and n_d the discordant pairs (n_c − n_d written
 * with Knight's identity n_c + n_d = n₀ − n₁ − n₂ + n₃).
 * Reference: Knight (1966), JASA 61(314); scipy.stats.kendalltau (variant "b").
 * Numerics: while the product of the exact counts is exact (below 2^53) one square root makes a
 * perfectly ordered pair exactly ±1 (scipy's two roots give 0.9999999999999999); the result is
 * clamped to [−1, 1]. Every kernel (JS or WebAssembly) finishes here, so they agree bit for bit.
 * Complexity: O(1).
 *
 * @param total n₀ = n(n−1)/2
 * @param xTies n₁
 * @param yTies n₂
 * @param joint n₃
 * @param discordant n_d
 * @returns tau-b in [−1, 1] (NaN when x or y is constant: the caller checks that first)
 * @throws nothing: internal helper, the caller validates
 * @example kendallTauFromCounts(3, 0, 0, 0, 1); // => 0.333… (1 discordant pair of 3)
 */
export function kendallTauFromCounts(
  total: number,
  xTies: number,
  yTies: number,
  joint: number,
  discordant: number
): number {
  const numerator = total - xTies - yTies + joint - 2 * discordant;
  const product = (total - xTies) * (total - yTies);
  const tau =
    product <= Number.MAX_SAFE_INTEGER
      ? numerator / Math.sqrt(product)
      : numerator / Math.sqrt(total - xTies) / Math.sqrt(total - yTies);
  return Math.max(-1, Math.min(1, tau));
}
