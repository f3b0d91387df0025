import { CoreError } from "../errors";
import type { FillPolicy, PricePanel } from "../types";
import type { PricePanelOptions } from "./pricePanel";

/**
 * Validates column-major prices in place and wraps them as a price panel (the fast path for
 * callers that already hold column-major data, such as the Excel range parser; `pricePanel` is
 * the row-major entry point and shares these rules).
 *
 * Conventions: as `pricePanel`: blanks (NaN) before an asset's first price or after its last are
 * "not listed"; a blank between them is an error unless `fill` is "previous" (carry forward) or
 * "keep"; every present price must be finite and above 0.
 * Complexity: O(rows × cols); takes ownership of `data` (filled gaps are written into it).
 *
 * @param data column-major prices, length rows × cols (value (t, j) at data[j·rows + t]), NaN = blank
 * @param rows number of dates, ≥ 1
 * @throws CoreError INVALID_ARGUMENT (no rows or columns, length not a multiple of rows, label
 *   count); NON_FINITE; NON_POSITIVE_PRICE; GAP_IN_SERIES; NOT_AVAILABLE (a column with no price)
 * @example pricePanelFromColumns(new Float64Array([100, 110, 10, 11]), 2).cols; // => 2
 */
export function pricePanelFromColumns(
  data: Float64Array,
  rows: number,
  options: PricePanelOptions = {}
): PricePanel {
  const argument = options.argument ?? "prices";
  const fill = options.fill ?? "none";
  if (!(rows >= 1) || data.length === 0 || data.length % rows !== 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} is empty or not rectangular; select a range of prices`,
      {
        argument,
      }
    );
  }
  const cols = data.length / rows;
  const labels = options.labels ?? defaultLabels(cols);
  if (labels.length !== cols) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} has ${cols} columns but ${labels.length} labels; give one label per column`,
      { argument }
    );
  }
  const place: Place = {
    argument,
    rowOffset: options.rowOffset ?? 0,
    columnOffset: options.columnOffset ?? 0,
  };
  for (let j = 0; j < cols; j++) {
    validateColumnInPlace(data.subarray(j * rows, (j + 1) * rows), j, labels[j], place, fill);
  }
  return { kind: "prices", rows, cols, data, labels: [...labels] };
}

/** "Asset 1", "Asset 2", … for unlabelled columns. */
export function defaultLabels(cols: number): string[] {
  return Array.from({ length: cols }, (_, j) => `Asset ${j + 1}`);
}

interface Place {
  readonly argument: string;
  readonly rowOffset: number;
  readonly columnOffset: number;
}

/**
 * One pass over a column: rejects a non-finite or non-positive price at the first one, notes the
 * first blank between two prices (an error after the pass, so a bad price anywhere is reported
 * first, as the two-pass rule was) and, with fill "previous", fills each such run of blanks from
 * the price before it when the price after it is reached. Blanks after the last price stay.
 */
function validateColumnInPlace(
  series: Float64Array,
  j: number,
  label: string,
  place: Place,
  fill: FillPolicy
): void {
  const { argument, rowOffset, columnOffset } = place;
  const where = (t: number) =>
    `${argument}: column ${j + 1 + columnOffset} (${label}), row ${t + 1 + rowOffset}`;
  const n = series.length;
  let first = -1;
  let firstGap = -1;
  // Start of the current run of blanks after a price, or -1.
  let blankRun = -1;
  for (let t = 0; t < n; t++) {
    const p = series[t];
    if (p !== p) {
      if (first >= 0 && blankRun < 0) blankRun = t;
      continue;
    }
    if (!(p > 0 && p < Infinity)) {
      if (!Number.isFinite(p)) {
        throw new CoreError("NON_FINITE", `${where(t)} is not a finite number; fix the cell`, {
          argument,
          row: t,
          column: j,
          label,
        });
      }
      throw new CoreError(
        "NON_POSITIVE_PRICE",
        `${where(t)} is ${p}; prices must be above 0 (leave the cell blank if there is no price)`,
        { argument, row: t, column: j, label }
      );
    }
    if (first < 0) first = t;
    if (blankRun >= 0) {
      if (firstGap < 0) firstGap = blankRun;
      if (fill === "previous") series.fill(series[blankRun - 1], blankRun, t);
      blankRun = -1;
    }
  }
  if (first < 0) {
    throw new CoreError(
      "NOT_AVAILABLE",
      `${argument}: column ${j + 1 + columnOffset} (${label}) has no prices; remove it or fill it`,
      { argument, column: j, label }
    );
  }
  if (firstGap >= 0 && fill === "none") {
    throw new CoreError(
      "GAP_IN_SERIES",
      `${where(firstGap)} is empty between prices; fill the gap or pass fill="previous"`,
      { argument, row: firstGap, column: j, label }
    );
  }
}
