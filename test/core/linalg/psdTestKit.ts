import { checkCovariance } from "../../../src/core/allocation/checkCovariance";
import type { SquareMatrix } from "../../../src/core/types";

/** A seeded generator (mulberry32), so the large cases are fixed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** XᵀX / rows for a rows × n matrix of uniform noise plus a common factor: PSD, singular when rows < n. */
export function gram(n: number, rows: number, seed: number): SquareMatrix {
  const next = random(seed);
  const x = new Float64Array(rows * n);
  for (let t = 0; t < rows; t++) {
    const factor = next() - 0.5;
    for (let j = 0; j < n; j++) x[t * n + j] = factor + next() - 0.5;
  }
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = 0; t < rows; t++) s += x[t * n + i] * x[t * n + j];
      data[i * n + j] = data[j * n + i] = s / rows;
    }
  }
  return { size: n, data, labels: Array.from({ length: n }, (_, i) => `A${i + 1}`) };
}

export function maxDiagonal(cov: SquareMatrix): number {
  let m = 0;
  for (let i = 0; i < cov.size; i++) m = Math.max(m, cov.data[i * cov.size + i]);
  return m;
}

/** The error checkCovariance throws, or undefined. */
export function referenceError(cov: SquareMatrix): unknown {
  try {
    checkCovariance(cov);
    return undefined;
  } catch (error) {
    return error;
  }
}
