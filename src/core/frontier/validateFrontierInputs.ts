import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { UpdatableCholesky } from "./updatableCholesky";

/** Box constraints on the weights: one number for every asset, or one per asset. */
export interface FrontierBounds {
  /** Minimum weight of each asset (default 0: long only). */
  readonly lower?: number | ArrayLike<number>;
  /** Maximum weight of each asset (default 1). */
  readonly upper?: number | ArrayLike<number>;
}

/** Checked, copied inputs of the frontier functions. */
export interface FrontierInputs {
  readonly n: number;
  readonly mu: Float64Array;
  /** Row-major n × n covariance (the caller's array, only read). */
  readonly cov: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly labels: readonly string[];
}

/**
 * Relative pivot below which the covariance counts as singular: Σ_ii − ‖r‖² ≤ 1e-10·Σ_ii means the
 * asset's returns are explained by the others with R² ≥ 1 − 1e-10, which leaves the frontier weights
 * with fewer than ~6 reliable digits. Duplicate assets give a pivot of order 1e-16.
 */
export const SINGULAR_PIVOT_TOLERANCE = 1e-10;

/** Sums of bounds within this of 1 leave a single feasible portfolio (rounding of 0.1 × 10 etc.). */
export const BUDGET_TOLERANCE = 1e-10;

/** Relative asymmetry |Σ_ij − Σ_ji| / √(Σ_ii Σ_jj) tolerated (covariances from text round off). */
const SYMMETRY_TOLERANCE = 1e-8;

/**
 * Validates the inputs shared by the efficient-frontier functions (expected returns, covariance, box
 * bounds) and returns copies the algorithm can index freely.
 *
 * Checks, in order: at least one asset; matching sizes; every value finite; a positive diagonal; a
 * symmetric matrix; lower ≤ upper per asset; Σ lower ≤ 1 ≤ Σ upper (the budget is reachable); and a
 * positive definite covariance (Cholesky with pivot tolerance {@link SINGULAR_PIVOT_TOLERANCE}),
 * which the critical line algorithm needs for a unique frontier.
 * Complexity: O(n³/3) for the Cholesky check, O(n²) for the rest.
 *
 * @param mu expected returns, one per asset (annualised, same period as the covariance)
 * @param cov covariance matrix (n × n, row-major)
 * @param bounds lower and upper weight bounds (defaults 0 and 1)
 * @throws CoreError TOO_FEW_POINTS (no assets)
 * @throws CoreError LENGTH_MISMATCH (covariance size or bound count differs from mu)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in mu, covariance or bounds)
 * @throws CoreError INVALID_ARGUMENT (mu or covariance missing, negative variance, asymmetric covariance)
 * @throws CoreError ZERO_VARIANCE (an asset with zero variance)
 * @throws CoreError INFEASIBLE (lower > upper, Σ lower > 1 or Σ upper < 1, saying by how much)
 * @throws CoreError SINGULAR_MATRIX (duplicate or collinear assets, naming the asset)
 * @example validateFrontierInputs([0.1, 0.2], { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] }).upper;
 * // => Float64Array [1, 1]
 */
export function validateFrontierInputs(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  bounds: FrontierBounds = {}
): FrontierInputs {
  // Untyped callers (the functions layer, JavaScript) can pass anything: say what is missing.
  if (mu === null || typeof mu !== "object" || typeof mu.length !== "number") {
    throw new CoreError("INVALID_ARGUMENT", "mu: is missing; pass one expected return per asset", {
      argument: "mu",
    });
  }
  if (cov === null || typeof cov !== "object" || typeof cov.size !== "number" || !cov.data) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      "covariance: is missing; pass a square covariance matrix of the assets",
      { argument: "covariance" }
    );
  }
  const n = mu.length;
  if (n === 0) {
    throw new CoreError("TOO_FEW_POINTS", "mu: no assets; pass one expected return per asset", {
      argument: "mu",
    });
  }
  if (cov.size !== n || cov.data.length !== n * n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `covariance: is ${cov.size}×${cov.size} (${cov.data.length} values) but mu has ${n} assets; pass an ${n}×${n} covariance of the same assets`,
      { argument: "covariance" }
    );
  }
  const labels =
    cov.labels?.length === n ? cov.labels : Array.from({ length: n }, (_, i) => `Asset ${i + 1}`);
  const name = (i: number) => `column ${i + 1} (${labels[i]})`;
  const muCopy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = mu[i];
    if (!Number.isFinite(value)) {
      throw new CoreError(
        "NON_FINITE",
        `mu: ${name(i)} is ${String(value)}; pass a finite expected return`,
        { argument: "mu", column: i, label: labels[i] }
      );
    }
    muCopy[i] = value;
  }
  const data = cov.data;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = data[i * n + j];
      if (!Number.isFinite(value)) {
        throw new CoreError(
          "NON_FINITE",
          `covariance: row ${i + 1}, ${name(j)} is ${String(value)}; pass a finite covariance`,
          { argument: "covariance", row: i, column: j, label: labels[j] }
        );
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const variance = data[i * n + i];
    if (variance < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `covariance: ${name(i)} has negative variance ${variance}; pass a covariance matrix (its diagonal must be positive)`,
        { argument: "covariance", row: i, column: i, label: labels[i] }
      );
    }
    if (variance === 0) {
      throw new CoreError(
        "ZERO_VARIANCE",
        `covariance: ${name(i)} has zero variance; remove it or use a longer window`,
        { argument: "covariance", row: i, column: i, label: labels[i] }
      );
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gap = Math.abs(data[i * n + j] - data[j * n + i]);
      if (gap > SYMMETRY_TOLERANCE * Math.sqrt(data[i * n + i] * data[j * n + j])) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `covariance: is not symmetric at row ${i + 1}, ${name(j)} (${data[i * n + j]} vs ${data[j * n + i]}); pass a symmetric covariance matrix`,
          { argument: "covariance", row: i, column: j, label: labels[j] }
        );
      }
    }
  }
  const lower = readBounds(bounds.lower, 0, "lower", n, labels);
  const upper = readBounds(bounds.upper, 1, "upper", n, labels);
  let sumLower = 0;
  let sumUpper = 0;
  for (let i = 0; i < n; i++) {
    if (lower[i] > upper[i]) {
      throw new CoreError(
        "INFEASIBLE",
        `bounds: ${name(i)} has lower bound ${lower[i]} above upper bound ${upper[i]} (by ${formatAmount(lower[i] - upper[i])}); raise its upper bound or lower its lower bound`,
        { argument: "lower", column: i, label: labels[i] }
      );
    }
    sumLower += lower[i];
    sumUpper += upper[i];
  }
  if (sumLower > 1 + BUDGET_TOLERANCE) {
    throw new CoreError(
      "INFEASIBLE",
      `lower: the minimum weights sum to ${formatAmount(sumLower)}, ${formatAmount(sumLower - 1)} above 1; lower some minimum weights`,
      { argument: "lower" }
    );
  }
  if (sumUpper < 1 - BUDGET_TOLERANCE) {
    throw new CoreError(
      "INFEASIBLE",
      `upper: the maximum weights sum to ${formatAmount(sumUpper)}, ${formatAmount(1 - sumUpper)} below 1; raise some maximum weights or add assets`,
      { argument: "upper" }
    );
  }
  const cholesky = new UpdatableCholesky(data as Float64Array, n);
  for (let i = 0; i < n; i++) {
    if (!cholesky.append(i, SINGULAR_PIVOT_TOLERANCE)) {
      throw new CoreError(
        "SINGULAR_MATRIX",
        `covariance: is singular: ${name(i)} is a linear combination of the assets before it (a duplicate asset?); remove duplicate asset ${labels[i]} or use estimator=ledoitwolf`,
        { argument: "covariance", column: i, label: labels[i] }
      );
    }
  }
  return { n, mu: muCopy, cov: Float64Array.from(data), lower, upper, labels };
}

function readBounds(
  value: number | ArrayLike<number> | undefined,
  fallback: number,
  argument: string,
  n: number,
  labels: readonly string[]
): Float64Array {
  const out = new Float64Array(n);
  // null is what Excel passes for an omitted optional argument: treat it as omitted.
  if (value === undefined || value === null || typeof value === "number") {
    const scalar = value ?? fallback;
    if (!Number.isFinite(scalar)) {
      throw new CoreError("NON_FINITE", `${argument}: is ${String(scalar)}; pass a finite weight`, {
        argument,
      });
    }
    out.fill(scalar);
    return out;
  }
  if (value.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument}: has ${value.length} bounds but mu has ${n} assets; pass one bound per asset or a single number`,
      { argument }
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(value[i])) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}: column ${i + 1} (${labels[i]}) is ${String(value[i])}; pass a finite weight`,
        { argument, column: i, label: labels[i] }
      );
    }
    out[i] = value[i];
  }
  return out;
}

function formatAmount(value: number): string {
  return String(Number(value.toPrecision(6)));
}
