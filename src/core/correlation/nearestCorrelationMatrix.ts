import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { validateSquareMatrix } from "./validateSquareMatrix";
import { symmetricEigen } from "../linalg/symmetricEigen";

/** Options for {@link nearestCorrelationMatrix}. */
export interface NearestCorrelationOptions {
  /** Stop when successive iterates change by less than this, relative (default 1e-10). */
  readonly tolerance?: number;
  /** Give up (NOT_CONVERGED) after this many projections (default 1,000). */
  readonly maxIterations?: number;
}

const DEFAULT_TOLERANCE = 1e-10;
/**
 * Largest entry accepted. Correlations lie in [−1, 1] and the projections work on anything near
 * that, but an entry such as 1e308 (a typo, or a covariance of prices) overflows the
 * eigen-decomposition; past this bound the entry cannot be a correlation, so the user is told.
 */
const MAX_ENTRY = 1e6;
const DEFAULT_MAX_ITERATIONS = 1000;

/**
 * Floor for eigenvalues in the final clean-up: the alternating projections end within `tolerance`
 * of both sets, so the unit-diagonal iterate may keep eigenvalues of about −tolerance; lifting them
 * to 0 and rescaling the diagonal to 1 returns a matrix that is PSD and unit-diagonal at once,
 * moving it by O(tolerance) only.
 */
const EIGENVALUE_FLOOR = 0;

/**
 * The nearest correlation matrix (symmetric, unit diagonal, positive semidefinite) to a symmetric
 * matrix in the Frobenius norm, e.g. to repair a hand-edited or pairwise-estimated correlation matrix.
 *
 * Formula: minimise ‖A − X‖_F over X ⪰ 0 with x_ii = 1. Higham's alternating projections with
 * Dykstra's correction: ΔS₀ = 0, Y₀ = A; repeat R = Y − ΔS, X = P_S(R) (eigen-decompose, clip
 * negative eigenvalues to 0), ΔS = X − R, Y = P_U(X) (set the diagonal to 1), until the relative
 * changes of X and Y and the gap ‖Y − X‖/‖Y‖ are all below `tolerance`. A final clean-up lifts any
 * eigenvalue left below 0 and rescales to a unit diagonal (D^−½ X D^−½).
 * Reference: N. J. Higham (2002), "Computing the nearest correlation matrix — a problem from
 * finance", IMA J. Numer. Anal. 22(3), Algorithm 3.3 with W = I (as Higham's `nearcorr`).
 * Complexity: O(k · size³) for k iterations (one symmetric eigen-decomposition each, ml-matrix).
 * A matrix that already is a correlation matrix converges in the first iteration and is returned
 * unchanged up to rounding (~1e-15).
 *
 * @param matrix a symmetric matrix (diagonal need not be 1)
 * @param options tolerance (default 1e-10), maxIterations (default 1,000)
 * @returns the nearest correlation matrix, labelled like the input; diagonal exactly 1
 * @throws CoreError INVALID_ARGUMENT (not square or not symmetric, an entry beyond ±1e6, bad
 *   tolerance or maxIterations)
 * @throws CoreError NON_FINITE (NaN or ±Infinity entry)
 * @throws CoreError NOT_CONVERGED (tolerance not met within maxIterations)
 * @example nearestCorrelationMatrix({ size: 3, data: Float64Array.of(1, 1, 0, 1, 1, 1, 0, 1, 1), labels: ["A", "B", "C"] }).data[1]; // => 0.7607 (rounded; Higham 2002, §4)
 */
export function nearestCorrelationMatrix(
  matrix: SquareMatrix,
  options: NearestCorrelationOptions = {}
): SquareMatrix {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (!(tolerance > 0) || !Number.isFinite(tolerance)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `tolerance must be a finite number above 0; got ${tolerance}`,
      { argument: "tolerance" }
    );
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `maxIterations must be a whole number ≥ 1; got ${maxIterations}`,
      { argument: "maxIterations" }
    );
  }
  const largest = validateSquareMatrix(matrix, "matrix");
  const { size, labels } = matrix;
  if (largest > MAX_ENTRY) {
    const k = matrix.data.findIndex((v) => Math.abs(v) === largest);
    const i = Math.floor(k / size);
    const j = k % size;
    throw new CoreError(
      "INVALID_ARGUMENT",
      `matrix: row ${i + 1} (${labels[i]}), column ${j + 1} (${labels[j]}) is ${matrix.data[k]}; a correlation lies between −1 and 1, so fix the entry`,
      { argument: "matrix", row: i, column: j, label: labels[j] }
    );
  }
  const count = size * size;
  // Symmetrise: the validator allows last-digit asymmetry, the projections assume exact symmetry.
  const Y = new Float64Array(count);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      Y[i * size + j] = 0.5 * (matrix.data[i * size + j] + matrix.data[j * size + i]);
    }
  }
  const correction = new Float64Array(count);
  const R = new Float64Array(count);
  let X: Float64Array = Y.slice();
  let converged = false;
  let lastChange = Infinity;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    for (let k = 0; k < count; k++) R[k] = Y[k] - correction[k];
    const nextX = projectToPsd(R, size, EIGENVALUE_FLOOR);
    for (let k = 0; k < count; k++) correction[k] = nextX[k] - R[k];
    let changeX = 0;
    let normX = 0;
    let changeY = 0;
    let normY = 0;
    let gap = 0;
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        const k = i * size + j;
        const y = i === j ? 1 : nextX[k];
        changeX += (nextX[k] - X[k]) ** 2;
        normX += nextX[k] ** 2;
        changeY += (y - Y[k]) ** 2;
        normY += y * y;
        gap += (y - nextX[k]) ** 2;
        Y[k] = y;
      }
    }
    X = nextX;
    lastChange = Math.max(relative(changeX, normX), relative(changeY, normY), relative(gap, normY));
    if (lastChange < tolerance) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    throw new CoreError(
      "NOT_CONVERGED",
      `matrix: the nearest correlation matrix did not converge in ${maxIterations} iterations (last relative change ${lastChange.toExponential(2)} > tolerance ${tolerance}); raise maxIterations or loosen tolerance`,
      { argument: "matrix" }
    );
  }
  const cleaned = projectToPsd(Y, size, EIGENVALUE_FLOOR);
  const out = new Float64Array(count);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const scale = Math.sqrt(cleaned[i * size + i] * cleaned[j * size + j]);
      out[i * size + j] = i === j ? 1 : cleaned[i * size + j] / scale;
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const v = Math.max(-1, Math.min(1, 0.5 * (out[i * size + j] + out[j * size + i])));
      out[i * size + j] = v;
      out[j * size + i] = v;
    }
  }
  return { size, data: out, labels: [...labels] };
}

/** √(a / b) for squared norms, 0 when nothing changed (a zero iterate would otherwise give 0/0). */
function relative(change: number, norm: number): number {
  return change === 0 ? 0 : Math.sqrt(change / norm);
}

/** V · diag(max(λ, floor)) · Vᵀ for a symmetric row-major matrix. */
function projectToPsd(A: Float64Array, size: number, floor: number): Float64Array {
  const { lambda: values, vectors } = symmetricEigen(A, size);
  const out = new Float64Array(size * size);
  for (let k = 0; k < size; k++) {
    const lambda = Math.max(values[k], floor);
    if (lambda === 0) continue;
    for (let i = 0; i < size; i++) {
      const vi = vectors[i * size + k] * lambda;
      if (vi === 0) continue;
      for (let j = 0; j < size; j++) out[i * size + j] += vi * vectors[j * size + k];
    }
  }
  return out;
}
