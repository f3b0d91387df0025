import type { SquareMatrix } from "../types";

/** A Marchenko–Pastur denoised matrix and the fit that produced it. */
export interface DenoisingResult {
  /** The denoised (and, when asked, detoned) matrix, with the input's labels. */
  readonly matrix: SquareMatrix;
  /** σ², the fitted variance of the noise. */
  readonly variance: number;
  /** λ₊ = σ²(1 + √(1/q))²: eigenvalues at or above it are kept as signal. */
  readonly lambdaPlus: number;
  /** Number of signal eigenvalues (factors) kept, 0 … N. */
  readonly factors: number;
  /** The constant that replaced every noise eigenvalue (their average); NaN-free: 0 when none. */
  readonly residualEigenvalue: number;
  /** Number of observations T the estimate used (complete rows). */
  readonly rowsUsed: number;
}
