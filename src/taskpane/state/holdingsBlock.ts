import type { TableBlock } from "../excel/tableBlock";

/**
 * The Holdings table the pane creates when there is none: Symbol and Units, one row per index
 * constituent with units left blank for the user to fill (or one blank row with no index yet).
 * After that it is the user's table: the pane reads it and never writes it again.
 *
 * @example holdingsBlock(["BTC", "ETH"]).rows; // => [["BTC", ""], ["ETH", ""]]
 */
export function holdingsBlock(symbols: readonly string[]): TableBlock {
  return {
    name: "Holdings",
    sheet: "Holdings",
    headers: ["Symbol", "Units"],
    rows: symbols.length === 0 ? [["", ""]] : symbols.map((s) => [s, ""]),
  };
}
