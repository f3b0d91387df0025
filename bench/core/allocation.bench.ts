import { hierarchicalRiskParity } from "../../src/core/allocation/hierarchicalRiskParity";
import { riskBudgetingWeights } from "../../src/core/allocation/riskBudgetingWeights";
import { checkCovariance } from "../../src/core/allocation/checkCovariance";
import { checkCovarianceBlocked } from "../../src/core/linalg/checkCovarianceBlocked";
import type { SquareMatrix } from "../../src/core/types";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/** Sample covariance (n − 1) of the simple returns of random one-factor prices (rows > assets: PD). */
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
    name: "ERC (risk budgeting)",
    size: "200 assets",
    setup: () => {
      const cov = randomCovariance(200, 730, 11);
      return () => riskBudgetingWeights(cov);
    },
  },
  {
    name: "ERC (risk budgeting)",
    size: "500 assets",
    targetMs: 50,
    setup: () => {
      const cov = randomCovariance(500, 1000, 12);
      return () => riskBudgetingWeights(cov);
    },
  },
  {
    // The PSD test HRP, ERC and the clustering run first: row by row, and by blocks in the SIMD kernel.
    name: "PSD check, row by row (allocation/checkCovariance)",
    size: "500 assets",
    setup: () => {
      const cov = randomCovariance(500, 1000, 12);
      return () => checkCovariance(cov, { minSize: 2 });
    },
  },
  {
    name: "PSD check, blocked in the SIMD Gram kernel (linalg/checkCovarianceBlocked)",
    size: "500 assets",
    setup: () => {
      const cov = randomCovariance(500, 1000, 12);
      return () => checkCovarianceBlocked(cov, { minSize: 2 });
    },
  },
  {
    name: "HRP (single linkage)",
    size: "100 assets",
    setup: () => {
      const cov = randomCovariance(100, 730, 13);
      return () => hierarchicalRiskParity(cov);
    },
  },
  {
    name: "HRP (single linkage)",
    size: "500 assets",
    targetMs: 100,
    setup: () => {
      const cov = randomCovariance(500, 1000, 14);
      return () => hierarchicalRiskParity(cov);
    },
  },
  {
    name: "HRP (ward linkage)",
    size: "500 assets",
    targetMs: 100,
    setup: () => {
      const cov = randomCovariance(500, 1000, 14);
      return () => hierarchicalRiskParity(cov, { linkage: "ward" });
    },
  },
];
