import { CoreError } from "../errors";
import type { PricePanel, ReturnMethod, ReturnsPanel } from "../types";

/**
 * Per-period returns of every asset in a price panel.
 *
 * Formula: simple r_t = P_t / P_{t−1} − 1; log r_t = ln(P_t / P_{t−1}) (as pandas
 * `pct_change()` and `np.log(p).diff()`). Row t of the result is the return from row t to t+1
 * of the prices, so the result has rows − 1 rows. A return is NaN where either price is missing
 * (before listing, after delisting).
 *
 * Complexity: O(rows × cols).
 *
 * @param prices a validated price panel (see `pricePanel`), at least two rows
 * @param method "simple" (default) or "log"
 * @param allocate supplies the result's array of (rows − 1) × cols doubles, every one of which is
 *   written (default: a fresh array; the Excel functions lend memory a worker handed back)
 * @throws CoreError TOO_FEW_POINTS when prices has fewer than two rows
 * @example returnsFromPrices(pricePanel([[100], [110], [99]])).data; // => [0.1, -0.1] (to rounding)
 */
export function returnsFromPrices(
  prices: PricePanel,
  method: ReturnMethod = "simple",
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length)
): ReturnsPanel {
  const { rows, cols } = prices;
  if (rows < 2) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `prices has ${rows} row; returns need at least two rows of prices`,
      { argument: "prices" }
    );
  }
  const outRows = rows - 1;
  const data = allocate(outRows * cols);
  const src = prices.data;
  // Valid prices give finite returns unless a step overflows (a price of 5e-324 next to 1):
  // NaN marks a missing return, but ±Infinity would pass for a number downstream. Noted in the
  // same pass (the first one, by column), so the hot loop reads the prices once.
  let overflow = -1;
  for (let j = 0; j < cols; j++) {
    const inBase = j * rows;
    const outBase = j * outRows;
    if (method === "log") {
      for (let t = 0; t < outRows; t++) {
        const r = Math.log(src[inBase + t + 1] / src[inBase + t]);
        data[outBase + t] = r;
        if ((r === Infinity || r === -Infinity) && overflow < 0) overflow = outBase + t;
      }
    } else {
      for (let t = 0; t < outRows; t++) {
        const r = src[inBase + t + 1] / src[inBase + t] - 1;
        data[outBase + t] = r;
        if (r === Infinity && overflow < 0) overflow = outBase + t;
      }
    }
  }
  if (overflow >= 0) {
    const j = Math.floor(overflow / outRows);
    const t = overflow % outRows;
    throw new CoreError(
      "NON_FINITE",
      `prices: column ${j + 1} (${prices.labels[j]}) goes from ${src[j * rows + t]} to ${src[j * rows + t + 1]} at row ${t + 2}, a return too large to represent; check those prices`,
      { argument: "prices", row: t + 1, column: j, label: prices.labels[j] }
    );
  }
  return { kind: "returns", rows: outRows, cols, data, labels: prices.labels };
}
