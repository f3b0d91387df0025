import { createLpBuilder } from "../lp/createLpBuilder";
import type { LinearProgram } from "../lp/types";

/** The dual of a linear program and the way back to the primal values. */
export interface LinearProgramDual {
  /** The dual program, as the minimisation of minus the dual objective: its optimum is −(primal's). */
  readonly program: LinearProgram;
  /**
   * The primal column whose dual row is row r (primal columns folded into a multiplier's bound have
   * no row): the primal value of column primalColumn[r] is ± the multiplier of dual row r.
   */
  readonly primalColumn: Int32Array;
}

/**
 * The LP dual of a continuous minimisation, built so that the primal values are the dual's row
 * multipliers (up to sign), and returned as a minimisation of the negated dual objective. For
 * min cᵀx s.t. L ≤ Ax ≤ U, l ≤ x ≤ u:
 *   max Σ_i (L_i·a_i − U_i·b_i) + Σ_j (l_j·g_j − u_j·h_j)
 *   s.t. A_jᵀ(a − b) + g_j − h_j = c_j for each column j, a, b, g, h ≥ 0,
 * with a single free multiplier for an equality row, no g_j for l_j = 0 (the row becomes
 * A_jᵀ(a − b) ≤ c_j) and no h_j for u_j = ∞. A column x_j ≥ 0 that appears only in one "≥" row i
 * with A_ij > 0 and c_j ≥ 0 (a slack such as CDaR's z_t or CVaR's u_t) gives no row at all: its
 * dual row is just the bound a_i ≤ c_j / A_ij.
 * Reference: any LP text, e.g. Vanderbei, "Linear Programming" (5th ed.), ch. 5 (the dual of a
 * program with ranges and bounds). Why: the drawdown LPs have ~2T rows; the dual has T + n + 1,
 * and dual simplex on it takes fewer and cheaper iterations (bench/core/downsideDrawdown.bench.ts).
 * Conventions: minimisation only, no integer or quadratic terms (the caller keeps the primal then).
 * Complexity: O(rows + columns + entries) time and memory.
 *
 * @param primal a continuous linear minimisation
 * @returns the dual program and the primal column of each dual row
 * @throws nothing; callers pass programs without integer or quadratic parts
 * @example linearProgramDual(program).program.rows.lower.length; // rows: the non-slack columns
 */
export function linearProgramDual(primal: LinearProgram): LinearProgramDual {
  const { start, index, value, lower: rowLower, upper: rowUpper } = primal.rows;
  const m = rowLower.length;
  const n = primal.objective.length;
  const count = new Int32Array(n);
  const onlyRow = new Int32Array(n);
  const onlyValue = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    for (let k = start[i]; k < start[i + 1]; k++) {
      count[index[k]]++;
      onlyRow[index[k]] = i;
      onlyValue[index[k]] = value[k];
    }
  }
  const multiplierBound = new Float64Array(m).fill(Infinity);
  const folded = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const i = onlyRow[j];
    if (
      count[j] === 1 &&
      primal.lower[j] === 0 &&
      primal.upper[j] === Infinity &&
      onlyValue[j] > 0 &&
      primal.objective[j] >= 0 &&
      Number.isFinite(rowLower[i]) &&
      rowUpper[i] === Infinity
    ) {
      folded[j] = 1;
      multiplierBound[i] = Math.min(multiplierBound[i], primal.objective[j] / onlyValue[j]);
    }
  }
  const lp = createLpBuilder();
  const atLeast = new Int32Array(m).fill(-1);
  const atMost = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    if (rowLower[i] === rowUpper[i]) {
      atLeast[i] = lp.addColumn(-Infinity, Infinity, rowLower[i], "");
      continue;
    }
    if (Number.isFinite(rowLower[i])) {
      atLeast[i] = lp.addColumn(0, multiplierBound[i], rowLower[i], "");
    }
    if (Number.isFinite(rowUpper[i])) atMost[i] = lp.addColumn(0, Infinity, -rowUpper[i], "");
  }
  // Transpose A (compressed by row) into per-column entry lists of the multipliers.
  const columnStart = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const per = (atLeast[i] >= 0 ? 1 : 0) + (atMost[i] >= 0 ? 1 : 0);
    for (let k = start[i]; k < start[i + 1]; k++) columnStart[index[k] + 1] += per;
  }
  for (let j = 0; j < n; j++) columnStart[j + 1] += columnStart[j];
  const fill = columnStart.slice(0, n);
  const entryColumn = new Int32Array(columnStart[n] + 2);
  const entryValue = new Float64Array(columnStart[n] + 2);
  for (let i = 0; i < m; i++) {
    for (let k = start[i]; k < start[i + 1]; k++) {
      const j = index[k];
      if (atLeast[i] >= 0) {
        entryColumn[fill[j]] = atLeast[i];
        entryValue[fill[j]++] = value[k];
      }
      if (atMost[i] >= 0) {
        entryColumn[fill[j]] = atMost[i];
        entryValue[fill[j]++] = -value[k];
      }
    }
  }
  const primalColumn: number[] = [];
  const rowColumns: number[] = [];
  const rowValues: number[] = [];
  for (let j = 0; j < n; j++) {
    if (folded[j] === 1) continue;
    rowColumns.length = 0;
    rowValues.length = 0;
    for (let k = columnStart[j]; k < columnStart[j + 1]; k++) {
      rowColumns.push(entryColumn[k]);
      rowValues.push(entryValue[k]);
    }
    const c = primal.objective[j];
    const l = primal.lower[j];
    const u = primal.upper[j];
    if (l !== 0 && Number.isFinite(l)) {
      rowColumns.push(lp.addColumn(0, Infinity, l, ""));
      rowValues.push(1);
    }
    if (Number.isFinite(u)) {
      rowColumns.push(lp.addColumn(0, Infinity, -u, ""));
      rowValues.push(-1);
    }
    // x_j ≥ 0 turns the equality into "≤ c_j" (the slack g_j has cost l_j = 0).
    lp.addRow(rowColumns, rowValues, l === 0 ? -Infinity : c, c, "");
    primalColumn.push(j);
  }
  // Stated as the minimisation of the negated objective: HiGHS reports its optimum as −(primal
  // optimum) and its row multipliers in the minimisation convention the callers' checks assume.
  const dual = lp.build("minimize");
  return {
    program: { ...dual, objective: dual.objective.map((c) => -c) },
    primalColumn: Int32Array.from(primalColumn),
  };
}
