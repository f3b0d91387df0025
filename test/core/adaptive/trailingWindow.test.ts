import { trailingWindow } from "../../../src/core/adaptive/trailingWindow";
import { volatilityTarget } from "../../../src/core/adaptive/volatilityTarget";
import type { ReturnsPanel } from "../../../src/core/types";
import { errorOf } from "../backtest/backtestTestKit";
import { windowOf } from "./adaptiveTestKit";

describe("trailingWindow", () => {
  it("passes the rule only the window's last rows, column by column, and the same asOfRow", () => {
    const window = windowOf([
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 40],
    ]);
    let seen: { data: number[]; rows: number; asOf: number } | null = null;
    const spy = (w: ReturnsPanel, asOf: number) => {
      seen = { data: Array.from(w.data), rows: w.rows, asOf };
      return [0.25, 0.75];
    };
    const rule = trailingWindow(spy, 2);
    expect(rule.minLookback).toBe(2);
    expect(Array.from(rule(window, 9))).toEqual([0.25, 0.75]);
    expect(seen).toEqual({ data: [3, 4, 30, 40], rows: 2, asOf: 9 });
    expect(Array.from(window.data)).toEqual([1, 2, 3, 4, 10, 20, 30, 40]);
  });

  it("gives an adaptive rule the same weights as on the trimmed window itself", () => {
    const rows = [
      [0.5, -0.4],
      [0.02, 0],
      [0, -0.02],
      [0.04, 0.02],
    ];
    const inner = volatilityTarget([0.5, 0.5], { target: 0.1, window: 3, periodsPerYear: 100 });
    expect(Array.from(trailingWindow(inner, 3)(windowOf(rows), 3))).toEqual(
      Array.from(inner(windowOf(rows.slice(1)), 3))
    );
  });

  it("throws when rows is not a whole number, the window is too short, or an inner rule needs more", () => {
    const spy = () => [1];
    expect(errorOf(() => trailingWindow(spy, 0)).argument).toBe("rows");
    expect(errorOf(() => trailingWindow(spy, 1.5)).argument).toBe("rows");
    expect(errorOf(() => trailingWindow(spy, 5)(windowOf([[0.1]]), 0)).code).toBe("TOO_FEW_POINTS");
    const needs30 = volatilityTarget([1], { target: 0.5, window: 30 });
    expect(errorOf(() => trailingWindow(needs30, 10)).message).toBe(
      "rows 10 is shorter than the 30 rows of returns the rule needs; give at least 30"
    );
  });
});
