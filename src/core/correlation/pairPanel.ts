import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";

/**
 * A two-column returns panel from two series, so the pair functions share the matrix code paths.
 *
 * Complexity: O(n) time and one copy of both series (the inputs are never mutated).
 *
 * @param x first series (NaN = missing)
 * @param y second series, same length
 * @param labels names of the two series used in messages
 * @param argument argument name used in messages
 * @returns a 2-column panel
 * @throws CoreError LENGTH_MISMATCH (x and y differ in length)
 * @example pairPanel([1, 2], [3, 4], ["x", "y"], "series").data; // => [1, 2, 3, 4]
 */
export function pairPanel(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  labels: readonly [string, string],
  argument: string
): ReturnsPanel {
  if (x.length !== y.length) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${argument}: ${labels[0]} has ${x.length} values but ${labels[1]} has ${y.length}; give two series of the same dates`,
      { argument }
    );
  }
  const n = x.length;
  const data = new Float64Array(2 * n);
  for (let t = 0; t < n; t++) {
    data[t] = x[t];
    data[n + t] = y[t];
  }
  return { kind: "returns", rows: n, cols: 2, data, labels: [labels[0], labels[1]] };
}
