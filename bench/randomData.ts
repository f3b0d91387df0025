import type { ReturnsPanel, SquareMatrix } from "../src/core/types";

/** Deterministic pseudo-random inputs for benchmarks (mulberry32; no dependency on Math.random). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box–Muller from a seeded uniform source. */
export function seededNormal(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** A rows × cols row-major table of positive prices: one common factor plus noise, daily vol ≈ 4 %. */
export function randomPrices(rows: number, cols: number, seed: number): number[][] {
  const normal = seededNormal(seed);
  const out: number[][] = [];
  const level = new Array<number>(cols).fill(100);
  for (let t = 0; t < rows; t++) {
    const market = normal() * 0.03;
    for (let j = 0; j < cols; j++) level[j] *= Math.exp(market + normal() * 0.025);
    out.push(level.slice());
  }
  return out;
}

/**
 * Simple returns r_t = p_{t+1}/p_t − 1 of `rows + 1` random prices ({@link randomPrices}: one
 * market factor, daily vol ≈ 4 %), as a column-major returns panel labelled A1…An.
 */
export function randomReturns(rows: number, n: number, seed: number): ReturnsPanel {
  const prices = randomPrices(rows + 1, n, seed);
  const data = new Float64Array(rows * n);
  for (let t = 0; t < rows; t++) {
    for (let j = 0; j < n; j++) data[j * rows + t] = prices[t + 1][j] / prices[t][j] - 1;
  }
  return {
    kind: "returns",
    rows,
    cols: n,
    data,
    labels: Array.from({ length: n }, (_, j) => `A${j + 1}`),
  };
}

/**
 * Sample covariance (divisor rows − 1) of the simple returns of `rows + 1` random prices
 * ({@link randomPrices}), times `scale` (365 annualises daily data). rows > assets keeps it PD.
 * O(assets² · rows).
 */
export function randomCovariance(
  assets: number,
  rows: number,
  seed: number,
  scale = 1
): SquareMatrix {
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
      data[i * assets + j] = data[j * assets + i] = (scale * s) / (rows - 1);
    }
  }
  return { size: assets, data, labels: Array.from({ length: assets }, (_, i) => `A${i + 1}`) };
}
