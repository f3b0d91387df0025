import { CoreError } from "../errors";
import { checkedSeries } from "./checkedSeries";
import { sampleMoments } from "./sampleMoments";
import { finiteMetric } from "./finiteMetric";

/**
 * Excess kurtosis of a sample: tail heaviness relative to the normal distribution (normal = 0).
 *
 * Formula: g2 = m4 / m2² − 3 with population central moments m_k = Σ(x − x̄)^k / n; the default
 * (bias = false) is the sample-adjusted G2 = ((n + 1) g2 + 6) (n − 1) / ((n − 2)(n − 3)).
 * Reference: bias = false matches `scipy.stats.kurtosis(x, fisher=True, bias=False)`, pandas
 * `Series.kurt()` and Excel `KURT`; bias = true matches `scipy.stats.kurtosis(x)` (Fisher, biased).
 * Joanes & Gill (1998), The Statistician 47(1). simple-statistics `sampleKurtosis` is also G2 but
 * reads `number[]` and gives NaN on a constant series; this runs on typed arrays and throws instead.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param values the sample, at least four, all finite
 * @param bias false (default) for the sample-adjusted G2, true for the plain g2
 * @returns the excess kurtosis
 * @throws CoreError TOO_FEW_POINTS (fewer than four values)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError ZERO_VARIANCE (a constant series has no kurtosis)
 * @example excessKurtosis([1, 2, 3, 10]); // => 3.2279999999999998 (g2 = −0.7696; (5·g2 + 6)·3 / 2 = 3.228)
 */
export function excessKurtosis(values: ArrayLike<number>, bias = false): number {
  checkedSeries(values, "returns", 4, "an excess kurtosis");
  const moments = sampleMoments(values);
  if (moments.zeroSpread) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "returns: the series is constant, so its kurtosis is undefined; use a longer window or another asset",
      { argument: "returns" }
    );
  }
  const n = moments.n;
  const g2 = moments.m4 / (moments.m2 * moments.m2) - 3;
  return finiteMetric(
    bias ? g2 : (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3)),
    "excess kurtosis"
  );
}
