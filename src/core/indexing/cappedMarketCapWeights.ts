import { CoreError } from "../errors";
import { checkMarketCaps } from "./checkMarketCaps";

/** Options for {@link cappedMarketCapWeights}. */
export interface CappedWeightOptions {
  /** Largest weight of any constituent, in (0, 1]; default 1 (no cap). E.g. 0.25 for a 25 % cap. */
  readonly cap?: number;
  /** Smallest weight of any constituent, in [0, cap]; default 0 (no floor). */
  readonly floor?: number;
}

/**
 * Rounding slack when comparing n·cap or n·floor with 1: 0.2 × 5 is 1.0000000000000002 in binary,
 * and a 20 % cap on five names must count as exactly feasible (everyone at 20 %).
 */
const FEASIBILITY_TOLERANCE = 1e-12;

/**
 * Market-cap weights with a per-constituent cap and an optional floor, as index providers build
 * capped indices (e.g. a 25 % cap per name).
 *
 * Method: the index providers' rule "cap every name above the cap and redistribute the excess to
 * the uncapped names in proportion to their market caps, repeat until no weight exceeds the cap"
 * converges to w_i = min(cap, λ·m_i) with one scale λ chosen so Σ w_i = 1. A floor works the same
 * way in the other direction (raise to the floor, take the shortfall proportionally from the
 * others, caps kept), so the exact answer is
 *
 *   w_i = clip(λ·m_i, floor, cap),   Σ_i w_i = 1.
 *
 * Σ_i clip(λ·m_i, floor, cap) is piecewise linear and non-decreasing in λ, so λ is found by a
 * binary search over the 2n sorted breakpoints floor/m_i and cap/m_i, then solved exactly on the
 * bracketing linear piece (no iteration to a tolerance).
 * Matches the iterative capping loop (numpy, scripts/fixtures/indexing.py) to 1e-15.
 * Weights are monotone in market cap, and names inside (floor, cap) keep their market-cap ratios.
 * When n·cap = 1 (or n·floor = 1) the only feasible portfolio is equal weights, which is returned.
 * Complexity: O(n log n) time, O(n) memory.
 *
 * @param marketCaps strictly positive market caps, one per constituent
 * @param options cap (default 1) and floor (default 0), as fractions
 * @returns weights summing to 1 (to rounding), same order as the input
 * @throws CoreError INVALID_ARGUMENT (empty caps or a cap ≤ 0; cap outside (0, 1]; floor outside [0, 1]; floor above cap)
 * @throws CoreError NON_FINITE (a NaN or infinite market cap, cap or floor)
 * @throws CoreError INFEASIBLE (n·cap < 1: the message gives the smallest feasible cap 1/n; n·floor > 1: the largest feasible floor)
 * @example cappedMarketCapWeights([50, 25, 10, 10, 5], { cap: 0.25 }); // => [0.25, 0.25, 0.2, 0.2, 0.1]
 */
export function cappedMarketCapWeights(
  marketCaps: ArrayLike<number>,
  options: CappedWeightOptions = {}
): Float64Array {
  checkMarketCaps(marketCaps, "marketCaps");
  const cap = options.cap ?? 1;
  const floor = options.floor ?? 0;
  const n = marketCaps.length;
  if (!Number.isFinite(cap) || !Number.isFinite(floor)) {
    throw new CoreError(
      "NON_FINITE",
      `cap and floor must be finite numbers; got cap=${cap}, floor=${floor}`,
      { argument: Number.isFinite(cap) ? "floor" : "cap" }
    );
  }
  if (!(cap > 0 && cap <= 1)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `cap must be above 0 and at most 1 (e.g. 0.25 for 25 %); got ${cap}`,
      { argument: "cap" }
    );
  }
  if (!(floor >= 0 && floor <= 1)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `floor must be from 0 to 1 (e.g. 0.01 for 1 %); got ${floor}`,
      { argument: "floor" }
    );
  }
  if (floor > cap) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `floor (${floor}) is above cap (${cap}); use a floor at most the cap`,
      { argument: "floor" }
    );
  }
  if (n * cap < 1 - FEASIBILITY_TOLERANCE) {
    throw new CoreError(
      "INFEASIBLE",
      `cap ${cap} is too small for ${n} constituents (${n} × ${cap} < 1); ` +
        `use a cap of at least 1/${n} = ${1 / n} or add constituents`,
      { argument: "cap" }
    );
  }
  if (n * floor > 1 + FEASIBILITY_TOLERANCE) {
    throw new CoreError(
      "INFEASIBLE",
      `floor ${floor} is too large for ${n} constituents (${n} × ${floor} > 1); ` +
        `use a floor of at most 1/${n} = ${1 / n} or remove constituents`,
      { argument: "floor" }
    );
  }
  const weights = new Float64Array(n);
  if (n * cap <= 1 + FEASIBILITY_TOLERANCE || n * floor >= 1 - FEASIBILITY_TOLERANCE) {
    weights.fill(1 / n);
    return weights;
  }
  const lambda = solveScale(marketCaps, cap, floor);
  for (let i = 0; i < n; i++) {
    const w = lambda * marketCaps[i];
    weights[i] = w > cap ? cap : w < floor ? floor : w;
  }
  return weights;
}

/**
 * λ with Σ clip(λ·m_i, floor, cap) = 1. S(λ) is evaluated afresh at the sorted breakpoints
 * (binary search), never by running sums: adding 1e13 and 0.001 and later removing 1e13 loses the
 * 0.001. Inside the bracketing segment S is linear, so λ = (1 − pinned) / Σ free m_i exactly.
 */
function solveScale(marketCaps: ArrayLike<number>, cap: number, floor: number): number {
  const n = marketCaps.length;
  const breakpoints = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    breakpoints[i] = floor / marketCaps[i];
    breakpoints[n + i] = cap / marketCaps[i];
  }
  breakpoints.sort();
  // S(last breakpoint) = n·cap > 1, so the first breakpoint with S ≥ 1 exists.
  let lo = 0;
  let hi = 2 * n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clippedSum(marketCaps, cap, floor, breakpoints[mid]) >= 1) hi = mid;
    else lo = mid + 1;
  }
  const upper = breakpoints[lo];
  const lower = lo > 0 ? breakpoints[lo - 1] : 0;
  let pinned = 0;
  let free = 0;
  for (let i = 0; i < n; i++) {
    if (cap / marketCaps[i] <= lower) pinned += cap;
    else if (floor / marketCaps[i] >= upper) pinned += floor;
    else free += marketCaps[i];
  }
  if (!(free > 0)) return upper;
  const lambda = (1 - pinned) / free;
  return lambda < lower ? lower : lambda > upper ? upper : lambda;
}

function clippedSum(
  marketCaps: ArrayLike<number>,
  cap: number,
  floor: number,
  lambda: number
): number {
  let sum = 0;
  for (let i = 0; i < marketCaps.length; i++) {
    const w = lambda * marketCaps[i];
    sum += w > cap ? cap : w < floor ? floor : w;
  }
  return sum;
}
