/** One cell the Analysis sheet writes: a label or a formula, at 0-based row and column. */
export interface AnalysisCell {
  readonly row: number;
  readonly column: number;
  /** Text, or a formula starting with "=". */
  readonly value: string;
}

/** The Analysis sheet's cells and where the correlation heat map goes. */
export interface AnalysisLayout {
  readonly cells: readonly AnalysisCell[];
  /** The correlation matrix's values (no labels): rows × columns from (row, column). */
  readonly heatMap: {
    readonly row: number;
    readonly column: number;
    readonly rows: number;
    readonly columns: number;
  };
}

/** Rows of each spill, with room for the header row and a blank row after it. */
const STATS_ROWS = 32;
const DRAWDOWN_ROWS = 5;
const PORTSTATS_ROWS = 16;

/**
 * The formulas of the optional Analysis sheet for an index of `assets` tokens: a title, then, one
 * block under another in column A, STATS, DRAWDOWN (max), RISKWEIGHTS ("erc"), PORTSTATS of the
 * index weights, and CORRMATRIX last, each under a label. Every formula reads the Prices and
 * Constituents tables by structured reference (Prices[#All]: the Date column is skipped by the
 * functions), so the sheet recalculates after each refresh. Blocks are spaced by their spill sizes
 * (RISKWEIGHTS and CORRMATRIX grow with the number of tokens), so no spill blocks another.
 *
 * @param assets the number of tokens in the Prices table, at least 1
 * @param options cashRow: Constituents ends with an adaptive index's CASH row (no Prices column),
 *   so PORTSTATS takes the first `assets` weights (INDEX:INDEX, any Excel version)
 * @returns the cells to write and the heat map's range
 * @throws RangeError when assets is not a whole number ≥ 1 (a bug upstream)
 * @example analysisLayout(10).cells[2]; // => { row: 3, column: 0, value: "=DIVERSIFY.STATS(Prices[#All])" }
 */
export function analysisLayout(
  assets: number,
  options: { readonly cashRow?: boolean } = {}
): AnalysisLayout {
  if (!Number.isInteger(assets) || assets < 1) {
    throw new RangeError(`analysisLayout: assets must be a whole number ≥ 1; got ${assets}`);
  }
  const blocks: Array<{ label: string; formula: string; rows: number }> = [
    {
      label: "Statistics per token (annualised, 365 days a year)",
      formula: "=DIVERSIFY.STATS(Prices[#All])",
      rows: STATS_ROWS,
    },
    {
      label: "Maximum drawdown and longest time under water",
      formula: "=DIVERSIFY.DRAWDOWN(Prices[#All])",
      rows: DRAWDOWN_ROWS,
    },
    {
      label: "Equal-risk-contribution weights",
      formula: '=DIVERSIFY.RISKWEIGHTS(Prices[#All],"erc")',
      rows: assets + 4,
    },
    {
      label: "The index portfolio (Constituents weights)",
      formula:
        options.cashRow === true
          ? `=DIVERSIFY.PORTSTATS(INDEX(Constituents[Weight],1):INDEX(Constituents[Weight],${assets}),Prices[#All])`
          : "=DIVERSIFY.PORTSTATS(Constituents[Weight],Prices[#All])",
      rows: PORTSTATS_ROWS,
    },
    {
      label: "Correlation of daily returns (green: low, red: high)",
      formula: "=DIVERSIFY.CORRMATRIX(Prices[#All])",
      rows: assets + 1,
    },
  ];
  const cells: AnalysisCell[] = [
    {
      row: 0,
      column: 0,
      value: "Diversify analysis of the Prices table: formulas that recalculate on every refresh",
    },
  ];
  let row = 2;
  let corrRow = 0;
  for (const block of blocks) {
    cells.push({ row, column: 0, value: block.label });
    cells.push({ row: row + 1, column: 0, value: block.formula });
    corrRow = row + 1;
    row += block.rows + 2;
  }
  // The matrix's header row and label column surround the values.
  return {
    cells,
    heatMap: { row: corrRow + 1, column: 1, rows: assets, columns: assets },
  };
}
