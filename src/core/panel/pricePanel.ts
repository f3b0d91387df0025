import { CoreError } from "../errors";
import type { FillPolicy, PricePanel } from "../types";
import { defaultLabels, pricePanelFromColumns } from "./pricePanelFromColumns";

/** Options for {@link pricePanel}. */
export interface PricePanelOptions {
  /** Column labels; defaults to "Asset 1", "Asset 2", …. */
  readonly labels?: readonly string[];
  /** Blank inside a series: "none" (error, the default), "previous" (carry the last price forward) or "keep" (leave it NaN). */
  readonly fill?: FillPolicy;
  /** The argument name used in error messages (default "prices"). */
  readonly argument?: string;
  /** Added to row and column numbers in messages, e.g. 1 when the user's range has a header row. */
  readonly rowOffset?: number;
  readonly columnOffset?: number;
}

/**
 * Builds a validated, column-major price panel from row-major values (rows = dates oldest first,
 * columns = assets), with `NaN` marking "no price".
 *
 * Conventions (see DESIGN.md): blanks before an asset's first price mean "not listed yet" and blanks
 * after its last price mean "no longer listed" (delisted, or data ends); both stay `NaN`. A blank
 * strictly between the first and last price is a gap: an error unless `fill = "previous"`, which
 * carries the last price forward (a zero return on the missing days, as pandas `ffill`), and
 * `fill = "keep"` leaves it NaN.
 * Every present price must be finite and strictly positive.
 *
 * Complexity: O(rows × cols) time and one `Float64Array` of that size.
 *
 * @param values row-major prices, every row the same length; NaN = blank
 * @throws CoreError INVALID_ARGUMENT (no rows, no columns, ragged rows, label count);
 *   NON_FINITE (±Infinity); NON_POSITIVE_PRICE (≤ 0); GAP_IN_SERIES (inner blank, fill "none");
 *   NOT_AVAILABLE (a column with no price at all)
 * @example pricePanel([[100, 10], [110, 11]]).data; // => Float64Array [100, 110, 10, 11]
 */
export function pricePanel(
  values: ReadonlyArray<ReadonlyArray<number>>,
  options: PricePanelOptions = {}
): PricePanel {
  const argument = options.argument ?? "prices";
  const rows = values.length;
  if (rows === 0) {
    throw new CoreError("INVALID_ARGUMENT", `${argument} is empty; select a range of prices`, {
      argument,
    });
  }
  const cols = values[0].length;
  if (cols === 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} has no columns; select at least one asset`,
      {
        argument,
      }
    );
  }
  const labels = options.labels ?? defaultLabels(cols);
  if (labels.length !== cols) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} has ${cols} columns but ${labels.length} labels; give one label per column`,
      { argument }
    );
  }
  const data = new Float64Array(rows * cols);
  for (let t = 0; t < rows; t++) {
    const row = values[t];
    if (row.length !== cols) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${argument}: row ${t + 1} has ${row.length} values but row 1 has ${cols}; use a rectangular range`,
        { argument, row: t }
      );
    }
    for (let j = 0; j < cols; j++) data[j * rows + t] = row[j];
  }
  return pricePanelFromColumns(data, rows, { ...options, labels });
}
