import { checkFeasibility } from "./checkFeasibility";
import { frontierPointConstrained } from "./frontierPointConstrained";
import { maximumSharpeConstrained } from "./maximumSharpeConstrained";
import { minimumVarianceConstrained } from "./minimumVarianceConstrained";
import { portfolioConstraintRows } from "./portfolioConstraintRows";
import { solveQuadraticProgram } from "./solveQuadraticProgram";
import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import type { PortfolioConstraints } from "./types";
import { finiteMetric } from "../stats/finiteMetric";
import { portfolioMoments } from "../frontier/portfolioMoments";

/** One portfolio of {@link constrainedEfficientFrontier}. */
export interface ConstrainedFrontierPoint {
  readonly weights: Float64Array;
  readonly expectedReturn: number;
  readonly volatility: number;
  /** (return − riskFree) / volatility. */
  readonly sharpe: number;
  /** "min variance", "max Sharpe", "max return" or "". */
  readonly note: string;
}

/**
 * Relative weight of the variance term when finding the highest feasible return: small enough that
 * the return is within ~1e-9 of the linear program's optimum, large enough to keep D positive definite.
 */
const MAX_RETURN_RIDGE = 1e-9;

/** Relative distance below the highest return within which a refused target is taken as the top. */
const REACH_TOLERANCE = 1e-6;

/**
 * The efficient frontier under bounds and group constraints, sampled at `points` returns equally
 * spaced from the constrained minimum-variance portfolio's to the highest feasible return, plus the
 * constrained maximum-Sharpe portfolio, all sorted by return.
 *
 * Each point is the minimum-variance portfolio for its target return under the constraints (a convex
 * QP by Goldfarb–Idnani, see `frontierPointConstrained`, accurate to ~1e-7 in volatility), so the
 * sampled curve is right at its points
 * (between points it is not interpolated: with general constraints the frontier is piecewise
 * quadratic in return but its breakpoints are not computed here, unlike the critical line algorithm).
 * The highest feasible return solves max μᵀw under the constraints as a QP with a tiny ridge
 * (MAX_RETURN_RIDGE · trace(Σ)/n · I), accurate to ~1e-9 in return.
 * Complexity: `points + 3` QPs of n variables.
 *
 * @param mu expected returns (annualised), one per asset
 * @param cov covariance matrix (annualised), positive definite
 * @param options points (≥ 2), riskFree (default 0), constraints (bounds and groups)
 * @throws CoreError INFEASIBLE (the constraints admit no portfolio, naming the binding one), and the
 *   errors of `minimumVarianceConstrained` and `maximumSharpeConstrained`
 * @example constrainedEfficientFrontier(mu, cov, { points: 10, constraints: { upper: 0.3 } }).length; // => 11
 */
export function constrainedEfficientFrontier(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  options: {
    readonly points: number;
    readonly riskFree?: number;
    readonly constraints?: PortfolioConstraints;
  }
): ConstrainedFrontierPoint[] {
  const constraints = options.constraints ?? {};
  const riskFree = options.riskFree ?? 0;
  const n = cov.size;
  if (!Number.isInteger(options.points) || options.points < 2) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `points must be a whole number ≥ 2; got ${options.points}`,
      { argument: "points" }
    );
  }
  const feasibility = checkFeasibility(constraints, n, cov.labels);
  if (!feasibility.feasible)
    throw new CoreError("INFEASIBLE", feasibility.reason, { argument: "constraints" });

  // Zero weights are skipped only for finite inputs (see portfolioMoments): cov is checked finite
  // (minimumVarianceConstrained) before the first describe, mu is not (its first check is the
  // finite expected return below), and the weights are the solvers'.
  let finiteMu = true;
  for (let i = 0; i < n; i++) if (!Number.isFinite(mu[i])) finiteMu = false;
  const describe = (weights: Float64Array, note: string): ConstrainedFrontierPoint => {
    const skipZeros = finiteMu && weights.every(Number.isFinite);
    const { expectedReturn, variance } = portfolioMoments(mu, cov.data, n, weights, skipZeros);
    const volatility = Math.sqrt(finiteMetric(variance, "portfolio variance", "cov"));
    return {
      weights,
      expectedReturn: finiteMetric(expectedReturn, "expected return", "mu"),
      volatility,
      sharpe: finiteMetric((expectedReturn - riskFree) / volatility, "Sharpe ratio", "mu"),
      note,
    };
  };

  const lowest = describe(minimumVarianceConstrained(cov, constraints).weights, "min variance");
  const highest = maximumReturnWeights(mu, cov, constraints);
  const highestReturn = describe(highest, "").expectedReturn;
  const out: ConstrainedFrontierPoint[] = [lowest];
  const span = highestReturn - lowest.expectedReturn;
  // The QP's own reachability check is estimated to ~1e-6 (relative): a target that close to the
  // top may be refused although the max-return portfolio reaches it. When the minimum-variance
  // portfolio already earns the top return (up to rounding), every target is that close.
  const nearTop =
    REACH_TOLERANCE * Math.max(Math.abs(highestReturn), Math.abs(lowest.expectedReturn), 1e-300);
  for (let k = 1; k < options.points && span > 0; k++) {
    const last = k === options.points - 1;
    const target = lowest.expectedReturn + (span * k) / (options.points - 1);
    let weights: Float64Array;
    try {
      weights = frontierPointConstrained(mu, cov, target, constraints).weights;
    } catch (error) {
      const refusedAtTop =
        error instanceof CoreError &&
        error.code === "INFEASIBLE" &&
        (last || highestReturn - target <= nearTop);
      if (!refusedAtTop) throw error;
      weights = highest;
    }
    out.push(describe(weights, last ? "max return" : ""));
  }
  try {
    const best = describe(
      maximumSharpeConstrained(mu, cov, riskFree, constraints).weights,
      "max Sharpe"
    );
    const at = out.findIndex((p) => p.expectedReturn > best.expectedReturn);
    out.splice(at < 0 ? out.length : at, 0, best);
  } catch (error) {
    // No portfolio beats the risk-free rate: the frontier still stands, without a max-Sharpe point.
    if (!(error instanceof CoreError && error.code === "INFEASIBLE")) throw error;
  }
  return out;
}

function maximumReturnWeights(
  mu: ArrayLike<number>,
  cov: SquareMatrix,
  constraints: PortfolioConstraints
): Float64Array {
  const n = cov.size;
  const rows = portfolioConstraintRows(constraints, n, cov.labels);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += cov.data[i * n + i];
  const ridge = (MAX_RETURN_RIDGE * trace) / n || MAX_RETURN_RIDGE;
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) D[i * n + i] = ridge;
  const solution = solveQuadraticProgram({
    D,
    d: Float64Array.from(mu),
    Aeq: new Float64Array(n).fill(1),
    beq: [1],
    Aineq: rows.Aineq,
    bineq: rows.bineq,
    inequalityNames: rows.names,
  });
  return Float64Array.from(solution.x);
}
