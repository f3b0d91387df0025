import { CoreError } from "../errors";
import type { ReturnsPanel, SquareMatrix } from "../types";
import { denoisedCovariance } from "./denoisedCovariance";
import { ewmaCovariance } from "./ewmaCovariance";
import { gerberCovariance } from "./gerberCovariance";
import { ledoitWolf } from "./ledoitWolf";
import { ledoitWolfConstantCorrelation } from "./ledoitWolfConstantCorrelation";
import { oracleApproximatingShrinkage } from "./oracleApproximatingShrinkage";
import { sampleCovariance } from "./sampleCovariance";
import { semicovariance } from "./semicovariance";

/** The covariance estimators, as the option strings users type (matched case-insensitively). */
export type CovarianceEstimator =
  | "sample"
  | "ledoitwolf"
  | "constantcorrelation"
  | "oas"
  | "ewma"
  | "denoised"
  | "detoned"
  | "gerber"
  | "semi";

/** Options for {@link covarianceMatrix}. */
export interface CovarianceOptions {
  /** Estimator name, case-insensitive; default "sample". */
  readonly estimator?: string;
  /** Annualisation factor (default 365; 1 for per-period). */
  readonly periodsPerYear?: number;
  /** Half-life in periods for "ewma" (default 60); checked whenever given. */
  readonly halfLife?: number;
  /** Gerber threshold c in (0, 1) for "gerber" (default 0.5); checked whenever given. */
  readonly threshold?: number;
  /** Per-period benchmark return for "semi" (default 0); checked whenever given. */
  readonly benchmark?: number;
}

/** What {@link covarianceMatrix} returns. */
export interface CovarianceResult {
  /** The annualised covariance matrix, labelled. */
  readonly matrix: SquareMatrix;
  /** Shrinkage intensity in [0, 1] for "ledoitwolf", "constantcorrelation" and "oas". */
  readonly shrinkage?: number;
  /** Number of complete rows (every asset has a return) the estimate used. */
  readonly rowsUsed: number;
}

const ESTIMATORS: readonly CovarianceEstimator[] = [
  "sample",
  "ledoitwolf",
  "constantcorrelation",
  "oas",
  "ewma",
  "denoised",
  "detoned",
  "gerber",
  "semi",
];

/**
 * Covariance matrix of the assets' returns by a named estimator: the one entry point the functions
 * layer calls (COVMATRIX, RISKWEIGHTS' estimator option), as PyPortfolioOpt's `risk_matrix(method=…)`.
 *
 * Estimators (see each file for its formula and oracle): "sample" → sampleCovariance (numpy ddof=1),
 * "ledoitwolf" → ledoitWolf (sklearn LedoitWolf), "constantcorrelation" →
 * ledoitWolfConstantCorrelation (PyPortfolioOpt constant_correlation), "oas" →
 * oracleApproximatingShrinkage (sklearn OAS), "ewma" → ewmaCovariance (pandas ewm(halflife).cov()),
 * "denoised" → denoisedCovariance (Marchenko–Pastur, constant residual eigenvalue; López de Prado),
 * "detoned" → denoisedCovariance with detone: true (the market mode removed too), "gerber" →
 * gerberCovariance (Gerber statistic 2, threshold c), "semi" → semicovariance (shortfalls below a
 * per-period benchmark, PyPortfolioOpt).
 * Conventions: all use the complete rows; the result is annualised by periodsPerYear (default 365).
 * Complexity: that of the estimator, O(n · p²).
 *
 * @param returns returns panel (column-major, NaN = missing); not modified
 * @param options estimator, periodsPerYear, halfLife ("ewma"), threshold ("gerber"), benchmark ("semi")
 * @returns { matrix, shrinkage?, rowsUsed }
 * @throws CoreError INVALID_ARGUMENT (unknown estimator, listing the choices; bad periodsPerYear,
 *   halfLife, threshold or benchmark; no columns; one asset for "denoised"/"detoned")
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 complete rows; the message says how many remained)
 * @throws CoreError TOO_FEW_POINTS also for "denoised"/"detoned" with no more complete rows than assets
 * @throws CoreError ZERO_VARIANCE (a constant column over the complete rows; for "gerber" also a
 *   column that never crosses its threshold)
 * @throws CoreError SINGULAR_MATRIX ("detoned" leaving an asset with no variance)
 * @example covarianceMatrix(R, { estimator: "LedoitWolf", periodsPerYear: 1 }).shrinkage;
 * // => 0.33851… for R with rows [1, 2], [2, 4], [3, 9] (rowsUsed 3)
 */
export function covarianceMatrix(
  returns: ReturnsPanel,
  options: CovarianceOptions = {}
): CovarianceResult {
  const estimator = parseEstimator(options.estimator);
  const { periodsPerYear, halfLife, threshold, benchmark } = options;
  if (estimator === "ewma") {
    const matrix = ewmaCovariance(returns, { halfLife, periodsPerYear });
    return { matrix, rowsUsed: countCompleteRows(returns) };
  }
  if (
    halfLife != null &&
    !(typeof halfLife === "number" && halfLife > 0 && Number.isFinite(halfLife))
  ) {
    // A wrong halfLife is reported even when another estimator ignores it: never silent.
    throw new CoreError(
      "INVALID_ARGUMENT",
      `halfLife must be a number of periods above 0 (e.g. 60 for two months of daily returns); got ${String(halfLife)}`,
      { argument: "halfLife" }
    );
  }
  // Each of these is checked by its own estimator; given to another one it would be ignored, so
  // it is refused: never silent.
  refuseUnused(threshold, "threshold", "gerber", estimator);
  refuseUnused(benchmark, "benchmark", "semi", estimator);
  let matrix: SquareMatrix;
  let shrinkage: number | undefined;
  switch (estimator) {
    case "denoised":
    case "detoned": {
      const result = denoisedCovariance(returns, {
        periodsPerYear,
        detone: estimator === "detoned",
      });
      return { matrix: result.matrix, rowsUsed: result.rowsUsed };
    }
    case "gerber":
      matrix = gerberCovariance(returns, { threshold, periodsPerYear });
      break;
    case "semi":
      matrix = semicovariance(returns, { benchmark, periodsPerYear });
      break;
    case "sample":
      matrix = sampleCovariance(returns, periodsPerYear);
      break;
    case "ledoitwolf":
      ({ matrix, shrinkage } = ledoitWolf(returns, periodsPerYear));
      break;
    case "constantcorrelation":
      ({ matrix, shrinkage } = ledoitWolfConstantCorrelation(returns, periodsPerYear));
      break;
    case "oas":
      ({ matrix, shrinkage } = oracleApproximatingShrinkage(returns, periodsPerYear));
      break;
  }
  const rowsUsed = countCompleteRows(returns);
  return shrinkage === undefined ? { matrix, rowsUsed } : { matrix, shrinkage, rowsUsed };
}

function parseEstimator(value: string | undefined): CovarianceEstimator {
  // null counts as omitted: Excel passes null for an omitted optional argument.
  if (value == null) return "sample";
  const key = typeof value === "string" ? value.trim().toLowerCase() : "";
  const match = ESTIMATORS.find((name) => name === key);
  if (match === undefined) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `estimator must be "sample", "ledoitwolf", "constantcorrelation", "oas", "ewma", "denoised", "detoned", "gerber" or "semi"; got "${String(value)}"`,
      { argument: "estimator" }
    );
  }
  return match;
}

function refuseUnused(
  value: number | undefined,
  argument: string,
  owner: CovarianceEstimator,
  estimator: CovarianceEstimator
): void {
  if (value == null || estimator === owner) return;
  throw new CoreError(
    "INVALID_ARGUMENT",
    `${argument} applies to the "${owner}" estimator only; leave it out for "${estimator}" or choose "${owner}"`,
    { argument }
  );
}

function countCompleteRows(returns: ReturnsPanel): number {
  const { rows, cols, data } = returns;
  let count = 0;
  for (let t = 0; t < rows; t++) {
    let complete = true;
    for (let j = 0; j < cols && complete; j++) complete = !Number.isNaN(data[j * rows + t]);
    if (complete) count++;
  }
  return count;
}
