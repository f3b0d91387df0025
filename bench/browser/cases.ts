import { hierarchicalRiskParity } from "../../src/core/allocation/hierarchicalRiskParity";
import { riskBudgetingWeights } from "../../src/core/allocation/riskBudgetingWeights";
import { backtest } from "../../src/core/backtest/backtest";
import { buyAndHold } from "../../src/core/backtest/buyAndHold";
import { singleAsset } from "../../src/core/backtest/singleAsset";
import { kendallCorrelationMatrix } from "../../src/core/correlation/kendallCorrelationMatrix";
import { pearsonCorrelationMatrix } from "../../src/core/correlation/pearsonCorrelationMatrix";
import { spearmanCorrelationMatrix } from "../../src/core/correlation/spearmanCorrelationMatrix";
import { covarianceMatrix } from "../../src/core/covariance/covarianceMatrix";
import { frontierWithMaximumSharpe } from "../../src/core/frontier/frontierWithMaximumSharpe";
import { pricePanel } from "../../src/core/panel/pricePanel";
import { pricePanelFromColumns } from "../../src/core/panel/pricePanelFromColumns";
import { meanReturns } from "../../src/core/returns/meanReturns";
import { returnsFromPrices } from "../../src/core/returns/returnsFromPrices";
import type { PricePanel } from "../../src/core/types";
import { randomPrices } from "../randomData";

/** A Python reference timed in the same run (bench/browser/reference.py prints these keys). */
export type PythonReference = "corrcoef" | "spearmanr" | "ledoitwolf";

/** What a row must meet: an absolute time, or a multiple of a Python reference's median. */
export type BrowserTarget =
  | { readonly kind: "ms"; readonly ms: number }
  | { readonly kind: "python"; readonly reference: PythonReference; readonly ratio: number };

/**
 * One row of the browser bench: a custom function called as Excel would (its registered
 * implementation, parse + core + spill) on prices made in the page, beside the same work in the
 * core alone (from validated column-major prices, as bench/functions.bench.ts defines it).
 */
export interface BrowserBenchCase {
  /** Short key, also the command-line filter. */
  readonly id: string;
  /** The function and method as a user writes it, e.g. "CORRMATRIX pearson". */
  readonly label: string;
  readonly size: string;
  /** The id in functions.json (what CustomFunctions.associate registered). */
  readonly functionId: string;
  /** Price rows (header excluded), assets and seed of the range. */
  readonly rows: number;
  readonly cols: number;
  readonly seed: number;
  /** Whether the range has a leading "Date" column (BACKTEST dates its calendar by it). */
  readonly withDates?: boolean;
  /** The function's arguments after the prices, as Excel passes omitted ones (null). */
  readonly args: readonly unknown[];
  /** Prepares the core-only work on validated prices; returns the timed function. */
  readonly core: (prices: () => PricePanel) => () => unknown;
  readonly target?: BrowserTarget;
  /** Report the first (cold) call in a fresh page too, against `firstCallRatio` × the warm median. */
  readonly firstCallRatio?: number;
  /** Run in a page where WebAssembly SIMD is reported missing, so the JS kernel is used. */
  readonly noSimd?: boolean;
}

const DAYS_10Y = 3650;
const DAYS_5Y = 1825;
const nan = { onUndefinedPair: "nan" as const };

/** The issue 12 sizes and targets, in the order they run (the cold CORRMATRIX call first). */
export const browserCases: readonly BrowserBenchCase[] = [
  {
    id: "corr-pearson",
    label: "CORRMATRIX pearson",
    size: "500 assets × 3,650 returns",
    functionId: "CORRMATRIX",
    rows: DAYS_10Y + 1,
    cols: 500,
    seed: 21,
    args: ["pearson"],
    core: (prices) => () => pearsonCorrelationMatrix(returnsFromPrices(prices()), nan),
    target: { kind: "python", reference: "corrcoef", ratio: 3 },
    firstCallRatio: 2,
  },
  {
    id: "corr-pearson-js",
    label: "CORRMATRIX pearson, JS kernel (no SIMD)",
    size: "500 assets × 3,650 returns",
    functionId: "CORRMATRIX",
    rows: DAYS_10Y + 1,
    cols: 500,
    seed: 21,
    args: ["pearson"],
    core: (prices) => () => pearsonCorrelationMatrix(returnsFromPrices(prices()), nan),
    noSimd: true,
  },
  {
    id: "corr-spearman",
    label: "CORRMATRIX spearman",
    size: "200 assets × 1,825 returns",
    functionId: "CORRMATRIX",
    rows: DAYS_5Y + 1,
    cols: 200,
    seed: 22,
    args: ["spearman"],
    core: (prices) => () => spearmanCorrelationMatrix(returnsFromPrices(prices()), nan),
    target: { kind: "python", reference: "spearmanr", ratio: 3 },
  },
  {
    id: "corr-kendall",
    label: "CORRMATRIX kendall",
    size: "200 assets × 1,825 returns",
    functionId: "CORRMATRIX",
    rows: DAYS_5Y + 1,
    cols: 200,
    seed: 23,
    args: ["kendall"],
    core: (prices) => () => kendallCorrelationMatrix(returnsFromPrices(prices()), nan),
    target: { kind: "ms", ms: 150 },
  },
  {
    id: "cov-ledoitwolf",
    label: "COVMATRIX ledoitwolf",
    size: "500 assets × 1,825 returns",
    functionId: "COVMATRIX",
    rows: DAYS_5Y + 1,
    cols: 500,
    seed: 24,
    args: ["ledoitwolf"],
    core: (prices) => () =>
      covarianceMatrix(returnsFromPrices(prices()), {
        estimator: "ledoitwolf",
        periodsPerYear: 365,
      }),
    target: { kind: "python", reference: "ledoitwolf", ratio: 1.5 },
  },
  {
    id: "weights-hrp",
    label: "RISKWEIGHTS hrp",
    size: "500 assets × 1,825 returns",
    functionId: "RISKWEIGHTS",
    rows: DAYS_5Y + 1,
    cols: 500,
    seed: 25,
    args: ["hrp"],
    core: (prices) => () =>
      hierarchicalRiskParity(
        covarianceMatrix(returnsFromPrices(prices()), { periodsPerYear: 365 }).matrix
      ),
    target: { kind: "ms", ms: 60 },
  },
  {
    id: "weights-erc",
    label: "RISKWEIGHTS erc",
    size: "500 assets × 1,825 returns",
    functionId: "RISKWEIGHTS",
    rows: DAYS_5Y + 1,
    cols: 500,
    seed: 26,
    args: ["erc"],
    core: (prices) => () =>
      riskBudgetingWeights(
        covarianceMatrix(returnsFromPrices(prices()), { periodsPerYear: 365 }).matrix
      ),
    target: { kind: "ms", ms: 60 },
  },
  {
    id: "frontier",
    label: "EFFFRONTIER",
    size: "200 assets × 1,825 returns, 25 points",
    functionId: "EFFFRONTIER",
    rows: DAYS_5Y + 1,
    cols: 200,
    seed: 27,
    args: [25],
    core: (prices) => () => {
      const returns = returnsFromPrices(prices());
      const cov = covarianceMatrix(returns, { periodsPerYear: 365 }).matrix;
      const mu = meanReturns(returns, 365);
      return frontierWithMaximumSharpe(mu, cov, { points: 25, includeTurningPoints: true });
    },
    target: { kind: "ms", ms: 50 },
  },
  {
    id: "backtest-fixed",
    label: "BACKTEST fixed weights, monthly",
    size: "50 assets × 1,826 days (5 years)",
    functionId: "BACKTEST",
    rows: DAYS_5Y + 1,
    cols: 50,
    seed: 28,
    withDates: true,
    args: [[new Array<number>(50).fill(1 / 50)], "monthly", null, 10],
    core: (prices) => {
      // The range's Date column holds Excel serials 45000…; the core takes Unix day numbers.
      const dates = Int32Array.from({ length: DAYS_5Y + 1 }, (_, t) => 45000 - 25569 + t);
      const rule = new Float64Array(50).fill(1 / 50);
      return () => {
        const panel = prices();
        // The function also computes buy-and-hold and the benchmark alone: core work, timed here too.
        const result = backtest({ prices: panel, dates, rule, rebalance: "monthly", feeBps: 10 });
        buyAndHold(panel, result.weights[0], { startRow: result.startRow });
        return singleAsset(panel, 0, { startRow: result.startRow });
      };
    },
  },
];

/**
 * What Excel passes for a case's prices: a header row of names (after "Date" when dated) over the
 * rows, as any[][]; same generator and seed as the core side.
 */
export function excelRange(benchCase: BrowserBenchCase): unknown[][] {
  const prices = randomPrices(benchCase.rows, benchCase.cols, benchCase.seed);
  const labels = Array.from({ length: benchCase.cols }, (_, j) => `T${j + 1}`);
  if (!benchCase.withDates) return [labels, ...prices];
  return [["Date", ...labels], ...prices.map((row, t) => [45000 + t, ...row])];
}

/**
 * The core side's input: the same prices as a validated column-major panel, re-validated on every
 * call (validation is core work; building the column-major array from cells is parsing).
 */
export function corePrices(benchCase: BrowserBenchCase): () => PricePanel {
  const panel = pricePanel(randomPrices(benchCase.rows, benchCase.cols, benchCase.seed));
  return () => pricePanelFromColumns(panel.data, panel.rows, { labels: panel.labels });
}
