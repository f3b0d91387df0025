import type { Panel } from "../types";

/**
 * Rows start … start + count − 1 of a panel, copied into a new panel of the same kind (a window
 * of dates across every asset).
 *
 * Complexity: O(count × cols); the input is not modified. The caller keeps the window inside the
 * panel (see `lastRows` for the checked, user-facing trailing window).
 *
 * @param panel a prices or returns panel
 * @param start first row, 0 ≤ start
 * @param count rows to copy, start + count ≤ panel.rows
 * @example rowWindow(returns, 10, 30).rows; // => 30
 */
export function rowWindow<P extends Panel>(panel: P, start: number, count: number): P {
  const { rows, cols } = panel;
  const data = new Float64Array(count * cols);
  for (let j = 0; j < cols; j++) {
    data.set(panel.data.subarray(j * rows + start, j * rows + start + count), j * count);
  }
  return { ...panel, rows: count, data };
}
