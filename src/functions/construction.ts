import { hierarchicalRiskParity } from "../core/allocation/hierarchicalRiskParity";
import { CoreError } from "../core/errors";
import { cappedMarketCapWeights } from "../core/indexing/cappedMarketCapWeights";
import { tierLabels } from "../core/indexing/tierLabels";
import type { PortfolioConstraints, PortfolioLimits } from "../core/optimize/types";
import { excelBoundary, excelBoundaryAsync, unwrap } from "./boundary";
import { readReturns } from "./common";
import { readConstraints } from "./constraints";
import { isOmitted } from "./parse/cell";
import { parseChoice } from "./parse/options";
import { parseAnnualRate, parseNumber, parsePeriodsPerYear } from "./parse/scalars";
import { isLabelledSquareMatrix } from "./parse/squareMatrix";
import { readLimits } from "./parse/limits";
import { parseResampledMethod } from "./parse/resampledMethod";
import {
  estimateResampledMs,
  limitsWorkFactor,
  refuseUnsupportedLimits,
} from "./worker/limitsByMethod";
import {
  DOWNSIDE_METHODS,
  type DownsideMethod,
  isDownsideMethod,
  type MethodChoice,
  parseMethodWithLevel,
} from "./parse/downsideMethod";
import { type RiskMeasure, parseRiskMeasure } from "./parse/riskMeasure";
import { parseVector } from "./parse/vector";
import { parseEstimator, readRiskModel, requireExpectedReturns } from "./riskModel";
import { spillTable, spillWeights } from "./spill";
import { inBackground } from "./worker/backgroundPool";
import type { RiskSource } from "./worker/jobs";
import { WEIGHTING_METHODS, type WeightingMethod } from "./worker/weightsByMethod";
import { estimateDownsideMs, estimateFrontierMs, estimateWeightsMs } from "./worker/workEstimate";

const CONSTRAINABLE: readonly WeightingMethod[] = ["minvar", "maxsharpe", "maxdiv"];

/**
 * The first argument of a portfolio function read as readRiskModel reads it (periods per year,
 * then a labelled covariance matrix or prices, then the estimator name), without estimating the
 * covariance of prices: that is the long part, left to the job so it can run in the background.
 */
function readRiskSource(pricesOrCov: unknown, estimator: unknown, ppy: unknown) {
  const periodsPerYear = unwrap(parsePeriodsPerYear(ppy));
  if (isLabelledSquareMatrix(pricesOrCov)) {
    const model = readRiskModel(pricesOrCov, estimator, ppy);
    const source: RiskSource = { kind: "matrix", model };
    return { source, labels: model.labels, rows: 0, estimator: undefined, transfer: [] };
  }
  const read = readReturns(pricesOrCov);
  // Checked here, so a bad word fails before any work; the job parses the same text again.
  const { estimator: name } = unwrap(parseEstimator(estimator));
  const source: RiskSource = {
    kind: "returns",
    returns: read.returns,
    labels: read.labels,
    hasHeader: read.hasHeader,
    estimator: typeof estimator === "string" ? estimator : name,
    periodsPerYear,
  };
  return {
    source,
    labels: read.labels,
    rows: read.returns.rows,
    estimator: name,
    transfer: [read.returns.data],
  };
}

/**
 * RISKWEIGHTS for a downside method (mincvar … minmaxdd, minsemivar, maxsortino): the program over
 * the price history's return scenarios, always in the background worker, where HiGHS loads on the
 * first such call (the job awaits it), so no other formula waits for the solver. A covariance
 * matrix cannot stand in for the scenarios, and an estimator has nothing to act on: both refused.
 */
async function downsideWeightsSpill(
  read: ReturnType<typeof readRiskSource>,
  choice: MethodChoice<DownsideMethod>,
  constraints: PortfolioConstraints,
  riskFree: number,
  estimator: unknown,
  invocation: CustomFunctions.CancelableInvocation | undefined,
  limits: PortfolioLimits | undefined
): Promise<any[][]> {
  const { method } = choice;
  if (read.source.kind === "matrix") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `method "${method}" optimises over the historical return scenarios, so it needs the price history; pass prices rather than a covariance matrix`,
      { argument: "prices" }
    );
  }
  if (!isOmitted(estimator)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `estimator applies to the covariance-based methods; "${method}" uses the return scenarios themselves, so leave estimator empty`,
      { argument: "estimator" }
    );
  }
  const { returns, periodsPerYear, hasHeader } = read.source;
  const request = { ...choice, riskFree, periodsPerYear, constraints, limits };
  const weights = await inBackground(
    "downsideWeights",
    { returns, request },
    {
      functionName: "RISKWEIGHTS",
      estimatedMs: estimateDownsideMs(read.rows, read.labels.length, method),
      invocation,
      transfer: read.transfer,
    }
  );
  return spillWeights(read.labels, hasHeader, weights);
}

/**
 * RISKWEIGHTS "resampled [count]": the average of the bootstrap resamples' maximum-Sharpe portfolios
 * (resampledWeights), under the bounds and group caps, in the background. Needs the price history;
 * limits are refused (a bootstrap average has no place for them), never ignored.
 */
async function resampledWeightsSpill(
  prices: unknown,
  resamples: number,
  args: {
    maxWeight: unknown;
    minWeight: unknown;
    estimator: unknown;
    groups: unknown;
    groupCaps: unknown;
    riskFree: unknown;
    ppy: unknown;
  },
  limitArguments: readonly unknown[],
  invocation: CustomFunctions.CancelableInvocation | undefined
): Promise<any[][]> {
  const read = readRiskSource(prices, args.estimator, args.ppy);
  const { maxWeight, minWeight, groups, groupCaps } = args;
  const constraints = readConstraints(minWeight, maxWeight, groups, groupCaps, read.labels);
  const [limits, currentWeights, benchmarkWeights] = limitArguments;
  refuseUnsupportedLimits(
    "resampled",
    unwrap(readLimits(limits, currentWeights, benchmarkWeights, read.labels, constraints))
  );
  if (read.source.kind === "matrix") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      'method "resampled" bootstraps the returns, so it needs the price history; pass prices rather than a covariance matrix',
      { argument: "prices" }
    );
  }
  const rate = unwrap(parseAnnualRate(args.riskFree, "riskFree"));
  const weights = await inBackground(
    "resampledWeights",
    { source: read.source, riskFree: rate, constraints, resamples },
    {
      functionName: "RISKWEIGHTS",
      estimatedMs: estimateResampledMs(
        read.rows,
        read.labels.length,
        resamples,
        constraints.groups !== undefined
      ),
      invocation,
      transfer: read.transfer,
    }
  );
  return spillWeights(read.labels, read.source.hasHeader, weights);
}

/**
 * True when the constraints say no more than long-only and fully invested already does (no group
 * caps, every floor 0, every cap at least 1): what herc and nco honour by construction.
 */
function isLongOnlyBox({ lower, upper, groups }: PortfolioConstraints): boolean {
  const every = (bound: number | ArrayLike<number> | undefined, test: (x: number) => boolean) =>
    bound === undefined ||
    (typeof bound === "number" ? test(bound) : Array.from(bound).every(test));
  return groups === undefined && every(lower, (x) => x === 0) && every(upper, (x) => x >= 1);
}

function hasConstraints(constraints: PortfolioConstraints): boolean {
  return (
    constraints.lower !== undefined ||
    constraints.upper !== undefined ||
    constraints.groups !== undefined
  );
}

/**
 * Portfolio weights by a risk-based or optimised scheme: equal risk contribution, inverse
 * volatility, hierarchical risk parity, hierarchical equal risk contribution, nested clustered
 * optimisation, minimum variance, maximum Sharpe or maximum diversification, with per-asset bounds
 * and group (e.g. sector) caps for the optimised schemes; or a downside-risk optimum over the
 * historical scenarios (minimum CVaR or CDaR, maximum mean–CVaR or mean–CDaR, minimum maximum
 * drawdown: linear programs solved by HiGHS), with bounds and group caps.
 * @customfunction RISKWEIGHTS
 * @helpurl https://localhost:3000/help.html#riskweights
 * @param prices Prices (dates down, assets across, optional header row), or a labelled covariance matrix from COVMATRIX.
 * @param [method] "erc" (default), "invvol", "hrp", "herc", "nco" (long-only minimum variance per cluster), "minvar", "maxsharpe", "maxdiv" or "equal"; or, over the price history's scenarios (prices only, no estimator), "mincvar", "meancvar" (max (mean − rf)/CVaR), "mincdar", "meancdar" (max (mean − rf)/CDaR), each with an optional confidence level ("mincvar 0.9", default 0.95), "minmaxdd" (smallest maximum drawdown), "minsemivar" or "maxsortino", each with an optional threshold return per period ("minsemivar 0.0001", default 0).
 * @param [maxWeight] Largest weight per asset (e.g. 0.25), or one per asset; for minvar, maxsharpe, maxdiv and the downside methods.
 * @param [minWeight] Smallest weight per asset (default 0), or one per asset; for minvar, maxsharpe, maxdiv and the downside methods.
 * @param [estimator] Covariance estimator: "sample" (default), "ledoitwolf", "constantcorrelation", "oas", "ewma", "denoised", "detoned", "gerber" (or "gerber 0.7") or "semi" (or "semi 0.0001"), as in COVMATRIX.
 * @param [groups] Each asset's group (e.g. sector), in the assets' order, for group caps.
 * @param [groupCaps] Table of group name and cap (or name, floor, cap), e.g. "DeFi", 0.3.
 * @param [riskFree] Annual risk-free rate for "maxsharpe", "meancvar", "meancdar" and "maxsortino" (default 0; riskFree / ppy per period).
 * @param [ppy] Periods per year: 365 (default), 252, 52 or 12.
 * @param [limits] Limits as text, ";" between clauses: "holdings <K>" (at most K assets), "turnover <fraction>" and "cost <rate>" (against currentWeights), "te <annual tracking error>" (against benchmarkWeights), "effn <N>" (1/Σw² ≥ N), e.g. "holdings 10; turnover 0.2"; for minvar (all), maxsharpe (holdings, turnover, cost), maxdiv (holdings, turnover).
 * @param [currentWeights] The weights held now, for turnover and cost: one per asset in the prices' order, or a two-column table of names and weights.
 * @param [benchmarkWeights] The index weights to track, for te: one per asset in the prices' order, or a two-column table of names and weights.
 * @param invocation Excel's invocation: a cancel (new inputs) abandons a background computation.
 * @returns Asset and weight rows (weights sum to 1).
 * @cancelable
 */
export async function riskWeights(
  prices: any[][],
  method?: string,
  maxWeight?: any,
  minWeight?: any,
  estimator?: string,
  groups?: any[][],
  groupCaps?: any[][],
  riskFree?: number,
  ppy?: number,
  limits?: any,
  currentWeights?: any[][],
  benchmarkWeights?: any[][],
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return excelBoundaryAsync("RISKWEIGHTS", async () => {
    const resamples = unwrap(parseResampledMethod(method));
    if (resamples !== undefined) {
      const args = { maxWeight, minWeight, estimator, groups, groupCaps, riskFree, ppy };
      return resampledWeightsSpill(
        prices,
        resamples,
        args,
        [limits, currentWeights, benchmarkWeights],
        invocation
      );
    }
    const choice = unwrap(
      parseMethodWithLevel(method, [...WEIGHTING_METHODS, ...DOWNSIDE_METHODS], "erc")
    );
    const how = choice.method;
    const read = readRiskSource(prices, estimator, ppy);
    const constraints = readConstraints(minWeight, maxWeight, groups, groupCaps, read.labels);
    const portfolioLimits = unwrap(
      readLimits(limits, currentWeights, benchmarkWeights, read.labels, constraints)
    );
    if (isDownsideMethod(how)) {
      // The LP methods hold maxHoldings (exact MIP), turnover and cost; the optimisers refuse a
      // limit they cannot hold (tracking error, effective holdings; maxHoldings for semivariance).
      const rate = unwrap(parseAnnualRate(riskFree, "riskFree"));
      return downsideWeightsSpill(
        read,
        { ...choice, method: how },
        constraints,
        rate,
        estimator,
        invocation,
        portfolioLimits
      );
    }
    if ((how === "herc" || how === "nco") && !isLongOnlyBox(constraints)) {
      // Both split the budget along the cluster tree (HERC by risk, NCO by nested unconstrained
      // solves), so a per-asset bound or group cap has nowhere to act: refused, never ignored.
      throw new CoreError(
        "INVALID_ARGUMENT",
        `"${how}" cannot honour maxWeight, minWeight or group caps (its weights follow the cluster tree); leave them empty, or use "erc" without bounds or "minvar" with them`,
        { argument: "maxWeight" }
      );
    }
    if (
      hasConstraints(constraints) &&
      !CONSTRAINABLE.includes(how) &&
      how !== "herc" &&
      how !== "nco"
    ) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `maxWeight, minWeight and group caps apply to "minvar", "maxsharpe" and "maxdiv"; "${how}" has no constraints, so leave them empty or choose one of those methods`,
        { argument: "method" }
      );
    }
    refuseUnsupportedLimits(how, portfolioLimits);
    const rate = unwrap(parseAnnualRate(riskFree, "riskFree"));
    // The covariance estimate and large optimisations run in the background worker.
    const weights = await inBackground(
      "riskWeights",
      { source: read.source, method: how, riskFree: rate, constraints, limits: portfolioLimits },
      {
        functionName: "RISKWEIGHTS",
        estimatedMs:
          estimateWeightsMs(read.rows, read.labels.length, how, read.estimator) *
          limitsWorkFactor(portfolioLimits, read.labels.length),
        invocation,
        transfer: read.transfer,
      }
    );
    const hasLabels = read.source.kind === "matrix" || read.source.hasHeader;
    return spillWeights(read.labels, hasLabels, weights);
  });
}

/**
 * EFFFRONTIER under a riskMeasure other than variance: the CVaR, CDaR or semivariance frontier over
 * the price history's scenarios (downsideFrontier, in the background worker, which awaits HiGHS),
 * or the resampled (Michaud) frontier with the chosen estimator. All need prices; the downside ones
 * take no estimator (refused, not ignored).
 */
async function measureFrontierSpill(
  read: ReturnType<typeof readRiskSource>,
  measure: Exclude<RiskMeasure, { measure: "variance" }>,
  points: number,
  riskFree: number,
  constraints: PortfolioConstraints,
  estimator: unknown,
  invocation: CustomFunctions.CancelableInvocation | undefined
): Promise<any[][]> {
  if (read.source.kind === "matrix") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `riskMeasure "${measure.measure}" needs the price history (it works on the return scenarios); pass prices rather than a covariance matrix`,
      { argument: "prices" }
    );
  }
  const { returns, periodsPerYear } = read.source;
  const call = { functionName: "EFFFRONTIER", invocation, transfer: read.transfer };
  const labels = read.labels;
  if (measure.measure === "resampled") {
    const covariance = unwrap(parseEstimator(estimator));
    const rows = await inBackground(
      "resampledFrontier",
      {
        returns,
        options: {
          points,
          resamples: measure.resamples,
          riskFree,
          periodsPerYear,
          constraints,
          covariance,
        },
      },
      {
        ...call,
        estimatedMs: estimateResampledMs(
          read.rows,
          labels.length,
          // With groups every point of every resample is a QP; without, one CLA trace each.
          measure.resamples * (constraints.groups !== undefined ? points : 1),
          constraints.groups !== undefined
        ),
      }
    );
    return spillTable(
      ["Point", "Return", "Volatility", "Sharpe", ...labels],
      rows,
      () => "undefined"
    );
  }
  if (!isOmitted(estimator)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `estimator applies to the variance frontiers; riskMeasure "${measure.measure}" uses the return scenarios themselves, so leave estimator empty`,
      { argument: "estimator" }
    );
  }
  const percent = (alpha: number) => `${Number((alpha * 100).toPrecision(4))}%`;
  const [riskName, ratioName] =
    measure.measure === "cvar"
      ? [`CVaR ${percent(measure.alpha)}`, "STARR"]
      : measure.measure === "cdar"
        ? [`CDaR ${percent(measure.alpha)}`, "Return/CDaR"]
        : ["Semideviation", "Sortino"];
  const rows = await inBackground(
    "downsideFrontier",
    {
      returns,
      options: {
        measure: measure.measure,
        points,
        alpha: measure.measure === "semivariance" ? undefined : measure.alpha,
        threshold: measure.measure === "semivariance" ? measure.threshold : undefined,
        riskFree,
        periodsPerYear,
        constraints,
      },
    },
    {
      ...call,
      estimatedMs: (points + 2) * estimateDownsideMs(read.rows, labels.length, measure.measure),
    }
  );
  return spillTable(["Point", "Return", riskName, ratioName, ...labels], rows, () => "undefined");
}

/**
 * The exact long-only efficient frontier (critical line algorithm), sampled at equally spaced
 * returns between the minimum-variance and the highest-return portfolio, with the maximum-Sharpe
 * portfolio and every turning point included and marked. With group caps, each point is the
 * minimum-variance portfolio for its return under the constraints.
 * @customfunction EFFFRONTIER
 * @helpurl https://localhost:3000/help.html#efffrontier
 * @param prices Prices (dates down, assets across, optional header row of names).
 * @param [points] Number of equally spaced points (default 20, at least 2).
 * @param [minWeight] Smallest weight per asset (default 0), or one per asset.
 * @param [maxWeight] Largest weight per asset (default 1), or one per asset.
 * @param [riskFree] Annual risk-free rate for the Sharpe ratios (default 0).
 * @param [ppy] Periods per year: 365 (default), 252, 52 or 12.
 * @param [estimator] Covariance estimator: "sample" (default), "ledoitwolf", "constantcorrelation", "oas", "ewma", "denoised", "detoned", "gerber" (or "gerber 0.7") or "semi" (or "semi 0.0001"), as in COVMATRIX.
 * @param [groups] Each asset's group (e.g. sector), in the assets' order, for group caps.
 * @param [groupCaps] Table of group name and cap (or name, floor, cap).
 * @param [riskMeasure] "variance" (default); "cvar" or "cvar 0.9" (CVaR per period at that level, default 0.95, with STARR = (mean − rf/ppy)/CVaR per period); "cdar" or "cdar 0.9" (CDaR, a drawdown level, with (annual return − rf)/CDaR); "semivariance" or "semivariance 0.0001" (semideviation below that return per period, annualised, with the annualised Sortino); or "resampled" or "resampled 200" (Michaud's average of that many bootstrap frontiers, default 100). The downside measures need prices and no estimator.
 * @param invocation Excel's invocation: a cancel (new inputs) abandons a background computation.
 * @returns One row per portfolio, lowest return first: point, return (annualised), the risk measure and its ratio (volatility and Sharpe by default), then the weights.
 * @cancelable
 */
export async function effFrontier(
  prices: any[][],
  points?: number,
  minWeight?: any,
  maxWeight?: any,
  riskFree?: number,
  ppy?: number,
  estimator?: string,
  groups?: any[][],
  groupCaps?: any[][],
  riskMeasure?: string,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return excelBoundaryAsync("EFFFRONTIER", async () => {
    const measure = unwrap(parseRiskMeasure(riskMeasure));
    const count = unwrap(
      parseNumber(points, "points", 20, {
        min: 2,
        max: 1000,
        integer: true,
        expected: "a whole number of points from 2 to 1,000",
      })
    );
    const rate = unwrap(parseAnnualRate(riskFree, "riskFree"));
    const read = readRiskSource(prices, estimator, ppy);
    if (measure.measure !== "variance") {
      const constraints = readConstraints(minWeight, maxWeight, groups, groupCaps, read.labels);
      return measureFrontierSpill(read, measure, count, rate, constraints, estimator, invocation);
    }
    if (read.source.kind === "matrix") requireExpectedReturns(read.source.model, "EFFFRONTIER");
    const constraints = readConstraints(minWeight, maxWeight, groups, groupCaps, read.labels);
    const header = ["Point", "Return", "Volatility", "Sharpe", ...read.labels];
    const rows = await inBackground(
      "frontier",
      { source: read.source, points: count, riskFree: rate, constraints },
      {
        functionName: "EFFFRONTIER",
        estimatedMs: estimateFrontierMs(read.rows, read.labels.length, count, read.estimator),
        invocation,
        transfer: read.transfer,
      }
    );
    return spillTable(header, rows, () => "undefined");
  });
}

/**
 * Index-style market-cap weights with a cap per constituent (the excess redistributed pro rata
 * to the uncapped names until none exceeds it) and an optional floor.
 * @customfunction CAPWEIGHTS
 * @helpurl https://localhost:3000/help.html#capweights
 * @param marketCaps Market caps, a row or a column, optionally with names beside them.
 * @param [cap] Largest weight of any constituent, e.g. 0.25 (default 1: no cap).
 * @param [floor] Smallest weight of any constituent (default 0).
 * @returns Weights in the same order (with the names when given), summing to 1.
 */
export function capWeights(marketCaps: any[][], cap?: number, floor?: number): any[][] {
  return excelBoundary("CAPWEIGHTS", () => {
    const caps = unwrap(parseVector(marketCaps, "marketCaps"));
    const largest = unwrap(
      parseNumber(cap, "cap", 1, {
        min: 0,
        max: 1,
        aboveMin: true,
        expected: "a weight above 0 and at most 1, e.g. 0.25",
      })
    );
    const smallest = unwrap(
      parseNumber(floor, "floor", 0, { min: 0, max: 1, expected: "a weight between 0 and 1" })
    );
    const weights = cappedMarketCapWeights(caps.values, { cap: largest, floor: smallest });
    const labels = caps.labels ?? Array.from(weights, (_, i) => `Asset ${i + 1}`);
    return spillWeights(labels, caps.labels !== undefined, weights);
  });
}

/**
 * Market-cap tier of each asset by rank: large, mid or small (the "barbell" buckets), for
 * constraints (as groups) and reporting.
 * @customfunction TIERS
 * @helpurl https://localhost:3000/help.html#tiers
 * @param marketCaps Market caps, a row or a column, optionally with names beside them.
 * @param [breaks] Rank breaks, e.g. {10,25}: ranks 1-10 large, 11-25 mid, the rest small (default {20,100}).
 * @returns One tier name per asset, in the same order (with the names when given).
 */
export function tiers(marketCaps: any[][], breaks?: any[][]): any[][] {
  return excelBoundary("TIERS", () => {
    const caps = unwrap(parseVector(marketCaps, "marketCaps"));
    const rankBreaks = isOmitted(breaks)
      ? undefined
      : Array.from(unwrap(parseVector(breaks, "breaks")).values);
    const names = tierLabels(caps.values, { breaks: rankBreaks });
    return names.map((tier, i) => (caps.labels ? [caps.labels[i], tier] : [tier]));
  });
}

/**
 * The hierarchical clustering HRP uses (distance sqrt((1 - correlation) / 2)): the assets in
 * cluster order, or the merge table (which clusters join, at what distance, how many assets).
 * @customfunction CLUSTERS
 * @helpurl https://localhost:3000/help.html#clusters
 * @param prices Prices (dates down, assets across, optional header row), or a labelled covariance matrix from COVMATRIX.
 * @param [linkage] "single" (default, as López de Prado), "average", "complete" or "ward".
 * @param [output] "order" (default): position, asset and HRP weight in cluster order; "merges": the merge table.
 * @returns The assets in quasi-diagonal order, or one row per merge.
 */
export function clusters(prices: any[][], linkage?: string, output?: string): any[][] {
  return excelBoundary("CLUSTERS", () => {
    const method = unwrap(
      parseChoice(linkage, "linkage", ["single", "average", "complete", "ward"] as const, "single")
    );
    const what = unwrap(parseChoice(output, "output", ["order", "merges"] as const, "order"));
    const model = readRiskModel(prices, null, null);
    const result = hierarchicalRiskParity(model.cov, { linkage: method });
    const { labels } = model;
    if (what === "order") {
      return spillTable(
        ["Position", "Asset", "HRP weight"],
        Array.from(result.order, (asset, position) => [
          position + 1,
          labels[asset],
          result.weights[asset],
        ]),
        () => "undefined"
      );
    }
    const n = result.linkage.leaves;
    const name = (id: number) => (id < n ? labels[id] : `cluster ${id - n + 1}`);
    const rows: Array<Array<number | string>> = [];
    for (let k = 0; k < n - 1; k++) {
      const [a, b, distance, size] = result.linkage.data.subarray(4 * k, 4 * k + 4);
      rows.push([`cluster ${k + 1}`, name(a), name(b), distance, size]);
    }
    return spillTable(["Cluster", "Joins", "With", "Distance", "Assets"], rows, () => "undefined");
  });
}
