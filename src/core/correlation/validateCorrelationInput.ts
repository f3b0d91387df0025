import { CoreError } from "../errors";
import type { Panel } from "../types";

/**
 * Checks a panel and the pair options before a correlation matrix is computed.
 *
 * Conventions: NaN marks a missing value and is allowed; ±Infinity is not. `minOverlap` is a whole
 * number ≥ 2; `onUndefinedPair` is "throw" or "nan".
 * Complexity: O(rows · cols).
 *
 * @param panel column-major panel
 * @param argument the argument name used in messages
 * @param minOverlap fewest common rows a pair needs
 * @param policy the onUndefinedPair value as given
 * @throws CoreError INVALID_ARGUMENT (no columns, inconsistent panel, bad minOverlap or policy)
 * @throws CoreError NON_FINITE (±Infinity, with row and asset)
 * @example validateCorrelationInput(panel, "returns", 3, "throw"); // => undefined, or throws
 */
export function validateCorrelationInput(
  panel: Panel,
  argument: string,
  minOverlap: number,
  policy: string
): void {
  const { rows, cols, data, labels } = panel;
  if (cols < 1 || rows < 0 || data.length !== rows * cols || labels.length !== cols) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} must have at least one column, rows × cols values and one label per column; got ${rows} × ${cols} with ${data.length} values and ${labels.length} labels`,
      { argument }
    );
  }
  if (!Number.isInteger(minOverlap) || minOverlap < 2) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `minOverlap must be a whole number of rows ≥ 2; got ${minOverlap}`,
      { argument: "minOverlap" }
    );
  }
  if (policy !== "throw" && policy !== "nan") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `onUndefinedPair must be "throw" or "nan"; got "${policy}"`,
      { argument: "onUndefinedPair" }
    );
  }
  for (let j = 0; j < cols; j++) {
    for (let t = 0; t < rows; t++) {
      const x = data[j * rows + t];
      if (x === Infinity || x === -Infinity) {
        throw new CoreError(
          "NON_FINITE",
          `${argument}: column ${j + 1} (${labels[j]}), row ${t + 1} is ${x}; fix the value or leave it blank`,
          { argument, row: t, column: j, label: labels[j] }
        );
      }
    }
  }
}
