import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";

/**
 * Relative asymmetry tolerated between Σ_ij and Σ_ji: estimates computed in two loops can differ in
 * the last bits, but anything larger is a pasted range that is not a covariance matrix.
 */
const SYMMETRY_TOLERANCE = 1e-10;

/** Options for {@link checkSymmetricMatrix}. */
export interface CheckSymmetricMatrixOptions {
  /** The argument name used in messages (default "cov"). */
  readonly argument?: string;
  /**
   * What the diagonal must hold: "positive" (default; a zero is ZERO_VARIANCE), "nonnegative" (a
   * cash-like asset may have zero variance) or "unchecked" (the caller's factorisation judges it).
   * A negative variance is SINGULAR_MATRIX under both checked policies.
   */
  readonly variances?: "positive" | "nonnegative" | "unchecked";
  /**
   * What the symmetry tolerance is relative to: "pair" (default), √(Σ_ii Σ_jj), the largest an
   * entry of a PSD matrix can be, so small-variance assets are held to their own scale; or
   * "largest", max |Σ_ij|, the looser rule the optimisers have always applied.
   */
  readonly symmetryScale?: "pair" | "largest";
}

/**
 * Checks the entries of a covariance (or correlation) matrix whose shape the caller has already
 * checked (data is size² long; the minimum size is the caller's contract): one label per asset,
 * finite entries, the diagonal policy, and symmetry within a relative tolerance of 1e-10.
 *
 * Order: labels; then row by row, its entries and its variance; then symmetry over the upper
 * triangle, so the first problem found is the one reported.
 * Complexity: O(n²) time, O(1) extra memory.
 *
 * @param matrix the matrix to check (row-major, size × size); it is not modified
 * @param options argument name, diagonal policy and symmetry scale
 * @returns the largest diagonal entry (the scale of a later definiteness test)
 * @throws CoreError INVALID_ARGUMENT when the labels do not match or the matrix is not symmetric
 * @throws CoreError NON_FINITE for a NaN or ±Infinity entry (with its row, column and column label)
 * @throws CoreError SINGULAR_MATRIX for a negative variance (unless "unchecked")
 * @throws CoreError ZERO_VARIANCE for a zero variance, naming the asset (under "positive")
 * @example checkSymmetricMatrix({ size: 2, data: Float64Array.of(4, 2, 2, 9), labels: ["A", "B"] }); // => 9
 */
export function checkSymmetricMatrix(
  matrix: SquareMatrix,
  options: CheckSymmetricMatrixOptions = {}
): number {
  const argument = options.argument ?? "cov";
  const variances = options.variances ?? "positive";
  const { size: n, data: a, labels } = matrix;
  if (labels.length !== n) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} has ${n} assets but ${labels.length} labels; give one label per asset`,
      { argument }
    );
  }
  let maxDiagonal = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = a[i * n + j];
      if (!Number.isFinite(value)) {
        throw new CoreError(
          "NON_FINITE",
          `${argument}: row ${i + 1}, column ${j + 1} (${labels[j]}) is ${value}; every entry must be a finite number`,
          { argument, row: i, column: j, label: labels[j] }
        );
      }
      largest = Math.max(largest, Math.abs(value));
    }
    const variance = a[i * n + i];
    if (variances !== "unchecked" && variance < 0) {
      throw new CoreError(
        "SINGULAR_MATRIX",
        `${argument}: column ${i + 1} (${labels[i]}) has negative variance ${variance}; a covariance matrix is positive semidefinite, so re-estimate it`,
        { argument, row: i, column: i, label: labels[i] }
      );
    }
    if (variances === "positive" && variance === 0) {
      throw new CoreError(
        "ZERO_VARIANCE",
        `${argument}: column ${i + 1} (${labels[i]}) has zero variance; remove it or use a longer window`,
        { argument, row: i, column: i, label: labels[i] }
      );
    }
    if (variance > maxDiagonal) maxDiagonal = variance;
  }
  const byPair = (options.symmetryScale ?? "pair") === "pair";
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const upper = a[i * n + j];
      const lower = a[j * n + i];
      // |Σ_ii Σ_jj|: an unchecked diagonal may be negative, and NaN would silently accept.
      const scale = byPair ? Math.sqrt(Math.abs(a[i * n + i] * a[j * n + j])) : largest;
      if (Math.abs(upper - lower) > SYMMETRY_TOLERANCE * Math.max(scale, Number.MIN_VALUE)) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `${argument} is not symmetric at (${labels[j]}, ${labels[i]}); pass a covariance matrix`,
          { argument, row: i, column: j, label: labels[j] }
        );
      }
    }
  }
  return maxDiagonal;
}
