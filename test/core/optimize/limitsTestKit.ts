import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { SquareMatrix } from "../../../src/core/types";

/** Shared helpers of the limits tests (not a test file itself). */

/** fixtures/optimize/limits.json (scripts/fixtures/limits.py). */
export const limitsFixture: {
  header: Record<string, string | number>;
  cases: Record<string, any[]>;
} = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/optimize/limits.json"), "utf8")
);

export function covOf(flat: number[]): SquareMatrix {
  const n = Math.round(Math.sqrt(flat.length));
  return {
    size: n,
    data: Float64Array.from(flat),
    labels: Array.from({ length: n }, (_, i) => `A${i + 1}`),
  };
}

export function variance(cov: SquareMatrix, w: ArrayLike<number>): number {
  const n = cov.size;
  let v = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += w[i] * cov.data[i * n + j] * w[j];
  return v;
}

export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

/** A random well-conditioned covariance of n assets (two factors plus idiosyncratic variance). */
export const covarianceArbitrary = (n: number) =>
  fc
    .tuple(
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2 * n, maxLength: 2 * n }),
      fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: n, maxLength: n })
    )
    .map(([f, d]) => {
      const data = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          data[i * n + j] =
            0.04 * (f[2 * i] * f[2 * j] + f[2 * i + 1] * f[2 * j + 1] + (i === j ? d[i] : 0));
      return {
        size: n,
        data,
        labels: Array.from({ length: n }, (_, i) => `A${i + 1}`),
      } as SquareMatrix;
    });
