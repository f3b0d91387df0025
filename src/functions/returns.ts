import { returnsFromPrices } from "../core/returns/returnsFromPrices";
import { excelBoundary, unwrap } from "./boundary";
import { parseChoice } from "./parse/options";
import { readPrices } from "./prices";
import { spillPanel } from "./spill";

/**
 * Period returns of each asset from a range of prices. Blank cells before an asset's first price
 * (not listed yet) give blank returns.
 * @customfunction RETURNS
 * @helpurl https://localhost:3000/help.html#returns
 * @param prices Prices: dates down (oldest first), assets across, optional header row of names.
 * @param [method] "simple" (default): P(t)/P(t-1) - 1, or "log": LN(P(t)/P(t-1)).
 * @param [fill] Blank inside a series: "none" (default, an error) or "previous" (carry the last price forward).
 * @returns (rows - 1) x assets returns, under the header row when the prices had one.
 */
export function returns(prices: any[][], method?: string, fill?: string): any[][] {
  return excelBoundary("RETURNS", () => {
    const { panel, hasHeader } = readPrices(prices, fill);
    const how = unwrap(parseChoice(method, "method", ["simple", "log"] as const, "simple"));
    return spillPanel(returnsFromPrices(panel, how), hasHeader ? panel.labels : undefined);
  });
}
