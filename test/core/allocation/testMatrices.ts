import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { SquareMatrix } from "../../../src/core/types";

/** Test helpers shared by the allocation, clustering and diversification tests. */

export function squareMatrix(values: ArrayLike<number>, labels?: readonly string[]): SquareMatrix {
  const size = Math.round(Math.sqrt(values.length));
  return {
    size,
    data: Float64Array.from(values),
    labels: labels ?? Array.from({ length: size }, (_, i) => `Asset ${i + 1}`),
  };
}

/** Σ = diag(σ) R diag(σ). */
export function covFromCorrelation(
  vols: readonly number[],
  correlation: readonly number[][]
): SquareMatrix {
  const n = vols.length;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) data[i * n + j] = vols[i] * vols[j] * correlation[i][j];
  }
  return squareMatrix(data);
}

/** The same matrix with assets reordered: entry (i, j) of the result is (perm[i], perm[j]). */
export function permuteMatrix(cov: SquareMatrix, perm: readonly number[]): SquareMatrix {
  const n = cov.size;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) data[i * n + j] = cov.data[perm[i] * n + perm[j]];
  }
  return { size: n, data, labels: perm.map((p) => cov.labels[p]) };
}

/** A deep copy, to prove afterwards that a call left its input untouched. */
export function copyMatrix(cov: SquareMatrix): SquareMatrix {
  return { size: cov.size, data: Float64Array.from(cov.data), labels: [...cov.labels] };
}

/** Sample covariance (n − 1) of row-major observations, a plain loop independent of src/core/covariance. */
export function sampleCovariance(rows: readonly (readonly number[])[]): SquareMatrix {
  const t = rows.length;
  const n = rows[0].length;
  const mean = new Float64Array(n);
  for (const row of rows) for (let j = 0; j < n; j++) mean[j] += row[j] / t;
  const data = new Float64Array(n * n);
  for (const row of rows) {
    for (let i = 0; i < n; i++) {
      const di = row[i] - mean[i];
      for (let j = 0; j < n; j++) data[i * n + j] += (di * (row[j] - mean[j])) / (t - 1);
    }
  }
  return squareMatrix(data);
}

/**
 * Random positive definite covariance matrices: diag(σ)(XᵀX/T + 0.05 I)diag(σ) from bounded draws,
 * with volatilities spread over two orders of magnitude.
 */
export const covArbitrary = (minSize = 2, maxSize = 7): fc.Arbitrary<SquareMatrix> =>
  fc.integer({ min: minSize, max: maxSize }).chain((n) =>
    fc
      .tuple(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
          minLength: n * (n + 3),
          maxLength: n * (n + 3),
        }),
        fc.array(fc.double({ min: 0.05, max: 2, noNaN: true }), { minLength: n, maxLength: n })
      )
      .map(([draws, vols]) => {
        const rows = n + 3;
        const data = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let s = i === j ? 0.05 : 0;
            for (let t = 0; t < rows; t++) s += (draws[t * n + i] * draws[t * n + j]) / rows;
            data[i * n + j] = vols[i] * vols[j] * s;
          }
        }
        return squareMatrix(data);
      })
  );

/** n values in [min, max]: weights or risk budgets, one per asset, for property tests. */
export const perAsset = (n: number, min: number, max: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min, max, noNaN: true }), { minLength: n, maxLength: n });

/** A generated covariance (see covArbitrary) with one value in [min, max] per asset. */
export const covWithPerAsset = (
  minSize: number,
  maxSize: number,
  min: number,
  max: number
): fc.Arbitrary<[SquareMatrix, number[]]> =>
  covArbitrary(minSize, maxSize).chain((cov) =>
    fc.tuple(fc.constant(cov), perAsset(cov.size, min, max))
  );

/** Reads a committed JSON fixture written by scripts/fixtures/<area>.py. */
export function readFixture<T>(area: string, file: string): T {
  const full = path.resolve(__dirname, "..", "..", "fixtures", area, file);
  return JSON.parse(fs.readFileSync(full, "utf8")) as T;
}

/** max_i |a_i − b_i| */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}
