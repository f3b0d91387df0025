/** Bisection steps on θ ∈ [0, 1]: 2⁻⁶⁰ is below double precision in θ. */
const BISECTION_STEPS = 60;

/**
 * The portfolio at the smallest penalty θ ∈ [0, 1] whose weights meet a monotone condition, from
 * the feasible side: the multiplier search shared by the norm- and tracking-error-capped
 * minimum-variance problems, where the penalised optimum w(θ) meets the cap for every θ above the
 * multiplier θ* and misses it below (KKT; see minimumVarianceEffectiveHoldings and
 * minimumVarianceTrackingError).
 *
 * Algorithm: bisection on [lo, hi] = [0, 1], keeping the last portfolio that meets the condition
 * (starting from the θ = 1 one the caller has already checked), for 60 halvings or until the
 * midpoint no longer splits the interval in doubles. Reference: Burden & Faires, Numerical
 * Analysis, §2.1 (bisection).
 * Conventions: the caller guarantees accepts(top) and that accepts(solve(0)) is false.
 * Complexity: up to 60 calls of solve.
 *
 * @param solve the penalised optimum at θ
 * @param accepts whether weights meet the cap (with the caller's rounding tolerance)
 * @param top solve(1), which meets the cap
 * @returns the accepted weights at the smallest θ found
 * @example bisectPenalty((t) => Float64Array.of(t), (w) => w[0] >= 0.25, Float64Array.of(1))[0]; // => 0.25
 */
export function bisectPenalty(
  solve: (theta: number) => Float64Array,
  accepts: (w: Float64Array) => boolean,
  top: Float64Array
): Float64Array {
  let lo = 0;
  let hi = 1;
  let w = top;
  for (let k = 0; k < BISECTION_STEPS; k++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    const candidate = solve(mid);
    if (accepts(candidate)) {
      hi = mid;
      w = candidate;
    } else {
      lo = mid;
    }
  }
  return w;
}
