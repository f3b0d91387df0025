import { checkRequirementSets, hostIsSetSupported } from "./requirementSets";
import { SheetWriteError } from "./sheetWriteError";

/** One chart of the Charts sheet, over columns of a table the pane wrote. */
export interface ChartSpec {
  /** Chart name: how the chart is found again on a refresh (never duplicated). */
  readonly name: string;
  /** The chart types the pane draws (Office.js accepts these strings for Excel.ChartType). */
  readonly type:
    "XYScatterLines" | "XYScatter" | "BarClustered" | "ColumnClustered" | "Pie" | "Line";
  readonly title: string;
  /** The table holding the data (found by name, wherever it is). */
  readonly table: string;
  /** Header names of the charted columns: adjacent, left to right (for a scatter, x then y). */
  readonly columns: readonly string[];
  /** Header of the column whose values label the categories (bar and pie charts). */
  readonly categories?: string;
}

/** What {@link upsertCharts} did. */
export interface ChartReport {
  readonly sheet: string;
  readonly created: readonly string[];
  readonly updated: readonly string[];
}

/** Rows and columns each chart covers on the Charts sheet, stacked down column A. */
const CHART_ROWS = 18;
const CHART_COLUMNS = 8;
const GAP_ROWS = 2;

/**
 * Inserts or updates charts on one sheet (created when missing) in one Excel.run of three syncs:
 * (1) find the source tables and the sheet; (2) read the tables' places and headers and look each
 * chart up by name on the sheet; (3) create the missing charts (named, titled, stacked down the
 * sheet) or point the existing ones at the current data (setData keeps the user's position, size
 * and formatting). Charts float over cells and write none, so the sheet's cells are never touched.
 *
 * Source ranges are the table's columns, header included, so series are named after the headers,
 * and they cover the rows the table has now (a table that grows on a refresh needs this call again:
 * the Charts tab makes it after writing the tables).
 *
 * @param sheetName the sheet the charts live on (e.g. "Charts")
 * @param specs the charts, in the order they are stacked
 * @returns the sheet and which charts were created or updated
 * @throws SheetWriteError "unsupported" (this Excel lacks ExcelApi 1.7, checked before any request),
 *   "notFound" (a source table or column is missing, naming it), "invalid"
 *   (columns given that are not adjacent), "excel" (Excel refused a request)
 * @example await upsertCharts("Charts", [{ name: "Diversify weights", type: "BarClustered", title: "Weights",
 *   table: "Constituents", columns: ["Weight"], categories: "Symbol" }]);
 *   // => { sheet: "Charts", created: ["Diversify weights"], updated: [] }
 */
export async function upsertCharts(
  sheetName: string,
  specs: readonly ChartSpec[]
): Promise<ChartReport> {
  // Before any request: ChartSeries.setXAxisValues (ExcelApi 1.7) would be refused mid-write.
  const requirements = checkRequirementSets(hostIsSetSupported());
  const charts = requirements.missing.findIndex((c) => c.id === "charts");
  if (charts >= 0) throw new SheetWriteError("unsupported", requirements.messages[charts]);
  try {
    return await Excel.run(async (context) => {
      const workbook = context.workbook;
      const sheet = workbook.worksheets.getItemOrNullObject(sheetName);
      const tables = specs.map((spec) =>
        workbook.tables.getItemOrNullObject(spec.table).load("name")
      );
      await context.sync();
      tables.forEach((table, k) => {
        if (table.isNullObject) {
          throw new SheetWriteError(
            "notFound",
            `The ${specs[k].table} table is missing, so the "${specs[k].title}" chart cannot be drawn; build the index, then try again.`
          );
        }
      });
      const target = sheet.isNullObject ? workbook.worksheets.add(sheetName) : sheet;
      const reads = specs.map((spec, k) => ({
        spec,
        range: tables[k].getRange().load("rowIndex,columnIndex,rowCount"),
        header: tables[k].getHeaderRowRange().load("values"),
        sheetOfTable: tables[k].worksheet.load("name"),
        chart: target.charts.getItemOrNullObject(spec.name).load("name"),
      }));
      await context.sync();

      const created: string[] = [];
      const updated: string[] = [];
      reads.forEach(({ spec, range, header, sheetOfTable, chart }, k) => {
        const headers = (header.values[0] as unknown[]).map((h) => String(h).toLowerCase());
        const indexOf = (name: string) => {
          const j = headers.indexOf(name.toLowerCase());
          if (j < 0) {
            throw new SheetWriteError(
              "notFound",
              `The ${spec.table} table has no "${name}" column, so the "${spec.title}" chart cannot be drawn; refresh the index to rewrite it.`
            );
          }
          return j;
        };
        const first = indexOf(spec.columns[0]);
        spec.columns.forEach((name, i) => {
          if (indexOf(name) !== first + i) {
            throw new SheetWriteError(
              "invalid",
              `The "${spec.title}" chart needs ${spec.columns.join(", ")} side by side in ${spec.table}.`
            );
          }
        });
        const dataSheet = workbook.worksheets.getItem(sheetOfTable.name);
        const source = dataSheet.getRangeByIndexes(
          range.rowIndex,
          range.columnIndex + first,
          range.rowCount,
          spec.columns.length
        );
        const categories =
          spec.categories === undefined
            ? undefined
            : dataSheet.getRangeByIndexes(
                range.rowIndex + 1,
                range.columnIndex + indexOf(spec.categories),
                range.rowCount - 1,
                1
              );
        let drawn: Excel.Chart;
        if (chart.isNullObject) {
          drawn = target.charts.add(spec.type, source, "Columns");
          drawn.name = spec.name;
          const top = k * (CHART_ROWS + GAP_ROWS);
          drawn.setPosition(
            `A${top + 1}`,
            `${columnLetters(CHART_COLUMNS - 1)}${top + CHART_ROWS}`
          );
          created.push(spec.name);
        } else {
          drawn = chart;
          drawn.setData(source, "Columns");
          updated.push(spec.name);
        }
        drawn.title.text = spec.title;
        if (categories !== undefined) drawn.series.getItemAt(0).setXAxisValues(categories);
      });
      await context.sync();
      return { sheet: sheetName, created, updated };
    });
  } catch (error) {
    if (error instanceof SheetWriteError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    throw new SheetWriteError(
      "excel",
      `Excel could not draw the charts (${typeof code === "string" ? code : "error"}: ${
        error instanceof Error ? error.message : String(error)
      }). Try again.`
    );
  }
}

/** Column letters of a 0-based column (7 → "H"). */
function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
