import type { TableBlock } from "../excel/tableBlock";
import { GENERAL_FORMAT, TEXT_FORMAT } from "./numberFormats";

/**
 * The Holdings table the pane creates when there is none: Symbol and Units, one row per index
 * constituent with units left blank for the user to fill (or one blank row with no index yet).
 * After that it is the user's table: the pane reads it and never writes it again. Symbol is a text
 * ("@") column, so what the user types there later ("00", "TRUE", "-X") stays text too; Units is
 * General (2 shows as 2, 0.0015 as 0.0015).
 *
 * @example holdingsBlock(["BTC", "ETH"]).rows; // => [["BTC", ""], ["ETH", ""]]
 */
export function holdingsBlock(symbols: readonly string[]): TableBlock {
  return {
    name: "Holdings",
    sheet: "Holdings",
    headers: ["Symbol", "Units"],
    rows: symbols.length === 0 ? [["", ""]] : symbols.map((s) => [s, ""]),
    formats: [TEXT_FORMAT, GENERAL_FORMAT],
  };
}
