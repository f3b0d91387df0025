import { CoreError } from "../errors";
import type { PricePanel } from "../types";
import { checkWeights } from "../diversification/checkWeights";

/** Options for {@link buyAndHold}. */
export interface BuyAndHoldOptions {
  /** Starting value (default 1). */
  readonly initialCapital?: number;
  /** Row where the portfolio is bought (default 0); before it the equity is the capital. */
  readonly startRow?: number;
}

/**
 * Equity curve of a portfolio bought once and never rebalanced, to show beside a backtest.
 *
 * Formula: units_i = w_i·C / P_{i,s} at the start row s; V_t = Σ units_i·P_{i,t} (+ cash from
 * delistings). Conventions as `backtest` with rebalance "none" and no fees: assets without a price
 * at s get weight 0 and the rest are rescaled; an asset that stops trading is sold at its last
 * price into cash (earning nothing); before s the equity is C.
 * Complexity: O(rows·assets).
 *
 * @param prices price panel (see `pricePanel`)
 * @param weights one weight per asset, ≥ 0, summing to 1 (± 1e-6)
 * @param options initialCapital (default 1) and startRow (default 0)
 * @returns equity per row
 * @throws CoreError LENGTH_MISMATCH (not one weight per asset)
 * @throws CoreError NON_FINITE (a NaN or infinite weight)
 * @throws CoreError INVALID_ARGUMENT (negative weights or not summing to 1; startRow outside the rows; capital ≤ 0)
 * @throws CoreError INFEASIBLE (no asset with a weight has a price at the start row)
 * @example buyAndHold(pricePanel([[100, 10], [150, 10]]), [0.5, 0.5]); // => Float64Array [1, 1.25]
 */
export function buyAndHold(
  prices: PricePanel,
  weights: ArrayLike<number>,
  options: BuyAndHoldOptions = {}
): Float64Array {
  const { rows, cols, data } = prices;
  const w = checkWeights(weights, cols, {
    labels: prices.labels,
    assetsOf: "prices",
    fullyInvested: true,
  });
  const start = checkStart(options.startRow ?? 0, rows);
  const capital = checkCapital(options.initialCapital ?? 1);
  let listed = 0;
  for (let j = 0; j < cols; j++) if (!Number.isNaN(data[j * rows + start])) listed += w[j];
  if (!(listed > 0)) {
    throw new CoreError(
      "INFEASIBLE",
      `no asset with a weight has a price on row ${start + 1}; start later or weight listed assets`,
      { argument: "weights", row: start }
    );
  }
  const units = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    const p = data[j * rows + start];
    if (!Number.isNaN(p)) units[j] = (w[j] / listed) * (capital / p);
  }
  const equity = new Float64Array(rows);
  equity.fill(capital, 0, start);
  let cash = 0;
  for (let t = start; t < rows; t++) {
    let value = cash;
    for (let j = 0; j < cols; j++) {
      if (units[j] === 0) continue;
      const p = data[j * rows + t];
      if (Number.isNaN(p)) {
        // Delisted: sold at the last price; the cash stays flat.
        cash += units[j] * data[j * rows + t - 1];
        value += units[j] * data[j * rows + t - 1];
        units[j] = 0;
      } else {
        value += units[j] * p;
      }
    }
    equity[t] = value;
  }
  return equity;
}

function checkStart(start: number, rows: number): number {
  if (!Number.isInteger(start) || start < 0 || start >= rows) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `startRow must be a whole row from 0 to ${rows - 1}; got ${start}`,
      { argument: "startRow" }
    );
  }
  return start;
}

function checkCapital(capital: number): number {
  if (!Number.isFinite(capital) || capital <= 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `initialCapital must be a number above 0; got ${capital}`,
      {
        argument: "initialCapital",
      }
    );
  }
  return capital;
}
