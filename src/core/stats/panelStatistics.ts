import { CoreError, isCoreError } from "../errors";
import type { ReturnsPanel } from "../types";
import { checkedConfidence } from "./checkedConfidence";
import { checkedPeriodsPerYear } from "./checkedPeriodsPerYear";
import { checkedRate } from "./checkedRate";
import { seriesSpan } from "./seriesSpan";
import {
  type SeriesStatistics,
  type SeriesStatisticsOptions,
  seriesStatistics,
} from "./seriesStatistics";

/** Options for {@link panelStatistics}: those of `seriesStatistics`, with the benchmark a column. */
export interface PanelStatisticsOptions extends Omit<SeriesStatisticsOptions, "benchmark"> {
  /** 0-based column of the benchmark (e.g. BTC); omitted = no beta, correlation or TE. */
  readonly benchmarkColumn?: number;
}

/**
 * `seriesStatistics` for every asset (column) of a returns panel, each on its own span: the rows
 * between its leading NaN (not listed yet) and trailing NaN (delisted), so a coin listed in 2020 is
 * measured from 2020 and not rejected for its blanks.
 *
 * Formula: for column j with data on rows [first_j, last_j], seriesStatistics(r_j[first_j..last_j],
 * { …options, benchmark: b[first_j..last_j] }); the benchmark may have NaN there (pairwise-complete).
 * Reference: as pandas `df[col].dropna()` per column for the leading/trailing blanks.
 * Conventions: see `seriesStatistics`. An asset that cannot be measured (no data, a gap inside its
 * span, fewer than two returns, a non-finite value) gets a `CoreError` in its slot, naming the
 * column and label, so one bad asset is one error cell in the STATS spill.
 * Complexity: O(cols · rows log rows); no copy of the data (zero-copy column views).
 *
 * @param returns a returns panel (NaN = missing)
 * @param options periodsPerYear, riskFree, mar, confidence, benchmarkColumn
 * @returns one entry per column: the asset's statistics, or the CoreError that stopped them
 * @throws CoreError INVALID_ARGUMENT (benchmarkColumn not a column index; bad periodsPerYear,
 *   confidence or rates — these concern every asset, so they throw instead of filling every slot)
 * @example panelStatistics(returnsFromPrices(pricePanel([[1, NaN], [2, 10], [3, 11], [3, 12]])))[1].periods;
 *   // => 2 (column 2 is measured on its own span: returns 0.1 and 0.0909…)
 */
export function panelStatistics(
  returns: ReturnsPanel,
  options: PanelStatisticsOptions = {}
): Array<SeriesStatistics | CoreError> {
  checkedPeriodsPerYear(options.periodsPerYear);
  checkedRate(options.riskFree, "riskFree");
  checkedRate(options.mar, "mar");
  checkedConfidence(options.confidence);
  const { rows, cols, data, labels } = returns;
  const benchmarkColumn = options.benchmarkColumn;
  if (
    benchmarkColumn !== undefined &&
    !(Number.isInteger(benchmarkColumn) && benchmarkColumn >= 0 && benchmarkColumn < cols)
  ) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `benchmark must be a column from 1 to ${cols}; got ${benchmarkColumn + 1}`,
      { argument: "benchmark" }
    );
  }
  const out: Array<SeriesStatistics | CoreError> = [];
  for (let j = 0; j < cols; j++) {
    const series = data.subarray(j * rows, (j + 1) * rows);
    const where = `returns: column ${j + 1} (${labels[j]})`;
    const location = { argument: "returns", column: j, label: labels[j] };
    const span = seriesSpan(series);
    if (span.first < 0) {
      out.push(
        new CoreError(
          "NOT_AVAILABLE",
          `${where} has no returns; remove it or give it prices`,
          location
        )
      );
      continue;
    }
    if (span.gapRow >= 0) {
      out.push(
        new CoreError(
          "GAP_IN_SERIES",
          `${where}, row ${span.gapRow + 1} is empty between returns; fill the gap (fill="previous")`,
          { ...location, row: span.gapRow }
        )
      );
      continue;
    }
    const own = series.subarray(span.first, span.last + 1);
    const benchmark =
      benchmarkColumn === undefined
        ? undefined
        : data.subarray(
            benchmarkColumn * rows + span.first,
            benchmarkColumn * rows + span.last + 1
          );
    try {
      out.push(seriesStatistics(own, { ...options, benchmark }));
    } catch (error) {
      if (!isCoreError(error)) throw error;
      out.push(relocated(error, j, labels, span.first, benchmarkColumn));
    }
  }
  return out;
}

/**
 * Re-issues an error raised on a column's span with the column, its label and the panel row: the
 * span-relative "returns: row 3 is …" becomes "returns: column 2 (ETH), row 5 is …".
 */
function relocated(
  error: CoreError,
  j: number,
  labels: readonly string[],
  offset: number,
  benchmarkColumn: number | undefined
): CoreError {
  const argument = error.argument === "benchmark" ? "benchmark" : "returns";
  const column = argument === "benchmark" && benchmarkColumn !== undefined ? benchmarkColumn : j;
  const where = `${argument}: column ${column + 1} (${labels[column]})`;
  const row = error.row === undefined ? undefined : error.row + offset;
  const match = /^(returns|benchmark)(: | )(row \d+ )?/.exec(error.message);
  const rest = match ? error.message.slice(match[0].length) : error.message;
  const message =
    row !== undefined
      ? `${where}, row ${row + 1} ${rest}`
      : match && match[2] === " "
        ? `${where} ${rest}`
        : `${where}: ${rest}`;
  return new CoreError(error.code, message, { argument, column, label: labels[column], row });
}
