/**
 * A weight within this distance of its bound is solver residue: HiGHS' primal feasibility
 * tolerance is 1e-7, and a sheet should show 0, not 3E-10.
 */
const SNAP_TOLERANCE = 1e-9;

/**
 * The portfolio weights in an LP solution: w_j = x[column_j] / κ (κ = x[scale] under Charnes–Cooper
 * homogenisation, else 1), each within 1e-9 of a bound set exactly to it, and the residue (≈1e-9)
 * given to the largest weight strictly inside its bounds so that Σw = 1 to rounding.
 * Conventions: returns a new array; x is not modified.
 * Complexity: O(n).
 *
 * @param x the solution's primal values
 * @param columns the weight (or y = κw) column of each asset
 * @param scale the κ column, or undefined
 * @param lower validated lower bounds, one per asset
 * @param upper validated upper bounds (at most 1), one per asset
 * @returns the weights
 * @throws nothing: x comes from an optimal solution of a validated program
 * @example solutionWeights([0.2, 0.6, 2], [0, 1], 2, [0, 0], [1, 1]); // => [0.25, 0.75]
 */
export function solutionWeights(
  x: ArrayLike<number>,
  columns: ArrayLike<number>,
  scale: number | undefined,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>
): Float64Array {
  const n = columns.length;
  const kappa = scale === undefined ? 1 : x[scale];
  const out = new Float64Array(n);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    out[j] = x[columns[j]] / kappa;
    sum += out[j];
  }
  let free = -1;
  let snapped = 0;
  for (let j = 0; j < n; j++) {
    // Dividing by the sum first removes the budget row's own residue.
    const w = out[j] / sum;
    if (w <= lower[j] + SNAP_TOLERANCE) out[j] = lower[j];
    else if (w >= upper[j] - SNAP_TOLERANCE) out[j] = upper[j];
    else {
      out[j] = w;
      if (free < 0 || w > out[free]) free = j;
    }
    snapped += out[j];
  }
  if (free >= 0) out[free] += 1 - snapped;
  return out;
}
