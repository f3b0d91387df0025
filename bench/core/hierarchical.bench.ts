import { hierarchicalEqualRiskContribution } from "../../src/core/allocation/hierarchicalEqualRiskContribution";
import { nestedClusteredOptimisation } from "../../src/core/allocation/nestedClusteredOptimisation";
import type { SquareMatrix } from "../../src/core/types";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/** Sample covariance (n − 1) of the simple returns of random one-factor prices (rows > assets: PD), as allocation.bench.ts. */
function randomCovariance(assets: number, rows: number, seed: number): SquareMatrix {
  const prices = randomPrices(rows + 1, assets, seed);
  const returns = new Float64Array(rows * assets);
  const mean = new Float64Array(assets);
  for (let t = 0; t < rows; t++) {
    for (let j = 0; j < assets; j++) {
      const r = prices[t + 1][j] / prices[t][j] - 1;
      returns[j * rows + t] = r;
      mean[j] += r / rows;
    }
  }
  const data = new Float64Array(assets * assets);
  for (let i = 0; i < assets; i++) {
    for (let j = i; j < assets; j++) {
      let s = 0;
      for (let t = 0; t < rows; t++) {
        s += (returns[i * rows + t] - mean[i]) * (returns[j * rows + t] - mean[j]);
      }
      data[i * assets + j] = data[j * assets + i] = s / (rows - 1);
    }
  }
  return { size: assets, data, labels: Array.from({ length: assets }, (_, i) => `A${i + 1}`) };
}

export const cases: BenchCase[] = [
  {
    name: "HERC (ward, gap statistic)",
    size: "100 assets",
    setup: () => {
      const cov = randomCovariance(100, 730, 21);
      return () => hierarchicalEqualRiskContribution(cov);
    },
  },
  {
    name: "HERC (ward, gap statistic)",
    size: "500 assets",
    targetMs: 100,
    setup: () => {
      const cov = randomCovariance(500, 1000, 22);
      return () => hierarchicalEqualRiskContribution(cov);
    },
  },
  {
    name: "NCO (ward, silhouette, long-short closed form)",
    size: "100 assets",
    setup: () => {
      const cov = randomCovariance(100, 730, 23);
      return () => nestedClusteredOptimisation(cov);
    },
  },
  {
    name: "NCO (ward, silhouette, long-short closed form)",
    size: "500 assets",
    targetMs: 100,
    setup: () => {
      const cov = randomCovariance(500, 1000, 24);
      return () => nestedClusteredOptimisation(cov);
    },
  },
  {
    // No target: the active-set QP on clusters of ~200–300 assets; the option, not the default.
    name: "NCO (ward, silhouette, long-only QP)",
    size: "500 assets",
    setup: () => {
      const cov = randomCovariance(500, 1000, 24);
      return () => nestedClusteredOptimisation(cov, { longOnly: true });
    },
  },
];
