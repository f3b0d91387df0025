import { CoreError } from "../errors";
import { frontierPointOnSegment, type FrontierPoint } from "./frontierPointOnSegment";
import type { TurningPoint } from "./traceCriticalLine";
import type { FrontierInputs } from "./validateFrontierInputs";

/** How a traced frontier is sampled (see {@link sampleFrontier}). */
export interface FrontierSampling {
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
 * Checks the sampling options before any frontier is traced, so a typo costs nothing.
 * @returns the point count (default 50) and risk-free rate (default 0)
 * @throws CoreError INVALID_ARGUMENT (points not a whole number in 2 … 100000)
 * @throws CoreError NON_FINITE (riskFree NaN or ±Infinity)
 */
export function checkFrontierSampling(sampling: FrontierSampling): {
  count: number;
  riskFree: number;
} {
  const count = sampling.points ?? 50;
  if (!Number.isInteger(count) || count < 2 || count > MAX_POINTS) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `points: must be a whole number from 2 to ${MAX_POINTS}; got ${String(count)}`,
      { argument: "points" }
    );
  }
  const riskFree = sampling.riskFree ?? 0;
  if (!Number.isFinite(riskFree)) {
    throw new CoreError("NON_FINITE", `riskFree: is ${String(riskFree)}; pass a finite rate`, {
      argument: "riskFree",
    });
  }
  return { count, riskFree };
}

/**
 * Samples a traced frontier at `points` returns equally spaced from the minimum-variance
 * portfolio's return to the highest attainable return.
 *
 * A target return r between turning points P_s and P_{s+1} (returns r_s ≥ r ≥ r_{s+1}) is reached
 * at t = (r_s − r)/(r_s − r_{s+1}) and the frontier portfolio there is exactly (1 − t)·w_s + t·w_{s+1}
 * (the weights are affine in λ between corners, and so is the return). Reference: Bailey & López de
 * Prado (2013), `efFrontier` (which samples t per segment instead of equal returns).
 * Complexity: O(n²) per point plus O(n²) per corner when corners are included.
 *
 * @param inputs validated inputs (validateFrontierInputs)
 * @param corners the turning points of traceCriticalLine (highest return first)
 * @param sampling `points` (default 50), `riskFree` (default 0), `includeTurningPoints` (default false)
 * @returns the sampled portfolios in increasing return (plus the flagged corners when asked)
 * @throws CoreError as {@link checkFrontierSampling}
 */
export function sampleFrontier(
  inputs: FrontierInputs,
  corners: readonly TurningPoint[],
  sampling: FrontierSampling = {}
): FrontierPoint[] {
  const { count, riskFree } = checkFrontierSampling(sampling);
  const last = corners.length - 1;
  const highest = corners[0].expectedReturn;
  const lowest = corners[last].expectedReturn;
  const sameReturn = SAME_RETURN_TOLERANCE * Math.max(Math.abs(highest), Math.abs(lowest), 1e-300);

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
  if (!sampling.includeTurningPoints) return sampled;

  const turningPoints = corners
    .map((corner) => frontierPointOnSegment(inputs, corner, corner, 0, riskFree, true))
    .reverse();
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
