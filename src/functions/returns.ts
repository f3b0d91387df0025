import { commonRows } from "../core/panel/commonRows";
import { returnsFromPrices } from "../core/returns/returnsFromPrices";
import { excelBoundary, unwrap } from "./boundary";
import { parseChoice } from "./parse/options";
import { usingPrices } from "./prices";
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
    return usingPrices(prices, fill, ({ panel, hasHeader }) => {
      const how = unwrap(parseChoice(method, "method", ["simple", "log"] as const, "simple"));
      return spillPanel(returnsFromPrices(panel, how), hasHeader ? panel.labels : undefined);
    });
  });
}

/**
 * Cleaned, aligned prices: "common" keeps only the dates where every asset has a price (what the
 * optimisers use); "previous" carries the last price over gaps inside a series; "keep" leaves blanks
 * as they are (zeros, which Excel desktop passes for empty cells, become blanks). A leading "Date"
 * column is echoed beside the kept rows.
 * @customfunction ALIGN
 * @helpurl https://localhost:3000/help.html#align
 * @param prices Prices: dates down (oldest first), assets across, optional header row; a first column headed "Date" is kept beside the result.
 * @param [missing] "common" (default): only dates with every price; "previous": fill gaps with the last price; "keep": leave blanks.
 * @returns The cleaned prices, under the header row (and beside the dates) when the range had them.
 */
export function align(prices: any[][], missing?: string): any[][] {
  return excelBoundary("ALIGN", () => {
    const how = unwrap(
      parseChoice(missing, "missing", ["common", "previous", "keep"] as const, "common")
    );
    const fill = how === "common" ? "keep" : how;
    return usingPrices(
      prices,
      fill,
      (read) => {
        const { panel, rows } =
          how === "common" ? commonRows(read.panel) : { panel: read.panel, rows: undefined };
        const grid = spillPanel(panel, read.hasHeader ? panel.labels : undefined);
        if (read.dates === undefined) return grid;
        const dates = rows === undefined ? read.dates : Array.from(rows, (t) => read.dates?.[t]);
        const header = read.hasHeader ? 1 : 0;
        return grid.map((row, r) => [r < header ? "Date" : (dates[r - header] ?? ""), ...row]);
      },
      "prices",
      ["keep", "previous"]
    );
  });
}
