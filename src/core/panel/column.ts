import type { Panel } from "../types";

/**
 * A zero-copy view of one column (asset) of a panel.
 *
 * Complexity: O(1); the view shares memory with the panel, so treat it as read-only.
 *
 * @param panel a column-major panel
 * @param j 0-based column index, 0 ≤ j < panel.cols
 * @example column(panel, 0)[panel.rows - 1]; // the first asset's last value
 */
export function column(panel: Panel, j: number): Float64Array {
  return panel.data.subarray(j * panel.rows, (j + 1) * panel.rows);
}
