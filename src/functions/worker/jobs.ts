import { ewmCorrelationMatrix } from "../../core/correlation/ewmCorrelationMatrix";
import { kendallCorrelationMatrix } from "../../core/correlation/kendallCorrelationMatrix";
import { pearsonCorrelationMatrix } from "../../core/correlation/pearsonCorrelationMatrix";
import { spearmanCorrelationMatrix } from "../../core/correlation/spearmanCorrelationMatrix";
import {
  type CovarianceOptions,
  type CovarianceResult,
  covarianceMatrix,
} from "../../core/covariance/covarianceMatrix";
import type { ReturnsPanel, SquareMatrix } from "../../core/types";

/*
 * The work a custom function may hand to the background worker: pure functions of structured-
 * cloneable data (typed arrays, numbers, strings), importing the math core only. The worker bundle
 * and the pane's thread run the very same code, so a call gives the same numbers wherever it runs.
 * This file must not import a catalogue file (dependence.ts …): the metadata plugin appends
 * CustomFunctions.associate calls to those, and the worker has no CustomFunctions runtime.
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

/** Every background job by name: the worker dispatches on these names. */
export const JOBS = {
  correlation: correlationJob,
  covariance: covarianceJob,
} as const;

export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
export type JobOutput<N extends JobName> = ReturnType<(typeof JOBS)[N]>;

/** Runs a job by name on this thread. */
export function runJob<N extends JobName>(name: N, input: JobInput<N>): JobOutput<N> {
  const job = JOBS[name] as (input: JobInput<N>) => JobOutput<N>;
  if (typeof job !== "function") throw new Error(`unknown background job "${String(name)}"`);
  return job(input);
}
