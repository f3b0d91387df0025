import { blackLitterman } from "../../src/core/bayesian/blackLitterman";
import { parseViews } from "../../src/core/bayesian/parseViews";
import type { BenchCase } from "../harness";
import { randomCovariance } from "../randomData";

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
      const cov = randomCovariance(n, 729, 11, 365);
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
