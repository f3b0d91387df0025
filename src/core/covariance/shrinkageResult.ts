import type { SquareMatrix } from "../types";

/** A shrunk covariance matrix and the shrinkage intensity δ that produced it. */
export interface ShrinkageResult {
  /** (1 − δ)·S + δ·F, annualised, with the panel's labels. */
  readonly matrix: SquareMatrix;
  /** The intensity δ in [0, 1]: 0 keeps the sample matrix, 1 returns the target. */
  readonly shrinkage: number;
}
