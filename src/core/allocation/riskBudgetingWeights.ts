import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovarianceBlocked } from "../linalg/checkCovarianceBlocked";

/** Options for {@link riskBudgetingWeights}. */
export interface RiskBudgetingOptions {
  /** Coordinate-descent sweeps before giving up (default 10 000). */
  readonly maxSweeps?: number;
  /** Check that cov is positive semidefinite first (default true; O(N³/6)). */
  readonly checkPsd?: boolean;
}

/**
 * The spread max_i |RC_i/b_i − m| / m (m their mean) the result must reach (the documented
 * contract), six orders of magnitude above the rounding floor of an N-term dot product (≈ N·2⁻⁵³).
 */
const RISK_SPREAD_TOLERANCE = 1e-10;
/** Stop early once the spread is this small; below it more sweeps only shuffle rounding errors. */
const RISK_SPREAD_TARGET = 1e-13;
const DEFAULT_MAX_SWEEPS = 10_000;
/**
 * Coordinates per pass over Σx in a sweep (see sweepInBlocks): four rows of Σ per pass, so Σx is
 * loaded and stored a quarter as often; the update loop is bound by those loads (500 assets).
 */
const SWEEP_BLOCK = 4;

/**
 * Risk-budgeting weights: the long-only, fully invested portfolio whose risk contributions
 * RC_i = w_i (Σw)_i are proportional to the budgets b_i; with no budgets, the equal risk
 * contribution (ERC) portfolio of Maillard, Roncalli & Teïletche (2010), "On the properties of
 * equally-weighted risk contributions portfolios", Journal of Portfolio Management 36(4).
 *
 * Method: Spinu (2013), "An algorithm for computing risk parity weights": x* = argmin_{x>0}
 * ½ xᵀΣx − Σ_i b_i ln x_i is unique when Σ is positive definite and satisfies x_i (Σx)_i = b_i;
 * then w = x / Σx. It is solved by cyclical coordinate descent (Griveau-Billion, Richard & Roncalli
 * 2013, "A fast algorithm for computing high-dimensional risk parity portfolios"): each coordinate
 * is the positive root of Σ_ii x_i² + c_i x_i − b_i = 0 with c_i = (Σx)_i − Σ_ii x_i, written
 * x_i = 2 b_i / (c_i + √(c_i² + 4 Σ_ii b_i)) to avoid cancellation; Σx is updated in O(N) per
 * coordinate (four coordinates per pass over Σx, which the update is bound by), so a sweep is
 * O(N²). The result satisfies max_i |RC_i/b_i − m| / m ≤ 1e-10 (m the
 * mean of RC_i/b_i) or the function throws.
 * Oracle: a Newton solve of Spinu's problem in numpy (scripts/fixtures/allocation.py), to 1e-9;
 * Maillard et al.'s four-asset example (σ = 10, 20, 30, 40 %, ρ12 = 0.8, ρ34 = −0.5, others 0)
 * gives 38.4, 19.2, 24.3, 18.2 %.
 * Conventions: budgets are normalised to sum to 1 (only their ratios matter); volatility risk
 * measure; long-only, fully invested; the weights do not depend on the scale of cov.
 * Complexity: O(N²) per sweep, typically tens of sweeps; O(N³/6) for the PSD check (by blocks in the
 * SIMD Gram kernel, linalg/checkCovarianceBlocked); O(N) memory
 * beyond that check.
 *
 * @param cov covariance matrix of the assets, positive semidefinite, at least two assets
 * @param budgets risk budgets, one per asset, all > 0 (omitted or null: equal, i.e. ERC)
 * @param options iteration budget and PSD check
 * @returns a new Float64Array of weights (all > 0, summing to 1)
 * @throws CoreError INVALID_ARGUMENT when cov is not square or not symmetric, or a budget is ≤ 0
 * @throws CoreError TOO_FEW_POINTS when cov has fewer than two assets
 * @throws CoreError NON_FINITE for NaN or ±Infinity in cov or budgets
 * @throws CoreError ZERO_VARIANCE for an asset with zero variance, named
 * @throws CoreError LENGTH_MISMATCH when budgets does not have one value per asset
 * @throws CoreError SINGULAR_MATRIX when cov is not positive semidefinite
 * @throws CoreError NOT_CONVERGED when the spread stays above 1e-10 after maxSweeps (e.g. a singular cov with a riskless long-only mix)
 * @example riskBudgetingWeights({ size: 2, data: Float64Array.of(0.01, 0, 0, 0.04), labels: ["A", "B"] });
 *   // uncorrelated → w ∝ 1/σ = [10, 5] → Float64Array [0.6667, 0.3333]
 */
export function riskBudgetingWeights(
  cov: SquareMatrix,
  budgets?: ArrayLike<number> | null,
  options: RiskBudgetingOptions | null = {}
): Float64Array {
  // Excel passes omitted optional arguments as null: treat null as omitted.
  options ??= {};
  checkCovarianceBlocked(cov, {
    minSize: 2,
    purpose: "risk budgeting",
    checkPsd: options.checkPsd ?? true,
  });
  const n = cov.size;
  const b = normalisedBudgets(budgets, n, cov.labels);
  const sigma = cov.data;
  const maxSweeps = options.maxSweeps ?? DEFAULT_MAX_SWEEPS;

  // Start from inverse volatility scaled so that xᵀΣx = Σ b = 1, the value at the optimum.
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 1 / Math.sqrt(sigma[i * n + i]);
  const sigmaX = new Float64Array(n);
  multiplyInto(sigma, x, sigmaX, n);
  let variance = 0;
  for (let i = 0; i < n; i++) variance += x[i] * sigmaX[i];
  const scale = 1 / Math.sqrt(variance);
  for (let i = 0; i < n; i++) {
    x[i] *= scale;
    sigmaX[i] *= scale;
  }

  let spread = Infinity;
  const deltas = new Float64Array(SWEEP_BLOCK);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    sweepInBlocks(sigma, b, x, sigmaX, deltas, n);
    spread = relativeSpread(x, sigmaX, b);
    if (Number.isNaN(spread)) break; // overflow: no later sweep can recover
    if (spread <= RISK_SPREAD_TARGET || (spread <= RISK_SPREAD_TOLERANCE && sweep % 16 === 15)) {
      // The incremental Σx drifts by rounding: confirm on a fresh product before stopping.
      multiplyInto(sigma, x, sigmaX, n);
      spread = relativeSpread(x, sigmaX, b);
      if (spread <= RISK_SPREAD_TOLERANCE) break;
    }
  }
  if (!(spread <= RISK_SPREAD_TOLERANCE)) {
    const why = Number.isNaN(spread)
      ? "diverged: cov is singular with a riskless long-only combination"
      : `did not converge in ${maxSweeps} sweeps (risk-contribution spread ${spread.toExponential(2)} > ${RISK_SPREAD_TOLERANCE})`;
    throw new CoreError(
      "NOT_CONVERGED",
      `risk budgeting ${why}; use a shrinkage estimator such as Ledoit–Wolf or remove near-duplicate assets`,
      { argument: "cov" }
    );
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i];
  for (let i = 0; i < n; i++) x[i] /= total;
  return x;
}

function normalisedBudgets(
  budgets: ArrayLike<number> | null | undefined,
  n: number,
  labels: readonly string[]
): Float64Array {
  const b = new Float64Array(n);
  if (budgets == null) return b.fill(1 / n);
  if (budgets.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `budgets has ${budgets.length} values but cov has ${n} assets; give one budget per asset`,
      { argument: "budgets" }
    );
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const value = budgets[i];
    if (!Number.isFinite(value)) {
      throw new CoreError(
        "NON_FINITE",
        `budgets: value ${i + 1} (${labels[i]}) is not a finite number; give a positive budget`,
        { argument: "budgets", row: i, label: labels[i] }
      );
    }
    if (value <= 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `budgets: value ${i + 1} (${labels[i]}) is ${value}; budgets must be above 0 (remove the asset instead of giving it no risk)`,
        { argument: "budgets", row: i, label: labels[i] }
      );
    }
    b[i] = value;
    total += value;
  }
  for (let i = 0; i < n; i++) b[i] /= total;
  return b;
}

/**
 * One cyclic coordinate-descent sweep, SWEEP_BLOCK coordinates at a time: within a block each
 * coordinate is solved in turn exactly as alone, its (Σx)_i brought up to date with the block's
 * earlier steps from the few entries Σ_ii' it needs; then Σx takes the block's steps in one pass
 * over its rows (Σ is symmetric, so row i is column i), which loads and stores Σx once per block
 * instead of once per coordinate. The iterates are those of the one-at-a-time sweep up to rounding.
 */
function sweepInBlocks(
  sigma: Float64Array,
  b: Float64Array,
  x: Float64Array,
  sigmaX: Float64Array,
  deltas: Float64Array,
  n: number
): void {
  for (let start = 0; start < n; start += SWEEP_BLOCK) {
    const end = Math.min(n, start + SWEEP_BLOCK);
    for (let i = start; i < end; i++) {
      const row = i * n;
      const diagonal = sigma[row + i];
      let current = sigmaX[i];
      for (let k = start; k < i; k++) current += deltas[k - start] * sigma[k * n + i];
      const c = current - diagonal * x[i];
      const root = Math.sqrt(c * c + 4 * diagonal * b[i]);
      const updated = c >= 0 ? (2 * b[i]) / (c + root) : (root - c) / (2 * diagonal);
      deltas[i - start] = updated - x[i];
      x[i] = updated;
    }
    if (end - start === SWEEP_BLOCK) {
      const r0 = start * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      const r3 = r2 + n;
      const d0 = deltas[0];
      const d1 = deltas[1];
      const d2 = deltas[2];
      const d3 = deltas[3];
      for (let j = 0; j < n; j++) {
        sigmaX[j] +=
          d0 * sigma[r0 + j] + d1 * sigma[r1 + j] + (d2 * sigma[r2 + j] + d3 * sigma[r3 + j]);
      }
    } else {
      for (let i = start; i < end; i++) {
        const delta = deltas[i - start];
        if (delta === 0) continue;
        const row = i * n;
        for (let j = 0; j < n; j++) sigmaX[j] += delta * sigma[row + j];
      }
    }
  }
}

function multiplyInto(sigma: Float64Array, x: Float64Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += sigma[row + j] * x[j];
    out[i] = s;
  }
}

/**
 * max_i |r_i − mean| / mean with r_i = x_i (Σx)_i / b_i; scale-free, so x needs no normalising.
 * NaN once the iterate has overflowed; Infinity while the mean is not positive.
 */
function relativeSpread(x: Float64Array, sigmaX: Float64Array, b: Float64Array): number {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (x[i] * sigmaX[i]) / b[i];
  mean /= n;
  if (!Number.isFinite(mean)) return NaN;
  // Early sweeps can leave a negative contribution (negative correlations): not converged yet.
  if (mean <= 0) return Infinity;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const gap = Math.abs((x[i] * sigmaX[i]) / b[i] - mean);
    if (gap > worst) worst = gap;
  }
  return worst / mean;
}
