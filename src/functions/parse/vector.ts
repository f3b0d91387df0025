import { type Parsed, invalid, ok } from "./result";
import { columnLetter, describeCell, isBlankCell, isErrorCell, numericDataTypeValue } from "./cell";

/** A vector read from a range, with its labels when the range had a label row or column. */
export interface ParsedVector {
  readonly values: Float64Array;
  readonly labels?: string[];
}

/** Options for {@link parseVector}. */
export interface VectorRule {
  /** Blank cells: "error" (default) or "zero" (a blank weight is 0). */
  readonly blanks?: "error" | "zero";
  /** Reject negative values (weights, holdings, market caps). */
  readonly nonNegative?: boolean;
}

/**
 * Parses an N-vector given as a row or a column, either way round, optionally with a row or
 * column of labels beside it (2 × N or N × 2 with text in one line). A single cell is a 1-vector.
 * Positions in messages are Excel-style within the selection.
 */
export function parseVector(
  range: unknown,
  argument: string,
  rule: VectorRule = {}
): Parsed<ParsedVector> {
  const grid = toGrid(range);
  if (grid.length === 0 || grid[0].length === 0)
    return invalid(`${argument} is empty; select a row or a column of numbers`);
  const rows = grid.length;
  const cols = grid[0].length;
  if (grid.some((row) => row.length !== cols)) return invalid(`${argument} is not rectangular`);
  const isText = (cell: unknown) =>
    typeof cell === "string" && cell.trim() !== "" && !Number.isFinite(Number(cell));

  // Orientation: a single line is the vector; two lines where one is all text is labels + values.
  let cells: Array<{ cell: unknown; r: number; c: number }>;
  let labels: string[] | undefined;
  if (rows === 1 || cols === 1) {
    cells = grid.flatMap((row, r) => row.map((cell, c) => ({ cell, r, c })));
    // A leading text cell in a single line is a label for the whole vector (e.g. "Weights").
    if (cells.length > 1 && isText(cells[0].cell) && !cells.slice(1).some((x) => isText(x.cell)))
      cells = cells.slice(1);
  } else if (rows === 2 && grid[0].every(isText)) {
    labels = grid[0].map((cell) => String(cell).trim());
    cells = grid[1].map((cell, c) => ({ cell, r: 1, c }));
  } else if (cols === 2 && grid.every((row) => isText(row[0]))) {
    labels = grid.map((row) => String(row[0]).trim());
    cells = grid.map((row, r) => ({ cell: row[1], r, c: 1 }));
  } else {
    return invalid(
      `${argument} must be one row or one column of numbers (optionally with a row or column of names); got ${rows} × ${cols} cells`
    );
  }
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const { cell, r, c } = cells[i];
    const where = `${argument}: cell ${columnLetter(c)}${r + 1}${labels ? ` (${labels[i]})` : ""}`;
    if (typeof cell === "number" && Number.isFinite(cell)) {
      values[i] = cell;
    } else if (isBlankCell(cell)) {
      if (rule.blanks !== "zero") return invalid(`${where} is empty; enter a number`, r, c);
      values[i] = 0;
    } else if (typeof cell === "string" && Number.isFinite(Number(cell))) {
      values[i] = Number(cell);
    } else if (Number.isFinite(numericDataTypeValue(cell))) {
      values[i] = numericDataTypeValue(cell) as number;
    } else {
      const fix = isErrorCell(cell) ? "fix the source cell" : "enter a number";
      return invalid(`${where} holds ${describeCell(cell)}; ${fix}`, r, c);
    }
    if (rule.nonNegative && values[i] < 0)
      return invalid(`${where} is ${values[i]}; it must not be negative`, r, c);
  }
  return ok({ values, labels });
}

/** A list of text labels (e.g. sectors) as a row or column; blanks are errors. */
export function parseLabels(range: unknown, argument: string): Parsed<string[]> {
  const grid = toGrid(range);
  if (grid.length === 0) return invalid(`${argument} is empty; select a row or a column of names`);
  if (grid.length !== 1 && grid[0].length !== 1)
    return invalid(`${argument} must be one row or one column of names`);
  const out: string[] = [];
  for (const [r, row] of grid.entries()) {
    for (const [c, cell] of row.entries()) {
      if (isBlankCell(cell) || isErrorCell(cell) || typeof cell === "boolean") {
        return invalid(
          `${argument}: cell ${columnLetter(c)}${r + 1} holds ${isBlankCell(cell) ? "nothing" : describeCell(cell)}; enter a name`,
          r,
          c
        );
      }
      out.push(String(cell).trim());
    }
  }
  return ok(out);
}

/** Excel passes a single cell as a bare value; normalise to a grid. */
export function toGrid(range: unknown): unknown[][] {
  if (range === null || range === undefined) return [];
  if (!Array.isArray(range)) return [[range]];
  if (range.length === 0) return [];
  if (!Array.isArray(range[0])) return [range];
  return range as unknown[][];
}
