import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";

/**
 * Volatilities (standard deviations) from a covariance matrix: σ_i = √Σ_ii.
 *
 * Formula: σ_i = √Σ_ii; an annualised covariance gives annualised volatilities (σ·√ppy per period).
 * Reference: as numpy `np.sqrt(np.diag(cov))`.
 * Conventions: only the diagonal is read, so an asymmetric matrix is not rejected here.
 * Complexity: O(p).
 *
 * @param cov a covariance matrix; not modified
 * @returns Float64Array of p volatilities, in cov's label order
 * @throws CoreError INVALID_ARGUMENT (empty; a negative variance, with its label)
 * @throws CoreError LENGTH_MISMATCH (data length ≠ size², or labels ≠ size)
 * @throws CoreError NON_FINITE (a NaN or ±Infinity variance, with its label)
 * @throws CoreError ZERO_VARIANCE (a zero variance, with its label)
 * @example volatilitiesFromCovariance({ size: 2, data: new Float64Array([4, 2, 2, 9]), labels: ["A", "B"] });
 * // => Float64Array [2, 3]
 */
export function volatilitiesFromCovariance(cov: SquareMatrix): Float64Array {
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
  const out = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const v = c[i * p + i];
    const where = { argument: "cov", row: i, column: i, label: labels[i] };
    if (!Number.isFinite(v)) {
      throw new CoreError(
        "NON_FINITE",
        `cov: the variance of asset ${i + 1} (${labels[i]}) is ${v}; a covariance matrix must be finite`,
        where
      );
    }
    if (v === 0) {
      throw new CoreError(
        "ZERO_VARIANCE",
        `cov: asset ${i + 1} (${labels[i]}) has zero variance; remove it or use a longer window`,
        where
      );
    }
    if (v < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `cov: asset ${i + 1} (${labels[i]}) has a negative variance ${v}; pass a covariance matrix`,
        where
      );
    }
    out[i] = Math.sqrt(v);
  }
  return out;
}
