import { CoreError } from "../errors";

/**
 * A metric's value, or a clear error when double precision could not hold it: finite inputs can
 * still overflow (returns near 1e308, whose squares are Infinity; a growth ratio of 1e300 raised to
 * 365) or underflow (values near 1e-162, whose squares and cubes vanish, leaving 0/0), and a NaN or
 * Infinity must never pass for a number.
 * Complexity: O(1).
 *
 * @param value the computed metric
 * @param metric what it is, in words ("Sharpe ratio")
 * @param argument the input it was computed from (default "returns")
 * @returns value when finite
 * @throws CoreError NON_FINITE, saying the inputs are too large or too small to compute it
 * @example finiteMetric(1.5, "Sharpe ratio"); // => 1.5
 */
export function finiteMetric(value: number, metric: string, argument = "returns"): number {
  if (Number.isFinite(value)) return value;
  throw new CoreError(
    "NON_FINITE",
    `${argument}: the ${metric} cannot be computed in double precision (the values are too large or too small, e.g. 1e308 or 1e-200); check the data or rescale it`,
    { argument }
  );
}
