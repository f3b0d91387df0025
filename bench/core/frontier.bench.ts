import { criticalLineAlgorithm } from "../../src/core/frontier/criticalLineAlgorithm";
import { efficientFrontier } from "../../src/core/frontier/efficientFrontier";
import type { SquareMatrix } from "../../src/core/types";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/**
 * Annualised (365 days) mean and sample covariance (n − 1) of daily log returns of the seeded
 * one-factor random prices: a realistic crypto-like covariance (common market factor, daily vol ≈ 4 %).
 */
function randomProblem(assets: number, seed: number): { mu: Float64Array; cov: SquareMatrix } {
  const rows = 3 * 365;
  const prices = randomPrices(rows + 1, assets, seed);
  const returns = new Float64Array(rows * assets);
  const mu = new Float64Array(assets);
  for (let j = 0; j < assets; j++) {
    let sum = 0;
    for (let t = 0; t < rows; t++) {
      const r = Math.log(prices[t + 1][j] / prices[t][j]);
      returns[j * rows + t] = r;
      sum += r;
    }
    mu[j] = sum / rows;
  }
  const data = new Float64Array(assets * assets);
  for (let i = 0; i < assets; i++) {
    for (let j = i; j < assets; j++) {
      let s = 0;
      for (let t = 0; t < rows; t++) {
        s += (returns[i * rows + t] - mu[i]) * (returns[j * rows + t] - mu[j]);
      }
      data[i * assets + j] = data[j * assets + i] = (s / (rows - 1)) * 365;
    }
  }
  for (let j = 0; j < assets; j++) mu[j] *= 365;
  const labels = Array.from({ length: assets }, (_, i) => `A${i + 1}`);
  return { mu, cov: { size: assets, data, labels } };
}

const claCase = (assets: number, targetMs?: number): BenchCase => ({
  name: "critical line algorithm (all turning points)",
  size: `${assets} assets`,
  targetMs,
  setup: () => {
    const { mu, cov } = randomProblem(assets, assets);
    return () => criticalLineAlgorithm(mu, cov);
  },
});

export const cases: BenchCase[] = [
  claCase(50),
  claCase(100, 50),
  claCase(200),
  {
    name: "efficient frontier (CLA + 100 points, bounds 0–10 %)",
    size: "100 assets",
    setup: () => {
      const { mu, cov } = randomProblem(100, 7);
      return () => efficientFrontier(mu, cov, { points: 100, upper: 0.1 });
    },
  },
];
