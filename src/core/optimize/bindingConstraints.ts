import type { PortfolioConstraintRows } from "./portfolioConstraintRows";

/** A constraint holds with equality when |A_r·w − b_r| ≤ this (weights are O(1); solver residue ~1e-15). */
const BINDING_TOLERANCE = 1e-9;

/**
 * The names of the constraints that hold with equality at w: the bounds and group limits that
 * bind (a weight at its cap, a group at its floor, a weight at 0 held by long-only).
 *
 * Formula: row r binds when |A_r·w − b_r| ≤ 1e-9. Unlike the solver's active set, which may omit a
 * tight constraint implied by others (degenerate optima), this lists every tight one.
 * Complexity: O(rows × n).
 *
 * @param rows the constraint rows from {@link portfolioConstraintRows}
 * @param weights the portfolio, one weight per asset
 * @returns constraint names in row order, e.g. ["asset SOL: max 0.2", "group DeFi: cap 0.3"]
 * @throws nothing: the inputs come from a validated problem
 * @example bindingConstraints(portfolioConstraintRows({ upper: 0.6 }, 2, ["A", "B"]), [0.6, 0.4]);
 * // => ["asset A: max 0.6"]
 */
export function bindingConstraints(
  rows: PortfolioConstraintRows,
  weights: ArrayLike<number>
): string[] {
  const n = weights.length;
  const out: string[] = [];
  for (let r = 0; r < rows.bineq.length; r++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += rows.Aineq[r * n + j] * weights[j];
    if (Math.abs(sum - rows.bineq[r]) <= BINDING_TOLERANCE) out.push(rows.names[r]);
  }
  return out;
}
