import { covarianceMatrix } from "../../core/covariance/covarianceMatrix";
import { drawdownSeries } from "../../core/drawdown/drawdownSeries";
import { efficientFrontier } from "../../core/frontier/efficientFrontier";
import { pricePanel } from "../../core/panel/pricePanel";
import { meanReturns } from "../../core/returns/meanReturns";
import { returnsFromPrices } from "../../core/returns/returnsFromPrices";
import type { TableContents } from "../excel/readTable";
import type { CellValue, TableBlock } from "../excel/tableBlock";
import { DATE_FORMAT } from "./excelDates";
import { DRAWDOWN_FORMAT, PERCENT_FORMAT as PERCENT } from "./numberFormats";
import { PaneError } from "./paneError";

/** Options of {@link chartTables}. */
export interface ChartTablesOptions {
  /** Frontier points, equally spaced in return (default 30: a smooth curve, a small table). */
  readonly points?: number;
  /** Annualisation of the mean and covariance (default 365, daily crypto prices). */
  readonly periodsPerYear?: number;
}

const DEFAULT_POINTS = 30;
const DEFAULT_PERIODS_PER_YEAR = 365;

/**
 * The data behind the Charts tab, from the Prices table (Date, then one column of closes per
 * asset, oldest first, blank before a listing):
 *
 * - `Frontier` (sheet Frontier): the exact long-only efficient frontier (core efficientFrontier,
 *   critical line algorithm) of the annualised mean simple returns and sample covariance (numpy
 *   ddof=1) over the days where every asset has a return, periodsPerYear 365 by default; columns
 *   Volatility, Return, Sharpe (risk-free 0), then the weight of each asset.
 * - `Drawdowns` (sheet Drawdowns): Date, then each asset's drawdown from its running peak (core
 *   drawdownSeries, 0 at a new high, −0.25 a quarter below it), blank before its first price.
 *
 * Complexity: O(T·N²) for the covariance plus O(N³) for the frontier.
 *
 * @param prices the Prices table as read (header and data rows)
 * @param options points (default 30), periodsPerYear (default 365)
 * @returns [Frontier, Drawdowns]
 * @throws PaneError when the table has no Date column or no asset columns, or a cell is text
 * @throws CoreError from the core, with its message (NON_POSITIVE_PRICE, GAP_IN_SERIES, TOO_FEW_POINTS
 *   when fewer than two days have a price for every asset, ZERO_VARIANCE, SINGULAR_MATRIX …)
 * @example chartTables({ name: "Prices", headers: ["Date", "A", "B"], rows }).map((b) => b.name);
 *   // => ["Frontier", "Drawdowns"]
 */
export function chartTables(
  prices: TableContents,
  options: ChartTablesOptions = {}
): [TableBlock, TableBlock] {
  const [dateHeader, ...labels] = prices.headers;
  if (String(dateHeader).trim().toLowerCase() !== "date" || labels.length === 0) {
    throw new PaneError(
      `The ${prices.name} table should start with a Date column followed by one column per token; ` +
        "build or refresh the index to rewrite it."
    );
  }
  const rows = prices.rows.length;
  const values: number[][] = new Array(rows);
  const dates: CellValue[] = new Array(rows);
  for (let t = 0; t < rows; t++) {
    const row = prices.rows[t];
    dates[t] = row[0];
    const numbers = new Array<number>(labels.length);
    for (let j = 0; j < labels.length; j++) {
      const cell = row[j + 1];
      if (cell === "" || cell === null || cell === undefined) numbers[j] = NaN;
      else if (typeof cell === "number") numbers[j] = cell;
      else {
        throw new PaneError(
          `${prices.name}: row ${t + 2}, column ${labels[j]} holds "${String(cell)}", not a price; ` +
            "correct it or refresh the index."
        );
      }
    }
    values[t] = numbers;
  }
  const panel = pricePanel(values, { labels, argument: prices.name, rowOffset: 1 });
  const returns = returnsFromPrices(panel);
  const periodsPerYear = options.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  const mu = meanReturns(returns, periodsPerYear);
  const { matrix } = covarianceMatrix(returns, { estimator: "sample", periodsPerYear });
  const points = efficientFrontier(mu, matrix, { points: options.points ?? DEFAULT_POINTS });
  const frontier: TableBlock = {
    name: "Frontier",
    sheet: "Frontier",
    headers: ["Volatility", "Return", "Sharpe", ...labels],
    rows: points.map((p) => [p.volatility, p.expectedReturn, p.sharpe, ...p.weights]),
    formats: [PERCENT, PERCENT, "0.00", ...labels.map(() => PERCENT)],
  };

  const drawdownRows: CellValue[][] = dates.map((date) => {
    const row = new Array<CellValue>(labels.length + 1).fill("");
    row[0] = date;
    return row;
  });
  for (let j = 0; j < labels.length; j++) {
    const series = panel.data.subarray(j * rows, (j + 1) * rows);
    let first = 0;
    while (first < rows && Number.isNaN(series[first])) first++;
    let last = rows;
    while (last > first && Number.isNaN(series[last - 1])) last--;
    // One price is a drawdown of 0 (no fall yet); drawdownSeries needs two.
    const drawdowns = last - first >= 2 ? drawdownSeries(series.subarray(first, last)) : [0];
    for (let t = 0; t < drawdowns.length; t++) {
      // Excel has no negative zero; a new high is 0.
      drawdownRows[first + t][j + 1] = drawdowns[t] === 0 ? 0 : drawdowns[t];
    }
  }
  const drawdowns: TableBlock = {
    name: "Drawdowns",
    sheet: "Drawdowns",
    headers: ["Date", ...labels],
    rows: drawdownRows,
    formats: [DATE_FORMAT, ...labels.map(() => DRAWDOWN_FORMAT)],
  };
  return [frontier, drawdowns];
}
