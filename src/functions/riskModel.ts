import { covarianceMatrix } from "../core/covariance/covarianceMatrix";
import { CoreError } from "../core/errors";
import { meanReturns } from "../core/returns/meanReturns";
import type { ReturnsPanel, SquareMatrix } from "../core/types";
import { unwrap } from "./boundary";
import { type ReturnsArgument, readReturns } from "./common";
import { parseChoice } from "./parse/options";
import { parsePeriodsPerYear } from "./parse/scalars";
import { isLabelledSquareMatrix, parseSquareMatrix } from "./parse/squareMatrix";

export const ESTIMATORS = ["sample", "ledoitwolf", "constantcorrelation", "oas", "ewma"] as const;

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
  const name = unwrap(parseChoice(estimator, "estimator", ESTIMATORS, "sample"));
  const { matrix } = covarianceMatrix(read.returns, { estimator: name, periodsPerYear });
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
