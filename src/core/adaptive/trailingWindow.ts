import type { WeightRule } from "../backtest/backtest";
import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";
import {
  type AdaptiveRule,
  adaptiveRule,
  checkedWholeNumber,
  minLookbackOf,
  requireRows,
} from "./adaptiveRule";

/**
 * A rule that sees only the last `rows` rows of whatever window it is given: lets the rules inside
 * an adaptive rule keep their own estimation window (say risk parity on 90 days) while the
 * backtest's lookback is as long as the longest signal needs (a 200-day average, a year of
 * regime history).
 *
 * Conventions: the trimmed window is a copy of the window's last rows, column by column; the
 * rule's `asOfRow` is passed through unchanged (the last row is the same day).
 * Complexity: O(rows · assets) per call for the copy, plus the rule's cost.
 *
 * @param rule any backtest weight rule (an adaptive rule included)
 * @param rows the rows of returns the rule sees, a whole number ≥ 1
 * @returns a rule for `backtest`; its minLookback is rows
 * @throws CoreError INVALID_ARGUMENT (rows not a whole number ≥ 1, or fewer than an adaptive rule's minLookback)
 * @throws CoreError TOO_FEW_POINTS (at a call: a window shorter than rows)
 * @example trailingWindow(riskParityRule, 90); // risk parity on the last 90 days of a longer window
 */
export function trailingWindow(rule: WeightRule, rows: number): AdaptiveRule {
  const n = checkedWholeNumber(rows, "rows", 1, "rows of returns");
  const inner = minLookbackOf(rule);
  if (inner > n) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `rows ${n} is shorter than the ${inner} rows of returns the rule needs; give at least ${inner}`,
      { argument: "rows" }
    );
  }
  const trimmed = (window: ReturnsPanel, asOfRow: number): Float64Array => {
    requireRows(window, n, `a rule on a ${n}-row window`, "rows");
    const { cols, data } = window;
    const out = new Float64Array(n * cols);
    for (let j = 0; j < cols; j++) {
      const end = (j + 1) * window.rows;
      out.set(data.subarray(end - n, end), j * n);
    }
    const panel: ReturnsPanel = {
      kind: "returns",
      rows: n,
      cols,
      data: out,
      labels: window.labels,
    };
    return Float64Array.from(rule(panel, asOfRow));
  };
  return adaptiveRule(trimmed, n);
}
