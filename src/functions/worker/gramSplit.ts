import { mirroredUpperRows } from "../../core/linalg/mirroredUpperRows";
import type { ReturnsPanel } from "../../core/types";
import { keepSpareArray, takeSpareArray } from "./spareArrays";

/*
 * The shape shared by the split Gram products (CORRMATRIX pearson, COVMATRIX ledoitwolf, the
 * sample covariance of RISKWEIGHTS and EFFFRONTIER): one part multiplies the first k columns by all
 * p columns (rows [0, k) of the p × p product), the other forms the product of columns [k, p); the
 * pane's thread puts the two blocks together. Also the memory those parts reuse from call to call.
 * Imported by partJobs.ts and sampleCovarianceSplit.ts, so neither imports the other.
 */

/**
 * Fewest columns and pair-rows (cols² / 2 · rows) worth splitting: below them a second worker's
 * copy of the input and round trip cost more than half the product saves.
 */
const MIN_SPLIT_COLUMNS = 64;
const MIN_SPLIT_PAIR_ROWS = 2e7;

/**
 * The row count of the first part, which multiplies its rows by all p columns (k · p pair-rows),
 * while the second forms the triangle of the other p − k columns ((p − k)² / 2): equal when
 * k = (2 − √3) · p ≈ 0.268 p. A multiple of 4 keeps the SIMD kernel's tiles whole.
 * Complexity: O(1).
 */
export function firstPartRows(p: number): number {
  return Math.max(4, Math.floor(((2 - Math.sqrt(3)) * p) / 4) * 4);
}

/**
 * Whether a Gram product of this panel gains from two workers: at least MIN_SPLIT_COLUMNS columns
 * and MIN_SPLIT_PAIR_ROWS pair-rows (cols² / 2 · rows). Complexity: O(1).
 */
export function worthSplitting(returns: ReturnsPanel): boolean {
  const { rows, cols } = returns;
  return cols >= MIN_SPLIT_COLUMNS && ((cols * cols) / 2) * rows >= MIN_SPLIT_PAIR_ROWS;
}

/**
 * The columns [from, cols) of a panel as a panel of their own, copied into an array the tail part
 * will hand back (takeSpareArray: a fresh 10 MB array costs more in page faults than the copy
 * into it, 15 ms per call measured under load in Chromium's profile for 366 × 500 columns).
 * Complexity: O(rows · (cols − from)).
 */
export function trailingColumns(returns: ReturnsPanel, from: number): ReturnsPanel {
  const { rows, cols, data: source, labels } = returns;
  const data = takeSpareArray(rows * (cols - from));
  data.set(source.subarray(from * rows, cols * rows));
  return { kind: "returns", rows, cols: cols - from, data, labels: labels.slice(from) };
}

/**
 * Keeps a part's handed-back input for the next call of the same size (keepSpareArray), unless it
 * is `stillUsed`: where no worker ran the part, the part handed back the caller's own array.
 * Complexity: O(1).
 */
export function recycle(spent: Float64Array, stillUsed?: Float64Array): void {
  if (spent !== stillUsed) keepSpareArray(spent);
}

/**
 * Memory for the centred values of the covariance parts, reused from call to call in each worker:
 * they die within the part (only the cross-product leaves it), and a fresh array of 500 × 1,825
 * doubles costs more in first-touch page faults than filling it. Grows to the largest size seen.
 */
let centredMemory = new Float64Array(0);

/**
 * A `length`-double view on the worker's reused centred-values memory (see centredMemory), for
 * centredCompleteCases' `allocate`; valid until the next call. Complexity: O(1), O(length) to grow.
 */
export function scratchCentred(length: number): Float64Array {
  if (centredMemory.length < length) centredMemory = new Float64Array(length);
  return centredMemory.subarray(0, length);
}

/**
 * A p × p symmetric array from its first k rows (k × p, row-major; entries j ≥ i used): those rows
 * and their mirror, the trailing block left 0 for fillTrailingBlock. Runs in the worker.
 * Complexity: O(k · p) plus the O(p²) allocation.
 */
export function mirroredRows(head: Float64Array, k: number, p: number): Float64Array {
  return mirroredUpperRows(head, p, k, p);
}

/**
 * Copies the (p − k) × (p − k) matrix of the trailing columns into the block [k, p) × [k, p) of a
 * p × p array (one contiguous row segment each) and returns the array.
 * Complexity: O((p − k)²).
 */
export function fillTrailingBlock(
  full: Float64Array,
  k: number,
  tail: Float64Array,
  p: number
): Float64Array {
  const m = p - k;
  for (let i = 0; i < m; i++) full.set(tail.subarray(i * m, (i + 1) * m), (k + i) * p + k);
  return full;
}

/** Whether any value is NaN (a missing return). Complexity: O(rows · cols). */
export function hasMissing(returns: ReturnsPanel): boolean {
  const { data } = returns;
  for (let k = 0; k < data.length; k++) if (data[k] !== data[k]) return true;
  return false;
}
