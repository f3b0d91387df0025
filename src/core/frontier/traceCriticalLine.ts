import { CoreError } from "../errors";
import { highestReturnPortfolio } from "./highestReturnPortfolio";
import { portfolioMoments } from "./portfolioMoments";
import { returnScale } from "./returnScale";
import { UpdatableCholesky } from "./updatableCholesky";
import {
  BUDGET_TOLERANCE,
  SINGULAR_PIVOT_TOLERANCE,
  type FrontierInputs,
} from "./validateFrontierInputs";

/** One corner ("turning point") of the efficient frontier. */
export interface TurningPoint {
  /** Portfolio weights, in the order of `mu`; they sum to 1 and respect the bounds. */
  readonly weights: Float64Array;
  /** μᵀw. */
  readonly expectedReturn: number;
  /** wᵀΣw. */
  readonly variance: number;
  /** √(wᵀΣw). */
  readonly volatility: number;
  /**
   * Risk tolerance λ of min ½wᵀΣw − λμᵀw at which this corner is reached (the free set changes).
   * The first corner is optimal for every λ ≥ its λ; the last (minimum-variance) one for every λ in
   * [0, its λ], and its λ is 0 unless the last stretch of the path has constant weights.
   */
  readonly lambda: number;
}

/**
 * Slopes (of a weight or a multiplier in λ) smaller than this relative to the magnitudes they are
 * computed from are rounding noise of an exact zero (ties in μ); treating them as real would
 * invent events at λ ~ 1e15. It stays below highestReturnPortfolio's tie tolerance (1e-8), so a
 * return gap not treated as a tie always has a visible slope.
 */
const SLOPE_TOLERANCE = 1e-10;

/** Corners within this relative distance in λ are one corner (degenerate events at one λ). */
const LAMBDA_TOLERANCE = 1e-9;

/** Bound violations up to this are rounding residue and are clipped; larger ones are a failure. */
const BOUND_TOLERANCE = 1e-9;

/**
 * The critical line algorithm on validated inputs (see criticalLineAlgorithm, which documents the
 * method, conventions and errors); split out so callers that already validated do not pay twice.
 * Complexity: O(n·h) per turning point for h assets held or free (zero weights are skipped in
 * every product with Σ, bit-identically: a skipped term is ±0); O(n²) at worst.
 *
 * @param inputs the result of validateFrontierInputs
 * @throws CoreError SINGULAR_MATRIX (a free set with a singular covariance; a guard after validation)
 * @throws CoreError NOT_CONVERGED (cycling on a degenerate problem)
 * @example
 * const inputs = validateFrontierInputs([0.1, 0.2], { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] });
 * traceCriticalLine(inputs).map((p) => p.lambda); // => [0.9, 0]
 */
export function traceCriticalLine(inputs: FrontierInputs): TurningPoint[] {
  const { n, mu, cov, lower, upper, labels } = inputs;
  let sumLower = 0;
  let sumUpper = 0;
  for (let i = 0; i < n; i++) {
    sumLower += lower[i];
    sumUpper += upper[i];
  }
  // A budget met exactly by the bounds leaves one feasible portfolio.
  if (sumLower >= 1 - BUDGET_TOLERANCE) return [turningPoint(inputs, lower, 0)];
  if (sumUpper <= 1 + BUDGET_TOLERANCE) return [turningPoint(inputs, upper, 0)];
  const start = highestReturnPortfolio(inputs);
  const w = start.weights;
  /** −1 at lower bound, +1 at upper bound, 0 free. */
  const state = new Int8Array(n);
  for (let i = 0; i < n; i++) state[i] = w[i] >= upper[i] && upper[i] > lower[i] ? 1 : -1;
  const chol = new UpdatableCholesky(cov, n);
  const free = (i: number) => {
    if (!chol.append(i, SINGULAR_PIVOT_TOLERANCE)) {
      throw new CoreError(
        "SINGULAR_MATRIX",
        `covariance: is singular at column ${i + 1} (${labels[i]}); remove duplicate asset ${labels[i]} or use estimator=ledoitwolf`,
        { argument: "covariance", column: i, label: labels[i] }
      );
    }
    state[i] = 0;
  };
  for (const i of start.free) free(i);

  const ones = new Float64Array(n);
  const muFree = new Float64Array(n);
  const hFree = new Float64Array(n);
  const x1 = new Float64Array(n);
  const xMu = new Float64Array(n);
  const xH = new Float64Array(n);
  const wa = new Float64Array(n);
  const wb = new Float64Array(n);
  const heldBound = new Int32Array(n);
  const nonzero = new Int32Array(n);
  const points: TurningPoint[] = [];
  let lambda = Infinity;
  const maxIterations = 50 * n + 100;
  const muScale = returnScale(inputs);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const k = chol.size;
    const members = chol.members;
    // Segment: w_F = a + λb, γ = γa + λγb, from Σ_FF x = 1, μ_F, Σ_FB w_B.
    let budget = 1;
    let boundHeld = 0;
    for (let j = 0; j < n; j++) {
      if (state[j] === 0) continue;
      budget -= w[j];
      // A bound asset at weight 0 adds ±0 to every Σ_FB w_B sum: skipping it changes no bit.
      if (w[j] !== 0) heldBound[boundHeld++] = j;
    }
    for (let p = 0; p < k; p++) {
      const i = members[p];
      const row = i * n;
      let s = 0;
      for (let q = 0; q < boundHeld; q++) {
        const j = heldBound[q];
        s += cov[row + j] * w[j];
      }
      ones[p] = 1;
      muFree[p] = mu[i];
      hFree[p] = s;
    }
    chol.solve(ones, x1);
    chol.solve(muFree, xMu);
    chol.solve(hFree, xH);
    let sum1 = 0;
    let sumMu = 0;
    let sumH = 0;
    for (let p = 0; p < k; p++) {
      sum1 += x1[p];
      sumMu += xMu[p];
      sumH += xH[p];
    }
    const gammaA = (budget + sumH) / sum1;
    const gammaB = -sumMu / sum1;
    for (let j = 0; j < n; j++) {
      wa[j] = state[j] === 0 ? 0 : w[j];
      wb[j] = 0;
    }
    let best = -Infinity;
    let bestAsset = -1;
    for (let p = 0; p < k; p++) {
      const i = members[p];
      const a = gammaA * x1[p] - xH[p];
      const b = xMu[p] + gammaB * x1[p];
      wa[i] = a;
      wb[i] = b;
      if (k === 1) continue;
      const slopeTolerance =
        SLOPE_TOLERANCE * (Math.abs(xMu[p]) + (Math.abs(gammaB) + muScale) * Math.abs(x1[p]));
      // As λ falls, a weight with b > 0 falls to its lower bound, one with b < 0 rises to its upper.
      let hit: number;
      if (b > slopeTolerance) hit = (lower[i] - a) / b;
      else if (b < -slopeTolerance) hit = (upper[i] - a) / b;
      else continue;
      if (hit > best) {
        best = hit;
        bestAsset = i;
      }
    }
    // The assets where wa or wb is nonzero: the others add ±0 to the sums below (no bit changes).
    let nonzeroCount = 0;
    for (let j = 0; j < n; j++) if (wa[j] !== 0 || wb[j] !== 0) nonzero[nonzeroCount++] = j;
    for (let i = 0; i < n; i++) {
      if (state[i] === 0 || upper[i] <= lower[i]) continue;
      const row = i * n;
      let sa = 0;
      let sb = 0;
      let sbMagnitude = 0;
      for (let q = 0; q < nonzeroCount; q++) {
        const j = nonzero[q];
        sa += cov[row + j] * wa[j];
        const t = cov[row + j] * wb[j];
        sb += t;
        sbMagnitude += Math.abs(t);
      }
      const ga = sa - gammaA;
      const gb = sb - mu[i] - gammaB;
      const slopeTolerance = SLOPE_TOLERANCE * (sbMagnitude + Math.abs(mu[i]) + Math.abs(gammaB));
      // The multiplier g(λ) = ga + λ·gb must stay ≥ 0 at a lower bound, ≤ 0 at an upper one.
      if ((state[i] < 0 && gb > slopeTolerance) || (state[i] > 0 && gb < -slopeTolerance)) {
        const hit = -ga / gb;
        if (hit > best) {
          best = hit;
          bestAsset = i;
        }
      }
    }

    if (bestAsset < 0 || best <= 0) {
      // No event above λ = 0: the rest of the path ends at the minimum-variance portfolio.
      if (points.length === 0 || lambda > 0) pushPoint(inputs, points, wa, 0);
      return points;
    }
    // An event "above" the current λ is a bound already reached: it happens now.
    const eventLambda = Math.min(best, lambda);
    for (let p = 0; p < k; p++) {
      const i = members[p];
      w[i] = wa[i] + eventLambda * wb[i];
    }
    if (eventLambda < lambda) pushPoint(inputs, points, w, eventLambda);
    lambda = eventLambda;
    if (state[bestAsset] === 0) {
      const toUpper = wb[bestAsset] < 0;
      w[bestAsset] = toUpper ? upper[bestAsset] : lower[bestAsset];
      state[bestAsset] = toUpper ? 1 : -1;
      chol.remove(chol.positionOf(bestAsset));
    } else {
      free(bestAsset);
    }
  }
  throw new CoreError(
    "NOT_CONVERGED",
    `mu: the critical line algorithm did not reach the minimum-variance portfolio in ${maxIterations} steps (a degenerate problem); perturb equal expected returns or bounds slightly`,
    { argument: "mu" }
  );
}

/** Records a turning point unless it repeats the previous one (same λ within tolerance). */
function pushPoint(
  inputs: FrontierInputs,
  points: TurningPoint[],
  weights: Float64Array,
  lambda: number
): void {
  const previous = points[points.length - 1];
  if (previous !== undefined && lambda >= previous.lambda * (1 - LAMBDA_TOLERANCE)) return;
  const point = turningPoint(inputs, weights, lambda);
  if (previous !== undefined && lambda === 0) {
    let gap = 0;
    for (let i = 0; i < inputs.n; i++)
      gap = Math.max(gap, Math.abs(point.weights[i] - previous.weights[i]));
    // A last segment of constant weights ends where it began: one corner (optimal down to λ = 0),
    // which keeps its own λ so that interpolation along the segment above it stays exact.
    if (gap <= BOUND_TOLERANCE * 1e-3) return;
  }
  points.push(point);
}

function turningPoint(inputs: FrontierInputs, weights: Float64Array, lambda: number): TurningPoint {
  const { n, mu, cov, lower, upper, labels } = inputs;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = weights[i];
    if (value < lower[i] - BOUND_TOLERANCE || value > upper[i] + BOUND_TOLERANCE) {
      throw new CoreError(
        "NOT_CONVERGED",
        `mu: the critical line algorithm lost accuracy at column ${i + 1} (${labels[i]}) (weight ${value} outside [${lower[i]}, ${upper[i]}]); use estimator=ledoitwolf for a better-conditioned covariance`,
        { argument: "mu", column: i, label: labels[i] }
      );
    }
    // Clip rounding residue (~1e-16) so callers can test bounds exactly.
    w[i] = Math.min(upper[i], Math.max(lower[i], value));
  }
  const { expectedReturn, variance } = portfolioMoments(mu, cov, n, w);
  return { weights: w, expectedReturn, variance, volatility: Math.sqrt(variance), lambda };
}
