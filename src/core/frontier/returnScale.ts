import type { FrontierInputs } from "./validateFrontierInputs";

/**
 * The scale against which differences of expected returns are judged: max(max |μ_i|, max σ_i).
 * Relative to max |μ| alone, returns that are all (nearly) zero would make rounding noise look
 * like real differences; a return gap far below every asset's volatility changes the frontier only
 * at astronomically large risk tolerance λ.
 * Complexity: O(n).
 *
 * @param inputs validated inputs
 * @example
 * const cov = { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] };
 * returnScale(validateFrontierInputs([0.1, 0.2], cov)); // => 0.3 (σ_B beats max |μ| = 0.2)
 */
export function returnScale(inputs: FrontierInputs): number {
  const { n, mu, cov } = inputs;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    scale = Math.max(scale, Math.abs(mu[i]), Math.sqrt(cov[i * n + i]));
  }
  return scale;
}
