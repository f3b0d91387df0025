import {
  type BlackLittermanResult,
  blackLitterman as runBlackLitterman,
} from "../core/bayesian/blackLitterman";
import { marketImpliedRiskAversion } from "../core/bayesian/marketImpliedRiskAversion";
import { parseViews } from "../core/bayesian/parseViews";
import { CoreError, isCoreError } from "../core/errors";
import { returnsFromPrices } from "../core/returns/returnsFromPrices";
import type { ReturnsPanel, SquareMatrix } from "../core/types";
import { excelBoundaryAsync, unwrap } from "./boundary";
import {
  columnLetter,
  describeCell,
  isBlankCell,
  isErrorCell,
  numericDataTypeValue,
} from "./parse/cell";
import { parseChoice } from "./parse/options";
import { parseAnnualRate, parseNumber, parsePeriodsPerYear } from "./parse/scalars";
import { isLabelledSquareMatrix, parseSquareMatrix } from "./parse/squareMatrix";
import { parseVector, toGrid } from "./parse/vector";
import { usingPrices } from "./prices";
import { parseEstimator } from "./riskModel";
import { type SpillCell, spillSquareMatrix, spillTable, spillWeights } from "./spill";
import { inBackground } from "./worker/backgroundPool";
import { estimateCovarianceMs } from "./worker/workEstimate";

const OUTPUTS = ["table", "returns", "cov", "weights"] as const;
const UNCERTAINTIES = ["helitterman", "idzorek"] as const;

/** How many asset labels a message lists before "…". */
const LABELS_IN_MESSAGE = 12;

function listLabels(labels: readonly string[]): string {
  return (
    labels.slice(0, LABELS_IN_MESSAGE).join(", ") + (labels.length > LABELS_IN_MESSAGE ? ", …" : "")
  );
}

/** The risk aversion δ as given: a number above 0, or "implied" (also when omitted). */
function readRiskAversion(value: unknown): number | "implied" {
  if (isBlankCell(value)) return "implied";
  if (typeof value === "string" && value.trim().toLowerCase() === "implied") return "implied";
  return unwrap(
    parseNumber(value, "riskAversion", NaN, {
      min: 0,
      aboveMin: true,
      expected: `a number above 0 (2 to 3 is usual) or "implied" (from the first price column, the market)`,
    })
  );
}

/**
 * One market cap per asset in the prices' order. Unlabelled caps are taken in that order and must
 * be one per asset; labelled caps (names beside them) are matched to the prices' labels
 * case-insensitively, so their order does not matter, but each asset needs exactly one cap.
 */
function readMarketCaps(range: unknown, labels: readonly string[]): Float64Array {
  const argument = "marketCaps";
  const caps = unwrap(parseVector(range, argument, { nonNegative: true }));
  const n = labels.length;
  if (caps.labels === undefined) {
    if (caps.values.length !== n) {
      throw new CoreError(
        "LENGTH_MISMATCH",
        `${argument} has ${caps.values.length} cap${caps.values.length === 1 ? "" : "s"} but prices have ${n} assets (${listLabels(labels)}); give one cap per asset in the prices' order, or put each asset's name beside its cap`,
        { argument }
      );
    }
    return caps.values;
  }
  const index = new Map<string, number>();
  labels.forEach((label, i) => index.set(label.trim().toLowerCase(), i));
  const out = new Float64Array(n).fill(NaN);
  caps.labels.forEach((label, k) => {
    const i = index.get(label.trim().toLowerCase());
    if (i === undefined) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument}: "${label}" is not among the prices' assets (${listLabels(labels)}); check the spelling, or remove its cap`,
        { argument, label }
      );
    }
    if (!Number.isNaN(out[i])) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument} gives ${labels[i]} twice; give one cap per asset`,
        { argument, column: i, label: labels[i] }
      );
    }
    out[i] = caps.values[k];
  });
  const missing = labels.filter((_, i) => Number.isNaN(out[i]));
  if (missing.length > 0) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument} has no cap for ${listLabels(missing)}; give one cap per asset of the prices (0 for an asset outside the market portfolio)`,
      { argument, label: missing[0] }
    );
  }
  return out;
}

/**
 * δ implied by the first price column (the market, e.g. BTC or an index), over its own listed
 * history: the core's messages about "marketPrices" are restated in terms of the user's arguments.
 */
function impliedRiskAversion(
  market: Float64Array,
  label: string,
  periodsPerYear: number,
  riskFree: number
): number {
  // Short: the core's messages are long already and Excel shows 250 characters.
  const what = `riskAversion "implied" (market: first column, ${label})`;
  // A blank before the first price is "not listed yet" and after the last one "delisted": skip
  // both. A blank between prices never gets here: the price panel refuses it (fill the gap).
  let first = 0;
  while (first < market.length && Number.isNaN(market[first])) first++;
  let last = market.length - 1;
  while (last >= first && Number.isNaN(market[last])) last--;
  try {
    return marketImpliedRiskAversion(market.subarray(first, last + 1), periodsPerYear, riskFree);
  } catch (error) {
    if (isCoreError(error) && error.argument === "marketPrices") {
      throw new CoreError(error.code, error.message.replace(/^marketPrices/, what), {
        argument: "riskAversion",
        column: 0,
        label,
      });
    }
    throw error;
  }
}

/**
 * The views range as parseViews takes it: numbers formatted as data types become their number;
 * an error value or another data type is refused here, with its cell, since parseViews reads
 * only numbers and text.
 */
function readViewsTable(views: unknown): unknown[][] {
  return toGrid(views).map((row, r) =>
    (Array.isArray(row) ? row : [row]).map((cell, c) => {
      if (typeof cell !== "object" || cell === null) return cell;
      const number = numericDataTypeValue(cell);
      if (number !== undefined) return number;
      const fix = isErrorCell(cell) ? "fix the source cell" : "enter an asset name or a number";
      throw new CoreError(
        "INVALID_ARGUMENT",
        `views: cell ${columnLetter(c)}${r + 1} holds ${describeCell(cell)}; ${fix}`,
        { argument: "views", row: r, column: c }
      );
    })
  );
}

/** The `prices` argument read once: returns for the covariance, and the first column for δ. */
interface PricesRead {
  readonly returns: ReturnsPanel;
  readonly labels: readonly string[];
  readonly hasHeader: boolean;
  readonly market: Float64Array;
}

function readPricesAndMarket(prices: unknown): PricesRead {
  return usingPrices(prices, null, (read) => ({
    returns: returnsFromPrices(read.panel, "simple"),
    labels: read.panel.labels,
    hasHeader: read.hasHeader,
    // Copied: the panel lives in the shared scratch array, reused once this call returns.
    market: Float64Array.from(read.panel.data.subarray(0, read.panel.rows)),
  }));
}

/** The result as the `output` word asks; Ω is never spilled (a confidence-0 view has ω = +∞). */
function spillResult(
  result: BlackLittermanResult,
  output: (typeof OUTPUTS)[number],
  named: boolean
): SpillCell[][] {
  const { labels } = result;
  switch (output) {
    case "returns": {
      const rows = Array.from(result.mu, (mu, i) => (named ? [labels[i], mu] : [mu]));
      return spillTable(
        named ? ["Asset", "Posterior return"] : undefined,
        rows,
        (r) => `the posterior return of ${labels[r]} is undefined`
      );
    }
    case "cov":
      // Always labelled, so RISKWEIGHTS, RISKCONTRIB and PORTSTATS accept it back as a covariance.
      return spillSquareMatrix(
        result.cov,
        labels,
        (i, j) => `the posterior covariance of ${labels[i]} and ${labels[j]} is undefined`
      );
    case "weights":
      return spillWeights(labels, named, result.weights);
    default: {
      const market = result.marketWeights as Float64Array;
      const rows = labels.map((label, i) => [
        label,
        market[i],
        result.prior[i],
        result.mu[i],
        result.weights[i],
      ]);
      return spillTable(
        ["Asset", "Market weight", "Prior return", "Posterior return", "Weight"],
        rows,
        (r, c) =>
          `the ${["", "market weight", "prior return", "posterior return", "weight"][c]} of ${labels[r]} is undefined`
      );
    }
  }
}

/**
 * Black–Litterman: the market-implied prior returns (from market caps and a risk aversion) blended
 * with your views, absolute ("SOL 40%") or relative ("ETH over BTC by 5%"), into posterior returns,
 * a posterior covariance and the weights they imply.
 * @customfunction BLACKLITTERMAN
 * @helpurl https://localhost:3000/help.html#blacklitterman
 * @param prices Prices (dates down, assets across, header row of names), or a labelled covariance matrix from COVMATRIX (then give riskAversion as a number).
 * @param marketCaps Market caps, one per asset: a row or a column in the prices' order, or with each asset's name beside its cap.
 * @param views Table of views, one per row: asset, [over asset], return, [confidence 0-1]; optional header row. A blank confidence arrives as 0 on Excel desktop and ignores that view.
 * @param [riskAversion] Risk aversion delta (e.g. 2.5), or "implied" (default): implied by the first price column as the market, (annual mean - riskFree) / annual variance.
 * @param [uncertainty] View uncertainty: "helitterman" (default, from tau and the covariance) or "idzorek" (from the views' confidences).
 * @param [tau] Weight on the prior, above 0 and at most 1 (default 0.05).
 * @param [estimator] Covariance estimator, as COVMATRIX's: "sample" (default), "ledoitwolf", "constantcorrelation", "oas", "ewma", "denoised", "detoned", "gerber" (or "gerber 0.7") or "semi" (or "semi 0.0001").
 * @param [ppy] Periods per year: 365 (default), 252, 52 or 12.
 * @param [riskFree] Annual risk-free rate (default 0), added to the prior returns and used to imply the risk aversion.
 * @param [output] "table" (default: asset, market weight, prior return, posterior return, weight), "returns", "cov" or "weights".
 * @param invocation Excel's invocation: a cancel (new inputs) abandons a background computation.
 * @returns One row per asset (table), the posterior returns, the posterior covariance matrix (labelled) or the weights.
 * @cancelable
 */
export async function blackLitterman(
  prices: any[][],
  marketCaps: any[][],
  views: any[][],
  riskAversion?: any,
  uncertainty?: string,
  tau?: number,
  estimator?: string,
  ppy?: number,
  riskFree?: number,
  output?: string,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return excelBoundaryAsync("BLACKLITTERMAN", async () => {
    const what = unwrap(parseChoice(output, "output", OUTPUTS, "table"));
    const method = unwrap(parseChoice(uncertainty, "uncertainty", UNCERTAINTIES, "helitterman"));
    const delta = readRiskAversion(riskAversion);
    const weightOnPrior = unwrap(
      parseNumber(tau, "tau", 0.05, {
        min: 0,
        aboveMin: true,
        max: 1,
        expected: "a number above 0 and at most 1, e.g. 0.05 (0.01 to 0.05 is usual)",
      })
    );
    const choice = unwrap(parseEstimator(estimator));
    const periodsPerYear = unwrap(parsePeriodsPerYear(ppy));
    const rate = unwrap(parseAnnualRate(riskFree, "riskFree"));

    let cov: SquareMatrix;
    let named: boolean;
    let caps: Float64Array;
    let parsedViews: ReturnType<typeof parseViews>;
    let riskAversionValue: number;
    if (isLabelledSquareMatrix(prices)) {
      const parsed = unwrap(parseSquareMatrix(prices, "prices"));
      const labels = parsed.labels ?? [];
      if (delta === "implied") {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `riskAversion "implied" needs prices (the first column is the market); with a covariance matrix give riskAversion as a number, e.g. 2.5`,
          { argument: "riskAversion" }
        );
      }
      caps = readMarketCaps(marketCaps, labels);
      parsedViews = parseViews(readViewsTable(views), labels);
      cov = { size: parsed.size, data: parsed.data, labels };
      named = true;
      riskAversionValue = delta;
    } else {
      const read = readPricesAndMarket(prices);
      // Cheap checks first, so a typo in a view or a cap fails before the covariance is estimated.
      caps = readMarketCaps(marketCaps, read.labels);
      parsedViews = parseViews(readViewsTable(views), read.labels);
      riskAversionValue =
        delta === "implied"
          ? impliedRiskAversion(read.market, read.labels[0], periodsPerYear, rate)
          : delta;
      const { rows, cols } = read.returns;
      // The covariance estimate is the long part: it runs in the background worker when large.
      const estimated = await inBackground(
        "covariance",
        { returns: read.returns, options: { ...choice, periodsPerYear } },
        {
          functionName: "BLACKLITTERMAN",
          estimatedMs: estimateCovarianceMs(rows, cols, choice.estimator),
          invocation,
          transfer: [read.returns.data],
        }
      );
      cov = { ...estimated.matrix, labels: read.labels };
      named = read.hasHeader;
    }
    // 100 assets take 1 to 2 ms (the core's bench): this part stays on the pane's thread.
    const result = runBlackLitterman(cov, parsedViews, {
      marketCaps: caps,
      riskAversion: riskAversionValue,
      riskFree: rate,
      uncertainty: method,
      tau: weightOnPrior,
    });
    return spillResult(result, what, named);
  });
}
