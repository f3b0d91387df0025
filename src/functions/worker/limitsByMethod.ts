import { resampledEfficientFrontier } from "../../core/frontier/resampledEfficientFrontier";
import { CoreError } from "../../core/errors";
import { cardinalityLimitedPortfolio } from "../../core/optimize/cardinalityLimitedPortfolio";
import { maximumDiversification } from "../../core/optimize/maximumDiversification";
import { maximumSharpeConstrained } from "../../core/optimize/maximumSharpeConstrained";
import { minimumVarianceConstrained } from "../../core/optimize/minimumVarianceConstrained";
import { minimumVarianceEffectiveHoldings } from "../../core/optimize/minimumVarianceEffectiveHoldings";
import { minimumVarianceTrackingError } from "../../core/optimize/minimumVarianceTrackingError";
import { tradeLimitedPortfolio } from "../../core/optimize/tradeLimitedPortfolio";
import type {
  ConstrainedPortfolio,
  PortfolioConstraints,
  PortfolioLimits,
} from "../../core/optimize/types";
import { estimatorOptions, type RiskModel, requireExpectedReturns } from "../riskModel";
import type { RiskSource } from "./jobs";

/** The covariance methods whose limits this file honours, and which limits each takes. */
const VARIANCE_LIMITS: Readonly<Record<string, readonly (keyof PortfolioLimits)[]>> = {
  minvar: ["maxHoldings", "maxTurnover", "costRate", "maxTrackingError", "minEffectiveHoldings"],
  maxsharpe: ["maxHoldings", "maxTurnover", "costRate"],
  maxdiv: ["maxHoldings", "maxTurnover"],
};
/** Methods with no place for any limit (their weights follow a rule, a tree or a bootstrap). */
const NO_LIMITS = ["erc", "invvol", "hrp", "herc", "nco", "equal", "resampled"];

const WORD: Record<string, string> = {
  maxHoldings: "holdings",
  maxTurnover: "turnover",
  costRate: "cost",
  maxTrackingError: "te",
  minEffectiveHoldings: "effn",
};

/** The limit words given, in the order of the limits text's vocabulary. */
function givenLimits(limits: PortfolioLimits): (keyof PortfolioLimits)[] {
  return (Object.keys(WORD) as (keyof PortfolioLimits)[]).filter((k) => limits[k] !== undefined);
}

/** Which of the methods here honour a limit word (for the refusal's list). */
function methodsFor(key: keyof PortfolioLimits): string {
  const names = Object.keys(VARIANCE_LIMITS).filter((m) => VARIANCE_LIMITS[m].includes(key));
  return names.map((m) => `"${m}"`).join(", ");
}

/**
 * Refuses, before any work, a limit the method cannot honour (never ignored), naming the methods
 * that can; and the combinations the variance optimisers do not solve together (te with effn; te or
 * effn with turnover or cost). Methods not listed here (the LP methods) check their own limits.
 * @throws CoreError INVALID_ARGUMENT (argument "limits")
 */
export function refuseUnsupportedLimits(method: string, limits: PortfolioLimits | undefined): void {
  if (limits === undefined) return;
  const given = givenLimits(limits);
  if (NO_LIMITS.includes(method)) {
    const key = given[0];
    throw new CoreError(
      "INVALID_ARGUMENT",
      `limits: "${method}" cannot honour ${WORD[key]} (its weights follow its own rule); use ${methodsFor(key)} for ${WORD[key]}, or leave limits empty`,
      { argument: "limits" }
    );
  }
  const allowed = VARIANCE_LIMITS[method];
  if (allowed === undefined) return;
  for (const key of given) {
    if (!allowed.includes(key)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `limits: "${method}" cannot honour ${WORD[key]}; use ${methodsFor(key)} for ${WORD[key]}`,
        { argument: "limits" }
      );
    }
  }
  const trades = limits.maxTurnover !== undefined || limits.costRate !== undefined;
  if (limits.maxTrackingError !== undefined && limits.minEffectiveHoldings !== undefined) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      "limits: te and effn together are not supported (each is solved by its own penalty bisection); keep one of them",
      { argument: "limits" }
    );
  }
  if (
    trades &&
    (limits.maxTrackingError !== undefined || limits.minEffectiveHoldings !== undefined)
  ) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `limits: ${limits.maxTrackingError !== undefined ? "te" : "effn"} cannot be combined with turnover or cost; keep either the trade limits or ${limits.maxTrackingError !== undefined ? "te" : "effn"}`,
      { argument: "limits" }
    );
  }
}

/**
 * RISKWEIGHTS' minvar, maxsharpe and maxdiv under limits: turnover and cost by
 * tradeLimitedPortfolio (exact QP), te by minimumVarianceTrackingError and effn by
 * minimumVarianceEffectiveHoldings (penalty bisection, exact at the KKT multiplier), and
 * holdings around any of them by cardinalityLimitedPortfolio (every support when there are at most
 * 500, else keep-the-largest re-solves: a heuristic, stated in the help).
 * Complexity: one to ~60 QPs per support; up to 500 supports.
 */
export function limitedWeights(
  model: RiskModel,
  method: string,
  riskFree: number,
  constraints: PortfolioConstraints,
  limits: PortfolioLimits
): Float64Array {
  refuseUnsupportedLimits(method, limits);
  const cov = model.cov;
  const n = cov.size;
  const ratioNumerator = (): { a: Float64Array; name: string } | undefined => {
    if (method === "maxsharpe") {
      const mu = requireExpectedReturns(model, "maxsharpe");
      return { a: mu.map((m) => m - riskFree), name: "excess return" };
    }
    if (method === "maxdiv") {
      const sigma = new Float64Array(n);
      for (let i = 0; i < n; i++) sigma[i] = Math.sqrt(cov.data[i * n + i]);
      return { a: sigma, name: "σ" };
    }
    return undefined;
  };
  const ratio = ratioNumerator();
  const solve = (c: PortfolioConstraints): ConstrainedPortfolio => {
    if (limits.maxTurnover !== undefined || limits.costRate !== undefined) {
      const objective =
        ratio === undefined ? { kind: "minvar" as const } : { kind: "ratio" as const, ...ratio };
      return tradeLimitedPortfolio(
        cov,
        objective,
        {
          current: limits.current ?? new Float64Array(n),
          maxTurnover: limits.maxTurnover,
          costRate: limits.costRate,
        },
        c
      );
    }
    if (limits.maxTrackingError !== undefined) {
      return minimumVarianceTrackingError(
        cov,
        limits.benchmark ?? new Float64Array(n),
        limits.maxTrackingError,
        c
      );
    }
    if (limits.minEffectiveHoldings !== undefined) {
      return minimumVarianceEffectiveHoldings(cov, limits.minEffectiveHoldings, c);
    }
    if (method === "maxsharpe") {
      return maximumSharpeConstrained(requireExpectedReturns(model, "maxsharpe"), cov, riskFree, c);
    }
    if (method === "maxdiv") return maximumDiversification(cov, c);
    return minimumVarianceConstrained(cov, c);
  };
  if (limits.maxHoldings === undefined) return solve(constraints).weights;
  if (limits.maxTurnover !== undefined && limits.current !== undefined) {
    // Going down to K holdings sells every other current position, and the proceeds are bought
    // back inside the K: at least twice the smallest positions beyond K.
    const held = Array.from(limits.current)
      .filter((w) => w > 0)
      .sort((a, b) => a - b);
    const excess = held.length - limits.maxHoldings;
    const least = excess > 0 ? 2 * held.slice(0, excess).reduce((a, b) => a + b, 0) : 0;
    if (least > limits.maxTurnover + 1e-12) {
      const fmt = (v: number) => String(Number(v.toPrecision(6)));
      throw new CoreError(
        "INFEASIBLE",
        `limits: holdings ${limits.maxHoldings} with turnover ${fmt(limits.maxTurnover)} cannot be met: currentWeights hold ${held.length} assets, and selling the ${excess} smallest and buying back inside the ${limits.maxHoldings} trades at least ${fmt(least)}; raise turnover to ${fmt(least)} or holdings to ${held.length}`,
        { argument: "limits" }
      );
    }
  }
  // Lower is better: variance (plus costs) for minvar, minus the (net) ratio otherwise.
  const score = (p: ConstrainedPortfolio) => (ratio === undefined ? p.volatility : -(p.ratio ?? 0));
  return cardinalityLimitedPortfolio(n, limits.maxHoldings, constraints, cov.labels, solve, score)
    .weights;
}

/**
 * RISKWEIGHTS "resampled [count]": the average of the bootstrap resamples' maximum-Sharpe
 * portfolios (resampledEfficientFrontier's maximumSharpe, seed 1, so a recalculation gives the same
 * weights), under the bounds and group caps, with the source's estimator per resample.
 * @throws CoreError INVALID_ARGUMENT (a covariance matrix: resampling needs the returns);
 *   INFEASIBLE (no resample has a portfolio above riskFree); the core's refusals
 */
export function resampledWeights(
  source: RiskSource,
  riskFree: number,
  constraints: PortfolioConstraints,
  resamples: number
): Float64Array {
  if (source.kind !== "returns") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      'method "resampled" bootstraps the returns, so it needs the price history; pass prices rather than a covariance matrix',
      { argument: "prices" }
    );
  }
  const { estimator, threshold, benchmark } = estimatorOptions(
    source.estimator,
    source.periodsPerYear
  );
  const result = resampledEfficientFrontier(source.returns, {
    points: 2,
    resamples,
    seed: 1,
    riskFree,
    periodsPerYear: source.periodsPerYear,
    constraints,
    covariance: { estimator, threshold, benchmark },
  });
  if (result.maximumSharpe === undefined) {
    throw new CoreError(
      "INFEASIBLE",
      `no resample has a portfolio whose expected return exceeds riskFree ${riskFree}, so there is no maximum-Sharpe portfolio to average; lower riskFree or use "minvar"`,
      { argument: "riskFree" }
    );
  }
  return result.maximumSharpe.weights;
}

/**
 * Milliseconds RISKWEIGHTS "resampled" is expected to take: per resample the estimate
 * (rows · cols²), the frontier trace (~4 cols³, or a QP per point with groups), at ~1 GFlop/s.
 */
export function estimateResampledMs(
  rows: number,
  cols: number,
  resamples: number,
  grouped: boolean
): number {
  const perResample = rows * cols * cols + (grouped ? 10 : 4) * cols * cols * cols;
  return (resamples * perResample) / 1e6;
}

/**
 * How many times the unlimited optimiser's work a limited solve costs, for the work estimate that
 * decides between the worker and the calculation thread: ~62 QPs for te or effn (bisection), ~30
 * for turnover or cost (a QP of 3n variables, 27× the flops, plus the polish), and the number of
 * candidate supports (at most 500) or heuristic rounds (11) for holdings.
 */
export function limitsWorkFactor(limits: PortfolioLimits | undefined, assets: number): number {
  if (limits === undefined) return 1;
  let factor = 1;
  if (limits.maxTrackingError !== undefined || limits.minEffectiveHoldings !== undefined)
    factor = 62;
  if (limits.maxTurnover !== undefined || limits.costRate !== undefined) factor = 30;
  const K = limits.maxHoldings;
  if (K !== undefined && K < assets) {
    let supports = 1;
    for (let i = 1; i <= K && supports <= 500; i++) supports = (supports * (assets - K + i)) / i;
    factor *= supports <= 500 ? Math.max(supports, 1) : 11;
  }
  return factor;
}
