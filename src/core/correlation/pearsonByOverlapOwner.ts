import type { Panel, SquareMatrix } from "../types";
import type { CorrelationMatrixOptions, UndefinedPairPolicy } from "./correlationMatrixOptions";
import { correlationByOverlap } from "./correlationByOverlap";
import { groupColumnsByMask } from "./groupColumnsByMask";
import { intersectSortedRows } from "./intersectSortedRows";
import { validateCorrelationInput } from "./validateCorrelationInput";
import { standardiseColumnsInto } from "./standardiseColumnsInto";
import { simdGramWorkspace } from "./wasm/simdGramWorkspace";

/** Default for `minOverlap`, as in correlationByOverlap. */
const DEFAULT_MIN_OVERLAP = 3;

/**
 * Pearson correlation matrix on pairwise-complete observations, standardising each column once per
 * distinct overlap instead of once per pair of availability groups.
 *
 * Formula: ρ_ij = Σ_{t∈O_ij} z_i[t] z_j[t], z a column standardised over the rows O_ij both columns
 * have (z = (x − m) / √Σ(x − m)²), as pandas `DataFrame.corr()` with `min_periods = minOverlap`.
 * Why: with assets listed on many dates (G availability masks), correlationByOverlap standardises
 * and packs both groups of every one of the G(G+1)/2 group pairs, about G · cols · rows values,
 * which was 80 % of its time for 40 listing dates (500 × 3,650: ~330 of ~405 ms, profiled).
 * Method: when one group's rows contain the other's (listing dates only add leading blanks, so
 * masks nest), the overlap is the smaller group's own rows. Each group o is therefore the "owner"
 * of one overlap, shared by every pair of o with a group containing it: o's columns and all those
 * partners' columns are standardised over o's rows once, and one WebAssembly SIMD cross product
 * (o's columns × o's and partners' columns) gives all those pairs. Pairs of groups whose overlap is
 * neither group's rows (delistings, holes) are packed per pair, as before. The standardisation and
 * the kernel are correlationByOverlap's (scaling by a power of two, corrected two-pass sums, the
 * same pack layout and leading dimension), so every entry is the same double.
 * Conventions: without WebAssembly SIMD, or when a pair is undefined under onUndefinedPair
 * "throw", the call is handed to correlationByOverlap, which computes the same matrix or throws
 * the same error for the first undefined pair in its order.
 * Complexity: O(rows · cols² / 2) multiply-adds plus O(Σ_o |partners of o| · |rows of o|)
 * standardisation (about half of correlationByOverlap's with nested masks) and O(G² · rows)
 * intersections.
 *
 * @param panel column-major panel, NaN = missing
 * @param options minOverlap (default 3), onUndefinedPair ("throw" default, or "nan"), argument name
 * @returns symmetric matrix with the panel's labels, unit diagonal, entries clamped to [−1, 1]
 * @throws CoreError INVALID_ARGUMENT (no columns, inconsistent panel, bad option)
 * @throws CoreError NON_FINITE (±Infinity in the panel, with row and asset)
 * @throws CoreError TOO_FEW_POINTS (a pair shares fewer than minOverlap rows; "throw" policy)
 * @throws CoreError ZERO_VARIANCE (a column is constant over an overlap; "throw" policy)
 * @example pearsonByOverlapOwner({ kind: "returns", rows: 4, cols: 2, data: Float64Array.of(NaN, 1, 2, 4, 9, 2, 4, 5), labels: ["A", "B"] }).data;
 *   // => Float64Array [1, 0.928…, 0.928…, 1] (13/14 over rows 1–3: A has no value on row 0)
 */
export function pearsonByOverlapOwner(
  panel: Panel,
  options: CorrelationMatrixOptions = {}
): SquareMatrix {
  const argument = options.argument ?? "returns";
  const { rows, cols, data, labels } = panel;
  const minOverlap = options.minOverlap ?? DEFAULT_MIN_OVERLAP;
  const policy: UndefinedPairPolicy = options.onUndefinedPair ?? "throw";
  validateCorrelationInput(panel, argument, minOverlap, policy);
  const delegate = () => correlationByOverlap(panel, options, { kind: "pearson" });

  const groups = groupColumnsByMask(data, rows, cols);
  const G = groups.length;
  // owner[g·G + h] (g ≤ h): the group whose rows are the pair's overlap, or −1 (neither's).
  const owner = new Int32Array(G * G).fill(-1);
  const partners: number[][] = groups.map(() => []);
  const overlap = new Int32Array(rows);
  let widest = 1;
  for (let g = 0; g < G; g++) {
    for (let h = g; h < G; h++) {
      // The intersection is a subset of both, so equal sizes mean equal rows.
      const n =
        g === h
          ? groups[g].rows.length
          : intersectSortedRows(groups[g].rows, groups[h].rows, overlap);
      const o = n === groups[g].rows.length ? g : n === groups[h].rows.length ? h : -1;
      owner[g * G + h] = o;
      if (o >= 0 && g !== h) partners[o].push(o === g ? h : g);
      if (o < 0) widest = Math.max(widest, groups[g].columns.length, groups[h].columns.length);
    }
  }
  for (let o = 0; o < G; o++) {
    let width = groups[o].columns.length;
    for (const h of partners[o]) width += groups[h].columns.length;
    widest = Math.max(widest, width);
  }
  // One group (complete data) needs no second pack: its Gram is pack A against itself.
  const simd = simdGramWorkspace(widest, rows, G > 1);
  if (!simd) return delegate();
  const { packA, packB, out: tile } = simd;

  const result = new Float64Array(cols * cols);
  const zero = new Uint8Array(widest);
  let undefinedPair = false;
  const setPair = (i: number, j: number, value: number) => {
    result[i * cols + j] = value;
    result[j * cols + i] = value;
  };

  // Pairs whose overlap is one group's own rows: one standardisation and one product per owner.
  for (let o = 0; o < G; o++) {
    const rowsO = groups[o].rows;
    const n = rowsO.length;
    const A = groups[o].columns;
    const B = partners[o].flatMap((h) => groups[h].columns);
    if (n < minOverlap) {
      undefinedPair = true;
      for (const i of A) for (const j of A.concat(B)) setPair(i, j, NaN);
      continue;
    }
    const ld = n + (n % 2);
    let ldOut: number;
    if (B.length === 0) {
      // No partner (always so for complete data): the Gram of o's columns, upper triangle only.
      standardiseColumnsInto(data, rows, A, rowsO, packA, 0, ld, zero, 0);
      ldOut = simd.crossProduct(A.length, A.length, ld, true);
    } else {
      // Pack B holds o's columns then the partners', all over o's rows; pack A repeats o's.
      standardiseColumnsInto(data, rows, A, rowsO, packB, 0, ld, zero, 0);
      standardiseColumnsInto(data, rows, B, rowsO, packB, A.length * ld, ld, zero, A.length);
      packA.set(packB.subarray(0, A.length * ld));
      ldOut = simd.crossProduct(A.length, A.length + B.length, ld, false);
    }
    for (let p = 0; p < A.length; p++) {
      const i = A[p];
      for (let q = p; q < A.length + B.length; q++) {
        const j = q < A.length ? A[q] : B[q - A.length];
        let value: number;
        if (zero[p] || zero[q]) {
          undefinedPair = true;
          value = NaN;
        } else if (i === j) {
          value = 1;
        } else {
          // Rounding can push |ρ| a few ulps past 1 for (anti)collinear columns.
          value = Math.max(-1, Math.min(1, tile[p * ldOut + q]));
        }
        setPair(i, j, value);
      }
    }
  }

  // Pairs whose overlap is neither group's rows: standardised per pair, as correlationByOverlap does.
  const zeroB = new Uint8Array(widest);
  for (let g = 0; g < G; g++) {
    for (let h = g + 1; h < G; h++) {
      if (owner[g * G + h] >= 0) continue;
      const n = intersectSortedRows(groups[g].rows, groups[h].rows, overlap);
      const A = groups[g].columns;
      const B = groups[h].columns;
      if (n < minOverlap) {
        undefinedPair = true;
        for (const i of A) for (const j of B) setPair(i, j, NaN);
        continue;
      }
      const rowsGH = overlap.subarray(0, n);
      const ld = n + (n % 2);
      standardiseColumnsInto(data, rows, A, rowsGH, packA, 0, ld, zero, 0);
      standardiseColumnsInto(data, rows, B, rowsGH, packB, 0, ld, zeroB, 0);
      const ldOut = simd.crossProduct(A.length, B.length, ld, false);
      for (let p = 0; p < A.length; p++) {
        for (let q = 0; q < B.length; q++) {
          const undefinedHere = zero[p] === 1 || zeroB[q] === 1;
          if (undefinedHere) undefinedPair = true;
          setPair(A[p], B[q], undefinedHere ? NaN : Math.max(-1, Math.min(1, tile[p * ldOut + q])));
        }
      }
    }
  }
  // correlationByOverlap knows which undefined pair it meets first, and how to word its error.
  if (undefinedPair && policy === "throw") return delegate();
  return { size: cols, data: result, labels: [...labels] };
}
