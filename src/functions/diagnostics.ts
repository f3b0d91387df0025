import { activeRisk } from "../core/diversification/activeRisk";
import { diversificationRatio } from "../core/diversification/diversificationRatio";
import { effectiveN } from "../core/diversification/effectiveN";
import { effectiveNumberOfBets } from "../core/diversification/effectiveNumberOfBets";
import { portfolioCorrelationTo } from "../core/diversification/portfolioCorrelationTo";
import { riskContributions } from "../core/diversification/riskContributions";
import { averagePairwiseCorrelation } from "../core/correlation/averagePairwiseCorrelation";
import { correlationFromCovariance } from "../core/covariance/correlationFromCovariance";
import { diversificationCurve } from "../core/diversification/diversificationCurve";
import { CoreError } from "../core/errors";
import { portfolioReturns } from "../core/returns/portfolioReturns";
import { seriesStatistics } from "../core/stats/seriesStatistics";
import { excelBoundary, unwrap } from "./boundary";
import { cellOrError, metricCell, readReturns, resolveBenchmark } from "./common";
import { isOmitted } from "./parse/cell";
import { parseChoice } from "./parse/options";
import { parseAnnualRate, parseNumber, parsePeriodsPerYear } from "./parse/scalars";
import { readRiskModel, riskModelFromReturns } from "./riskModel";
import { type SpillCell, finiteCell, spillTable } from "./spill";
import { readWeights } from "./weights";

/**
 * Each asset's contribution to portfolio risk: marginal (how much volatility rises per unit of
 * weight), component (weight × marginal, summing to the portfolio volatility) and percentage
 * (summing to 100 %). Equal percentages mean an equal-risk-contribution portfolio.
 * @customfunction RISKCONTRIB
 * @helpurl https://localhost:3000/help.html#riskcontrib
 * @param weights Portfolio weights, a row or column in the assets' order, or labelled with the asset names.
 * @param prices Prices (dates down, assets across, optional header row), or a labelled covariance matrix from COVMATRIX.
 * @param [estimator] Covariance estimator, as COVMATRIX's: "sample" (default), "ledoitwolf", "constantcorrelation", "oas", "ewma", "denoised", "detoned", "gerber" (or "gerber 0.7") or "semi" (or "semi 0.0001").
 * @param [ppy] Periods per year: 365 (default), 252, 52 or 12.
 * @returns One row per asset (weight, marginal, component, percentage) and a portfolio total row.
 */
export function riskContrib(
  weights: any[][],
  prices: any[][],
  estimator?: string,
  ppy?: number
): any[][] {
  return excelBoundary("RISKCONTRIB", () => {
    const model = readRiskModel(prices, estimator, ppy);
    const w = readWeights(weights, model.labels);
    const rc = riskContributions(w, model.cov);
    const rows: Array<Array<number | string>> = model.labels.map((label, i) => [
      label,
      w[i],
      rc.marginal[i],
      rc.component[i],
      rc.percentage[i],
    ]);
    rows.push(["Portfolio", Array.from(w).reduce((a, b) => a + b, 0), "", rc.volatility, 1]);
    return spillTable(
      ["Asset", "Weight", "Marginal", "Component", "Percentage"],
      rows,
      (r) => `the risk contribution of ${model.labels[r] ?? "the portfolio"} is undefined`
    );
  });
}

/**
 * Statistics of a portfolio held at the given weights (rebalanced every period): return,
 * volatility, Sharpe, maximum drawdown, and how diversified it is: diversification ratio, effective
 * number of bets, effective N (1/HHI), average pairwise correlation, correlation to the benchmark.
 * @customfunction PORTSTATS
 * @helpurl https://localhost:3000/help.html#portstats
 * @param weights Portfolio weights, a row or column in the assets' order, or labelled with the asset names.
 * @param prices Prices: dates down (oldest first), assets across, optional header row of names.
 * @param [ppy] Periods per year: 365 (default), 252, 52 or 12.
 * @param [riskFree] Annual risk-free rate for the Sharpe ratio (default 0).
 * @param [benchmark] Benchmark asset name or column number (default the first column, e.g. BTC).
 * @param [estimator] Covariance estimator for the risk figures, as COVMATRIX's: "sample" (default), "ledoitwolf", "constantcorrelation", "oas", "ewma", "denoised", "detoned", "gerber" (or "gerber 0.7") or "semi" (or "semi 0.0001").
 * @returns Two columns: metric and value.
 */
export function portStats(
  weights: any[][],
  prices: any[][],
  ppy?: number,
  riskFree?: number,
  benchmark?: any,
  estimator?: string
): any[][] {
  return excelBoundary("PORTSTATS", () => {
    const periodsPerYear = unwrap(parsePeriodsPerYear(ppy));
    const rate = unwrap(parseAnnualRate(riskFree, "riskFree"));
    const read = readReturns(prices);
    const { returns, labels } = read;
    const w = readWeights(weights, labels);
    const b = resolveBenchmark(benchmark, labels);
    const model = riskModelFromReturns(read, estimator, periodsPerYear);
    const history = seriesStatistics(portfolioReturns(returns, w), {
      periodsPerYear,
      riskFree: rate,
    });
    const correlation = correlationFromCovariance(model.cov);
    const rows: Array<[string, SpillCell]> = [
      ["Annualised return", metricCell(history.annualisedMean, "undefined")],
      ["CAGR", metricCell(history.cagr, "undefined")],
      ["Annualised volatility", metricCell(history.annualisedVolatility, "undefined")],
      ["Sharpe ratio", metricCell(history.sharpeRatio, "undefined")],
      ["Sortino ratio", metricCell(history.sortinoRatio, "undefined")],
      ["Max drawdown", metricCell(history.maxDrawdown, "undefined")],
      ["Diversification ratio", cellOrError(() => diversificationRatio(w, model.cov), "undefined")],
      [
        "Effective number of bets (PCA)",
        cellOrError(() => effectiveNumberOfBets(w, model.cov, "pca"), "undefined"),
      ],
      [
        "Effective number of bets (minimum torsion)",
        cellOrError(() => effectiveNumberOfBets(w, model.cov, "minimumtorsion"), "undefined"),
      ],
      ["Effective N (1/HHI)", cellOrError(() => effectiveN(w), "undefined")],
      [
        "Average pairwise correlation",
        cellOrError(() => averagePairwiseCorrelation(correlation), "undefined"),
      ],
      [
        `Correlation to ${labels[b]}`,
        cellOrError(() => portfolioCorrelationTo(w, model.cov, b), "undefined"),
      ],
      ["Periods", history.periods],
    ];
    return [["Metric", "Value"], ...rows.map(([name, value]) => [name, value])];
  });
}

/**
 * The diversification curve: the volatility of an equal-weighted portfolio of the first k assets,
 * for k = 1, 2, …: how quickly adding holdings stops reducing risk (and where over-diversification
 * starts).
 * @customfunction DIVCURVE
 * @helpurl https://localhost:3000/help.html#divcurve
 * @param prices Prices (dates down, assets across, optional header row), or a labelled covariance matrix from COVMATRIX.
 * @param [maxHoldings] Largest number of holdings to show (default all assets).
 * @param [order] "given" (default, the range's order, e.g. by market cap), "lowvol" (least volatile first) or "greedy" (each step adds the asset that lowers volatility most).
 * @returns One row per k: holdings, asset added, portfolio volatility, average asset volatility, and their ratio.
 */
export function divCurve(prices: any[][], maxHoldings?: number, order?: string): any[][] {
  return excelBoundary("DIVCURVE", () => {
    const how = unwrap(
      parseChoice(order, "order", ["given", "lowvol", "greedy"] as const, "given")
    );
    const model = readRiskModel(prices, null, null);
    const limit = unwrap(
      parseNumber(maxHoldings, "maxHoldings", model.cov.size, {
        min: 1,
        integer: true,
        expected: "a whole number of holdings ≥ 1",
      })
    );
    const curve = diversificationCurve(model.cov, {
      order: how,
      maxHoldings: Math.min(limit, model.cov.size),
    });
    return spillTable(
      ["Holdings", "Added", "Portfolio volatility", "Average asset volatility", "Ratio"],
      curve.map((step, k) => [
        k + 1,
        model.labels[step.added],
        step.volatility,
        step.averageVolatility,
        step.volatility / step.averageVolatility,
      ]),
      () => "undefined"
    );
  });
}

/**
 * How a portfolio compares with an index: overlap, active share, ex-ante tracking error
 * (annualised), and each asset's weight, index weight and active weight.
 * @customfunction COMPARE
 * @helpurl https://localhost:3000/help.html#compare
 * @param weights Portfolio weights, a row or column in the assets' order, or labelled.
 * @param indexWeights Index weights, same form; a labelled list may omit assets (weight 0).
 * @param prices Prices (dates down, assets across, optional header row), or a labelled covariance matrix from COVMATRIX.
 * @param [ppy] Periods per year: 365 (default), 252, 52 or 12.
 * @returns Summary rows (overlap, active share, tracking error), then one row per asset.
 */
export function compare(
  weights: any[][],
  indexWeights: any[][],
  prices: any[][],
  ppy?: number
): any[][] {
  return excelBoundary("COMPARE", () => {
    if (isOmitted(indexWeights)) {
      throw new CoreError("INVALID_ARGUMENT", "indexWeights is empty; give the index's weights", {
        argument: "indexWeights",
      });
    }
    const model = readRiskModel(prices, null, ppy);
    const w = readWeights(weights, model.labels);
    const b = readWeights(indexWeights, model.labels, "indexWeights");
    const result = activeRisk(w, b, model.cov);
    const blank = ["", ""] as const;
    const rows: Array<Array<number | string>> = [
      ["Overlap", result.overlap, ...blank],
      ["Active share", result.activeShare, ...blank],
      ["Tracking error", result.trackingError, ...blank],
      ["Asset", "Weight", "Index weight", "Active weight"],
      ...model.labels.map((label, i) => [label, w[i], b[i], result.activeWeights[i]]),
    ];
    return rows.map((row) =>
      row.map((cell) => (typeof cell === "number" ? finiteCell(cell, "undefined") : cell))
    );
  });
}
