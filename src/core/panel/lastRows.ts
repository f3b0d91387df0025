import { CoreError } from "../errors";
import type { Panel } from "../types";
import { rowWindow } from "./rowWindow";

/**
 * The last `count` rows of a panel (a trailing window), as a new panel of the same kind.
 *
 * Complexity: O(count × cols) copy; the input is not modified.
 *
 * @param panel a prices or returns panel
 * @param count rows to keep, a whole number from 1 to panel.rows
 * @throws CoreError INVALID_ARGUMENT (count not a whole number ≥ 1); TOO_FEW_POINTS (count > rows)
 * @example lastRows(returns, 90); // the last 90 returns of every asset
 */
export function lastRows<P extends Panel>(panel: P, count: number, argument = "window"): P {
  if (!Number.isInteger(count) || count < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} must be a whole number of rows ≥ 1; got ${count}`,
      {
        argument,
      }
    );
  }
  if (count > panel.rows) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `${argument} is ${count} rows but there are only ${panel.rows}; use a shorter window or more prices`,
      { argument }
    );
  }
  return rowWindow(panel, panel.rows - count, count);
}
