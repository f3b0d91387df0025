import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";

/**
 * How far a correlation may pass ±1 through rounding alone (a few ulps of the division by √(σ_ii σ_jj)).
 * It is clamped back; a larger excess means the input is not a covariance matrix (not PSD).
 */
const ROUNDING_EXCESS = 1e-12;

/** Relative asymmetry |c_ij − c_ji| / √(c_ii c_jj) tolerated as rounding from the producer. */
const SYMMETRY_TOLERANCE = 1e-10;

/**
 * Correlation matrix from a covariance matrix.
 *
 * Formula: ρ_ij = Σ_ij / √(Σ_ii Σ_jj), unit diagonal (set exactly); the annualisation factor cancels.
 * Reference: as numpy `cov / np.outer(sd, sd)` and PyPortfolioOpt `risk_models.cov_to_corr`.
 * Conventions: entries are clamped to [−1, 1] only when they pass it by rounding (≤ 1e−12).
 * Complexity: O(p²).
 *
 * @param cov a symmetric covariance matrix with positive variances; not modified
 * @returns the p × p correlation matrix with cov's labels
 * @throws CoreError LENGTH_MISMATCH (data length ≠ size², or labels ≠ size)
 * @throws CoreError INVALID_ARGUMENT (empty, not symmetric, a negative variance, or |ρ| > 1: not PSD)
 * @throws CoreError NON_FINITE (a NaN or ±Infinity entry, with its row and column)
 * @throws CoreError ZERO_VARIANCE (a zero variance on the diagonal, with its label)
 * @example correlationFromCovariance({ size: 2, data: new Float64Array([4, 2, 2, 9]), labels: ["A", "B"] }).data;
 * // => Float64Array [1, 1/3, 1/3, 1]
 */
export function correlationFromCovariance(cov: SquareMatrix): SquareMatrix {
  const { size: p, data: c, labels } = cov;
  const sd = checkedStandardDeviations(cov, "correlation");
  const data = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      if (i === j) {
        data[i * p + j] = 1;
        continue;
      }
      const scale = sd[i] * sd[j];
      if (Math.abs(c[i * p + j] - c[j * p + i]) > SYMMETRY_TOLERANCE * scale) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `cov: entries (${i + 1}, ${j + 1}) and (${j + 1}, ${i + 1}) differ (${c[i * p + j]} vs ${c[j * p + i]}); a covariance matrix must be symmetric`,
          { argument: "cov", row: i, column: j, label: labels[j] }
        );
      }
      let rho = c[i * p + j] / scale;
      if (Math.abs(rho) > 1) {
        if (Math.abs(rho) - 1 > ROUNDING_EXCESS) {
          throw new CoreError(
            "INVALID_ARGUMENT",
            `cov: entry (${i + 1}, ${j + 1}) (${labels[i]}, ${labels[j]}) implies a correlation of ${rho}; the matrix is not a valid (positive semi-definite) covariance`,
            { argument: "cov", row: i, column: j, label: labels[j] }
          );
        }
        rho = rho > 0 ? 1 : -1;
      }
      data[i * p + j] = rho;
    }
  }
  return { size: p, data, labels: [...labels] };
}

/** Validates shape, finiteness and the diagonal, and returns the standard deviations √Σ_ii. */
function checkedStandardDeviations(cov: SquareMatrix, purpose: string): Float64Array {
  const { size: p, data: c, labels } = cov;
  if (!(p >= 1)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `cov is empty; pass a covariance matrix of at least one asset`,
      {
        argument: "cov",
      }
    );
  }
  if (c.length !== p * p || labels.length !== p) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `cov has size ${p} but ${c.length} entries and ${labels.length} labels; pass size² entries and size labels`,
      { argument: "cov" }
    );
  }
  for (let k = 0; k < c.length; k++) {
    if (!Number.isFinite(c[k])) {
      const i = Math.floor(k / p);
      const j = k % p;
      throw new CoreError(
        "NON_FINITE",
        `cov: entry (${i + 1}, ${j + 1}) (${labels[i]}, ${labels[j]}) is ${c[k]}; a covariance matrix must be finite`,
        { argument: "cov", row: i, column: j, label: labels[j] }
      );
    }
  }
  const sd = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const v = c[i * p + i];
    if (v === 0) {
      throw new CoreError(
        "ZERO_VARIANCE",
        `cov: asset ${i + 1} (${labels[i]}) has zero variance, so its ${purpose} is undefined; remove it or use a longer window`,
        { argument: "cov", row: i, column: i, label: labels[i] }
      );
    }
    if (v < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `cov: asset ${i + 1} (${labels[i]}) has a negative variance ${v}; pass a covariance matrix`,
        { argument: "cov", row: i, column: i, label: labels[i] }
      );
    }
    sd[i] = Math.sqrt(v);
  }
  return sd;
}
