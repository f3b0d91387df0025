import { maximumSharpeConstrained } from "../../src/core/optimize/maximumSharpeConstrained";
import { minimumVarianceConstrained } from "../../src/core/optimize/minimumVarianceConstrained";
import type { PortfolioConstraints } from "../../src/core/optimize/types";
import type { SquareMatrix } from "../../src/core/types";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/** Sample covariance (n − 1) of the simple returns of `rows` random prices for `n` assets. */
function randomCovariance(n: number, rows: number, seed: number): SquareMatrix {
  const prices = randomPrices(rows, n, seed);
  const t = rows - 1;
  const returns = new Float64Array(t * n);
  const mean = new Float64Array(n);
  for (let r = 0; r < t; r++) {
    for (let j = 0; j < n; j++) {
      const value = prices[r + 1][j] / prices[r][j] - 1;
      returns[j * t + r] = value;
      mean[j] += value / t;
    }
  }
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let r = 0; r < t; r++)
        sum += (returns[i * t + r] - mean[i]) * (returns[j * t + r] - mean[j]);
      data[i * n + j] = data[j * n + i] = sum / (t - 1);
    }
  }
  return { size: n, data, labels: Array.from({ length: n }, (_, i) => `A${i + 1}`) };
}

/** Five sectors of n/5 assets, each capped at 25 %, and at most 5 % per asset. */
function sectorConstraints(n: number): PortfolioConstraints {
  const size = n / 5;
  return {
    upper: 0.05,
    groups: Array.from({ length: 5 }, (_, s) => ({
      name: `Sector ${s + 1}`,
      members: Array.from({ length: size }, (_, i) => s * size + i),
      max: 0.25,
    })),
  };
}

export const cases: BenchCase[] = [100, 200].flatMap((n): BenchCase[] => [
  {
    name: "QP minimum variance, 5 sector caps",
    size: `${n} assets, ≤ 5 % each`,
    setup: () => {
      const cov = randomCovariance(n, 730, 7);
      const constraints = sectorConstraints(n);
      return () => minimumVarianceConstrained(cov, constraints);
    },
  },
  {
    name: "QP maximum Sharpe, 5 sector caps",
    size: `${n} assets, ≤ 5 % each`,
    setup: () => {
      const cov = randomCovariance(n, 730, 7);
      const mu = Array.from({ length: n }, (_, i) => 0.0005 + 0.001 * Math.sin(i));
      const constraints = sectorConstraints(n);
      return () => maximumSharpeConstrained(mu, cov, 0, constraints);
    },
  },
]);
