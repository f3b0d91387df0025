import { sortOrderInto } from "../ranks/sortOrderInto";
import type { ReturnsPanel, SquareMatrix } from "../types";
import type { CorrelationMatrixOptions, UndefinedPairPolicy } from "./correlationMatrixOptions";
import { groupColumnsByMask } from "./groupColumnsByMask";
import { intersectSortedRows } from "./intersectSortedRows";
import { kendallTauFromOrder } from "./kendallTauFromOrder";
import { undefinedPairValue } from "./undefinedPairValue";
import { validateCorrelationInput } from "./validateCorrelationInput";

/** Default for `minOverlap`, as for the Pearson and Spearman matrices. */
const DEFAULT_MIN_OVERLAP = 3;

/**
 * Kendall tau-b correlation matrix of the assets' returns, on pairwise-complete observations.
 *
 * Formula: τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)) per pair over the rows both assets have
 * (n₀ = n(n−1)/2, n₁ and n₂ the pairs tied in x and in y), by Knight's O(n log n) algorithm (see
 * `kendallTauFromOrder`).
 * Reference: scipy.stats.kendalltau (variant "b") per pair; pandas `DataFrame.corr("kendall")` with
 * `min_periods = minOverlap` for the pairwise rule. Agrees to ~1e-15 (the counts are exact integers).
 * Method: columns are grouped by availability mask; for each pair of groups every column is gathered
 * and (for the first group) sorted once, so each pair costs one merge sort. No allocation per pair.
 * Complexity: O(cols² / 2 · rows log rows) (≈ 20,000 pairs × 1,825 rows in about a second).
 *
 * @param returns returns panel (column-major, NaN = no return that period)
 * @param options minOverlap (default 3), onUndefinedPair ("throw" default, or "nan"), argument name
 * @returns symmetric matrix labelled like the panel, unit diagonal
 * @throws CoreError INVALID_ARGUMENT (no columns, inconsistent panel, bad option)
 * @throws CoreError NON_FINITE (±Infinity in the panel)
 * @throws CoreError TOO_FEW_POINTS (a pair shares fewer than minOverlap rows, naming both assets)
 * @throws CoreError ZERO_VARIANCE (an asset is constant over an overlap)
 * @example kendallCorrelationMatrix({ kind: "returns", rows: 3, cols: 2, data: Float64Array.of(1, 2, 3, 1, 3, 2), labels: ["A", "B"] }).data;
 *   // => Float64Array [1, 0.333…, 0.333…, 1]
 */
export function kendallCorrelationMatrix(
  returns: ReturnsPanel,
  options: CorrelationMatrixOptions = {}
): SquareMatrix {
  const argument = options.argument ?? "returns";
  const { rows, cols, data, labels } = returns;
  const minOverlap = options.minOverlap ?? DEFAULT_MIN_OVERLAP;
  const policy: UndefinedPairPolicy = options.onUndefinedPair ?? "throw";
  validateCorrelationInput(returns, argument, minOverlap, policy);
  const context = { argument, labels, minOverlap, policy };

  const groups = groupColumnsByMask(data, rows, cols);
  const gathered = new Float64Array(cols * rows);
  const orders = new Int32Array(cols * rows);
  const overlap = new Int32Array(rows);
  const sorted = new Float64Array(rows);
  const filled = new Int32Array(rows);
  const sequence = new Float64Array(rows);
  const buffer = new Float64Array(rows);
  const constant = new Uint8Array(cols);
  const out = new Float64Array(cols * cols);

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
      // Local column ℓ (A first, then B when the groups differ) lives at gathered[ℓ·n …].
      const local = same ? A : A.concat(B);
      const views: Float64Array[] = [];
      for (let l = 0; l < local.length; l++) {
        const view = gathered.subarray(l * n, (l + 1) * n);
        const base = local[l] * rows;
        let allEqual = true;
        for (let k = 0; k < n; k++) {
          view[k] = data[base + overlap[k]];
          if (view[k] !== view[0]) allEqual = false;
        }
        constant[l] = allEqual ? 1 : 0;
        views.push(view);
      }
      const orderViews: Int32Array[] = [];
      for (let p = 0; p < A.length; p++) {
        const order = orders.subarray(p * n, (p + 1) * n);
        if (n >= minOverlap && !constant[p]) sortOrderInto(views[p], n, sorted, filled, order);
        orderViews.push(order);
      }
      const offsetB = same ? 0 : A.length;
      for (let p = 0; p < A.length; p++) {
        const i = A[p];
        for (let q = same ? p : 0; q < B.length; q++) {
          const j = B[q];
          const lq = offsetB + q;
          let value: number;
          if (n < minOverlap) {
            value = undefinedPairValue(context, i, j, same, "few", n);
          } else if (constant[p] || constant[lq]) {
            const atFault = constant[p] ? i : j;
            value = undefinedPairValue(context, atFault, atFault === i ? j : i, same, "zero", n);
          } else if (i === j) {
            value = 1;
          } else {
            value = kendallTauFromOrder(views[p], views[lq], orderViews[p], n, sequence, buffer);
          }
          out[i * cols + j] = value;
          out[j * cols + i] = value;
        }
      }
    }
  }
  return { size: cols, data: out, labels: [...labels] };
}
