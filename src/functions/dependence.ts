import { averagePairwiseCorrelation } from "../core/correlation/averagePairwiseCorrelation";
import { nearestCorrelationMatrix } from "../core/correlation/nearestCorrelationMatrix";
import { pearsonCorrelationMatrix } from "../core/correlation/pearsonCorrelationMatrix";
import { rollingCorrelation } from "../core/correlation/rollingCorrelation";
import { lastRows } from "../core/panel/lastRows";
import { rowWindow } from "../core/panel/rowWindow";
import { correlationTo } from "../core/stats/correlationTo";
import type { ReturnsPanel } from "../core/types";
import { excelBoundary, excelBoundaryAsync, unwrap } from "./boundary";
import { cellOrError, parseWindow, readReturns, resolveBenchmark } from "./common";
import { parseChoice } from "./parse/options";
import { parseNumber, parsePeriodsPerYear } from "./parse/scalars";
import { parseSquareMatrix } from "./parse/squareMatrix";
import { parseEstimator } from "./riskModel";
import { type SpillCell, finiteCell, spillSquareMatrix } from "./spill";
import { inBackground } from "./worker/backgroundPool";
import { CORRELATION_METHODS } from "./worker/jobs";
import { estimateCorrelationMs, estimateCovarianceMs } from "./worker/workEstimate";

/** Default half-life, in periods, of exponentially weighted estimates (COVMATRIX uses the same). */
const DEFAULT_HALF_LIFE = 60;

function parseHalfLife(value: unknown): number {
  return unwrap(
    parseNumber(value, "halfLife", DEFAULT_HALF_LIFE, {
      min: 0,
      aboveMin: true,
      expected: "a number of periods above 0, e.g. 60 (two months of daily data)",
    })
  );
}

function undefinedPairReason(labels: readonly string[]) {
  return (i: number, j: number) =>
    i === j
      ? `${labels[i]} has too few returns or never moves, so its correlations are undefined`
      : `${labels[i]} and ${labels[j]} share too few dates (or one is constant there), so their correlation is undefined`;
}

/**
 * Correlation matrix of the assets' returns. Assets listed at different dates are compared on the
 * dates both have (pairwise-complete); a pair with too little overlap shows #N/A in its cell only.
 * @customfunction CORRMATRIX
 * @helpurl https://localhost:3000/help.html#corrmatrix
 * @param prices Prices: dates down (oldest first), assets across, optional header row of names.
 * @param [method] "pearson" (default), "spearman", "kendall" (tau-b) or "ewm" (exponentially weighted Pearson).
 * @param [window] Use only the last N returns (a trailing window); omitted = every row.
 * @param [halfLife] Half-life in periods for method "ewm" (default 60).
 * @param invocation Excel's invocation: a cancel (new inputs) abandons a background computation.
 * @returns N x N correlation matrix, labelled when the prices have a header row.
 * @cancelable
 */
export async function corrMatrix(
  prices: any[][],
  method?: string,
  window?: number,
  halfLife?: number,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return excelBoundaryAsync("CORRMATRIX", async () => {
    const how = unwrap(parseChoice(method, "method", CORRELATION_METHODS, "pearson"));
    const trailing = parseWindow(window, "window", 3);
    const decay = parseHalfLife(halfLife);
    const read = readReturns(prices);
    const returns = trailing === undefined ? read.returns : lastRows(read.returns, trailing);
    // Large matrices (Kendall, big Pearson/Spearman) run in the background worker.
    const matrix = await inBackground(
      "correlation",
      { returns, method: how, halfLife: decay },
      {
        functionName: "CORRMATRIX",
        estimatedMs: estimateCorrelationMs(how, returns.rows, returns.cols),
        invocation,
        transfer: [returns.data],
      }
    );
    return spillSquareMatrix(
      matrix,
      read.hasHeader ? read.labels : undefined,
      undefinedPairReason(read.labels)
    );
  });
}

/**
 * Annualised covariance matrix of the assets' returns, by a sample, shrinkage, denoised (random-matrix),
 * Gerber or downside (semicovariance) estimator. Uses the dates on which every asset has a price.
 * Pass its labelled result to RISKWEIGHTS, EFFFRONTIER, RISKCONTRIB or PORTSTATS in place of prices.
 * @customfunction COVMATRIX
 * @helpurl https://localhost:3000/help.html#covmatrix
 * @param prices Prices: dates down (oldest first), assets across, optional header row of names.
 * @param [estimator] "sample" (default), "ledoitwolf", "constantcorrelation", "oas", "ewma", "denoised", "detoned", "gerber" (or "gerber 0.7": threshold, default 0.5) or "semi" (or "semi 0.0001": benchmark return per period, default 0).
 * @param [ppy] Periods per year for annualising: 365 (default, daily crypto), 252, 52 or 12.
 * @param [halfLife] Half-life in periods for "ewma" (default 60).
 * @param [output] "matrix" (default) or "shrinkage" (the shrinkage intensity of ledoitwolf, constantcorrelation or oas).
 * @param invocation Excel's invocation: a cancel (new inputs) abandons a background computation.
 * @returns N x N covariance matrix (labelled when the prices have a header row), or the shrinkage intensity.
 * @cancelable
 */
export async function covMatrix(
  prices: any[][],
  estimator?: string,
  ppy?: number,
  halfLife?: number,
  output?: string,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return excelBoundaryAsync("COVMATRIX", async () => {
    const choice = unwrap(parseEstimator(estimator));
    const name = choice.estimator;
    const periodsPerYear = unwrap(parsePeriodsPerYear(ppy));
    const what = unwrap(parseChoice(output, "output", ["matrix", "shrinkage"] as const, "matrix"));
    const read = readReturns(prices);
    const options = {
      ...choice,
      periodsPerYear,
      halfLife: name === "ewma" ? parseHalfLife(halfLife) : undefined,
    };
    const { rows, cols } = read.returns;
    const result = await inBackground(
      "covariance",
      { returns: read.returns, options },
      {
        functionName: "COVMATRIX",
        estimatedMs: estimateCovarianceMs(rows, cols, name),
        invocation,
        transfer: [read.returns.data],
      }
    );
    if (what === "shrinkage") {
      if (result.shrinkage === undefined) {
        return [
          [
            finiteCell(
              NaN,
              `estimator "${name}" has no shrinkage intensity; use ledoitwolf, constantcorrelation or oas`
            ),
          ],
        ];
      }
      return [[result.shrinkage]];
    }
    return spillSquareMatrix(
      result.matrix,
      read.hasHeader ? read.labels : undefined,
      (i, j) => `covariance of ${read.labels[i]} and ${read.labels[j]} is undefined`
    );
  });
}

/**
 * Each asset's correlation with a benchmark (BTC by default when it is the first column), over
 * the dates both have; with a window, the rolling correlation series instead.
 * @customfunction CORRTO
 * @helpurl https://localhost:3000/help.html#corrto
 * @param prices Prices: dates down (oldest first), assets across, optional header row of names.
 * @param [benchmark] The benchmark asset's name (e.g. "BTC") or column number; default the first column.
 * @param [window] Rolling window in returns (at least 3): spills one row per date instead of one row in all.
 * @returns One row of correlations (under the names when the prices have them), or the rolling series.
 */
export function corrTo(prices: any[][], benchmark?: any, window?: number): any[][] {
  return excelBoundary("CORRTO", () => {
    const read = readReturns(prices);
    const { returns, labels } = read;
    const b = resolveBenchmark(benchmark, labels);
    const rolling = parseWindow(window, "window", 3);
    const column = (j: number) => returns.data.subarray(j * returns.rows, (j + 1) * returns.rows);
    const header = read.hasHeader ? [[...labels] as SpillCell[]] : [];
    if (rolling === undefined) {
      const row = labels.map((label, j) =>
        cellOrError(
          () => correlationTo(column(j), column(b)),
          `${label}'s correlation with ${labels[b]} is undefined`
        )
      );
      return [...header, row];
    }
    const series = labels.map((label, j) =>
      rollingCorrelation(column(j), column(b), rolling, {
        onUndefinedWindow: "nan",
        labels: [label, labels[b]],
        argument: "prices",
      })
    );
    const body: SpillCell[][] = [];
    for (let t = 0; t < returns.rows; t++) {
      body.push(
        series.map((s) => (Number.isNaN(s[t]) ? "" : finiteCell(s[t], "correlation is undefined")))
      );
    }
    return [...header, ...body];
  });
}

/**
 * The average pairwise correlation of the assets (the mean of the matrix's off-diagonal entries):
 * does diversification still work? With a window, its rolling series, one value per date.
 * @customfunction AVGCORR
 * @helpurl https://localhost:3000/help.html#avgcorr
 * @param prices Prices: dates down (oldest first), assets across, optional header row of names.
 * @param [window] Rolling window in returns (at least 3); omitted = one number over every row.
 * @returns One number, or a column with one value per date (blank until the first full window).
 */
export function avgCorr(prices: any[][], window?: number): any[][] {
  return excelBoundary("AVGCORR", () => {
    const rolling = parseWindow(window, "window", 3);
    const { returns } = readReturns(prices);
    const average = (panel: ReturnsPanel) =>
      averagePairwiseCorrelation(pearsonCorrelationMatrix(panel, { argument: "prices" }));
    if (rolling === undefined)
      return [[finiteCell(average(returns), "the average correlation is undefined")]];
    if (rolling > returns.rows) {
      return [
        [
          finiteCell(
            NaN,
            `window is ${rolling} returns but there are only ${returns.rows}; use a shorter window`
          ),
        ],
      ];
    }
    const out: SpillCell[][] = [];
    for (let end = 1; end <= returns.rows; end++) {
      if (end < rolling) {
        out.push([""]);
        continue;
      }
      const slice = rowWindow(returns, end - rolling, rolling);
      out.push([
        cellOrError(
          () => average(slice),
          `too few assets trade in the window ending at return ${end}`
        ),
      ]);
    }
    return out;
  });
}

/**
 * The nearest valid correlation matrix (symmetric, unit diagonal, positive semidefinite) to the
 * given one, by Higham's (2002) alternating projections: repairs matrices built from pairwise
 * data or edited by hand, so optimisers can use them.
 * @customfunction NEARESTCORR
 * @helpurl https://localhost:3000/help.html#nearestcorr
 * @param matrix A square correlation matrix, bare or labelled (blank corner, names across and down).
 * @returns The repaired matrix, in the same shape (labelled if the input was).
 */
export function nearestCorr(matrix: any[][]): any[][] {
  return excelBoundary("NEARESTCORR", () => {
    const parsed = unwrap(parseSquareMatrix(matrix, "matrix"));
    const labels = parsed.labels ?? Array.from({ length: parsed.size }, (_, i) => `Asset ${i + 1}`);
    const repaired = nearestCorrelationMatrix({ size: parsed.size, data: parsed.data, labels });
    return spillSquareMatrix(repaired, parsed.labels, () => "the repaired entry is undefined");
  });
}
