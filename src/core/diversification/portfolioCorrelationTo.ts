import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovariance } from "../allocation/checkCovariance";
import { checkWeights } from "./checkWeights";

/**
 * Correlation of a portfolio's return with one asset's return (say BTC), from the covariance matrix.
 *
 * Formula: ρ(p, b) = (Σw)_b / (√(wᵀΣw) · √Σ_bb).   Reference: the covariance of a linear
 * combination, Cov(wᵀr, r_b) = (Σw)_b; as numpy `(S @ w)[b] / sqrt(w @ S @ w) / sqrt(S[b, b])`
 * (fixture scripts/fixtures/diversification.py, to 1e-12).
 * Conventions: clipped to [−1, 1] (rounding can overshoot when the portfolio is the benchmark).
 * Complexity: O(N²) time, O(N³/6) for the PSD check.
 *
 * @param weights portfolio weights, one per asset
 * @param cov covariance matrix, positive semidefinite
 * @param benchmarkIndex 0-based index of the benchmark asset in cov
 * @returns the correlation in [−1, 1]
 * @throws CoreError INVALID_ARGUMENT when cov is not square or not symmetric, or benchmarkIndex is not an asset index
 * @throws CoreError TOO_FEW_POINTS when cov has no asset
 * @throws CoreError LENGTH_MISMATCH when weights does not have one value per asset
 * @throws CoreError NON_FINITE for NaN or ±Infinity in weights or cov
 * @throws CoreError SINGULAR_MATRIX when cov is not positive semidefinite
 * @throws CoreError ZERO_VARIANCE when the benchmark or the portfolio has zero variance
 * @example portfolioCorrelationTo(Float64Array.of(0.5, 0.5), { size: 2, data: Float64Array.of(1, 0, 0, 1), labels: ["A", "B"] }, 0);
 *   // (Σw)_0 = 0.5, σ_p = √0.5, σ_b = 1 → 0.5/0.7071 ≈ 0.70711
 */
export function portfolioCorrelationTo(
  weights: ArrayLike<number>,
  cov: SquareMatrix,
  benchmarkIndex: number
): number {
  checkCovariance(cov, { allowZeroVariance: true, purpose: "a correlation" });
  checkWeights(weights, cov.size, { labels: cov.labels });
  const n = cov.size;
  if (!Number.isInteger(benchmarkIndex) || benchmarkIndex < 0 || benchmarkIndex >= n) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `benchmark must be an asset index from 0 to ${n - 1}; got ${benchmarkIndex}`,
      { argument: "benchmark" }
    );
  }
  const a = cov.data;
  const benchmarkVariance = a[benchmarkIndex * n + benchmarkIndex];
  if (!(benchmarkVariance > 0)) {
    const label = cov.labels[benchmarkIndex];
    throw new CoreError(
      "ZERO_VARIANCE",
      `benchmark: column ${benchmarkIndex + 1} (${label}) has zero variance; choose a risky benchmark`,
      { argument: "benchmark", column: benchmarkIndex, label }
    );
  }
  let variance = 0;
  let covarianceToBenchmark = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += a[row + j] * weights[j];
    variance += weights[i] * s;
    if (i === benchmarkIndex) covarianceToBenchmark = s;
  }
  if (!(variance > 0)) {
    throw new CoreError(
      "ZERO_VARIANCE",
      "weights: the portfolio has zero variance, so its correlation is undefined; hold at least one risky asset",
      { argument: "weights" }
    );
  }
  const rho = covarianceToBenchmark / (Math.sqrt(variance) * Math.sqrt(benchmarkVariance));
  return Math.min(1, Math.max(-1, rho));
}
