import { type CovarianceOptions, covarianceMatrix } from "../core/covariance/covarianceMatrix";
import { CoreError } from "../core/errors";
import { meanReturns } from "../core/returns/meanReturns";
import type { ReturnsPanel, SquareMatrix } from "../core/types";
import { unwrap } from "./boundary";
import { type ReturnsArgument, readReturns } from "./common";
import { isBlankCell } from "./parse/cell";
import { listChoices, parseChoice } from "./parse/options";
import { type Parsed, invalid, ok } from "./parse/result";
import { parsePeriodsPerYear } from "./parse/scalars";
import { isLabelledSquareMatrix, parseSquareMatrix } from "./parse/squareMatrix";

export const ESTIMATORS = [
  "sample",
  "ledoitwolf",
  "constantcorrelation",
  "oas",
  "ewma",
  "denoised",
  "detoned",
  "gerber",
  "semi",
] as const;
export type EstimatorName = (typeof ESTIMATORS)[number];

/** An estimator argument as read: its name, and the number after "gerber" or "semi" when typed. */
export interface EstimatorChoice {
  readonly estimator: EstimatorName;
  /** Gerber threshold c of "gerber 0.7". */
  readonly threshold?: number;
  /** Per-period benchmark return of "semi 0.0001". */
  readonly benchmark?: number;
}

/**
 * Parses an `estimator` argument: one of {@link ESTIMATORS} (case-insensitive, blank = "sample"),
 * and for "gerber" and "semi" optionally a number after a space: "gerber 0.7" sets the Gerber
 * threshold c (default 0.5), "semi 0.0001" the per-period benchmark return (default 0). A text
 * form, not another argument, so that every function with an `estimator` argument (RISKWEIGHTS,
 * EFFFRONTIER, RISKCONTRIB, PORTSTATS …) takes the same words with no new argument; the number's
 * threshold must lie in (0, 1); the benchmark may be any finite return per period.
 *
 * @example parseEstimator("Gerber 0.7"); // => {ok: true, data: {estimator: "gerber", threshold: 0.7}}
 */
export function parseEstimator(value: unknown): Parsed<EstimatorChoice> {
  if (isBlankCell(value) || typeof value !== "string") {
    const plain = parseChoice(value, "estimator", ESTIMATORS, "sample");
    return plain.ok ? ok({ estimator: plain.data }) : plain;
  }
  const words = value.trim().split(/\s+/);
  if (words.length === 1) {
    const plain = parseChoice(value, "estimator", ESTIMATORS, "sample");
    return plain.ok ? ok({ estimator: plain.data }) : plain;
  }
  const name = words[0].toLowerCase();
  const number = words.length === 2 ? Number(words[1]) : NaN;
  if ((name !== "gerber" && name !== "semi") || !Number.isFinite(number)) {
    return invalid(
      `estimator must be ${listChoices(ESTIMATORS)}, or "gerber" or "semi" followed by a number (e.g. "gerber 0.7" for the threshold, "semi 0.0001" for the benchmark return per period); got "${value}"`
    );
  }
  if (name === "gerber") {
    // Checked here too (gerberCovariance would say "threshold"), so the message quotes what was typed.
    if (!(number > 0 && number < 1)) {
      return invalid(
        `estimator "${value}": the Gerber threshold after "gerber" must be a fraction of a standard deviation strictly between 0 and 1, e.g. "gerber 0.5" (the default)`
      );
    }
    return ok({ estimator: name, threshold: number });
  }
  return ok({ estimator: name, benchmark: number });
}

/** The covarianceMatrix options of an estimator argument, checked (#VALUE! naming `estimator`). */
export function estimatorOptions(value: unknown, periodsPerYear: number): CovarianceOptions {
  return { ...unwrap(parseEstimator(value)), periodsPerYear };
}

/** What the portfolio functions need: a covariance matrix, and expected returns when prices were given. */
export interface RiskModel {
  readonly cov: SquareMatrix;
  /**
   * The returns behind the covariance, for expected returns on demand (most weightings never need
   * them); undefined when a covariance matrix was passed.
   */
  readonly returns?: ReturnsPanel;
  readonly labels: readonly string[];
  /** True when the input named its assets (a header row, or a labelled matrix). */
  readonly hasLabels: boolean;
  readonly periodsPerYear: number;
}

/**
 * Reads the first argument of a portfolio function: prices (→ returns → covariance by the named
 * estimator, and mean returns), or a labelled covariance matrix as COVMATRIX spills it.
 */
export function readRiskModel(
  pricesOrCov: unknown,
  estimator: unknown,
  ppy: unknown,
  argument = "prices"
): RiskModel {
  const periodsPerYear = unwrap(parsePeriodsPerYear(ppy));
  if (isLabelledSquareMatrix(pricesOrCov)) {
    const parsed = unwrap(parseSquareMatrix(pricesOrCov, argument));
    const labels = parsed.labels ?? [];
    return {
      cov: { size: parsed.size, data: parsed.data, labels },
      labels,
      hasLabels: true,
      periodsPerYear,
    };
  }
  return riskModelFromReturns(readReturns(pricesOrCov), estimator, periodsPerYear);
}

/**
 * The risk model of returns already read from a `prices` argument, for functions that also need
 * the returns themselves (PORTSTATS), so the range is parsed once.
 */
export function riskModelFromReturns(
  read: ReturnsArgument,
  estimator: unknown,
  periodsPerYear: number
): RiskModel {
  const { matrix } = covarianceMatrix(read.returns, estimatorOptions(estimator, periodsPerYear));
  return {
    cov: matrix,
    returns: read.returns,
    labels: read.labels,
    hasLabels: read.hasHeader,
    periodsPerYear,
  };
}

/**
 * The model's expected returns (annualised mean returns, meanReturns with the model's periods per
 * year), or a clear error when only a covariance matrix was given.
 */
export function requireExpectedReturns(model: RiskModel, purpose: string): Float64Array {
  if (model.returns === undefined) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${purpose} needs expected returns, so pass prices rather than a covariance matrix`,
      { argument: "prices" }
    );
  }
  return meanReturns(model.returns, model.periodsPerYear);
}
