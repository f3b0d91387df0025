import { CoreError } from "../errors";
import type { PricePanel } from "../types";

/** Options for {@link singleAsset}. */
export interface SingleAssetOptions {
  /** Starting value (default 1). */
  readonly initialCapital?: number;
  /** Row where the asset is bought (default: its first priced row); before it the equity is the capital. */
  readonly startRow?: number;
}

/**
 * Equity curve of holding one asset (e.g. BTC as the benchmark), to show beside a backtest.
 *
 * Formula: V_t = C · P_t / P_s from the start row s; V_t = C before s. After the asset stops
 * trading (trailing blanks) the value stays at its last level, as `backtest` holds the proceeds
 * in cash.
 * Complexity: O(rows).
 *
 * @param prices price panel (see `pricePanel`)
 * @param column 0-based asset column
 * @param options initialCapital (default 1) and startRow (default: the asset's first price)
 * @returns equity per row
 * @throws CoreError INVALID_ARGUMENT (column or startRow out of range; capital ≤ 0)
 * @throws CoreError NOT_AVAILABLE (the asset has no price at the start row; the message gives its first priced row)
 * @example singleAsset(pricePanel([[100, 10], [150, 12]]), 1); // => Float64Array [1, 1.2]
 */
export function singleAsset(
  prices: PricePanel,
  column: number,
  options: SingleAssetOptions = {}
): Float64Array {
  const { rows, cols, data, labels } = prices;
  if (!Number.isInteger(column) || column < 0 || column >= cols) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `column must be a whole number from 0 to ${cols - 1}; got ${column}`,
      { argument: "column" }
    );
  }
  const capital = options.initialCapital ?? 1;
  if (!Number.isFinite(capital) || capital <= 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `initialCapital must be a number above 0; got ${capital}`,
      {
        argument: "initialCapital",
      }
    );
  }
  const series = data.subarray(column * rows, (column + 1) * rows);
  let first = 0;
  while (first < rows && Number.isNaN(series[first])) first++;
  const start = options.startRow ?? first;
  if (!Number.isInteger(start) || start < 0 || start >= rows) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `startRow must be a whole row from 0 to ${rows - 1}; got ${start}`,
      { argument: "startRow" }
    );
  }
  if (Number.isNaN(series[start])) {
    const hint = first < rows ? `its first price is on row ${first + 1}` : "it has no price at all";
    throw new CoreError(
      "NOT_AVAILABLE",
      `prices: column ${column + 1} (${labels[column]}) has no price on row ${start + 1}; ${hint}`,
      { argument: "prices", row: start, column, label: labels[column] }
    );
  }
  const equity = new Float64Array(rows);
  equity.fill(capital, 0, start);
  const base = series[start];
  let last = capital;
  for (let t = start; t < rows; t++) {
    if (!Number.isNaN(series[t])) last = (capital * series[t]) / base;
    equity[t] = last;
  }
  return equity;
}
