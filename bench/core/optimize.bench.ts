import { maximumSharpeConstrained } from "../../src/core/optimize/maximumSharpeConstrained";
import { minimumVarianceConstrained } from "../../src/core/optimize/minimumVarianceConstrained";
import type { PortfolioConstraints } from "../../src/core/optimize/types";
import type { BenchCase } from "../harness";
import { randomCovariance } from "../randomData";

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
      const cov = randomCovariance(n, 729, 7);
      const constraints = sectorConstraints(n);
      return () => minimumVarianceConstrained(cov, constraints);
    },
  },
  {
    name: "QP maximum Sharpe, 5 sector caps",
    size: `${n} assets, ≤ 5 % each`,
    setup: () => {
      const cov = randomCovariance(n, 729, 7);
      const mu = Array.from({ length: n }, (_, i) => 0.0005 + 0.001 * Math.sin(i));
      const constraints = sectorConstraints(n);
      return () => maximumSharpeConstrained(mu, cov, 0, constraints);
    },
  },
]);
