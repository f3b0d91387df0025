import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { validateSquareMatrix } from "./validateSquareMatrix";

/** Entries may exceed ±1 by rounding only; anything further is not a correlation. */
const CORRELATION_BOUND_SLACK = 1e-12;

/**
 * Average pairwise correlation: the mean of the off-diagonal entries of a correlation matrix
 * ("does diversification still work?" — near 1 when everything moves together).
 *
 * Formula: ρ̄ = 2 / (N(N−1)) · Σ_{i<j} ρ_ij (the upper triangle; the matrix must be symmetric).
 * Reference: the unweighted average correlation of e.g. the CBOE implied-correlation literature;
 * numpy `C[np.triu_indices(N, 1)].mean()`, to ~1e-16.
 * Complexity: O(N²).
 *
 * @param matrix a symmetric correlation matrix (entries in [−1, 1]), at least 2 × 2
 * @returns ρ̄ in [−1, 1]
 * @throws CoreError INVALID_ARGUMENT (not square or not symmetric, or an entry outside [−1, 1])
 * @throws CoreError NON_FINITE (NaN or ±Infinity entry, with its position)
 * @throws CoreError TOO_FEW_POINTS (fewer than two assets: no pair)
 * @example averagePairwiseCorrelation({ size: 3, data: Float64Array.of(1, 0.5, 0.2, 0.5, 1, 0.8, 0.2, 0.8, 1), labels: ["A", "B", "C"] }); // => 0.5
 */
export function averagePairwiseCorrelation(matrix: SquareMatrix): number {
  const argument = "matrix";
  validateSquareMatrix(matrix, argument);
  const { size, data, labels } = matrix;
  if (size < 2) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `${argument} is 1 × 1; an average pairwise correlation needs at least two assets`,
      { argument }
    );
  }
  let sum = 0;
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const rho = data[i * size + j];
      if (Math.abs(rho) > 1 + CORRELATION_BOUND_SLACK) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `${argument}: entry (${i + 1}, ${j + 1}) (${labels[i]}, ${labels[j]}) is ${rho}; correlations lie in [−1, 1]`,
          { argument, row: i, column: j, label: labels[j] }
        );
      }
      sum += rho;
    }
  }
  return sum / ((size * (size - 1)) / 2);
}
