import { type Parsed, invalid, ok } from "./result";
import { columnLetter, describeCell, isBlankCell, numericDataTypeValue } from "./cell";
import { toGrid } from "./vector";

/** A square matrix read from a range (row-major), with labels when the range carried them. */
export interface ParsedSquareMatrix {
  readonly size: number;
  readonly data: Float64Array;
  readonly labels?: string[];
}

/**
 * True when a range looks like a labelled square matrix as our functions spill it (COVMATRIX,
 * CORRMATRIX): a blank top-left corner, names across the first row and the same names down the
 * first column. A price range never has that shape (its first column holds numbers or dates), so
 * functions can accept either prices or a covariance matrix in one argument without guessing.
 */
export function isLabelledSquareMatrix(range: unknown): boolean {
  const grid = toGrid(range);
  const n = grid.length - 1;
  if (n < 1 || grid[0].length !== n + 1 || !isBlankCell(grid[0][0])) return false;
  for (let i = 1; i <= n; i++) {
    const across = grid[0][i];
    const down = grid[i][0];
    if (
      typeof across !== "string" ||
      typeof down !== "string" ||
      across.trim() !== down.trim() ||
      across.trim() === ""
    ) {
      return false;
    }
  }
  return true;
}

/**
 * Parses a square matrix: either labelled (see {@link isLabelledSquareMatrix}) or plain numbers.
 * Every entry must be a finite number; symmetry is checked by the caller that needs it.
 */
export function parseSquareMatrix(range: unknown, argument: string): Parsed<ParsedSquareMatrix> {
  const grid = toGrid(range);
  const labelled = isLabelledSquareMatrix(grid);
  const offset = labelled ? 1 : 0;
  const size = grid.length - offset;
  if (size < 1) return invalid(`${argument} is empty; select a square matrix`);
  if (grid.some((row) => row.length !== size + offset)) {
    return invalid(
      `${argument} must be square (as many rows as columns); got ${grid.length} × ${grid[0]?.length ?? 0}`
    );
  }
  const data = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      let cell = grid[i + offset][j + offset];
      // Slow path only: a Double or FormattedNumber data type stands for its number.
      if (typeof cell !== "number") cell = numericDataTypeValue(cell) ?? cell;
      if (typeof cell !== "number" || !Number.isFinite(cell)) {
        return invalid(
          `${argument}: cell ${columnLetter(j + offset)}${i + offset + 1} holds ${isBlankCell(cell) ? "nothing" : describeCell(cell)}; every entry must be a number`,
          i + offset,
          j + offset
        );
      }
      data[i * size + j] = cell;
    }
  }
  const labels = labelled ? grid[0].slice(1).map((cell) => String(cell).trim()) : undefined;
  return ok({ size, data, labels });
}
