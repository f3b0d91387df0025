/**
 * Weights within this distance of a bound are rounding residue of the solver (its feasibility
 * tolerance is 1e-12 relative and the residues seen are ~1e-16): a sheet should show 0, not 4.8E-16.
 */
const SNAP_TOLERANCE = 1e-12;

/**
 * Rounds solver residue off a long-only weight vector: a weight within 1e-12 of its lower or upper
 * bound is set exactly to it, and the change (≈1e-15) is given back to the largest weight that is
 * strictly inside its bounds, so Σw stays 1 to rounding. Nothing moves by more than 1e-12.
 * Conventions: works on a fresh copy; the input is not modified.
 * Complexity: O(n).
 *
 * @param weights solver output, Σw ≈ 1
 * @param lower lower bounds, one per weight
 * @param upper upper bounds, one per weight
 * @returns a new Float64Array
 * @throws nothing: the inputs come from a validated problem
 * @example snapWeightsToBounds([4.8e-16, 0.5, 0.5], [0, 0, 0], [1, 1, 0.5]); // => Float64Array [0, 0.5, 0.5]
 */
export function snapWeightsToBounds(
  weights: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>
): Float64Array {
  const n = weights.length;
  const out = Float64Array.from(weights);
  let moved = 0;
  let largestFree = -1;
  for (let i = 0; i < n; i++) {
    const w = out[i];
    if (Math.abs(w - lower[i]) <= SNAP_TOLERANCE) {
      out[i] = lower[i];
    } else if (Math.abs(w - upper[i]) <= SNAP_TOLERANCE) {
      out[i] = upper[i];
    } else if (largestFree < 0 || w > out[largestFree]) {
      largestFree = i;
    }
    moved += w - out[i];
  }
  if (largestFree >= 0) out[largestFree] += moved;
  return out;
}
