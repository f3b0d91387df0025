import type { ChartReport, ChartSpec } from "../excel/upsertCharts";
import { upsertCharts } from "../excel/upsertCharts";
import { readTables } from "../excel/readTable";
import type { WriteReport } from "../excel/tableBlock";
import { writeOwnedTables } from "../excel/writeOwnedTables";
import { chartTables } from "./chartTables";
import { PaneError } from "./paneError";

/** The sheet the pane's charts are drawn on. */
export const CHARTS_SHEET = "Charts";

/** What the Charts tab reports. */
export interface ChartsResult {
  readonly assets: number;
  readonly days: number;
  readonly points: number;
  readonly tables: WriteReport;
  readonly charts: ChartReport;
}

/**
 * The Charts tab's one action: read the Prices and Constituents tables, compute the frontier and
 * drawdown tables (chartTables, all checked before anything is written), write them as owned
 * tables (Frontier, Drawdowns; the writer's rules apply: nothing over the user's cells, nothing on
 * a failure), then insert or update three named charts on the Charts sheet: the efficient
 * frontier (scatter of Volatility against Return), the index weights (bars of Constituents'
 * Weight by Symbol) and the drawdowns (lines by Date).
 *
 * @returns sizes and what was created or updated
 * @throws PaneError (no Prices or Constituents table: build an index first), CoreError (from the
 *   core, e.g. too few common days), SheetWriteError (workbook)
 * @example (await refreshCharts()).charts.created; // => ["Diversify frontier", "Diversify weights", "Diversify drawdowns"]
 */
export async function refreshCharts(): Promise<ChartsResult> {
  const [prices, constituents] = await readTables(["Prices", "Constituents"]);
  if (prices === undefined || constituents === undefined) {
    throw new PaneError(
      "The charts use the Prices and Constituents tables, and this workbook has no " +
        `${prices === undefined ? "Prices" : "Constituents"} table; build an index in the Index tab first.`
    );
  }
  const [frontier, drawdowns] = chartTables(prices);
  const tables = await writeOwnedTables([frontier, drawdowns]);
  const symbols = drawdowns.headers.slice(1);
  const specs: ChartSpec[] = [
    {
      name: "Diversify frontier",
      type: "XYScatterLines",
      title: "Efficient frontier: annualised volatility (x) and return (y)",
      table: "Frontier",
      columns: ["Volatility", "Return"],
    },
    {
      name: "Diversify weights",
      type: "BarClustered",
      title: "Index weights",
      table: "Constituents",
      columns: ["Weight"],
      categories: "Symbol",
    },
    {
      name: "Diversify drawdowns",
      type: "Line",
      title: "Drawdown from the running peak",
      table: "Drawdowns",
      columns: symbols,
      categories: "Date",
    },
  ];
  const charts = await upsertCharts(CHARTS_SHEET, specs);
  return {
    assets: symbols.length,
    days: prices.rows.length,
    points: frontier.rows.length,
    tables,
    charts,
  };
}
