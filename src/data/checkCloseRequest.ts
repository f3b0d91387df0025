import { CoreError } from "../core/errors";

/**
 * Validates the arguments of `dailyCloses` the same way for every provider and returns the symbols
 * trimmed and upper-cased (tickers are case-insensitive everywhere in Diversify).
 *
 * Complexity: O(symbols).
 *
 * @param symbols tickers, at least one, no blanks, no duplicates (after upper-casing)
 * @param days a whole number of days ≥ 1
 * @throws CoreError INVALID_ARGUMENT (no symbols, a blank symbol, a duplicate, days not a whole number ≥ 1)
 * @example checkCloseRequest([" btc", "Eth"], 30); // => ["BTC", "ETH"]
 */
export function checkCloseRequest(symbols: readonly string[], days: number): string[] {
  if (!Number.isInteger(days) || days < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `days must be a whole number of at least 1; got ${days}`,
      {
        argument: "days",
      }
    );
  }
  if (symbols.length === 0) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      "symbols is empty; give at least one ticker such as BTC",
      {
        argument: "symbols",
      }
    );
  }
  const seen = new Set<string>();
  return symbols.map((raw, column) => {
    const symbol = String(raw).trim().toUpperCase();
    if (symbol === "") {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `symbols: entry ${column + 1} is blank; give a ticker such as BTC`,
        {
          argument: "symbols",
          column,
        }
      );
    }
    if (seen.has(symbol)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `symbols lists ${symbol} twice; remove the duplicate`,
        {
          argument: "symbols",
          column,
          label: symbol,
        }
      );
    }
    seen.add(symbol);
    return symbol;
  });
}
