import { CoreError } from "../errors";
import { checkExpectedReturns } from "../optimize/checkExpectedReturns";
import type { SquareMatrix } from "../types";
import { blackLittermanPosterior } from "./blackLittermanPosterior";
import { blackLittermanWeights } from "./blackLittermanWeights";
import { checkCovarianceEntries } from "./checkCovarianceEntries";
import { checkRiskAversion } from "./checkRiskAversion";
import { heLittermanOmega } from "./heLittermanOmega";
import { idzorekOmega } from "./idzorekOmega";
import { marketImpliedPrior } from "./marketImpliedPrior";
import { marketImpliedRiskAversion } from "./marketImpliedRiskAversion";
import { marketWeights } from "./marketWeights";
import type { BlackLittermanViews, ViewUncertaintyMethod } from "./types";

/** Inputs of {@link blackLitterman} besides the covariance and the views. */
export interface BlackLittermanOptions {
  /** Market caps, one per asset: the prior is then π = δ Σ w_mkt + r_f. Give this or `prior`. */
  readonly marketCaps?: ArrayLike<number>;
  /** An explicit prior π, one per asset (instead of market caps). */
  readonly prior?: ArrayLike<number>;
  /** δ > 0; needed with marketCaps unless marketPrices is given. */
  readonly riskAversion?: number;
  /** Prices of the market portfolio, oldest first, to imply δ ({@link marketImpliedRiskAversion}). */
  readonly marketPrices?: ArrayLike<number>;
  /** Periods per year of marketPrices (default 365). */
  readonly periodsPerYear?: number;
  /** Annual risk-free rate r_f (default 0), added to the market prior and used to imply δ. */
  readonly riskFree?: number;
  /** "helitterman" (default; Ω = diag(τPΣPᵀ)) or "idzorek" (from the views' confidences). */
  readonly uncertainty?: ViewUncertaintyMethod;
  /** τ in (0, 1] (default 0.05). */
  readonly tau?: number;
  /** The covariance of the reported weights: "posterior" (default, He–Litterman) or "prior" (PyPortfolioOpt). */
  readonly weightsCovariance?: "posterior" | "prior";
}

/** Everything Black–Litterman computes, for a spill or for an optimiser (mu, cov). */
export interface BlackLittermanResult {
  readonly labels: readonly string[];
  /** w_mkt, when the prior came from market caps. */
  readonly marketWeights?: Float64Array;
  /** δ used for the market prior (given or implied); undefined with an explicit prior. */
  readonly riskAversion?: number;
  /** π. */
  readonly prior: Float64Array;
  /** The diagonal of Ω, one per view (+Infinity for a view of confidence 0). */
  readonly omega: Float64Array;
  /** μ_BL: pass as `mu` to any optimiser. */
  readonly mu: Float64Array;
  /** Σ_BL: pass as `cov` to any optimiser. */
  readonly cov: SquareMatrix;
  /** (δΣ)⁻¹μ_BL normalised to sum 1, with the covariance chosen by weightsCovariance. */
  readonly weights: Float64Array;
}

/**
 * Black–Litterman from end to end: prior (market-implied or given), view uncertainty (He–Litterman
 * or Idzorek), posterior returns and covariance, and the implied weights.
 *
 * Method: π by {@link marketImpliedPrior} (δ given, or by {@link marketImpliedRiskAversion} from a
 * market series) or as given; Ω by {@link heLittermanOmega} or {@link idzorekOmega}; μ_BL, Σ_BL by
 * {@link blackLittermanPosterior}; w by {@link blackLittermanWeights}. Formulas and references there.
 * Conventions: Σ, π, Q, r_f annualised alike (periodsPerYear only converts the market series).
 * Complexity: O(N³/3) per factorisation (Σ twice, Σ_BL once) + O(N²·K + K³); 100 assets and 10 to 50 views take 1 to 2 ms (bench/core/bayesian.bench.ts).
 *
 * @param cov positive definite prior covariance Σ with asset labels
 * @param views the views ({@link parseViews}); K = 0 gives the prior back
 * @param options prior source, δ, uncertainty method, τ, weights covariance
 * @returns labels, market weights, δ, π, Ω, μ_BL, Σ_BL and the weights
 * @throws CoreError INVALID_ARGUMENT (neither or both of marketCaps and prior; no δ for a market
 *   prior; an unknown uncertainty or weightsCovariance word), and as the functions above
 * @example blackLitterman({ size: 2, data: Float64Array.of(1, 0, 0, 1), labels: ["A", "B"] },
 *   { count: 1, assets: 2, P: Float64Array.of(1, 0), Q: Float64Array.of(0.3), names: ["A"], rows: [0] },
 *   { prior: [0.1, 0.1] }).mu;
 * // => Float64Array [0.2, 0.1]   (He–Litterman Ω = τ Σ_AA: the view gets half the weight)
 */
export function blackLitterman(
  cov: SquareMatrix,
  views: BlackLittermanViews,
  options: BlackLittermanOptions
): BlackLittermanResult {
  // Definiteness is tested by the prior and posterior steps; here only what the options need.
  checkCovarianceEntries(cov);
  const n = cov.size;
  const tau = options.tau ?? 0.05;
  const uncertainty = options.uncertainty ?? "helitterman";
  const weightsCovariance = options.weightsCovariance ?? "posterior";
  if (uncertainty !== "helitterman" && uncertainty !== "idzorek") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `uncertainty must be "helitterman" or "idzorek"; got "${String(uncertainty)}"`,
      { argument: "uncertainty" }
    );
  }
  if (weightsCovariance !== "posterior" && weightsCovariance !== "prior") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `weightsCovariance must be "posterior" or "prior"; got "${String(weightsCovariance)}"`,
      { argument: "weightsCovariance" }
    );
  }
  if ((options.marketCaps === undefined) === (options.prior === undefined)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      options.prior === undefined
        ? "give marketCaps (for the market-implied prior) or an explicit prior"
        : "give either marketCaps or a prior, not both",
      { argument: "marketCaps" }
    );
  }
  let prior: Float64Array;
  let riskAversion: number | undefined;
  let weights: Float64Array | undefined;
  if (options.marketCaps !== undefined) {
    if (options.riskAversion !== undefined) {
      checkRiskAversion(options.riskAversion);
      riskAversion = options.riskAversion;
    } else if (options.marketPrices !== undefined) {
      riskAversion = marketImpliedRiskAversion(
        options.marketPrices,
        options.periodsPerYear ?? 365,
        options.riskFree ?? 0
      );
    } else {
      throw new CoreError(
        "INVALID_ARGUMENT",
        "the market-implied prior needs a risk aversion: give riskAversion (2 to 3 is usual) or the market's prices to imply it",
        { argument: "riskAversion" }
      );
    }
    weights = marketWeights(options.marketCaps, n, cov.labels);
    prior = marketImpliedPrior(options.marketCaps, cov, riskAversion, options.riskFree ?? 0);
  } else {
    checkExpectedReturns(options.prior as ArrayLike<number>, n, cov.labels, "prior");
    prior = Float64Array.from(options.prior as ArrayLike<number>);
  }
  const omega =
    uncertainty === "idzorek" ? idzorekOmega(views, cov, tau) : heLittermanOmega(views, cov, tau);
  const posterior = blackLittermanPosterior(prior, cov, views, omega, tau);
  return {
    labels: cov.labels,
    marketWeights: weights,
    riskAversion,
    prior,
    omega,
    mu: posterior.mu,
    cov: posterior.cov,
    weights: blackLittermanWeights(
      posterior.mu,
      weightsCovariance === "prior" ? cov : posterior.cov
    ),
  };
}
