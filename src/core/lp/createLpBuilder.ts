import type { LinearProgram } from "./types";

/** A growing linear program: add columns (variables) and sparse rows, then `build` it once. */
export interface LpBuilder {
  /** Number of columns added so far (the index the next column gets). */
  readonly columnCount: number;
  /** Number of rows added so far (the index the next row gets). */
  readonly rowCount: number;
  /**
   * Adds one variable with lower ≤ x ≤ upper and objective coefficient `cost`; returns its index.
   * `integer` marks it integer (a binary when its bounds are [0, 1]).
   */
  addColumn(lower: number, upper: number, cost: number, name: string, integer?: boolean): number;
  /** Adds the row lower ≤ Σ values[k]·x[columns[k]] ≤ upper; returns its index. */
  addRow(
    columns: ArrayLike<number>,
    values: ArrayLike<number>,
    lower: number,
    upper: number,
    name: string
  ): number;
  /** Adds `cost` to the objective coefficient of an existing column. */
  addCost(column: number, cost: number): void;
  /** The program so far, with its arrays copied into typed arrays. */
  build(sense: LinearProgram["sense"]): LinearProgram;
}

/**
 * A builder for the sparse linear programs the downside optimisers formulate: columns with bounds,
 * costs and integrality, and rows stored compressed by row (CSR), the layout HiGHS takes directly,
 * so no LP text is written or parsed.
 * Complexity: O(1) amortised per column, O(entries) per row; `build` is O(columns + entries).
 *
 * @returns an empty builder
 * @throws nothing
 * @example
 * const lp = createLpBuilder();
 * const x = lp.addColumn(0, Infinity, 1, "x");
 * lp.addRow([x], [1], 2, Infinity, "x at least 2");
 * lp.build("minimize").rows.start; // => Int32Array [0, 1]
 */
export function createLpBuilder(): LpBuilder {
  const columnLower: number[] = [];
  const columnUpper: number[] = [];
  const cost: number[] = [];
  const columnNames: string[] = [];
  const integer: number[] = [];
  let anyInteger = false;
  const start: number[] = [0];
  const index: number[] = [];
  const value: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const rowNames: string[] = [];
  return {
    get columnCount() {
      return cost.length;
    },
    get rowCount() {
      return rowLower.length;
    },
    addColumn(lower, upper, coefficient, name, isInteger = false) {
      columnLower.push(lower);
      columnUpper.push(upper);
      cost.push(coefficient);
      columnNames.push(name);
      integer.push(isInteger ? 1 : 0);
      anyInteger ||= isInteger;
      return cost.length - 1;
    },
    addRow(columns, values, lower, upper, name) {
      for (let k = 0; k < columns.length; k++) {
        // Zeros would only cost memory and time in the solver.
        if (values[k] === 0) continue;
        index.push(columns[k]);
        value.push(values[k]);
      }
      start.push(index.length);
      rowLower.push(lower);
      rowUpper.push(upper);
      rowNames.push(name);
      return rowLower.length - 1;
    },
    addCost(column, coefficient) {
      cost[column] += coefficient;
    },
    build(sense) {
      return {
        sense,
        objective: Float64Array.from(cost),
        lower: Float64Array.from(columnLower),
        upper: Float64Array.from(columnUpper),
        integer: anyInteger ? Uint8Array.from(integer) : undefined,
        names: columnNames.slice(),
        rows: {
          start: Int32Array.from(start),
          index: Int32Array.from(index),
          value: Float64Array.from(value),
          lower: Float64Array.from(rowLower),
          upper: Float64Array.from(rowUpper),
          names: rowNames.slice(),
        },
      };
    },
  };
}
