import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { bindingConstraints } from "./bindingConstraints";
import { bisectPenalty } from "./bisectPenalty";
import { checkCovariance } from "./checkCovariance";
import { clampedQuadraticForm } from "./clampedQuadraticForm";
import { checkFeasibility } from "./checkFeasibility";
import { portfolioConstraintRows } from "./portfolioConstraintRows";
import { snapWeightsToBounds } from "./snapWeightsToBounds";
import { solveQuadraticProgram } from "./solveQuadraticProgram";
import type { ConstrainedPortfolio, PortfolioConstraints } from "./types";

/** TE ≤ cap is accepted to this relative rounding. */
const REACH_TOLERANCE = 1e-12;

/** A minimum-variance portfolio under a tracking-error cap, with the tracking error it has. */
export interface TrackingErrorPortfolio extends ConstrainedPortfolio {
  /** √((w − w_b)ᵀΣ(w − w_b)) at the optimum, in the units of Σ (annualised if Σ is). */
  readonly trackingError: number;
}

/**
 * The minimum-variance portfolio whose tracking error to a benchmark w_b stays within a cap,
 * √((w − w_b)ᵀΣ(w − w_b)) ≤ TE, under bounds and group constraints.
 *
 * Problem: min wᵀΣw s.t. (w − w_b)ᵀΣ(w − w_b) ≤ TE², Σw = 1, bounds, groups (convex). Method: by the
 * KKT conditions the optimum minimises wᵀΣw + λ(w − w_b)ᵀΣ(w − w_b) at the cap's multiplier λ* ≥ 0,
 * with either λ* = 0 or the cap holding with equality, and the tracking error is non-increasing in
 * λ. With θ = λ/(1 + λ) ∈ [0, 1] each penalised problem is min wᵀΣw − 2θ·w_bᵀΣw (up to a constant
 * and the factor 1 + λ), one strictly convex QP ({@link solveQuadraticProgram}); θ = 1 gives the
 * portfolio of least tracking error the constraints allow. Bisection on θ finds the smallest θ
 * whose portfolio meets the cap, returned from the feasible side. Reference: Roll (1992), "A mean/
 * variance analysis of tracking error", J. Portfolio Management 18(4); Jorion (2003) for the
 * TE-constrained frontier.
 * Conventions: w_b need not meet the constraints (an index may hold assets above maxWeight); TE in
 * the units of Σ (annual volatility when Σ is annualised).
 * Complexity: up to 62 QPs of n variables, O(n³) each.
 *
 * @param cov positive definite covariance with labels
 * @param benchmark w_b, one weight per asset
 * @param maxTrackingError the cap TE > 0
 * @param constraints bounds and groups
 * @returns weights, volatility, the tracking error reached, binding constraints (plus "tracking
 *   error ≤ TE" when it binds)
 * @throws CoreError INVALID_ARGUMENT (TE not positive and finite; benchmark of the wrong length or
 *   not finite); INFEASIBLE (the constraints allow no tracking error below a floor, which the
 *   message gives; or the bounds and groups themselves clash)
 * @example minimumVarianceTrackingError(cov, [0, 1], 0.05).trackingError; // => 0.05 when the cap binds
 */
export function minimumVarianceTrackingError(
  cov: SquareMatrix,
  benchmark: ArrayLike<number>,
  maxTrackingError: number,
  constraints: PortfolioConstraints = {}
): TrackingErrorPortfolio {
  checkCovariance(cov);
  const n = cov.size;
  if (!(maxTrackingError > 0 && Number.isFinite(maxTrackingError))) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `te must be an annual tracking error above 0 (e.g. 0.05 for 5 %); got ${maxTrackingError}`,
      { argument: "limits" }
    );
  }
  if (benchmark.length !== n || !Array.from(benchmark).every(Number.isFinite)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `benchmarkWeights must be ${n} finite weights, one per asset; got ${benchmark.length}`,
      { argument: "benchmarkWeights" }
    );
  }
  const report = checkFeasibility(constraints, n, cov.labels);
  if (!report.feasible)
    throw new CoreError("INFEASIBLE", report.reason, { argument: "constraints" });
  const rows = portfolioConstraintRows(constraints, n, cov.labels);
  const sigmaB = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += cov.data[i * n + j] * benchmark[j];
    sigmaB[i] = v;
  }
  const D = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) D[k] = 2 * cov.data[k];
  const solve = (theta: number): Float64Array => {
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) d[i] = 2 * theta * sigmaB[i];
    const { x } = solveQuadraticProgram({
      D,
      d,
      Aeq: new Float64Array(n).fill(1),
      beq: [1],
      Aineq: rows.Aineq,
      bineq: rows.bineq,
      equalityNames: ["budget (weights sum to 1)"],
      inequalityNames: rows.names,
    });
    return snapWeightsToBounds(x, rows.lower, rows.upper);
  };
  const te = (w: Float64Array) => {
    const diff = new Float64Array(n);
    for (let i = 0; i < n; i++) diff[i] = w[i] - benchmark[i];
    return Math.sqrt(clampedQuadraticForm(cov, diff));
  };
  const meets = (w: Float64Array) => te(w) <= maxTrackingError * (1 + REACH_TOLERANCE);
  let w = solve(0);
  let binds = false;
  if (!meets(w)) {
    const closest = solve(1);
    if (!meets(closest)) {
      const floor = te(closest);
      throw new CoreError(
        "INFEASIBLE",
        `te ${fmt(maxTrackingError)} cannot be met: under the bounds and group constraints the tracking error to benchmarkWeights is at least ${fmt(floor)}; raise te to ${fmt(floor * (1 + 1e-6))} or more, or relax maxWeight and the group caps`,
        { argument: "limits" }
      );
    }
    w = bisectPenalty(solve, meets, closest);
    binds = true;
  }
  const binding = bindingConstraints(rows, w);
  if (binds) binding.push(`tracking error ≤ ${fmt(maxTrackingError)}`);
  return {
    weights: w,
    labels: cov.labels,
    volatility: Math.sqrt(clampedQuadraticForm(cov, w)),
    trackingError: te(w),
    binding,
  };
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}
