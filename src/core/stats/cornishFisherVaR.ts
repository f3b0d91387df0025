import { CoreError } from "../errors";
import { checkedConfidence } from "./checkedConfidence";
import { checkedSeries } from "./checkedSeries";
import { normalQuantile } from "./normalQuantile";
import { sampleMoments } from "./sampleMoments";
import { finiteMetric } from "./finiteMetric";

/**
 * Cornish–Fisher (modified) value at risk: the Gaussian VaR with its quantile corrected for the
 * sample's skewness and excess kurtosis.
 *
 * Formula: z = Φ⁻¹(1 − c); z_cf = z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36;
 * VaR_c = −(μ + σ · z_cf), μ the mean, σ the sample standard deviation (n − 1), S the skewness and
 * K the excess kurtosis.
 * Reference: Favre & Galeano (2002), "Mean-modified value-at-risk optimization with hedge funds",
 * J. Alternative Investments 5(2); Zangari (1996). The fixture script reproduces it in numpy/scipy.
 * Conventions: bias = false (default) takes S = G1 and K = G2, the sample-adjusted estimators of
 * `skewness` / `excessKurtosis` (scipy `bias=False`, Excel SKEW/KURT); bias = true takes the plain
 * moment ratios g1, g2 (scipy `bias=True`), the ones PerformanceAnalytics' modified VaR uses.
 * Losses are positive; per period; confidence default 0.95. The expansion is only an approximation:
 * with extreme skewness it can even fall below the Gaussian VaR or stop being monotone in c.
 * Complexity: O(n) time, O(1) memory.
 *
 * @param returns per-period returns, at least four, all finite
 * @param confidence c in (0, 1), default 0.95
 * @param bias false (default) for G1/G2, true for g1/g2
 * @returns the VaR as a positive loss fraction
 * @throws CoreError TOO_FEW_POINTS (fewer than four returns)
 * @throws CoreError NON_FINITE (NaN or ±Infinity, with its row)
 * @throws CoreError ZERO_VARIANCE (a constant series has no skewness or kurtosis)
 * @throws CoreError INVALID_ARGUMENT (confidence not strictly between 0 and 1)
 * @example cornishFisherVaR([-0.03, 0.01, 0.02, 0.0], 0.95); // => 0.0416135250955729 (G1 = −1.19, G2 = 1.5)
 */
export function cornishFisherVaR(
  returns: ArrayLike<number>,
  confidence?: number,
  bias = false
): number {
  const c = checkedConfidence(confidence);
  checkedSeries(returns, "returns", 4, "a Cornish–Fisher value at risk");
  const moments = sampleMoments(returns);
  if (moments.zeroSpread) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "returns: the series is constant, so its skewness and kurtosis are undefined; use gaussianVaR or a longer window",
      { argument: "returns" }
    );
  }
  const n = moments.n;
  const g1 = moments.m3 / Math.pow(moments.m2, 1.5);
  const g2 = moments.m4 / (moments.m2 * moments.m2) - 3;
  const s = bias ? g1 : (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
  const k = bias ? g2 : (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
  const z = normalQuantile(1 - c);
  const z2 = z * z;
  const z3 = z2 * z;
  const zcf = z + ((z2 - 1) * s) / 6 + ((z3 - 3 * z) * k) / 24 - ((2 * z3 - 5 * z) * s * s) / 36;
  return finiteMetric(
    -(moments.mean + Math.sqrt(moments.variance) * zcf),
    "Cornish–Fisher value at risk"
  );
}
