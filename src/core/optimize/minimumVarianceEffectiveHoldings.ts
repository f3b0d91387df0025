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

/** 1/Σw² ≥ N is accepted to this relative rounding (the QP's weights carry ~1e-15 each). */
const REACH_TOLERANCE = 1e-12;

/**
 * The minimum-variance portfolio with at least N effective holdings, 1/Σw² ≥ N, under bounds and
 * group constraints.
 *
 * Problem: min wᵀΣw s.t. Σw² ≤ 1/N, Σw = 1, bounds, groups: convex (a ball intersected with a
 * polytope). Method: by the KKT conditions its optimum is the minimiser of the penalised problem
 * min wᵀΣw + γ‖w‖² at the multiplier γ* ≥ 0 of the ball, where either γ* = 0 (the ball does not
 * bind) or Σw(γ*)² = 1/N; Σw(γ)² is non-increasing in γ. With γ = θ/(1 − θ)·s (s = trace(Σ)/n, so
 * θ ∈ [0, 1] spans γ ∈ [0, ∞)), each penalised problem min (1 − θ)wᵀΣw + θ·s‖w‖² is one strictly
 * convex QP ({@link solveQuadraticProgram}); θ = 1 gives the most spread portfolio the constraints
 * allow (the largest attainable effective N). Bisection on θ finds the smallest θ whose portfolio
 * reaches N, returned from the feasible side, so 1/Σw² ≥ N holds (to 1e-12 relative). Reference:
 * DeMiguel, Garlappi, Nogales & Uppal (2009), "A generalized approach to portfolio optimization:
 * improving performance by constraining portfolio norms", Management Science 55(5) (the 2-norm
 * constraint and its penalty equivalence).
 * Conventions: Σ in any consistent units; N in [1, n].
 * Complexity: up to 62 QPs of n variables, O(n³) each.
 *
 * @param cov positive definite covariance with labels
 * @param minEffectiveHoldings N, at least 1 and at most the number of assets
 * @param constraints bounds and groups
 * @returns weights, volatility, binding constraints (plus "effective holdings ≥ N" when it binds)
 * @throws CoreError INVALID_ARGUMENT (N not in [1, n]); INFEASIBLE (the constraints allow at most a
 *   smaller effective N, which the message gives; or the bounds and groups themselves clash)
 * @example minimumVarianceEffectiveHoldings({ size: 2, data: Float64Array.from([0.04, 0, 0, 0.01]), labels: ["A", "B"] }, 2).weights;
 * // => Float64Array [0.5, 0.5]   (only the equal split has 1/Σw² = 2)
 */
export function minimumVarianceEffectiveHoldings(
  cov: SquareMatrix,
  minEffectiveHoldings: number,
  constraints: PortfolioConstraints = {}
): ConstrainedPortfolio {
  checkCovariance(cov);
  const n = cov.size;
  const N = minEffectiveHoldings;
  if (!(N >= 1 && N <= n)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `effn must be from 1 to the number of assets (${n}); got ${N}`,
      { argument: "limits" }
    );
  }
  const report = checkFeasibility(constraints, n, cov.labels);
  if (!report.feasible)
    throw new CoreError("INFEASIBLE", report.reason, { argument: "constraints" });
  const rows = portfolioConstraintRows(constraints, n, cov.labels);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += cov.data[i * n + i];
  const s = trace / n;
  const solve = (theta: number): Float64Array => {
    const D = new Float64Array(n * n);
    for (let k = 0; k < n * n; k++) D[k] = 2 * (1 - theta) * cov.data[k];
    for (let i = 0; i < n; i++) D[i * n + i] += 2 * theta * s;
    const { x } = solveQuadraticProgram({
      D,
      d: new Float64Array(n),
      Aeq: new Float64Array(n).fill(1),
      beq: [1],
      Aineq: rows.Aineq,
      bineq: rows.bineq,
      equalityNames: ["budget (weights sum to 1)"],
      inequalityNames: rows.names,
    });
    return snapWeightsToBounds(x, rows.lower, rows.upper);
  };
  const effective = (w: Float64Array) => {
    let h = 0;
    for (let i = 0; i < n; i++) h += w[i] * w[i];
    return 1 / h;
  };
  const reaches = (w: Float64Array) => effective(w) >= N * (1 - REACH_TOLERANCE);
  let w = solve(0);
  let binds = false;
  if (!reaches(w)) {
    const widest = solve(1);
    if (!reaches(widest)) {
      const most = effective(widest);
      throw new CoreError(
        "INFEASIBLE",
        `effn ${fmt(N)} cannot be reached: the bounds and group constraints allow at most ${fmt(most)} effective holdings (1/Σw² of their most even portfolio); lower effn to ${fmt(Math.floor(most * 1e6) / 1e6)} or relax maxWeight and the group caps`,
        { argument: "limits" }
      );
    }
    // N at the most even portfolio's own value (e.g. N = n: equal weights): 1/Σw² is flat there, so
    // bisection would stop ~√1e-12 short in the weights; the θ = 1 portfolio is the exact answer.
    const atTop = effective(widest) <= N * (1 + 1e-9);
    w = atTop ? widest : bisectPenalty(solve, reaches, widest);
    binds = true;
  }
  const binding = bindingConstraints(rows, w);
  if (binds) binding.push(`effective holdings ≥ ${fmt(N)}`);
  return {
    weights: w,
    labels: cov.labels,
    volatility: Math.sqrt(clampedQuadraticForm(cov, w)),
    binding,
  };
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}
