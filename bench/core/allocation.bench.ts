import { hierarchicalRiskParity } from "../../src/core/allocation/hierarchicalRiskParity";
import { riskBudgetingWeights } from "../../src/core/allocation/riskBudgetingWeights";
import { checkCovariance } from "../../src/core/allocation/checkCovariance";
import { checkCovarianceBlocked } from "../../src/core/linalg/checkCovarianceBlocked";
import type { BenchCase } from "../harness";
import { randomCovariance } from "../randomData";

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
