import { blackLitterman } from "../../src/core/bayesian/blackLitterman";
import { parseViews } from "../../src/core/bayesian/parseViews";
import type { SquareMatrix } from "../../src/core/types";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/** Annualised (× 365) sample covariance of the simple returns of `rows` random prices for `n` assets. */
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
      data[i * n + j] = data[j * n + i] = (365 * sum) / (t - 1);
    }
  }
  return { size: n, data, labels: Array.from({ length: n }, (_, i) => `A${i + 1}`) };
}

/** k views: every third one relative (A_i over A_{i+1}), with confidences for Idzorek. */
function viewsTable(n: number, k: number): (string | number)[][] {
  return Array.from({ length: k }, (_, v) => {
    const asset = (v * 7) % n;
    const over = v % 3 === 2 ? `A${((asset + 1) % n) + 1}` : "";
    return [`A${asset + 1}`, over, 0.05 + 0.01 * (v % 10), 0.25 + 0.05 * (v % 10)];
  });
}

export const cases: BenchCase[] = (
  [
    [100, 10],
    [100, 50],
  ] as const
).flatMap(([n, k]): BenchCase[] =>
  (["helitterman", "idzorek"] as const).map((uncertainty) => ({
    name: `Black–Litterman (${uncertainty}), parse views + prior + posterior + weights`,
    size: `${n} assets, ${k} views`,
    targetMs: 5,
    setup: () => {
      const cov = randomCovariance(n, 730, 11);
      const caps = Array.from({ length: n }, (_, i) => 1e9 / (i + 1));
      const table = viewsTable(n, k);
      return () =>
        blackLitterman(cov, parseViews(table, cov.labels), {
          marketCaps: caps,
          riskAversion: 2.5,
          uncertainty,
        });
    },
  }))
);
