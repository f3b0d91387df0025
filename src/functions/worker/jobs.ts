import {
  type BacktestInput,
  type BacktestResult,
  type WeightRule,
  backtest as runBacktest,
} from "../../core/backtest/backtest";
import { ewmCorrelationMatrix } from "../../core/correlation/ewmCorrelationMatrix";
import { kendallCorrelationMatrix } from "../../core/correlation/kendallCorrelationMatrix";
import { pearsonCorrelationMatrix } from "../../core/correlation/pearsonCorrelationMatrix";
import { spearmanCorrelationMatrix } from "../../core/correlation/spearmanCorrelationMatrix";
import {
  type CovarianceOptions,
  type CovarianceResult,
  covarianceMatrix,
} from "../../core/covariance/covarianceMatrix";
import {
  type DownsideFrontierOptions,
  downsideFrontier,
} from "../../core/downside/downsideFrontier";
import { frontierWithMaximumSharpe } from "../../core/frontier/frontierWithMaximumSharpe";
import {
  type ResampledFrontierOptions,
  resampledEfficientFrontier,
} from "../../core/frontier/resampledEfficientFrontier";
import { constrainedEfficientFrontier } from "../../core/optimize/constrainedEfficientFrontier";
import type { PortfolioConstraints, PortfolioLimits } from "../../core/optimize/types";
import type { PricePanel, ReturnsPanel, SquareMatrix } from "../../core/types";
import { type RiskModel, requireExpectedReturns, riskModelFromReturns } from "../riskModel";
import {
  type AdaptiveSpec,
  type BacktestBase,
  adaptiveBase,
  adaptiveRuleFor,
  ruleFor,
} from "./backtestRules";
import { loadHighsSolver } from "../lp/highsSolver";
import { resampledWeights } from "./limitsByMethod";
import {
  type DownsideRequest,
  type WeightingMethod,
  downsidePortfolio,
  weightsByMethod,
} from "./weightsByMethod";

/*
 * The work a custom function may hand to the background worker: pure functions of structured-
 * cloneable data (typed arrays, numbers, strings), importing the math core only. The worker bundle
 * and the pane's thread run the very same code, so a call gives the same numbers wherever it runs.
 * This file must not import a catalogue file (dependence.ts …): the metadata plugin appends
 * CustomFunctions.associate calls to those, and the worker has no CustomFunctions runtime
 * (riskModel.ts is a helper, not a catalogue file).
 */

export const CORRELATION_METHODS = ["pearson", "spearman", "kendall", "ewm"] as const;
export type CorrelationMethod = (typeof CORRELATION_METHODS)[number];

/** CORRMATRIX's work: a returns panel, a method and the half-life of "ewm". */
export interface CorrelationJob {
  readonly returns: ReturnsPanel;
  readonly method: CorrelationMethod;
  readonly halfLife: number;
}

/** COVMATRIX's work: a returns panel and the estimator options. */
export interface CovarianceJob {
  readonly returns: ReturnsPanel;
  readonly options: CovarianceOptions;
}

/**
 * Correlation matrix of a returns panel by method (pairwise-complete), undefined pairs left NaN so
 * the spill puts #N/A in their cell only.
 * Complexity: that of the method (pearsonCorrelationMatrix, spearmanCorrelationMatrix,
 * kendallCorrelationMatrix, ewmCorrelationMatrix).
 */
export function correlationJob({ returns, method, halfLife }: CorrelationJob): SquareMatrix {
  const options = { onUndefinedPair: "nan" as const, argument: "prices" };
  switch (method) {
    case "spearman":
      return spearmanCorrelationMatrix(returns, options);
    case "kendall":
      return kendallCorrelationMatrix(returns, options);
    case "ewm":
      return ewmCorrelationMatrix(returns, { halfLife }, options);
    default:
      return pearsonCorrelationMatrix(returns, options);
  }
}

/** Covariance matrix by a named estimator (covarianceMatrix). Complexity: O(rows · cols²). */
export function covarianceJob({ returns, options }: CovarianceJob): CovarianceResult {
  return covarianceMatrix(returns, options);
}

/**
 * Where a portfolio function's risk model comes from: returns read from prices (the covariance is
 * estimated in the job, by the estimator text as typed and already checked by parseEstimator,
 * e.g. "gerber 0.7"), or a covariance matrix as given.
 */
export type RiskSource =
  | {
      readonly kind: "returns";
      readonly returns: ReturnsPanel;
      readonly labels: readonly string[];
      readonly hasHeader: boolean;
      readonly estimator: string;
      readonly periodsPerYear: number;
    }
  | { readonly kind: "matrix"; readonly model: RiskModel };

/** The risk model of a source: riskModelFromReturns for returns, the matrix itself otherwise. */
export function riskModelOf(source: RiskSource): RiskModel {
  if (source.kind === "matrix") return source.model;
  const { returns, labels, hasHeader, estimator, periodsPerYear } = source;
  return riskModelFromReturns({ returns, labels, hasHeader }, estimator, periodsPerYear);
}

/** RISKWEIGHTS' work: the risk model's source, the method, the risk-free rate and constraints. */
export interface RiskWeightsJob {
  readonly source: RiskSource;
  readonly method: WeightingMethod;
  readonly riskFree: number;
  readonly constraints: PortfolioConstraints;
  /** RISKWEIGHTS' limits (holdings, turnover, cost, te, effn), checked by refuseUnsupportedLimits. */
  readonly limits?: PortfolioLimits;
}

/**
 * Portfolio weights by method (weightsByMethod) on the source's covariance matrix.
 * Complexity: the covariance estimator's O(rows · cols²) plus the method's (O(cols²) to O(cols³)).
 */
export function riskWeightsJob({ source, method, riskFree, constraints, limits }: RiskWeightsJob) {
  return weightsByMethod(riskModelOf(source), method, riskFree, constraints, limits);
}

/** RISKWEIGHTS "resampled [count]"'s work: the returns' source, the rate, constraints and count. */
export interface ResampledWeightsJob {
  readonly source: RiskSource;
  readonly riskFree: number;
  readonly constraints: PortfolioConstraints;
  readonly resamples: number;
}

/**
 * The average of the bootstrap resamples' maximum-Sharpe portfolios (resampledWeights).
 * Complexity: resamples × (rows · cols² + cols³).
 */
export function resampledWeightsJob({
  source,
  riskFree,
  constraints,
  resamples,
}: ResampledWeightsJob): Float64Array {
  return resampledWeights(source, riskFree, constraints, resamples);
}

/** RISKWEIGHTS' work for a downside method: the returns (the scenarios) and the request. */
export interface DownsideWeightsJob {
  readonly returns: ReturnsPanel;
  readonly request: DownsideRequest;
}

/**
 * A downside-risk portfolio's weights (downsidePortfolio). Asynchronous: it awaits HiGHS, which
 * loads on the first such job in this thread (the worker, or the pane when it runs inline) and is
 * then shared (loadHighsSolver), so no other formula ever waits for the solver.
 * Complexity: one LP or MIP over the scenarios (HiGHS).
 */
export async function downsideWeightsJob({
  returns,
  request,
}: DownsideWeightsJob): Promise<Float64Array> {
  const solver = await loadHighsSolver();
  return downsidePortfolio(returns, request, solver).weights;
}

/** EFFFRONTIER's work: its source, the number of points, the risk-free rate and constraints. */
export interface FrontierJob {
  readonly source: RiskSource;
  readonly points: number;
  readonly riskFree: number;
  readonly constraints: PortfolioConstraints;
}

/**
 * The efficient frontier's rows, lowest return first: [note, return, volatility, Sharpe,
 * ...weights], by the critical line algorithm (frontierWithMaximumSharpe, with the maximum-Sharpe
 * portfolio and the turning points marked) or, with group caps, constrainedEfficientFrontier.
 * Complexity: O(cols³) for the trace plus O(cols²) per point, after the covariance estimate.
 */
export function frontierJob({
  source,
  points,
  riskFree,
  constraints,
}: FrontierJob): Array<Array<string | number>> {
  const model = riskModelOf(source);
  const mu = requireExpectedReturns(model, "EFFFRONTIER");
  if (constraints.groups !== undefined) {
    return constrainedEfficientFrontier(mu, model.cov, { points, riskFree, constraints }).map(
      (p) => [p.note, p.expectedReturn, p.volatility, p.sharpe, ...p.weights]
    );
  }
  const bounds = { lower: constraints.lower, upper: constraints.upper };
  const { points: sampled, maximumSharpe: best } = frontierWithMaximumSharpe(mu, model.cov, {
    ...bounds,
    points,
    riskFree,
    includeTurningPoints: true,
  });
  const rows = sampled.map((p, i) => ({
    note: i === 0 ? "min variance" : p.isTurningPoint ? "turning point" : "",
    point: p,
  }));
  const at = rows.findIndex((r) => r.point.expectedReturn > best.expectedReturn);
  rows.splice(at < 0 ? rows.length : at, 0, { note: "max Sharpe", point: best });
  return rows.map(({ note, point }) => [
    note,
    point.expectedReturn,
    point.volatility,
    point.sharpe,
    ...point.weights,
  ]);
}

/** EFFFRONTIER's work under a downside riskMeasure: the returns and the frontier's options. */
export interface DownsideFrontierJob {
  readonly returns: ReturnsPanel;
  readonly options: DownsideFrontierOptions;
}

/**
 * The rows of a CVaR, CDaR or semivariance frontier (downsideFrontier): [note, return, risk, ratio,
 * ...weights], lowest return first. Asynchronous: it awaits HiGHS (loadHighsSolver), as
 * downsideWeightsJob does. Complexity: points + 2 optimisations over the scenarios.
 */
export async function downsideFrontierJob({
  returns,
  options,
}: DownsideFrontierJob): Promise<Array<Array<string | number>>> {
  const solver = await loadHighsSolver();
  return downsideFrontier(returns, options, solver).map((p) => [
    p.note,
    p.expectedReturn,
    p.risk,
    p.ratio,
    ...p.weights,
  ]);
}

/** EFFFRONTIER "resampled [count]"'s work: the returns and resampledEfficientFrontier's options. */
export interface ResampledFrontierJob {
  readonly returns: ReturnsPanel;
  readonly options: ResampledFrontierOptions;
}

/**
 * The rows of the resampled (Michaud) frontier: [note, return, volatility, Sharpe, ...weights],
 * lowest return first, the averaged maximum-Sharpe portfolio placed by its return and marked.
 * Complexity: that of resampledEfficientFrontier (resamples × a frontier).
 */
export function resampledFrontierJob({
  returns,
  options,
}: ResampledFrontierJob): Array<Array<string | number>> {
  const frontier = resampledEfficientFrontier(returns, options);
  const rows = frontier.points.map((p, i) => ({ note: i === 0 ? "min variance" : "", point: p }));
  const best = frontier.maximumSharpe;
  if (best !== undefined) {
    const at = rows.findIndex((r) => r.point.expectedReturn > best.expectedReturn);
    rows.splice(at < 0 ? rows.length : at, 0, { note: "max Sharpe", point: best });
  }
  return rows.map(({ note, point }) => [
    note,
    point.expectedReturn,
    point.volatility,
    point.sharpe,
    ...point.weights,
  ]);
}

/** BACKTEST's work: the core backtest's input, with a scheme's name in place of its rule function. */
export interface BacktestJob extends Omit<BacktestInput, "rule" | "prices"> {
  readonly prices: PricePanel;
  /** Fixed target weights, or the scheme re-estimated at each rebalance (sample covariance). */
  readonly rule: BacktestBase;
  /**
   * An adaptive rule on top of the base, as plain data (a rule function cannot be posted to the
   * worker, so the job rebuilds it): the backtest then uses the adaptive rule, and the caller sets
   * `lookback` ≥ its minLookback and `signalLag` 1.
   */
  readonly adaptive?: AdaptiveSpec;
}

/** BACKTEST's result: the backtest's, and with a cash sleeve the base's buy-and-hold curve. */
export interface BacktestJobResult extends BacktestResult {
  /**
   * With a `cashRate` (always so with an adaptive rule): the base (before any adaptive clause)
   * bought on the same start row and held, no fees, its cash part earning the rate.
   */
  readonly hold?: Float64Array;
}

/**
 * The backtest (core backtest) of fixed weights, of a scheme re-estimated on a trailing window at
 * each rebalance, or of an adaptive rule built on either. Complexity: O(rows · cols) plus, per
 * rebalance, the rule's cost; with a cash sleeve one more O(rows · cols) run for the hold curve.
 */
export function backtestJob({ rule, adaptive, ...input }: BacktestJob): BacktestJobResult {
  if (adaptive === undefined) {
    const base = "scheme" in rule ? ruleFor(rule.scheme, "sample") : rule.weights;
    const result = runBacktest({ ...input, rule: base });
    if (input.cashRate === undefined) return result;
    return { ...result, hold: holdCurve(input, base) };
  }
  const base = adaptiveBase(rule, adaptive.estimationRows);
  const result = runBacktest({ ...input, rule: adaptiveRuleFor(base, adaptive) });
  return { ...result, hold: holdCurve(input, base) };
}

/** The base bought on the backtest's start row (same lookback and lag) and held, without fees. */
function holdCurve(
  input: Omit<BacktestJob, "rule" | "adaptive">,
  base: ArrayLike<number> | WeightRule
): Float64Array {
  return runBacktest({ ...input, rule: base, rebalance: "none", feeBps: 0 }).equity;
}

/** Every background job by name: the worker dispatches on these names. */
export const JOBS = {
  correlation: correlationJob,
  covariance: covarianceJob,
  riskWeights: riskWeightsJob,
  resampledWeights: resampledWeightsJob,
  // Asynchronous (it awaits HiGHS), typed by its value: every caller awaits inBackground's result,
  // and the worker awaits the job before it replies (replyOfAsync in backgroundWorker.ts).
  downsideWeights: downsideWeightsJob as unknown as (job: DownsideWeightsJob) => Float64Array,
  downsideFrontier: downsideFrontierJob as unknown as (
    job: DownsideFrontierJob
  ) => Array<Array<string | number>>,
  resampledFrontier: resampledFrontierJob,
  frontier: frontierJob,
  backtest: backtestJob,
} as const;

export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
/** A job's value (a promise of it for the asynchronous downsideWeights; await it either way). */
export type JobOutput<N extends JobName> = ReturnType<(typeof JOBS)[N]>;

/** Runs a job by name on this thread (an asynchronous job returns its promise). */
export function runJob<N extends JobName>(name: N, input: JobInput<N>): JobOutput<N> {
  const job = JOBS[name] as (input: JobInput<N>) => JobOutput<N>;
  if (typeof job !== "function") throw new Error(`unknown background job "${String(name)}"`);
  return job(input);
}
