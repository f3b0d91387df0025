import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";

/**
 * Largest sum of squared deviations of one column we accept. Estimators form fourth powers
 * (Ledoit–Wolf's Σ‖x‖⁴, the constant-correlation π), which overflow to Infinity near 1e308; capping the
 * squares at 1e100 keeps fourth powers below 1e200 with room for the sums. Real returns are far below.
 */
const MAX_SUM_OF_SQUARES = 1e100;

/** The complete-case rows of a returns panel, packed and centred, as the covariance estimators use them. */
export interface CentredCompleteCases {
  /** Number of complete rows kept (rows where every asset has a return). */
  readonly rows: number;
  /** Number of assets (columns). */
  readonly cols: number;
  /** Column-major rows × cols values, each column minus its mean over the complete rows. */
  readonly data: Float64Array;
  /** Column means over the complete rows. */
  readonly means: Float64Array;
  /** The panel's labels, one per column. */
  readonly labels: readonly string[];
}

/**
 * Keeps the rows of a returns panel where every asset has a return (complete cases, as pandas
 * `dropna()`), packs them into one column-major `Float64Array` and subtracts each column's mean.
 *
 * Why complete cases: optimisers need one covariance matrix estimated on one common sample, which is
 * positive semi-definite by construction (pairwise-complete covariances are not). Centring once here
 * lets every estimator run one cross-product on contiguous columns.
 * Conventions: NaN means "no return that period" and only removes its row; ±Infinity is an error.
 * A column whose complete-case values are all equal has zero variance and is an error: every
 * estimator here then returns a singular matrix, and correlation and optimisers divide by it.
 *
 * Complexity: O(rows × cols) time, one packed copy of the complete rows.
 *
 * @param returns a returns panel (column-major, NaN = missing)
 * @param minimumRows the fewest complete rows the caller's estimator needs (≥ 2)
 * @param estimator the estimator's name, used in the too-few-rows message
 * @param allocate supplies the rows × cols array of the centred values (default: a fresh one; a
 *   caller whose centred values die within its call, such as a worker's part of a split product,
 *   may lend reused memory: a fresh 7 MB array costs more in first-touch page faults than the copy)
 * @throws CoreError INVALID_ARGUMENT (no columns)
 * @throws CoreError LENGTH_MISMATCH (data length ≠ rows × cols, or labels ≠ cols)
 * @throws CoreError NON_FINITE (±Infinity, with its row, column and label; values so large their
 *   squares would overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer complete rows than minimumRows; says how many remained)
 * @throws CoreError ZERO_VARIANCE (a column constant over the complete rows, or whose squared
 *   deviations underflow to 0, with its label)
 * @example centredCompleteCases({ kind: "returns", rows: 3, cols: 1, data: new Float64Array([1, NaN, 3]), labels: ["A"] }, 2, "sample").data;
 * // => Float64Array [-1, 1]
 */
export function centredCompleteCases(
  returns: ReturnsPanel,
  minimumRows: number,
  estimator: string,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length)
): CentredCompleteCases {
  const argument = "returns";
  const { rows, cols, data: source, labels } = returns;
  if (!(cols >= 1)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} has no columns; select at least one asset`,
      {
        argument,
      }
    );
  }
  if (source.length !== rows * cols) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument} holds ${source.length} values but has ${rows} rows × ${cols} columns; build it with returnsFromPrices`,
      { argument }
    );
  }
  if (labels.length !== cols) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument} has ${cols} columns but ${labels.length} labels; give one label per column`,
      { argument }
    );
  }
  const complete = new Uint8Array(rows).fill(1);
  for (let j = 0; j < cols; j++) {
    const base = j * rows;
    for (let t = 0; t < rows; t++) {
      const value = source[base + t];
      if (value - value !== 0) {
        // value − value is 0 for every finite number and NaN for NaN and ±Infinity.
        if (Number.isNaN(value)) {
          complete[t] = 0;
        } else {
          throw new CoreError(
            "NON_FINITE",
            `${argument}: column ${j + 1} (${labels[j]}), row ${t + 1} is ${value}; returns must be finite numbers`,
            { argument, row: t, column: j, label: labels[j] }
          );
        }
      }
    }
  }
  let kept = 0;
  for (let t = 0; t < rows; t++) kept += complete[t];
  if (kept < minimumRows) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `${argument}: ${kept} of ${rows} rows have a return for every asset; the ${estimator} covariance needs at least ${minimumRows}; use a longer range or drop the assets listed last`,
      { argument }
    );
  }
  // Every element is written below, so lent memory needs no clearing.
  const data = allocate(kept * cols);
  const means = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const base = j * rows;
    const out = j * kept;
    let k = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let t = 0; t < rows; t++) {
      if (complete[t] === 0) continue;
      const value = source[base + t];
      data[out + k++] = value;
      sum += value;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (min === max) {
      throw new CoreError(
        "ZERO_VARIANCE",
        `${argument}: column ${j + 1} (${labels[j]}) has zero variance over the ${kept} complete rows; remove it or use a longer window`,
        { argument, column: j, label: labels[j] }
      );
    }
    const mean = sum / kept;
    means[j] = mean;
    let squares = 0;
    for (let i = out; i < out + kept; i++) {
      const d = data[i] - mean;
      data[i] = d;
      squares += d * d;
    }
    if (squares === 0) {
      // Distinct values whose squared deviations underflow (|r| below ~1e−160): no usable variance.
      throw new CoreError(
        "ZERO_VARIANCE",
        `${argument}: column ${j + 1} (${labels[j]}) varies too little to measure (its variance underflows to 0); remove it or check its units`,
        { argument, column: j, label: labels[j] }
      );
    }
    if (!(squares <= MAX_SUM_OF_SQUARES)) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}: column ${j + 1} (${labels[j]}) has returns too large to square without overflow (up to ${Math.sqrt(squares).toExponential(1)}); pass returns, not prices or cumulative values`,
        { argument, column: j, label: labels[j] }
      );
    }
  }
  return { rows: kept, cols, data, means, labels: [...labels] };
}
