import { resampledEfficientFrontier } from "../../src/core/frontier/resampledEfficientFrontier";
import { cardinalityLimitedPortfolio } from "../../src/core/optimize/cardinalityLimitedPortfolio";
import { minimumVarianceConstrained } from "../../src/core/optimize/minimumVarianceConstrained";
import { minimumVarianceEffectiveHoldings } from "../../src/core/optimize/minimumVarianceEffectiveHoldings";
import { minimumVarianceTrackingError } from "../../src/core/optimize/minimumVarianceTrackingError";
import { tradeLimitedPortfolio } from "../../src/core/optimize/tradeLimitedPortfolio";
import { covarianceMatrix } from "../../src/core/covariance/covarianceMatrix";
import type { SquareMatrix } from "../../src/core/types";
import type { BenchCase } from "../harness";
import { randomReturns } from "../randomData";

function randomCov(assets: number, seed: number): SquareMatrix {
  return covarianceMatrix(randomReturns(730, assets, seed), { periodsPerYear: 365 }).matrix;
}

export const cases: BenchCase[] = [
  {
    name: "resampled frontier (20 ranks, long only)",
    size: "50 assets × 1,825 rows × 100 resamples",
    targetMs: 1000,
    runs: 5,
    setup: () => {
      const returns = randomReturns(1825, 50, 13);
      return () => resampledEfficientFrontier(returns, { points: 20, resamples: 100, seed: 1 });
    },
  },
  {
    name: "resampled frontier (20 ranks, cap 0.1 and a group cap)",
    size: "20 assets × 1,825 rows × 100 resamples",
    runs: 5,
    setup: () => {
      const returns = randomReturns(1825, 20, 14);
      const constraints = {
        upper: 0.1,
        groups: [{ name: "G", members: [0, 1, 2, 3, 4], max: 0.3 }],
      };
      return () =>
        resampledEfficientFrontier(returns, { points: 20, resamples: 100, seed: 1, constraints });
    },
  },
  {
    name: "minvar with effn (penalty bisection)",
    size: "50 assets",
    setup: () => {
      const cov = randomCov(50, 15);
      return () => minimumVarianceEffectiveHoldings(cov, 20);
    },
  },
  {
    name: "minvar with te to equal weights (penalty bisection)",
    size: "50 assets",
    setup: () => {
      const cov = randomCov(50, 16);
      return () => minimumVarianceTrackingError(cov, new Float64Array(50).fill(1 / 50), 0.02);
    },
  },
  {
    name: "minvar with turnover 0.2 and cost 0.001 (trade QP + polish)",
    size: "50 assets",
    setup: () => {
      const cov = randomCov(50, 17);
      const current = new Float64Array(50).fill(1 / 50);
      return () =>
        tradeLimitedPortfolio(
          cov,
          { kind: "minvar" },
          { current, maxTurnover: 0.2, costRate: 0.001 }
        );
    },
  },
  {
    name: "minvar with holdings 10 (heuristic)",
    size: "50 assets",
    setup: () => {
      const cov = randomCov(50, 18);
      return () =>
        cardinalityLimitedPortfolio(
          50,
          10,
          {},
          cov.labels,
          (c) => minimumVarianceConstrained(cov, c),
          (p) => p.volatility
        );
    },
  },
];
