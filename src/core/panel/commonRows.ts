import { CoreError } from "../errors";
import type { PricePanel } from "../types";

/** The rows kept by {@link commonRows} and the panel restricted to them. */
export interface CommonRows {
  readonly panel: PricePanel;
  /** 0-based indices of the kept rows in the input panel, ascending. */
  readonly rows: Int32Array;
}

/**
 * Restricts a price panel to the rows where every asset has a price (complete cases), as
 * pandas `dropna(how="any")`: late listings, delistings and gaps all drop their rows.
 *
 * Complexity: O(rows × cols).
 *
 * @param prices a price panel (NaN = no price)
 * @throws CoreError TOO_FEW_POINTS when no row has a price for every asset (names the asset
 *   with the fewest prices, the usual culprit)
 * @example commonRows(pricePanel([[NaN, 1], [2, 3]])).rows; // => Int32Array [1]
 */
export function commonRows(prices: PricePanel): CommonRows {
  const { rows, cols, data } = prices;
  const keep: number[] = [];
  for (let t = 0; t < rows; t++) {
    let complete = true;
    for (let j = 0; j < cols && complete; j++) complete = !Number.isNaN(data[j * rows + t]);
    if (complete) keep.push(t);
  }
  if (keep.length === 0) {
    let sparsest = 0;
    let fewest = Infinity;
    for (let j = 0; j < cols; j++) {
      let count = 0;
      for (let t = 0; t < rows; t++) if (!Number.isNaN(data[j * rows + t])) count++;
      if (count < fewest) {
        fewest = count;
        sparsest = j;
      }
    }
    throw new CoreError(
      "TOO_FEW_POINTS",
      `prices: no row has a price for every asset; ${prices.labels[sparsest]} has the fewest (${fewest}); remove it or choose a later start`,
      { argument: "prices", column: sparsest, label: prices.labels[sparsest] }
    );
  }
  const kept = keep.length;
  const out = new Float64Array(kept * cols);
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < kept; k++) out[j * kept + k] = data[j * rows + keep[k]];
  }
  return {
    panel: { kind: "prices", rows: kept, cols, data: out, labels: prices.labels },
    rows: Int32Array.from(keep),
  };
}
