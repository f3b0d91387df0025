import fc from "fast-check";
import { backtest } from "../../../src/core/backtest/backtest";
import { pricePanel } from "../../../src/core/panel/pricePanel";
import type { ReturnsPanel } from "../../../src/core/types";
import type { AdaptiveRule } from "../../../src/core/adaptive/adaptiveRule";

/** Shared helpers of the adaptive-rule tests (not a test file itself). */

/** A returns window (column-major) from rows of returns, oldest first, as the backtest passes it. */
export function windowOf(rows: number[][], labels?: string[]): ReturnsPanel {
  const n = rows.length;
  const cols = rows[0].length;
  const data = new Float64Array(n * cols);
  for (let j = 0; j < cols; j++) for (let t = 0; t < n; t++) data[j * n + t] = rows[t][j];
  return {
    kind: "returns",
    rows: n,
    cols,
    data,
    labels: labels ?? Array.from({ length: cols }, (_, j) => `Asset ${j + 1}`),
  };
}

/** The returns window of a price table's rows (prices oldest first). */
export function windowOfPrices(prices: number[][], labels?: string[]): ReturnsPanel {
  const returns: number[][] = [];
  for (let t = 1; t < prices.length; t++)
    returns.push(prices[t].map((p, j) => p / prices[t - 1][j] - 1));
  return windowOf(returns, labels);
}

/** Prices from a start of 100 and rows of returns; the first `late` rows of column 0 are blank. */
function pricesOf(returns: number[][], late: number): number[][] {
  const rows = [returns[0].map(() => 100)];
  for (const r of returns) rows.push(rows[rows.length - 1].map((p, j) => p * (1 + r[j])));
  return rows.map((row, t) => row.map((p, j) => (j === 0 && t < late ? NaN : p)));
}

/**
 * The no-look-ahead property through the backtest (daily rebalancing, signalLag 1, lookback =
 * minLookback, a 3 % cash sleeve): for a random day t, multiplying every price after row t by a
 * random factor leaves the weights traded on every row up to t + 1 unchanged, bit for bit. Also
 * checks that the perturbation changes some later weight in some run, so the property has teeth.
 */
export function expectNoLookAhead(rule: AdaptiveRule, cols: number, numRuns = 40): void {
  const lookback = rule.minLookback;
  let changedLater = 0;
  fc.assert(
    fc.property(
      fc.array(
        fc.array(fc.double({ min: -0.15, max: 0.15, noNaN: true }), {
          minLength: cols,
          maxLength: cols,
        }),
        { minLength: lookback + 4, maxLength: lookback + 30 }
      ),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 200, maxLength: 200 }),
      fc.integer({ min: 0, max: 3 }),
      (returns, where, factors, late) => {
        const prices = pricesOf(returns, late);
        const n = prices.length;
        const start = lookback + 1;
        const t = start - 1 + Math.floor(where * (n - start - 1));
        const perturbed = prices.map((row, u) =>
          u <= t ? row : row.map((p, j) => p * factors[(u * cols + j) % factors.length])
        );
        const dates = prices.map((_, u) => 20000 + u);
        const run = (p: number[][]) =>
          backtest({
            prices: pricePanel(p),
            dates,
            rule,
            rebalance: "daily",
            lookback,
            signalLag: 1,
            cashRate: 0.03,
          });
        const before = run(prices);
        const after = run(perturbed);
        expect(before.startRow).toBe(start);
        for (let k = 0; k < before.rebalanceRows.length; k++) {
          const row = before.rebalanceRows[k];
          if (row <= t + 1)
            expect(Array.from(after.weights[k])).toEqual(Array.from(before.weights[k]));
          else if (Array.from(after.weights[k]).some((w, j) => w !== before.weights[k][j]))
            changedLater++;
        }
      }
    ),
    { numRuns }
  );
  expect(changedLater).toBeGreaterThan(0);
}
