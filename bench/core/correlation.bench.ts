import { correlationByOverlap } from "../../src/core/correlation/correlationByOverlap";
import { kendallCorrelationMatrix } from "../../src/core/correlation/kendallCorrelationMatrix";
import { kendallTau } from "../../src/core/correlation/kendallTau";
import { pearsonCorrelationMatrix } from "../../src/core/correlation/pearsonCorrelationMatrix";
import { spearmanCorrelationMatrix } from "../../src/core/correlation/spearmanCorrelationMatrix";
import { simdGramWorkspace } from "../../src/core/correlation/wasm/simdGramWorkspace";
import { pricePanel } from "../../src/core/panel/pricePanel";
import { returnsFromPrices } from "../../src/core/returns/returnsFromPrices";
import type { ReturnsPanel } from "../../src/core/types";
import type { BenchCase } from "../harness";
import { randomPrices } from "../randomData";

/*
 * Numpy on the same machine, for scale (OpenBLAS):
 *   /usr/bin/python3 -c "import numpy as np, timeit; x=np.random.default_rng(1).standard_normal((3650,500));
 *   print(min(timeit.repeat(lambda: np.corrcoef(x, rowvar=False), number=1, repeat=7))*1000, 'ms')"
 * The alternatives below are kept so the choice of kernel can be re-measured: they compute the same
 * Gram matrix of pre-standardised columns, so only the cross-product loop differs.
 */

function returnsOf(rows: number, cols: number, seed: number): ReturnsPanel {
  return returnsFromPrices(pricePanel(randomPrices(rows + 1, cols, seed)));
}

/** Standardised columns (unit norm), column-major, as the kernels consume them. */
function standardised(panel: ReturnsPanel): Float64Array {
  const { rows, cols, data } = panel;
  const z = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let t = 0; t < rows; t++) mean += data[j * rows + t];
    mean /= rows;
    let ss = 0;
    for (let t = 0; t < rows; t++) ss += (data[j * rows + t] - mean) ** 2;
    const s = 1 / Math.sqrt(ss);
    for (let t = 0; t < rows; t++) z[j * rows + t] = (data[j * rows + t] - mean) * s;
  }
  return z;
}

/** Alternative 1: plain nested loops over column pairs (upper triangle). */
function gramNaive(z: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) {
    for (let j = i; j < cols; j++) {
      let s = 0;
      for (let t = 0; t < rows; t++) s += z[i * rows + t] * z[j * rows + t];
      out[i * cols + j] = s;
    }
  }
  return out;
}

/** Alternative 2: 4×4 register tile reading 8 column streams directly (no packing). */
function gramUnpacked4x4(z: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(cols * cols);
  const full = cols - (cols % 4);
  for (let i = 0; i < full; i += 4) {
    for (let j = i; j < full; j += 4) {
      const acc = new Float64Array(16);
      const a = [i * rows, (i + 1) * rows, (i + 2) * rows, (i + 3) * rows];
      const b = [j * rows, (j + 1) * rows, (j + 2) * rows, (j + 3) * rows];
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0; // prettier-ignore
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0; // prettier-ignore
      for (let t = 0; t < rows; t++) {
        const a0 = z[a[0] + t], a1 = z[a[1] + t], a2 = z[a[2] + t], a3 = z[a[3] + t]; // prettier-ignore
        const b0 = z[b[0] + t], b1 = z[b[1] + t], b2 = z[b[2] + t], b3 = z[b[3] + t]; // prettier-ignore
        c00 += a0 * b0;
        c01 += a0 * b1;
        c02 += a0 * b2;
        c03 += a0 * b3; // prettier-ignore
        c10 += a1 * b0;
        c11 += a1 * b1;
        c12 += a1 * b2;
        c13 += a1 * b3; // prettier-ignore
        c20 += a2 * b0;
        c21 += a2 * b1;
        c22 += a2 * b2;
        c23 += a2 * b3; // prettier-ignore
        c30 += a3 * b0;
        c31 += a3 * b1;
        c32 += a3 * b2;
        c33 += a3 * b3; // prettier-ignore
      }
      acc.set([c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33]);
      for (let p = 0; p < 4; p++)
        for (let q = 0; q < 4; q++) out[(i + p) * cols + j + q] = acc[p * 4 + q];
    }
  }
  return out;
}

/** Alternative 3: 4×4 register tile over a 4-wide interleaved pack, 256-row cache blocks. */
function gramPacked4x4(z: Float64Array, rows: number, cols: number): Float64Array {
  const blocks = Math.ceil(cols / 4);
  const pack = new Float64Array(blocks * 4 * rows);
  for (let j = 0; j < cols; j++) {
    const base = Math.floor(j / 4) * 4 * rows + (j % 4);
    for (let t = 0; t < rows; t++) pack[base + 4 * t] = z[j * rows + t];
  }
  const ld = blocks * 4;
  const out = new Float64Array(ld * ld);
  for (let t0 = 0; t0 < rows; t0 += 256) {
    const t1 = Math.min(rows, t0 + 256);
    for (let a = 0; a < blocks; a++) {
      for (let b = a; b < blocks; b++) {
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0; // prettier-ignore
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0; // prettier-ignore
        let q = b * 4 * rows + t0 * 4;
        const end = a * 4 * rows + t1 * 4;
        for (let p = a * 4 * rows + t0 * 4; p < end; p += 4, q += 4) {
          const a0 = pack[p], a1 = pack[p + 1], a2 = pack[p + 2], a3 = pack[p + 3]; // prettier-ignore
          const b0 = pack[q], b1 = pack[q + 1], b2 = pack[q + 2], b3 = pack[q + 3]; // prettier-ignore
          c00 += a0 * b0;
          c01 += a0 * b1;
          c02 += a0 * b2;
          c03 += a0 * b3; // prettier-ignore
          c10 += a1 * b0;
          c11 += a1 * b1;
          c12 += a1 * b2;
          c13 += a1 * b3; // prettier-ignore
          c20 += a2 * b0;
          c21 += a2 * b1;
          c22 += a2 * b2;
          c23 += a2 * b3; // prettier-ignore
          c30 += a3 * b0;
          c31 += a3 * b1;
          c32 += a3 * b2;
          c33 += a3 * b3; // prettier-ignore
        }
        const r = a * 4 * ld + b * 4;
        out[r] += c00;
        out[r + 1] += c01;
        out[r + 2] += c02;
        out[r + 3] += c03; // prettier-ignore
        out[r + ld] += c10;
        out[r + ld + 1] += c11;
        out[r + ld + 2] += c12;
        out[r + ld + 3] += c13; // prettier-ignore
        out[r + 2 * ld] += c20;
        out[r + 2 * ld + 1] += c21;
        out[r + 2 * ld + 2] += c22;
        out[r + 2 * ld + 3] += c23; // prettier-ignore
        out[r + 3 * ld] += c30;
        out[r + 3 * ld + 1] += c31;
        out[r + 3 * ld + 2] += c32;
        out[r + 3 * ld + 3] += c33; // prettier-ignore
      }
    }
  }
  return out;
}

/**
 * Alternative 4: the WebAssembly SIMD kernel alone (2×4 tile of f64x2), columns copied into its
 * memory once in setup, so only the Gram product is timed as in alternatives 1–3.
 */
function gramSimdSetup(z: Float64Array, rows: number, cols: number): () => Float64Array {
  const workspace = simdGramWorkspace(cols, rows, false);
  if (!workspace) throw new Error("WebAssembly SIMD is not available in this engine");
  const ld = rows + (rows % 2);
  workspace.packA.fill(0, 0, cols * ld);
  for (let j = 0; j < cols; j++) workspace.packA.set(z.subarray(j * rows, (j + 1) * rows), j * ld);
  return () => {
    workspace.crossProduct(cols, cols, ld, true);
    return workspace.out;
  };
}

const PEARSON_SIZE = "500 assets × 3,650 rows";
const PEARSON_PAIRS = (500 * 499) / 2;

export const cases: BenchCase[] = [
  {
    name: "pearson correlation matrix, JS fallback (hosts without wasm SIMD)",
    size: PEARSON_SIZE,
    units: { count: PEARSON_PAIRS, label: "pairs" },
    targetMs: 150,
    setup: () => {
      const returns = returnsOf(3650, 500, 1);
      // Forced: pearsonCorrelationMatrix itself now takes the SIMD kernel where available.
      return () => correlationByOverlap(returns, {}, { kind: "pearson" }, "js");
    },
  },
  {
    name: "pearson correlation matrix (wasm simd)",
    size: PEARSON_SIZE,
    units: { count: PEARSON_PAIRS, label: "pairs" },
    targetMs: 150,
    setup: () => {
      const returns = returnsOf(3650, 500, 1);
      return () => pearsonCorrelationMatrix(returns);
    },
  },
  {
    name: "pearson correlation matrix, 40 listing dates",
    size: PEARSON_SIZE,
    units: { count: PEARSON_PAIRS, label: "pairs" },
    setup: () => {
      const returns = returnsOf(3650, 500, 2);
      const data = returns.data.slice();
      for (let j = 0; j < 500; j++) data.fill(NaN, j * 3650, j * 3650 + (j % 40) * 20);
      const late = { ...returns, data };
      return () => pearsonCorrelationMatrix(late);
    },
  },
  {
    name: "pearson correlation matrix, 40 listing dates (js kernel)",
    size: PEARSON_SIZE,
    units: { count: PEARSON_PAIRS, label: "pairs" },
    runs: 3,
    setup: () => {
      const returns = returnsOf(3650, 500, 2);
      const data = returns.data.slice();
      for (let j = 0; j < 500; j++) data.fill(NaN, j * 3650, j * 3650 + (j % 40) * 20);
      const late = { ...returns, data };
      return () => correlationByOverlap(late, {}, { kind: "pearson" }, "js");
    },
  },
  {
    name: "pearson alternative: naive loops (Gram only)",
    size: PEARSON_SIZE,
    units: { count: PEARSON_PAIRS, label: "pairs" },
    runs: 3,
    setup: () => {
      const z = standardised(returnsOf(3650, 500, 1));
      return () => gramNaive(z, 3650, 500);
    },
  },
  {
    name: "pearson alternative: unpacked 4×4 (Gram only)",
    size: PEARSON_SIZE,
    units: { count: PEARSON_PAIRS, label: "pairs" },
    runs: 3,
    setup: () => {
      const z = standardised(returnsOf(3650, 500, 1));
      return () => gramUnpacked4x4(z, 3650, 500);
    },
  },
  {
    name: "pearson alternative: packed 4×4 (Gram + pack)",
    size: PEARSON_SIZE,
    units: { count: PEARSON_PAIRS, label: "pairs" },
    runs: 5,
    setup: () => {
      const z = standardised(returnsOf(3650, 500, 1));
      return () => gramPacked4x4(z, 3650, 500);
    },
  },
  {
    name: "pearson alternative: wasm simd 2×4 f64x2 (Gram only)",
    size: PEARSON_SIZE,
    units: { count: PEARSON_PAIRS, label: "pairs" },
    setup: () => gramSimdSetup(standardised(returnsOf(3650, 500, 1)), 3650, 500),
  },
  {
    name: "spearman correlation matrix",
    size: "200 assets × 1,825 rows",
    units: { count: (200 * 199) / 2, label: "pairs" },
    setup: () => {
      const returns = returnsOf(1825, 200, 3);
      return () => spearmanCorrelationMatrix(returns);
    },
  },
  {
    name: "spearman correlation matrix (js kernel)",
    size: "200 assets × 1,825 rows",
    units: { count: (200 * 199) / 2, label: "pairs" },
    setup: () => {
      const returns = returnsOf(1825, 200, 3);
      return () => correlationByOverlap(returns, {}, { kind: "spearman" }, "js");
    },
  },
  {
    name: "kendall correlation matrix",
    size: "200 assets × 1,825 rows",
    units: { count: (200 * 199) / 2, label: "pairs" },
    runs: 3,
    targetMs: 600,
    setup: () => {
      const returns = returnsOf(1825, 200, 4);
      return () => kendallCorrelationMatrix(returns);
    },
  },
  {
    // 40 availability masks: each pair of masks re-ranks its columns on the common rows.
    name: "kendall correlation matrix, 40 listing dates",
    size: "200 assets × 1,825 rows",
    units: { count: (200 * 199) / 2, label: "pairs" },
    runs: 3,
    setup: () => {
      const returns = returnsOf(1825, 200, 4);
      const data = returns.data.slice();
      for (let j = 0; j < 200; j++) data.fill(NaN, j * 1825, j * 1825 + (j % 40) * 10);
      const late = { ...returns, data };
      return () => kendallCorrelationMatrix(late);
    },
  },
  ...[1825, 3650, 7300].map((rows): BenchCase => ({
    name: "kendall tau pair",
    size: `${rows.toLocaleString("en-US")} rows`,
    units: { count: rows, label: "rows" },
    setup: () => {
      const returns = returnsOf(rows, 2, 5);
      const x = returns.data.subarray(0, rows);
      const y = returns.data.subarray(rows, 2 * rows);
      return () => kendallTau(x, y);
    },
  })),
  ...[3650, 7300].map((rows): BenchCase => ({
    name: "kendall correlation matrix",
    size: `200 assets × ${rows.toLocaleString("en-US")} rows`,
    units: { count: (200 * 199) / 2, label: "pairs" },
    runs: 1,
    setup: () => {
      const returns = returnsOf(rows, 200, 6);
      return () => kendallCorrelationMatrix(returns);
    },
  })),
];
