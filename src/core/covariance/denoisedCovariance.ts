import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";
import { centredCompleteCases } from "./centredCompleteCases";
import { checkedPeriodsPerYear } from "../stats/checkedPeriodsPerYear";
import { crossProduct } from "./crossProduct";
import { denoisedCorrelation, type DenoisingOptions } from "./denoisedCorrelation";
import type { DenoisingResult } from "./denoisingResult";

/** Options for {@link denoisedCovariance}. */
export interface DenoisedCovarianceOptions extends DenoisingOptions {
  /** Annualisation factor (default 365; 1 for per-period). */
  readonly periodsPerYear?: number;
}

/**
 * Marchenko–Pastur denoised covariance (constant residual eigenvalue, optionally detoned), annualised.
 *
 * Formula, on the n complete rows (p assets): S = sample covariance (n − 1), σ_i = √S_ii,
 * C = S / (σσᵀ); C̃ = denoisedCorrelation(C, T = n) (q = n/p, λ₊ = σ²_MP(1 + √(1/q))², eigenvalues
 * below λ₊ replaced by their mean, optional detoning, unit diagonal); Σ̂ = ppy · C̃ ⊙ σσᵀ.
 * Reference: M. López de Prado (2020), "Machine Learning for Asset Managers", ch. 2 (snippets 2.4–2.5,
 * section 2.6, and the corr2cov step of section 2.9's experiment); Riskfolio-Lib `denoiseCov(cov, q,
 * kind="fixed", bWidth=0.01)` runs the same steps (its detoning differs: see denoisedCorrelation).
 * Conventions: the variances are kept exactly (the diagonal is sampleCovariance's); complete rows
 * only; needs more complete rows than assets; periodsPerYear default 365.
 * Complexity: O(n · p²) for the cross-product plus O(p³) for the eigen-decomposition.
 *
 * @param returns returns panel (column-major, NaN = missing); not modified
 * @param options bandwidth (default 0.01), detone (default false), periodsPerYear (default 365)
 * @returns { matrix, variance, lambdaPlus, factors, residualEigenvalue, rowsUsed }
 * @throws CoreError INVALID_ARGUMENT (fewer than 2 assets, bad bandwidth, detone or periodsPerYear)
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (no more complete rows than assets; the message gives both)
 * @throws CoreError ZERO_VARIANCE (a constant column over the complete rows)
 * @throws CoreError SINGULAR_MATRIX (detoning leaves an asset with no variance)
 * @throws CoreError NOT_CONVERGED (the eigenvalue iteration fails: not seen for finite input)
 * @example denoisedCovariance(R, { periodsPerYear: 1 }) for R of 50 rows [a_t, 2a_t + small noise];
 * // => factors 1 and, the one noise eigenvalue being its own mean, matrix = sampleCovariance(R, 1)
 */
export function denoisedCovariance(
  returns: ReturnsPanel,
  options: DenoisedCovarianceOptions = {}
): DenoisingResult {
  const factor = checkedPeriodsPerYear(options.periodsPerYear);
  const cases = centredCompleteCases(returns, 2, "denoised");
  const { rows: n, cols: p, labels } = cases;
  if (p < 2) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `returns has 1 asset; denoising a covariance matrix needs at least 2 (use "sample" for one)`,
      { argument: "returns" }
    );
  }
  const s = crossProduct(cases.data, n, p);
  const sd = new Float64Array(p);
  for (let i = 0; i < p; i++) sd[i] = Math.sqrt(s[i * p + i] / (n - 1));
  const c = new Float64Array(p * p);
  const inverse = sd.map((v) => 1 / (v * Math.sqrt(n - 1)));
  for (let i = 0; i < p; i++) {
    c[i * p + i] = 1;
    for (let j = i + 1; j < p; j++) {
      // XᵀX / (‖x_i‖‖x_j‖): Cauchy–Schwarz bounds it by 1 up to rounding, which the clamp absorbs.
      const value = s[i * p + j] * inverse[i] * inverse[j];
      const clamped = value > 1 ? 1 : value < -1 ? -1 : value;
      c[i * p + j] = clamped;
      c[j * p + i] = clamped;
    }
  }
  const denoised = denoisedCorrelation({ size: p, data: c, labels }, n, options);
  const data = denoised.matrix.data;
  for (let i = 0; i < p; i++) {
    const si = sd[i] * Math.sqrt(factor);
    for (let j = i; j < p; j++) {
      const value =
        i === j
          ? s[i * p + i] * (factor / (n - 1))
          : data[i * p + j] * si * sd[j] * Math.sqrt(factor);
      data[i * p + j] = value;
      data[j * p + i] = value;
    }
  }
  return { ...denoised, matrix: { size: p, data, labels } };
}
