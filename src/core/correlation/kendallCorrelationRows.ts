import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";
import type { CorrelationMatrixOptions, UndefinedPairPolicy } from "./correlationMatrixOptions";
import { groupColumnsByMask } from "./groupColumnsByMask";
import { intersectSortedRows } from "./intersectSortedRows";
import { kendallTauFromCounts } from "./kendallTauFromCounts";
import { kendallTauFromRanks } from "./kendallTauFromRanks";
import { ordinalRanksOnRowsInto } from "./ordinalRanksOnRowsInto";
import { radixSortOrderInto } from "./radixSortOrderInto";
import { undefinedPairValue } from "./undefinedPairValue";
import { validateCorrelationInput } from "./validateCorrelationInput";
import { kendallKernelWorkspace } from "./wasm/kendallKernelWorkspace";

/** Default for `minOverlap`, as for the Pearson and Spearman matrices. */
const DEFAULT_MIN_OVERLAP = 3;

/**
 * The first `rowCount` rows of the Kendall tau-b correlation matrix (each against every asset), on
 * pairwise-complete observations: `kendallCorrelationMatrix` is the whole matrix (rowCount = cols),
 * and a split across workers computes rows [0, k) here and the matrix of columns [k, cols) there.
 *
 * Formula: τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)) per pair over the rows both assets have
 * (n₀ = n(n−1)/2, n₁ and n₂ the pairs tied in x and in y), by Knight's O(n log n) algorithm.
 * Reference: Knight (1966), JASA 61(314); scipy.stats.kendalltau (variant "b") per pair; pandas
 * `DataFrame.corr("kendall")` with `min_periods = minOverlap` for the pairwise rule.
 * Method: each column is sorted once over its own rows (`radixSortOrderInto`). Columns are
 * grouped by availability mask; for each pair of groups every column's order is filtered to the
 * common rows and turned into ordinal ranks with its tie count (O(rows), see
 * `ordinalRanksOnRowsInto`). With WebAssembly SIMD the ranks live in the kernel's memory and a
 * pair where at least one column has no ties (τ_b is symmetric, so that one is x) is one call of
 * the SIMD kernel (`kendallKernelWorkspace`, up to 16,384 rows); pairs tied in both columns,
 * longer overlaps and engines without SIMD take the JS kernel (`kendallTauFromRanks`). Both finish
 * with `kendallTauFromCounts` on the same exact counts, so they give the same doubles. Pairs are
 * met in the same order whatever rowCount (policy "throw" raises the first undefined pair among
 * those computed). No allocation per pair.
 * Complexity: O(cols · rows + groups · cols · rows) plus O(rows) per pair touching the first
 * rowCount rows (rowCount · cols − rowCount² / 2 pairs), up to 16,384 rows with SIMD (2,048
 * without; times log(rows / 2048) beyond).
 *
 * @param returns returns panel (column-major, NaN = no return that period)
 * @param rowCount how many leading rows of the matrix, 0 … cols
 * @param options minOverlap (default 3), onUndefinedPair ("throw" default, or "nan"), argument name
 * @returns rows [0, rowCount) of the matrix, row-major (rowCount × cols), unit diagonal
 * @throws CoreError INVALID_ARGUMENT (no columns, inconsistent panel, bad option or rowCount)
 * @throws CoreError NON_FINITE (±Infinity in the panel)
 * @throws CoreError TOO_FEW_POINTS (a pair shares fewer than minOverlap rows, naming both assets)
 * @throws CoreError ZERO_VARIANCE (an asset is constant over an overlap)
 * @example kendallCorrelationRows({ kind: "returns", rows: 3, cols: 2, data: Float64Array.of(1, 2, 3, 1, 3, 2), labels: ["A", "B"] }, 1);
 *   // => Float64Array [1, 0.333…]
 */
export function kendallCorrelationRows(
  returns: ReturnsPanel,
  rowCount: number,
  options: CorrelationMatrixOptions = {}
): Float64Array {
  const argument = options.argument ?? "returns";
  const { rows, cols, data, labels } = returns;
  const minOverlap = options.minOverlap ?? DEFAULT_MIN_OVERLAP;
  const policy: UndefinedPairPolicy = options.onUndefinedPair ?? "throw";
  validateCorrelationInput(returns, argument, minOverlap, policy);
  if (!Number.isInteger(rowCount) || rowCount < 0 || rowCount > cols) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `rowCount must be an integer from 0 to the ${cols} columns; got ${rowCount}`,
      { argument: "rowCount" }
    );
  }
  const context = { argument, labels, minOverlap, policy };

  const groups = groupColumnsByMask(data, rows, cols);
  // sortedRows[j·rows …] holds column j's own rows in ascending order of value.
  const sortedRows = new Int32Array(cols * rows);
  const gathered = new Float64Array(rows);
  const keys = new Float64Array(rows);
  const scratch = new Int32Array(rows);
  const buckets = new Int32Array(256);
  const order = new Int32Array(rows);
  for (const group of groups) {
    const present = group.rows;
    for (const j of group.columns) {
      const base = j * rows;
      for (let k = 0; k < present.length; k++) gathered[k] = data[base + present[k]];
      radixSortOrderInto(gathered, present.length, keys, scratch, buckets, order);
      for (let k = 0; k < present.length; k++) sortedRows[base + k] = present[order[k]];
    }
  }

  const overlap = new Int32Array(rows);
  const position = new Int32Array(rows);
  // With WebAssembly SIMD the ranks live in the kernel's memory, so a pair is one kernel call.
  const workspace = kendallKernelWorkspace(cols, rows);
  const orders = workspace?.orders ?? new Int32Array(cols * rows);
  const ordinals = workspace?.ordinals ?? new Int32Array(cols * rows);
  const tieEnds = workspace?.tieEnds ?? new Int32Array(cols * rows);
  const ties = new Float64Array(cols);
  const counts = new Int32Array(rows + 150);
  const seen = new Int32Array(rows);
  const sequence = new Int32Array(rows);
  const out = new Float64Array(rowCount * cols);

  for (let g = 0; g < groups.length; g++) {
    for (let h = g; h < groups.length; h++) {
      const same = g === h;
      const A = groups[g].columns;
      const B = groups[h].columns;
      let n: number;
      if (same) {
        overlap.set(groups[g].rows);
        n = groups[g].rows.length;
      } else {
        n = intersectSortedRows(groups[g].rows, groups[h].rows, overlap);
      }
      position.fill(-1);
      for (let k = 0; k < n; k++) position[overlap[k]] = k;
      const total = (n * (n - 1)) / 2;
      // Local column ℓ (A first, then B when the groups differ) lives at [ℓ·n, (ℓ+1)·n).
      const local = same ? A : A.concat(B);
      const orderViews: Int32Array[] = [];
      const ordinalViews: Int32Array[] = [];
      const tieEndViews: Int32Array[] = [];
      for (let l = 0; l < local.length; l++) {
        const j = local[l];
        const own = sortedRows.subarray(
          j * rows,
          j * rows + (l < A.length ? groups[g] : groups[h]).rows.length
        );
        const order = orders.subarray(l * n, (l + 1) * n);
        const ordinal = ordinals.subarray(l * n, (l + 1) * n);
        const tieEnd = tieEnds.subarray(l * n, (l + 1) * n);
        ties[l] = ordinalRanksOnRowsInto(data, j * rows, own, position, order, ordinal, tieEnd);
        orderViews.push(order);
        ordinalViews.push(ordinal);
        tieEndViews.push(tieEnd);
      }
      const offsetB = same ? 0 : A.length;
      for (let p = 0; p < A.length; p++) {
        const i = A[p];
        // Every pair tied: the column is constant over the overlap (or has one row).
        const constantP = ties[p] === total;
        for (let q = same ? p : 0; q < B.length; q++) {
          const j = B[q];
          // Only pairs touching the first rowCount rows (both orders of the pair are stored).
          if (i >= rowCount && j >= rowCount) continue;
          const lq = offsetB + q;
          const constantQ = ties[lq] === total;
          let value: number;
          if (n < minOverlap) {
            value = undefinedPairValue(context, i, j, same, "few", n);
          } else if (constantP || constantQ) {
            const atFault = constantP ? i : j;
            value = undefinedPairValue(context, atFault, atFault === i ? j : i, same, "zero", n);
          } else if (i === j) {
            value = 1;
          } else if (workspace !== undefined && (ties[p] === 0 || ties[lq] === 0)) {
            // The kernel needs x without ties; tau-b is symmetric, so the untied column is x.
            const discordant =
              ties[p] !== 0
                ? workspace.discordant(lq, p, n)
                : ties[lq] !== 0
                  ? workspace.discordant(p, lq, n)
                  : workspace.discordantDistinct(p, lq, n);
            value = kendallTauFromCounts(total, ties[p], ties[lq], 0, discordant);
          } else {
            value = kendallTauFromRanks(
              orderViews[p],
              tieEndViews[p],
              ties[p],
              ordinalViews[lq],
              tieEndViews[lq],
              ties[lq],
              n,
              counts,
              seen,
              sequence
            );
          }
          if (i < rowCount) out[i * cols + j] = value;
          if (j < rowCount) out[j * cols + i] = value;
        }
      }
    }
  }
  return out;
}
