import { CoreError } from "../errors";
import { checkedSeries } from "./checkedSeries";
import { sampleMoments } from "./sampleMoments";
import { finiteMetric } from "./finiteMetric";

/**
 * Skewness of a sample: the asymmetry of its distribution (negative = a longer loss tail).
 *
 * Formula: g1 = m3 / m2^(3/2) with population central moments m_k = Σ(x − x̄)^k / n; the default
 * (bias = false) is the adjusted Fisher–Pearson estimator G1 = g1 · √(n(n − 1)) / (n − 2).
 * Reference: bias = false matches `scipy.stats.skew(x, bias=False)`, pandas `Series.skew()` and
 * Excel `SKEW`; bias = true matches `scipy.stats.skew(x)` (default bias=True). Joanes & Gill (1998),
 * "Comparing measures of sample skewness and kurtosis", The Statistician 47(1).
 * simple-statistics `sampleSkewness` is also G1, but it reads `number[]` and gives NaN on a constant
 * series; this runs on typed arrays and throws instead.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param values the sample, at least three, all finite
 * @param bias false (default) for the sample-adjusted G1, true for the plain g1
 * @returns the skewness
 * @throws CoreError TOO_FEW_POINTS (fewer than three values)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError ZERO_VARIANCE (a constant series has no skewness)
 * @example skewness([1, 2, 3, 10]); // => 1.763632614803888 (g1 = 1.0182, × √12 / 2)
 */
export function skewness(values: ArrayLike<number>, bias = false): number {
  checkedSeries(values, "returns", 3, "a skewness");
  const moments = sampleMoments(values);
  if (moments.zeroSpread) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "returns: the series is constant, so its skewness is undefined; use a longer window or another asset",
      { argument: "returns" }
    );
  }
  const n = moments.n;
  const g1 = moments.m3 / Math.pow(moments.m2, 1.5);
  return finiteMetric(bias ? g1 : (g1 * Math.sqrt(n * (n - 1))) / (n - 2), "skewness");
}
