import { CoreError } from "../errors";
import { returnScale } from "./returnScale";
import { UpdatableCholesky } from "./updatableCholesky";
import { SINGULAR_PIVOT_TOLERANCE, type FrontierInputs } from "./validateFrontierInputs";

/** The starting corner of the critical line algorithm. */
export interface HighestReturnStart {
  /** Weights of the highest-return portfolio (the minimum-variance one among several). */
  readonly weights: Float64Array;
  /** Assets that start free (at least one; it pins the budget multiplier). */
  readonly free: readonly number[];
}

/**
 * Expected returns closer than this (relative to returnScale) form one tie group: such a gap only
 * moves the frontier at risk tolerances λ beyond ~1e8·σ, and it keeps tied groups well above the
 * rounding noise of the slopes in traceCriticalLine (tolerance 1e-10).
 */
const TIE_TOLERANCE = 1e-8;

/** Steps shorter than this (weights are fractions of 1) mean the active-set iterate is optimal. */
const STEP_TOLERANCE = 1e-13;

/** Multipliers within this times max Σ_ii of zero count as zero (rounding of Σw − γ). */
const MULTIPLIER_TOLERANCE = 1e-12;

/**
 * The highest-return feasible portfolio, where the critical line algorithm starts (λ = ∞).
 *
 * Method (Bailey & López de Prado 2013, `initAlgo`): put every asset at its lower bound, then raise
 * assets to their upper bounds in order of decreasing μ until the budget Σw = 1 is met; the asset
 * that receives the remainder is free. Ties in μ (the case PyPortfolioOpt's CLA gets wrong): the
 * limit of argmin ½wᵀΣw − λμᵀw as λ → ∞ is the minimum-variance portfolio among those of maximal
 * return, so the tied group that receives the remainder is split by a small primal active-set QP
 * (min ½wᵀΣw over the group with the others fixed, Σw = 1, bounds), which terminates exactly.
 * When no asset is strictly between its bounds, the last filled asset whose multiplier pins the
 * budget (largest (Σw)_i among the tied group) is marked free, as in the reference code.
 * Complexity: O(n log n) plus, with ties, O(g·n²) per active-set step for a group of size g.
 *
 * @param inputs validated inputs (see validateFrontierInputs)
 * @throws CoreError NOT_CONVERGED (the tie active set cycles; not seen in practice)
 * @throws CoreError SINGULAR_MATRIX (cannot happen after validation; kept as a guard)
 * @example
 * const inputs = validateFrontierInputs([0.1, 0.2], { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] });
 * highestReturnPortfolio(inputs); // => { weights: [0, 1], free: [1] }
 */
export function highestReturnPortfolio(inputs: FrontierInputs): HighestReturnStart {
  const { n, mu, lower, upper } = inputs;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => mu[b] - mu[a] || a - b);
  const tie = TIE_TOLERANCE * returnScale(inputs);
  const weights = Float64Array.from(lower);
  let remaining = 1;
  for (let i = 0; i < n; i++) remaining -= lower[i];

  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && mu[order[start]] - mu[order[end]] <= tie) end++;
    const group = order.slice(start, end);
    let capacity = 0;
    for (const i of group) capacity += upper[i] - lower[i];
    if (capacity < remaining && end < n) {
      for (const i of group) weights[i] = upper[i];
      remaining -= capacity;
      start = end;
      continue;
    }
    // The marginal group: fill it in order to get a feasible point, then split it optimally.
    for (const i of group) {
      const add = Math.min(upper[i] - lower[i], Math.max(remaining, 0));
      weights[i] = lower[i] + add;
      remaining -= add;
    }
    const free =
      group.length > 1
        ? minimumVarianceWithinGroup(inputs, weights, group)
        : strictlyInside(inputs, weights, group);
    return { weights, free: free.length > 0 ? free : [pinningAsset(inputs, weights, group)] };
  }
  // Unreachable after validation (Σ upper ≥ 1 means some group is marginal).
  throw new CoreError("INFEASIBLE", "upper: the maximum weights sum below 1; raise some of them", {
    argument: "upper",
  });
}

function strictlyInside(inputs: FrontierInputs, weights: Float64Array, group: number[]): number[] {
  return group.filter((i) => weights[i] > inputs.lower[i] && weights[i] < inputs.upper[i]);
}

/**
 * With every group member at a bound, the budget multiplier γ may be any value between the
 * largest (Σw)_i over members at their upper bound and the smallest over members at their lower
 * bound; the member at an upper bound with the largest (Σw)_i pins γ at the end of that interval
 * where all the group's multipliers keep their signs.
 */
function pinningAsset(inputs: FrontierInputs, weights: Float64Array, group: number[]): number {
  const { n, cov, upper } = inputs;
  let best = group[group.length - 1];
  let bestGradient = -Infinity;
  for (const i of group) {
    if (weights[i] < upper[i]) continue;
    let gradient = 0;
    for (let j = 0; j < n; j++) gradient += cov[i * n + j] * weights[j];
    if (gradient > bestGradient) {
      bestGradient = gradient;
      best = i;
    }
  }
  return best;
}

/**
 * Primal active-set method (Nocedal & Wright, "Numerical Optimization", Algorithm 16.3) for
 * min ½wᵀΣw over the group's weights, the other assets fixed, Σw = 1, lower ≤ w ≤ upper, from the
 * feasible point in `weights` (updated in place). Returns the members strictly inside their bounds.
 */
function minimumVarianceWithinGroup(
  inputs: FrontierInputs,
  weights: Float64Array,
  group: number[]
): number[] {
  const { n, cov, lower, upper, labels } = inputs;
  const chol = new UpdatableCholesky(cov, n);
  const inGroup = new Uint8Array(n);
  for (const i of group) inGroup[i] = 1;
  const isFree = new Uint8Array(n);
  const addFree = (i: number) => {
    if (!chol.append(i, SINGULAR_PIVOT_TOLERANCE)) {
      throw new CoreError(
        "SINGULAR_MATRIX",
        `covariance: is singular at column ${i + 1} (${labels[i]}); remove duplicate asset ${labels[i]} or use estimator=ledoitwolf`,
        { argument: "covariance", column: i, label: labels[i] }
      );
    }
    isFree[i] = 1;
  };
  for (const i of strictlyInside(inputs, weights, group)) addFree(i);
  if (chol.size === 0) addFree(pinningAsset(inputs, weights, group));
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) maxDiagonal = Math.max(maxDiagonal, cov[i * n + i]);
  const multiplierTolerance = MULTIPLIER_TOLERANCE * maxDiagonal;
  const ones = new Float64Array(n);
  const rhs = new Float64Array(n);
  const x1 = new Float64Array(n);
  const xh = new Float64Array(n);
  const maxIterations = 10 * group.length + 20;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const k = chol.size;
    // h_F = Σ_{F,B} w_B and the budget left for F.
    let budget = 1;
    for (let j = 0; j < n; j++) if (!isFree[j]) budget -= weights[j];
    for (let p = 0; p < k; p++) {
      const row = chol.members[p] * n;
      let s = 0;
      for (let j = 0; j < n; j++) if (!isFree[j]) s += cov[row + j] * weights[j];
      rhs[p] = s;
      ones[p] = 1;
    }
    chol.solve(ones, x1);
    chol.solve(rhs, xh);
    let sum1 = 0;
    let sumH = 0;
    for (let p = 0; p < k; p++) {
      sum1 += x1[p];
      sumH += xh[p];
    }
    const gamma = (budget + sumH) / sum1;
    // Step towards the equality-constrained optimum, shortened at the first bound it would cross.
    let alpha = 1;
    let blocking = -1;
    let longest = 0;
    for (let p = 0; p < k; p++) {
      const i = chol.members[p];
      const step = gamma * x1[p] - xh[p] - weights[i];
      longest = Math.max(longest, Math.abs(step));
      if (step < 0 && (lower[i] - weights[i]) / step < alpha) {
        alpha = (lower[i] - weights[i]) / step;
        blocking = p;
      } else if (step > 0 && (upper[i] - weights[i]) / step < alpha) {
        alpha = (upper[i] - weights[i]) / step;
        blocking = p;
      }
    }
    if (longest > STEP_TOLERANCE) {
      for (let p = 0; p < k; p++) {
        const i = chol.members[p];
        weights[i] += alpha * (gamma * x1[p] - xh[p] - weights[i]);
      }
      if (blocking >= 0) {
        const i = chol.members[blocking];
        const target = gamma * x1[blocking] - xh[blocking] - weights[i] < 0 ? lower[i] : upper[i];
        weights[i] = target;
        isFree[i] = 0;
        chol.remove(blocking);
      }
      continue;
    }
    for (let p = 0; p < k; p++) weights[chol.members[p]] = gamma * x1[p] - xh[p];
    // A lone free asset takes exactly what the budget leaves (no rounding from the solve).
    if (k === 1) weights[chol.members[0]] = budget;
    // Optimal on this working set: release the bound whose multiplier has the wrong sign most.
    let worst = -1;
    let worstViolation = multiplierTolerance;
    for (const i of group) {
      if (isFree[i] || !inGroup[i] || upper[i] <= lower[i]) continue;
      let gradient = 0;
      for (let j = 0; j < n; j++) gradient += cov[i * n + j] * weights[j];
      const multiplier = gradient - gamma;
      const violation = weights[i] <= lower[i] ? -multiplier : multiplier;
      if (violation > worstViolation) {
        worstViolation = violation;
        worst = i;
      }
    }
    if (worst < 0) return Array.from(chol.members.subarray(0, chol.size));
    addFree(worst);
  }
  throw new CoreError(
    "NOT_CONVERGED",
    `mu: splitting ${group.length} assets with equal expected returns did not settle in ${maxIterations} steps; perturb their expected returns slightly`,
    { argument: "mu" }
  );
}
