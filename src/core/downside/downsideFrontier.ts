import { CoreError, isCoreError } from "../errors";
import { createLpBuilder } from "../lp/createLpBuilder";
import { portfolioLpRows } from "../lp/portfolioLpRows";
import type { LpSolver } from "../lp/types";
import type { PortfolioConstraints } from "../optimize/types";
import type { ReturnsPanel } from "../types";
import { cdarPortfolio } from "./cdarPortfolio";
import { cvarPortfolio } from "./cvarPortfolio";
import { semivariancePortfolio } from "./semivariancePortfolio";
import type { DownsideOptions, DownsidePortfolio } from "./types";

/** One portfolio of a downside frontier, in the units EFFFRONTIER shows (see downsideFrontier). */
export interface DownsideFrontierPoint {
  /** "min risk", "max ratio" or "". */
  readonly note: string;
  /** Annualised mean return, mean per period × periodsPerYear. */
  readonly expectedReturn: number;
  /** CVaR per period, CDaR (a drawdown level), or the annualised semideviation. */
  readonly risk: number;
  /** The measure's ratio (see downsideFrontier). */
  readonly ratio: number;
  readonly weights: Float64Array;
}

/** What downsideFrontier needs. */
export interface DownsideFrontierOptions {
  readonly measure: "cvar" | "cdar" | "semivariance";
  /** Number of equally spaced returns, from the minimum-risk portfolio's to the highest mean. */
  readonly points: number;
  /** α of CVaR and CDaR (default 0.95). */
  readonly alpha?: number;
  /** Semivariance threshold return per period (default 0). */
  readonly threshold?: number;
  /** Annual risk-free rate (default 0). */
  readonly riskFree?: number;
  readonly periodsPerYear: number;
  readonly constraints?: PortfolioConstraints;
  readonly timeLimitSeconds?: number;
}

/**
 * The long-only downside-risk efficient frontier over historical scenarios: for `points` returns
 * equally spaced from the minimum-risk portfolio's mean to the highest mean the constraints allow,
 * the portfolio of least risk with at least that mean (cvarPortfolio, cdarPortfolio or
 * semivariancePortfolio with a target return), plus the maximum-ratio portfolio (Charnes–Cooper)
 * placed by its return and marked, when one exists (some portfolio must beat riskFree and have a
 * positive risk; otherwise that row is left out and the frontier is still exact).
 * Units: returns annualised (mean per period × ppy). CVaR stays per period (the average loss of
 * the worst (1 − α) days, as a positive fraction) and its ratio is STARR per period,
 * (mean − riskFree/ppy)/CVaR; CDaR is a drawdown level (no time unit) and its ratio
 * (annual return − riskFree)/CDaR, Calmar-like; semideviation is annualised (× √ppy) and its ratio
 * is the annualised Sortino (annual return − riskFree)/semideviation.
 * Reference: Rockafellar & Uryasev (2000); Chekhlov, Uryasev & Zabarankin (2005); Estrada (2008).
 * Complexity: points + 2 optimisations (LPs, or the semivariance QP) and one small LP for the
 * highest mean.
 *
 * @param returns scenario returns, dates × assets, complete rows used
 * @param options measure, points (2 to 1,000), alpha, threshold, riskFree, periodsPerYear, constraints
 * @param solver the loaded LP solver
 * @returns the points, lowest return first
 * @throws CoreError INVALID_ARGUMENT (points not a whole number from 2 to 1,000) and the optimisers'
 *   errors (INFEASIBLE naming the constraint, NOT_CONVERGED at the time limit …)
 * @example downsideFrontier(returns, { measure: "cvar", points: 10, periodsPerYear: 365 }, highs)[0].note; // => "min risk"
 */
export function downsideFrontier(
  returns: ReturnsPanel,
  options: DownsideFrontierOptions,
  solver: LpSolver
): DownsideFrontierPoint[] {
  const { points, periodsPerYear: ppy, measure } = options;
  if (!Number.isInteger(points) || points < 2 || points > 1000) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `points must be a whole number from 2 to 1,000; got ${points}`,
      { argument: "points" }
    );
  }
  const riskFree = options.riskFree ?? 0;
  const base: DownsideOptions = {
    objective: "minrisk",
    alpha: options.alpha ?? 0.95,
    threshold: options.threshold ?? 0,
    constraints: options.constraints,
    timeLimitSeconds: options.timeLimitSeconds,
  };
  const optimise = (extra: Partial<DownsideOptions>): DownsidePortfolio => {
    const request = { ...base, ...extra };
    if (measure === "cvar") return cvarPortfolio(returns, request, solver);
    if (measure === "cdar") return cdarPortfolio(returns, request, solver);
    return semivariancePortfolio(returns, request, solver);
  };
  const shown = (p: DownsidePortfolio, note: string): DownsideFrontierPoint => {
    const annualReturn = p.expectedReturn * ppy;
    if (measure === "cvar") {
      return {
        note,
        expectedReturn: annualReturn,
        risk: p.risk,
        ratio: (p.expectedReturn - riskFree / ppy) / p.risk,
        weights: p.weights,
      };
    }
    const risk = measure === "cdar" ? p.risk : p.risk * Math.sqrt(ppy);
    return {
      note,
      expectedReturn: annualReturn,
      risk,
      ratio: (annualReturn - riskFree) / risk,
      weights: p.weights,
    };
  };

  const lowest = optimise({});
  const highest = highestMean(returns, options.constraints, solver, options.timeLimitSeconds);
  const rows: DownsideFrontierPoint[] = [shown(lowest, "min risk")];
  const low = lowest.expectedReturn;
  for (let i = 1; i < points; i++) {
    // The last target sits a hair under the highest mean so rounding cannot make it infeasible.
    const target =
      i === points - 1
        ? highest - 1e-10 * Math.max(1, Math.abs(highest))
        : low + ((highest - low) * i) / (points - 1);
    rows.push(shown(optimise({ targetReturn: Math.max(target, low) }), ""));
  }
  try {
    const best = shown(optimise({ objective: "maxratio", riskFree: riskFree / ppy }), "max ratio");
    const at = rows.findIndex((r) => r.expectedReturn > best.expectedReturn);
    rows.splice(at < 0 ? rows.length : at, 0, best);
  } catch (error) {
    // No portfolio beats riskFree, or the ratio is unbounded: there is no maximum-ratio row.
    if (!isCoreError(error) || (error.code !== "INFEASIBLE" && error.code !== "INVALID_ARGUMENT")) {
      throw error;
    }
  }
  return rows;
}

/** The highest mean per period over the complete rows that the bounds and groups allow (an LP). */
function highestMean(
  returns: ReturnsPanel,
  constraints: PortfolioConstraints | undefined,
  solver: LpSolver,
  timeLimitSeconds = 30
): number {
  const { rows: T, cols: n, data } = returns;
  const mu = new Float64Array(n);
  let count = 0;
  for (let t = 0; t < T; t++) {
    let complete = true;
    for (let j = 0; j < n && complete; j++) complete = !Number.isNaN(data[j * T + t]);
    if (!complete) continue;
    count++;
    for (let j = 0; j < n; j++) mu[j] += data[j * T + t];
  }
  const lp = createLpBuilder();
  const rows = portfolioLpRows(lp, { labels: returns.labels, constraints });
  rows.weights.forEach((column, j) => lp.addCost(column, mu[j] / count));
  const solution = solver.solve(lp.build("maximize"), { timeLimitSeconds });
  if (solution.status !== "optimal") {
    throw new CoreError(
      "NOT_CONVERGED",
      `the highest mean return within the constraints could not be found (${solution.message ?? solution.status})`,
      { argument: "prices" }
    );
  }
  return solution.objective;
}
