import { type CovarianceOptions, covarianceMatrix } from "../covariance/covarianceMatrix";
import { CoreError, isCoreError } from "../errors";
import { frontierPointConstrained } from "../optimize/frontierPointConstrained";
import { maximumReturnConstrained } from "../optimize/maximumReturnConstrained";
import { maximumSharpeConstrained } from "../optimize/maximumSharpeConstrained";
import { minimumVarianceConstrained } from "../optimize/minimumVarianceConstrained";
import type { PortfolioConstraints } from "../optimize/types";
import { meanReturns } from "../returns/meanReturns";
import { bootstrapRowIndices } from "../stats/bootstrapRowIndices";
import { finiteMetric } from "../stats/finiteMetric";
import { seededRandom } from "../stats/seededRandom";
import type { ReturnsPanel, SquareMatrix } from "../types";
import { efficientFrontier } from "./efficientFrontier";
import { frontierWithMaximumSharpe } from "./frontierWithMaximumSharpe";
import { portfolioMoments } from "./portfolioMoments";

/** Options of {@link resampledEfficientFrontier}. */
export interface ResampledFrontierOptions {
  /** Number of return ranks (frontier points per resample), 2 … 1,000. */
  readonly points: number;
  /** Number of bootstrap resamples, 2 … 10,000. */
  readonly resamples: number;
  /** Seed of the bootstrap stream (whole number in [0, 2³²)); default 1. */
  readonly seed?: number;
  /** Risk-free rate for the Sharpe ratios and the max-Sharpe portfolios (annual, default 0). */
  readonly riskFree?: number;
  /** Annualisation of means and covariances (default 365). */
  readonly periodsPerYear?: number;
  /** Box bounds and group constraints every resample's frontier obeys. */
  readonly constraints?: PortfolioConstraints;
  /** Covariance estimator and its parameters, as covarianceMatrix takes them (default "sample"). */
  readonly covariance?: Omit<CovarianceOptions, "periodsPerYear">;
  /**
   * Also average the resamples' maximum-Sharpe portfolios (default true); false skips that solve
   * per resample (~15 % of the time) when only the frontier is wanted.
   */
  readonly maximumSharpe?: boolean;
}

/** One averaged portfolio, described on the original sample. */
export interface ResampledFrontierPoint {
  /** The average of the resamples' weights at this rank; sums to 1 and keeps every constraint. */
  readonly weights: Float64Array;
  /** μᵀw with μ the original sample's annualised mean returns. */
  readonly expectedReturn: number;
  /** √(wᵀΣw) with Σ the original sample's covariance (same estimator). */
  readonly volatility: number;
  /** (expectedReturn − riskFree) / volatility. */
  readonly sharpe: number;
}

/** What {@link resampledEfficientFrontier} returns. */
export interface ResampledFrontier {
  /** One averaged portfolio per rank, rank 0 (each resample's minimum variance) first. */
  readonly points: ResampledFrontierPoint[];
  /**
   * The average of the resamples' maximum-Sharpe portfolios (undefined when no resample has a
   * portfolio earning more than riskFree).
   */
  readonly maximumSharpe?: ResampledFrontierPoint;
  /** How many resamples had a maximum-Sharpe portfolio (the others are left out of its average). */
  readonly maximumSharpeResamples: number;
  /** Number of resamples drawn. */
  readonly resamples: number;
  /** Rows each resample drew from (and drew): the rows where every asset has a return. */
  readonly rowsUsed: number;
}

const MAX_RESAMPLES = 10000;
const MAX_POINTS = 1000;
/**
 * Floating-point operations one call may spend, about 20 s on a laptop core (≈1 GFlop/s in
 * JavaScript): beyond it the request is refused with the largest resample count that fits, rather
 * than hanging a worker.
 */
const MAX_WORK = 2e10;

/**
 * The resampled (Michaud) efficient frontier: the average, rank by rank, of the constrained
 * efficient frontiers of bootstrap resamples of the returns, each averaged portfolio then described
 * on the original sample. Also the average of the resamples' maximum-Sharpe portfolios
 * (RISKWEIGHTS "resampled").
 *
 * Method: Michaud (1998), "Efficient Asset Management", ch. 6; Michaud & Michaud (2008), 2nd ed.
 * For b = 1 … B: draw T whole rows with replacement from the T complete rows
 * ({@link bootstrapRowIndices} on one {@link seededRandom} stream, resample after resample), estimate
 * μ_b (annualised means) and Σ_b (the chosen estimator), and find the frontier at `points` returns
 * equally spaced from that resample's minimum-variance return (rank 0) to its highest attainable
 * return (rank points − 1): by the critical line algorithm ({@link efficientFrontier}, exact) under
 * box bounds, or by one Goldfarb–Idnani QP per point ({@link frontierPointConstrained}, the top at
 * the exact highest return of {@link maximumReturnConstrained}) with group constraints. The resampled portfolio at rank k is w̄_k = (1/B) Σ_b w_{b,k}; as an average of
 * feasible portfolios of a convex set it keeps every bound and group constraint. Its return,
 * volatility and Sharpe use the original sample's μ and Σ, so the resampled frontier lies on or
 * below the sample frontier (it is not efficient in-sample, by design: Michaud's point is
 * out-of-sample stability).
 * Conventions: rank-based averaging as Michaud's original (not return-bucketed); periodsPerYear
 * default 365; the same seed, data and options give the same numbers on every run. "ewma" is
 * refused: a bootstrap discards the order of the rows, which EWMA weights depend on.
 * Complexity: O(B · (T·n² + n³ + points·n²)) with box bounds, O(B · points · n³) with groups;
 * O(T·n + points·n) memory. A request above MAX_WORK operations is refused with the fix.
 *
 * @param returns per-period returns (NaN = missing; only complete rows are drawn)
 * @param options points, resamples, seed, riskFree, periodsPerYear, constraints, covariance,
 *   maximumSharpe (false: skip the max-Sharpe average)
 * @returns the averaged portfolios by rank and the averaged maximum-Sharpe portfolio
 * @throws CoreError INVALID_ARGUMENT (points not 2 … 1,000; resamples not 2 … 10,000; a bad seed;
 *   "ewma"; the work estimate above the limit, with the largest resamples that fits)
 * @throws CoreError TOO_FEW_POINTS (fewer complete rows than assets + 1)
 * @throws CoreError INFEASIBLE (the constraints admit no portfolio)
 * @throws CoreError SINGULAR_MATRIX and others from a resample's frontier, prefixed with the resample
 * @example resampledEfficientFrontier(returns, { points: 10, resamples: 100, seed: 7 }).points.length; // => 10
 */
export function resampledEfficientFrontier(
  returns: ReturnsPanel,
  options: ResampledFrontierOptions
): ResampledFrontier {
  const { points, resamples } = options;
  const seed = options.seed ?? 1;
  const riskFree = options.riskFree ?? 0;
  const periodsPerYear = options.periodsPerYear ?? 365;
  const constraints = options.constraints ?? {};
  if (!Number.isInteger(points) || points < 2 || points > MAX_POINTS) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `points must be a whole number from 2 to ${MAX_POINTS}; got ${points}`,
      { argument: "points" }
    );
  }
  if (!Number.isInteger(resamples) || resamples < 2 || resamples > MAX_RESAMPLES) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `resamples must be a whole number from 2 to 10,000 (100 to 500 is usual); got ${resamples}`,
      { argument: "resamples" }
    );
  }
  if (!Number.isFinite(riskFree)) {
    throw new CoreError("NON_FINITE", `riskFree is ${riskFree}; give a finite rate such as 0.02`, {
      argument: "riskFree",
    });
  }
  const random = seededRandom(seed);
  if ((options.covariance?.estimator ?? "sample").trim().toLowerCase() === "ewma") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `estimator "ewma" cannot be resampled: a bootstrap shuffles the dates, which its weights depend on; use "sample", "ledoitwolf" or "oas"`,
      { argument: "estimator" }
    );
  }
  const complete = completeRows(returns);
  const n = returns.cols;
  const T = complete.rows;
  if (T < n + 1) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `only ${T} dates have a return for every asset, fewer than the ${n + 1} a resample needs for ${n} assets; add history or drop late-listed assets`,
      { argument: "prices" }
    );
  }
  const grouped = (constraints.groups?.length ?? 0) > 0;
  const withSharpe = options.maximumSharpe ?? true;
  const perResample =
    T * n * n + (grouped ? (points + 3) * 2 * n * n * n : 4 * n * n * n) + points * n * n;
  if (resamples * perResample > MAX_WORK) {
    const fits = Math.floor(MAX_WORK / perResample);
    throw new CoreError(
      "INVALID_ARGUMENT",
      `resamples ${resamples} on ${T} dates × ${n} assets${grouped ? " with group constraints" : ""} would take about ${Math.round((resamples * perResample) / 1e9)} s; ` +
        (fits >= 2
          ? `use at most ${fits} resamples, fewer points or fewer dates`
          : `use fewer dates, assets or points`),
      { argument: "resamples" }
    );
  }

  const covarianceOptions: CovarianceOptions = { ...options.covariance, periodsPerYear };
  const estimate = (panel: ReturnsPanel) => ({
    mu: meanReturns(panel, periodsPerYear),
    cov: covarianceMatrix(panel, covarianceOptions).matrix,
  });
  const original = estimate(complete);

  const sums = Array.from({ length: points }, () => new Float64Array(n));
  const sharpeSum = new Float64Array(n);
  let sharpeCount = 0;
  const indices = new Int32Array(T);
  const buffer = new Float64Array(T * n);
  const panel: ReturnsPanel = {
    kind: "returns",
    rows: T,
    cols: n,
    data: buffer,
    labels: returns.labels,
  };
  for (let b = 0; b < resamples; b++) {
    bootstrapRowIndices(T, random, indices);
    for (let j = 0; j < n; j++) {
      const from = j * T;
      for (let t = 0; t < T; t++) buffer[from + t] = complete.data[from + indices[t]];
    }
    let frontier: { ranks: Float64Array[]; maximumSharpe?: Float64Array };
    try {
      const { mu, cov } = estimate(panel);
      frontier = grouped
        ? groupedFrontier(mu, cov, points, riskFree, constraints, withSharpe)
        : boxFrontier(mu, cov, points, riskFree, constraints, withSharpe);
    } catch (error) {
      if (!isCoreError(error)) throw error;
      throw new CoreError(
        error.code,
        `resample ${b + 1} of ${resamples} (seed ${seed}): ${error.message}`,
        { argument: error.argument, column: error.column, label: error.label }
      );
    }
    for (let k = 0; k < points; k++) {
      const w = frontier.ranks[k];
      const sum = sums[k];
      for (let i = 0; i < n; i++) sum[i] += w[i];
    }
    if (frontier.maximumSharpe !== undefined) {
      sharpeCount++;
      for (let i = 0; i < n; i++) sharpeSum[i] += frontier.maximumSharpe[i];
    }
  }

  // The original estimate is not checked by any solve (only the resamples' are), so zero weights
  // are skipped only when it is finite (see portfolioMoments): one O(n²) look for all the points.
  const finiteModel =
    original.mu.every(Number.isFinite) && original.cov.data.every(Number.isFinite);
  const describe = (sum: Float64Array, count: number): ResampledFrontierPoint => {
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) weights[i] = sum[i] / count;
    return describeOn(weights, original.mu, original.cov, riskFree, finiteModel);
  };
  return {
    points: sums.map((sum) => describe(sum, resamples)),
    maximumSharpe: sharpeCount > 0 ? describe(sharpeSum, sharpeCount) : undefined,
    maximumSharpeResamples: sharpeCount,
    resamples,
    rowsUsed: T,
  };
}

/** The rows of a panel where every asset has a return, as a new column-major panel. */
function completeRows(returns: ReturnsPanel): ReturnsPanel {
  const { rows, cols, data } = returns;
  const keep: number[] = [];
  for (let t = 0; t < rows; t++) {
    let ok = true;
    for (let j = 0; j < cols && ok; j++) ok = !Number.isNaN(data[j * rows + t]);
    if (ok) keep.push(t);
  }
  const T = keep.length;
  const out = new Float64Array(T * cols);
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < T; k++) out[j * T + k] = data[j * rows + keep[k]];
  }
  return { kind: "returns", rows: T, cols, data: out, labels: returns.labels };
}

/** Box bounds only: the exact frontier by the critical line algorithm, traced once. */
function boxFrontier(
  mu: Float64Array,
  cov: SquareMatrix,
  points: number,
  riskFree: number,
  constraints: PortfolioConstraints,
  withSharpe: boolean
): { ranks: Float64Array[]; maximumSharpe?: Float64Array } {
  const options = { lower: constraints.lower, upper: constraints.upper, points, riskFree };
  if (!withSharpe) return { ranks: efficientFrontier(mu, cov, options).map((p) => p.weights) };
  try {
    const result = frontierWithMaximumSharpe(mu, cov, options);
    return {
      ranks: result.points.map((p) => p.weights),
      maximumSharpe: result.maximumSharpe.weights,
    };
  } catch (error) {
    // No portfolio of this resample beats riskFree: its frontier still counts, its max Sharpe not.
    if (!(isCoreError(error) && error.code === "INFEASIBLE" && error.argument === "riskFree")) {
      throw error;
    }
    return { ranks: efficientFrontier(mu, cov, options).map((p) => p.weights) };
  }
}

/**
 * Group constraints: the least-variance portfolio at each rank's return, one QP each
 * (frontierPointConstrained), between the minimum-variance portfolio and the exact highest return
 * (maximumReturnConstrained), and the max-Sharpe portfolio (maximumSharpeConstrained).
 */
function groupedFrontier(
  mu: Float64Array,
  cov: SquareMatrix,
  points: number,
  riskFree: number,
  constraints: PortfolioConstraints,
  withSharpe: boolean
): { ranks: Float64Array[]; maximumSharpe?: Float64Array } {
  const n = mu.length;
  const returnOf = (w: Float64Array) => {
    let r = 0;
    for (let i = 0; i < n; i++) r += mu[i] * w[i];
    return r;
  };
  const lowest = minimumVarianceConstrained(cov, constraints).weights;
  const highest = maximumReturnConstrained(mu, constraints, cov.labels);
  const low = returnOf(lowest);
  const high = returnOf(highest);
  const ranks = [lowest];
  for (let k = 1; k < points; k++) {
    if (!(high > low)) {
      // The minimum-variance portfolio already earns the top return: every rank is that portfolio.
      ranks.push(lowest);
      continue;
    }
    const target = k === points - 1 ? high : low + ((high - low) * k) / (points - 1);
    try {
      ranks.push(frontierPointConstrained(mu, cov, target, constraints).weights);
    } catch (error) {
      // The QP's reach test is relative (~1e-9): the exact top may be refused by a rounding.
      if (!(isCoreError(error) && error.code === "INFEASIBLE" && k === points - 1)) throw error;
      ranks.push(highest);
    }
  }
  let maximumSharpe: Float64Array | undefined;
  if (!withSharpe) return { ranks };
  try {
    maximumSharpe = maximumSharpeConstrained(mu, cov, riskFree, constraints).weights;
  } catch (error) {
    // No portfolio of this resample beats riskFree: its frontier still counts, its max Sharpe not.
    if (!(isCoreError(error) && error.code === "INFEASIBLE")) throw error;
  }
  return { ranks, maximumSharpe };
}

function describeOn(
  weights: Float64Array,
  mu: Float64Array,
  cov: SquareMatrix,
  riskFree: number,
  finiteModel: boolean
): ResampledFrontierPoint {
  const n = weights.length;
  const skipZeros = finiteModel && weights.every(Number.isFinite);
  const { expectedReturn: ret, variance } = portfolioMoments(mu, cov.data, n, weights, skipZeros);
  const volatility = Math.sqrt(finiteMetric(variance, "portfolio variance", "prices"));
  return {
    weights,
    expectedReturn: finiteMetric(ret, "expected return", "prices"),
    volatility,
    sharpe: finiteMetric((ret - riskFree) / volatility, "Sharpe ratio", "prices"),
  };
}
