import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { frontierPointOnSegment, type FrontierPoint } from "./frontierPointOnSegment";
import { traceCriticalLine } from "./traceCriticalLine";
import { validateFrontierInputs, type FrontierBounds } from "./validateFrontierInputs";

/** Options of {@link efficientFrontier}. */
export interface EfficientFrontierOptions extends FrontierBounds {
  /** Number of points, equally spaced in return, at least 2 (default 50). */
  readonly points?: number;
  /** Risk-free rate for the Sharpe ratios, in the units of `mu` (default 0). */
  readonly riskFree?: number;
  /** Also return every turning point (flagged), merged in return order (default false). */
  readonly includeTurningPoints?: boolean;
}

/** Points this close in return (relative to the frontier's return range) are the same corner. */
const SAME_RETURN_TOLERANCE = 1e-12;

/** More rows than any sheet or chart needs; guards against a typo such as 1e9. */
const MAX_POINTS = 100000;

/**
 * The exact efficient frontier sampled at `points` returns equally spaced from the
 * minimum-variance portfolio's return to the highest attainable return, under Σw = 1 and
 * lower ≤ w ≤ upper.
 *
 * Method: the turning points of the critical line algorithm (criticalLineAlgorithm); a target
 * return r between turning points P_s and P_{s+1} (returns r_s ≥ r ≥ r_{s+1}) is reached at
 * t = (r_s − r)/(r_s − r_{s+1}) and the frontier portfolio there is exactly (1 − t)·w_s + t·w_{s+1}
 * (the weights are affine in λ between corners, and so is the return). Reference: Bailey & López de
 * Prado (2013), `efFrontier` (which samples t per segment instead of equal returns). Each point is
 * the minimum-variance portfolio for its return (checked against scipy SLSQP + KKT polish,
 * variance to 1e-12 and weights to 1e-8, and by its KKT conditions in the tests). Points that
 * coincide with a turning point have `isTurningPoint`; `includeTurningPoints` merges all corners
 * into the result.
 * Conventions: μ, Σ and riskFree in the same units (annualised, periodsPerYear default 365 upstream).
 * Complexity: O(n³) for the frontier plus O(n²) per point.
 *
 * @param mu expected returns, one per asset
 * @param cov covariance of the same assets (positive definite)
 * @param options `lower`, `upper` bounds (defaults 0, 1), `points` (default 50), `riskFree` (default 0),
 *   `includeTurningPoints` (default false)
 * @returns the frontier portfolios in increasing return, from the minimum-variance one to the
 *   highest-return one (`points` of them, plus the corners with `includeTurningPoints`)
 * @throws CoreError TOO_FEW_POINTS (no assets)
 * @throws CoreError LENGTH_MISMATCH (covariance size or bound count differs from mu)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in mu, covariance, bounds or riskFree)
 * @throws CoreError INVALID_ARGUMENT (points not a whole number in 2 … 100000, missing input, negative variance,
 *   asymmetric covariance)
 * @throws CoreError ZERO_VARIANCE (an asset with zero variance)
 * @throws CoreError INFEASIBLE (lower > upper, Σ lower > 1 or Σ upper < 1)
 * @throws CoreError SINGULAR_MATRIX (duplicate or collinear assets)
 * @throws CoreError NOT_CONVERGED (cycling on a degenerate problem)
 * @example
 * const cov = { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] };
 * efficientFrontier([0.1, 0.2], cov, { points: 2 }).map((p) => p.expectedReturn);
 * // => [0.1307…, 0.2]  (minimum variance 9/13·0.1 + 4/13·0.2, then all in B)
 */
export function efficientFrontier(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  options: EfficientFrontierOptions = {}
): FrontierPoint[] {
  const count = options.points ?? 50;
  if (!Number.isInteger(count) || count < 2 || count > MAX_POINTS) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `points: must be a whole number from 2 to ${MAX_POINTS}; got ${String(count)}`,
      { argument: "points" }
    );
  }
  const riskFree = options.riskFree ?? 0;
  if (!Number.isFinite(riskFree)) {
    throw new CoreError("NON_FINITE", `riskFree: is ${String(riskFree)}; pass a finite rate`, {
      argument: "riskFree",
    });
  }
  const inputs = validateFrontierInputs(mu, cov, options);
  const corners = traceCriticalLine(inputs);
  const last = corners.length - 1;
  const highest = corners[0].expectedReturn;
  const lowest = corners[last].expectedReturn;
  const sameReturn = SAME_RETURN_TOLERANCE * Math.max(Math.abs(highest), Math.abs(lowest), 1e-300);
  const turningPoints = corners
    .map((corner) => frontierPointOnSegment(inputs, corner, corner, 0, riskFree, true))
    .reverse();

  const sampled: FrontierPoint[] = [];
  // Walk segments from the minimum-variance end; s indexes corners (highest return first).
  let s = last;
  for (let k = 0; k < count; k++) {
    const target = k === count - 1 ? highest : lowest + ((highest - lowest) * k) / (count - 1);
    while (s > 0 && corners[s - 1].expectedReturn <= target) s--;
    // Now corners[s].expectedReturn ≤ target (or s = 0) and target < corners[s − 1]'s return.
    const below = corners[s];
    if (s === 0 || Math.abs(target - below.expectedReturn) <= sameReturn) {
      sampled.push(frontierPointOnSegment(inputs, below, below, 0, riskFree, true));
      continue;
    }
    const above = corners[s - 1];
    const gap = above.expectedReturn - below.expectedReturn;
    const t = (above.expectedReturn - target) / gap;
    const atCorner = above.expectedReturn - target <= sameReturn;
    sampled.push(
      frontierPointOnSegment(inputs, above, below, atCorner ? 0 : t, riskFree, atCorner)
    );
  }
  if (!options.includeTurningPoints) return sampled;

  const merged: FrontierPoint[] = [];
  let i = 0;
  let j = 0;
  while (i < sampled.length || j < turningPoints.length) {
    const a = sampled[i];
    const b = turningPoints[j];
    if (b === undefined || (a !== undefined && a.expectedReturn < b.expectedReturn - sameReturn)) {
      merged.push(a);
      i++;
    } else if (a === undefined || b.expectedReturn < a.expectedReturn - sameReturn) {
      merged.push(b);
      j++;
    } else {
      // The same return: keep the corner (it carries the flag and the corner's λ).
      merged.push(b);
      i++;
      j++;
    }
  }
  return merged;
}
