import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";

/**
 * Returns of a portfolio held at fixed weights (rebalanced back to them every period), on the
 * rows where every asset has a return.
 *
 * Formula: r_p,t = Σ_i w_i · r_i,t (the period return of a constant-mix portfolio; for simple
 * returns this is exact, as in PyPortfolioOpt `portfolio_performance` and empyrical). Rows where any
 * asset is missing (before listing, after delisting) are skipped, so the result may be shorter.
 * Conventions: weights are fractions of the portfolio; they are not required to sum to 1 (cash or
 * leverage is the remainder), but must be finite.
 * Complexity: O(rows × cols).
 *
 * @param returns per-period simple returns (NaN = missing)
 * @param weights one weight per column
 * @returns the portfolio's returns on the complete rows, oldest first
 * @throws CoreError LENGTH_MISMATCH (weights count ≠ columns); NON_FINITE (a weight NaN/±Infinity);
 *   TOO_FEW_POINTS (fewer than two complete rows; says how many remained)
 * @example portfolioReturns(returnsOf([[0.1, 0], [0, 0.2]]), [0.5, 0.5]); // => [0.05, 0.1]
 */
export function portfolioReturns(returns: ReturnsPanel, weights: ArrayLike<number>): Float64Array {
  const { rows, cols, data } = returns;
  if (weights.length !== cols) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `weights has ${weights.length} values but prices has ${cols} assets; give one weight per asset`,
      { argument: "weights" }
    );
  }
  for (let j = 0; j < cols; j++) {
    if (!Number.isFinite(weights[j])) {
      throw new CoreError(
        "NON_FINITE",
        `weights: value ${j + 1} (${returns.labels[j]}) is not a finite number`,
        {
          argument: "weights",
          column: j,
          label: returns.labels[j],
        }
      );
    }
  }
  const out = new Float64Array(rows);
  let kept = 0;
  for (let t = 0; t < rows; t++) {
    let sum = 0;
    let complete = true;
    for (let j = 0; j < cols; j++) {
      const r = data[j * rows + t];
      if (Number.isNaN(r)) {
        complete = false;
        break;
      }
      sum += weights[j] * r;
    }
    if (!complete) continue;
    // A return of ±Infinity (or weights large enough to overflow) would pass for a number.
    if (!Number.isFinite(sum)) {
      throw new CoreError(
        "NON_FINITE",
        `returns: the portfolio's return on row ${t + 1} is ${sum}; every return and weight must be a finite number of ordinary size`,
        { argument: "returns", row: t }
      );
    }
    out[kept++] = sum;
  }
  if (kept < 2) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `only ${kept} dates have a return for every asset; a portfolio needs at least two: drop late-listed assets or add history`,
      { argument: "prices" }
    );
  }
  return out.slice(0, kept);
}
