/**
 * Shared data shapes of the math core.
 *
 * A panel is a dates × assets table stored **column-major** in one `Float64Array`: the value of
 * row `t` (a date, oldest first) and column `j` (an asset) is `data[j * rows + t]`. Column-major
 * because nearly every computation walks one asset's series at a time, and `subarray` then gives
 * a contiguous view without copying. A missing value is `NaN`; nothing else in a panel is NaN.
 */
export interface Panel {
  /** Number of rows (dates). */
  readonly rows: number;
  /** Number of columns (assets). */
  readonly cols: number;
  /** Column-major values, length rows × cols; NaN marks a missing observation. */
  readonly data: Float64Array;
  /** One label per column (asset names, or "Asset 1", "Asset 2", … when none were given). */
  readonly labels: readonly string[];
}

/** A panel of strictly positive prices (NaN = no price that day). */
export interface PricePanel extends Panel {
  readonly kind: "prices";
}

/** A panel of per-period returns (NaN = no return that period, e.g. before listing). */
export interface ReturnsPanel extends Panel {
  readonly kind: "returns";
}

/**
 * A dense square matrix stored row-major: entry (i, j) is `data[i * size + j]`.
 * Used for covariance and correlation matrices (which are symmetric, but stored in full so
 * callers can index either triangle).
 */
export interface SquareMatrix {
  readonly size: number;
  readonly data: Float64Array;
  readonly labels: readonly string[];
}

/** Simple returns r = P_t / P_{t−1} − 1, or log returns r = ln(P_t / P_{t−1}). */
export type ReturnMethod = "simple" | "log";

/**
 * How to treat a blank inside a series (between an asset's first and last price): reject it
 * ("none"), carry the previous price forward ("previous"), or leave it missing ("keep", for
 * display and alignment only: computations on contiguous series reject such a panel).
 */
export type FillPolicy = "none" | "previous" | "keep";
