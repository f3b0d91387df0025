import { hierarchicalRiskParity } from "../src/core/allocation/hierarchicalRiskParity";
import { riskBudgetingWeights } from "../src/core/allocation/riskBudgetingWeights";
import { backtest as coreBacktest } from "../src/core/backtest/backtest";
import { buyAndHold } from "../src/core/backtest/buyAndHold";
import { singleAsset } from "../src/core/backtest/singleAsset";
import { pearsonCorrelationMatrix } from "../src/core/correlation/pearsonCorrelationMatrix";
import { covarianceMatrix } from "../src/core/covariance/covarianceMatrix";
import { frontierWithMaximumSharpe } from "../src/core/frontier/frontierWithMaximumSharpe";
import { pricePanel } from "../src/core/panel/pricePanel";
import { pricePanelFromColumns } from "../src/core/panel/pricePanelFromColumns";
import type { PricePanel, ReturnsPanel } from "../src/core/types";
import { meanReturns } from "../src/core/returns/meanReturns";
import { returnsFromPrices } from "../src/core/returns/returnsFromPrices";
import { panelStatistics } from "../src/core/stats/panelStatistics";
import { effFrontier, riskWeights } from "../src/functions/construction";
import { corrMatrix } from "../src/functions/dependence";
import { parsePriceRange } from "../src/functions/parse/priceRange";
import { backtest } from "../src/functions/rebalancing";
import { stats } from "../src/functions/risk";
import type { BenchCase } from "./harness";
import { randomPrices } from "./randomData";

/**
 * The core's own entry for a price table: validating column-major prices (positive, finite, no
 * gaps) is core work, so the core-only timings include it; turning Excel's cells into that
 * layout (allocating the array included) is the wrapper's parsing overhead. With fill "none" the
 * core only reads the array, so every run can validate the same one.
 */
function corePrices(rows: number, cols: number, seed: number): () => PricePanel {
  const panel = pricePanel(randomPrices(rows, cols, seed));
  return () => pricePanelFromColumns(panel.data, panel.rows, { labels: panel.labels });
}

/** What Excel passes: a header row of names over the prices (any[][]). */
function excelRange(rows: number, cols: number, seed: number, withDates = false): unknown[][] {
  const prices = randomPrices(rows, cols, seed);
  const labels = Array.from({ length: cols }, (_, j) => `T${j + 1}`);
  if (!withDates) return [labels, ...prices];
  return [["Date", ...labels], ...prices.map((row, t) => [45000 + t, ...row])];
}

const none = null as unknown as string;

/**
 * The sizes, each timed twice: through the Excel-facing function (parsing, core, spill)
 * and in the core alone on the same data, so the parse + spill share can be reported.
 */
export const cases: BenchCase[] = [
  {
    name: "parse price range",
    size: "200 assets × 1,825 rows + header",
    units: { count: 200 * 1826, label: "cells" },
    setup: () => {
      const range = excelRange(1826, 200, 11);
      return () => parsePriceRange(range);
    },
  },
  {
    name: "parse price range",
    size: "50 assets × 1,826 rows + header, Date column",
    units: { count: 51 * 1826, label: "cells" },
    setup: () => {
      const range = excelRange(1826, 50, 16, true);
      return () => parsePriceRange(range);
    },
  },
  {
    name: "CORRMATRIX (function)",
    baseline: "CORRMATRIX (core only)",
    size: "200 assets × 1,825 rows",
    targetMs: 100,
    setup: () => {
      const range = excelRange(1826, 200, 11) as any[][];
      return () => corrMatrix(range);
    },
  },
  {
    name: "CORRMATRIX (core only)",
    size: "200 assets × 1,825 rows",
    setup: () => {
      const prices = corePrices(1826, 200, 11);
      return () =>
        pearsonCorrelationMatrix(returnsFromPrices(prices()), { onUndefinedPair: "nan" });
    },
  },
  {
    name: "EFFFRONTIER (function)",
    baseline: "EFFFRONTIER (core only)",
    size: "50 assets × 1,825 rows, 25 points",
    targetMs: 100,
    setup: () => {
      const range = excelRange(1826, 50, 12) as any[][];
      return () => effFrontier(range, 25);
    },
  },
  {
    name: "EFFFRONTIER (core only)",
    size: "50 assets × 1,825 rows, 25 points",
    setup: () => {
      const prices = corePrices(1826, 50, 12);
      return () => {
        const returns = returnsFromPrices(prices());
        const cov = covarianceMatrix(returns, { periodsPerYear: 365 }).matrix;
        const mu = meanReturns(returns, 365);
        return frontierWithMaximumSharpe(mu, cov, { points: 25, includeTurningPoints: true });
      };
    },
  },
  {
    name: "RISKWEIGHTS erc (function)",
    baseline: "RISKWEIGHTS erc (core only)",
    size: "200 assets × 1,825 rows",
    targetMs: 100,
    setup: () => {
      const range = excelRange(1826, 200, 13) as any[][];
      return () => riskWeights(range, "erc");
    },
  },
  {
    name: "RISKWEIGHTS erc (core only)",
    size: "200 assets × 1,825 rows",
    setup: () => {
      const prices = corePrices(1826, 200, 13);
      return () =>
        riskBudgetingWeights(
          covarianceMatrix(returnsFromPrices(prices()), { periodsPerYear: 365 }).matrix
        );
    },
  },
  {
    name: "RISKWEIGHTS hrp (function)",
    baseline: "RISKWEIGHTS hrp (core only)",
    size: "200 assets × 1,825 rows",
    targetMs: 100,
    setup: () => {
      const range = excelRange(1826, 200, 14) as any[][];
      return () => riskWeights(range, "hrp");
    },
  },
  {
    name: "RISKWEIGHTS hrp (core only)",
    size: "200 assets × 1,825 rows",
    setup: () => {
      const prices = corePrices(1826, 200, 14);
      return () =>
        hierarchicalRiskParity(
          covarianceMatrix(returnsFromPrices(prices()), { periodsPerYear: 365 }).matrix
        );
    },
  },
  {
    name: "STATS (function)",
    baseline: "STATS (core only)",
    size: "50 assets × 3,650 rows",
    targetMs: 100,
    setup: () => {
      const range = excelRange(3651, 50, 15) as any[][];
      return () => stats(range);
    },
  },
  {
    name: "STATS (core only)",
    size: "50 assets × 3,650 rows",
    setup: () => {
      const prices = corePrices(3651, 50, 15);
      return () => panelStatistics(returnsFromPrices(prices()), { benchmarkColumn: 0 });
    },
  },
  {
    name: "BACKTEST fixed weights (function)",
    baseline: "BACKTEST fixed weights (core only)",
    size: "50 assets × 1,826 days, monthly",
    targetMs: 100,
    setup: () => {
      const range = excelRange(1826, 50, 16, true) as any[][];
      const weights = [new Array<number>(50).fill(1 / 50)];
      return () => backtest(range, weights, "monthly", none as unknown as number, 10);
    },
  },
  {
    name: "BACKTEST fixed weights (core only)",
    size: "50 assets × 1,826 days, monthly",
    setup: () => {
      const validPrices = corePrices(1826, 50, 16);
      const dates = Int32Array.from({ length: 1826 }, (_, t) => 45000 - 25569 + t);
      return () => {
        const prices = validPrices();
        // The wrapper also computes buy-and-hold and the benchmark alone: core work, timed here too.
        const result = coreBacktest({
          prices,
          dates,
          rule: new Float64Array(50).fill(1 / 50),
          rebalance: "monthly",
          feeBps: 10,
        });
        buyAndHold(prices, result.weights[0], { startRow: result.startRow });
        return singleAsset(prices, 0, { startRow: result.startRow });
      };
    },
  },
  {
    name: "BACKTEST erc re-estimated monthly (function)",
    baseline: "BACKTEST erc re-estimated monthly (core only)",
    size: "50 assets × 1,826 days, lookback 90",
    targetMs: 500,
    setup: () => {
      const range = excelRange(1826, 50, 17, true) as any[][];
      return () => backtest(range, "erc", "monthly", none as unknown as number, 10, 90);
    },
    runs: 3,
  },
  {
    name: "BACKTEST erc re-estimated monthly (core only)",
    size: "50 assets × 1,826 days, lookback 90",
    setup: () => {
      const validPrices = corePrices(1826, 50, 17);
      const dates = Int32Array.from({ length: 1826 }, (_, t) => 45000 - 25569 + t);
      // The wrapper's "erc" rule on a window where every asset trades: sample covariance → ERC.
      const rule = (window: ReturnsPanel) =>
        riskBudgetingWeights(covarianceMatrix(window, { periodsPerYear: 1 }).matrix);
      return () => {
        const prices = validPrices();
        const result = coreBacktest({
          prices,
          dates,
          rule,
          rebalance: "monthly",
          lookback: 90,
          feeBps: 10,
        });
        buyAndHold(prices, result.weights[0], { startRow: result.startRow });
        return singleAsset(prices, 0, { startRow: result.startRow });
      };
    },
    runs: 3,
  },
  {
    name: "EFFFRONTIER 200 assets (function)",
    size: "200 assets × 1,825 rows, 25 points",
    targetMs: 100,
    setup: () => {
      const range = excelRange(1826, 200, 18) as any[][];
      return () => effFrontier(range, 25);
    },
  },
  {
    name: "BACKTEST erc, 10 years (function)",
    size: "50 assets × 3,650 days, monthly, lookback 90",
    targetMs: 100,
    setup: () => {
      const range = excelRange(3650, 50, 19, true) as any[][];
      return () => backtest(range, "erc", "monthly", none as unknown as number, 10, 90);
    },
    runs: 3,
  },
];
