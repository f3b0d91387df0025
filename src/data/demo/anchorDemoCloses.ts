import { CoreError } from "../../core/errors";
import type { DemoToken } from "./demoUniverse";

/**
 * Rescales simulated closes in place so that each token's close on `anchorRow` equals its reference
 * price: every close of token i is multiplied by reference_i / close_i(anchorRow).
 *
 * Why: a simulated path compounds six years of fat-tailed returns from a 2020 start price, so its
 * level (and the market cap = supply × price built on it) can end up orders of magnitude away from
 * reality, scrambling the market-cap ranking. Scaling a whole path by one constant leaves every
 * return, volatility, correlation and drawdown unchanged. Tokens without a reference price, or not
 * yet listed on the anchor day, keep their simulated level.
 * Complexity: O(days × tokens).
 *
 * @param closes column-major closes (days × tokens, token order as `tokens`), modified in place
 * @param days rows per token
 * @param tokens the simulated tokens
 * @param anchorRow 0-based row of the reference date, 0 ≤ anchorRow < days
 * @param referencePrices symbol → price on the reference date (> 0)
 * @throws CoreError INVALID_ARGUMENT (anchorRow outside the rows, or a reference price ≤ 0)
 * @example anchorDemoCloses(closes, 3, [btc], 1, { BTC: 100 }); // closes[1] becomes 100
 */
export function anchorDemoCloses(
  closes: Float64Array,
  days: number,
  tokens: readonly DemoToken[],
  anchorRow: number,
  referencePrices: Readonly<Record<string, number>>
): void {
  if (!Number.isInteger(anchorRow) || anchorRow < 0 || anchorRow >= days) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `anchorRow must be a row from 0 to ${days - 1}; got ${anchorRow}`,
      {
        argument: "anchorRow",
      }
    );
  }
  tokens.forEach((token, i) => {
    const reference = referencePrices[token.symbol];
    if (reference === undefined) return;
    if (!(reference > 0) || !Number.isFinite(reference)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `reference price of ${token.symbol} must be above 0; got ${reference}`,
        {
          argument: "referencePrices",
        }
      );
    }
    const simulated = closes[i * days + anchorRow];
    if (!(simulated > 0)) return;
    const scale = reference / simulated;
    for (let t = i * days; t < (i + 1) * days; t++) closes[t] *= scale;
  });
}
