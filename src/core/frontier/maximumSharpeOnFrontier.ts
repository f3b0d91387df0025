import { CoreError } from "../errors";
import type { TurningPoint } from "./traceCriticalLine";
import { frontierPointOnSegment, type FrontierPoint } from "./frontierPointOnSegment";
import type { FrontierInputs } from "./validateFrontierInputs";

/**
 * The maximum-Sharpe portfolio on a frontier given by its turning points, found exactly.
 *
 * On the segment w(t) = (1 − t)w₀ + t·w₁ (t ∈ [0, 1]) the excess return is e(t) = e₀ + Δr·t and the
 * variance v(t) = A t² + 2B t + C with A = dᵀΣd, B = w₀ᵀΣd, C = w₀ᵀΣw₀, d = w₁ − w₀. Setting
 * d/dt [e(t)/√v(t)] = 0 gives e′v − ½ e v′ = 0, whose t² terms cancel:
 *   (Δr·B − e₀·A)·t + (Δr·C − e₀·B) = 0  ⇒  t* = (e₀B − Δr·C) / (Δr·B − e₀A),
 * so each segment's maximum is at t*, if inside (0, 1), or at an end. The best segment wins; no
 * line search, no tolerance (Bailey & López de Prado 2013 use golden-section search instead).
 * Complexity: O(n·m) per segment for m assets that move along it (zero entries skipped, bit-identically).
 *
 * @param inputs validated inputs
 * @param turningPoints the output of traceCriticalLine (highest return first)
 * @param riskFree risk-free rate, same units as μ
 * @throws CoreError INFEASIBLE (no frontier portfolio earns more than riskFree)
 * @example
 * const inputs = validateFrontierInputs([0.1, 0.2], { size: 2, data: new Float64Array([0.04, 0, 0, 0.09]), labels: ["A", "B"] });
 * maximumSharpeOnFrontier(inputs, traceCriticalLine(inputs), 0).sharpe; // => 0.8333… = √(μᵀΣ⁻¹μ)
 */
export function maximumSharpeOnFrontier(
  inputs: FrontierInputs,
  turningPoints: readonly TurningPoint[],
  riskFree: number
): FrontierPoint {
  const { n, cov } = inputs;
  const top = turningPoints[0];
  if (!(top.expectedReturn > riskFree)) {
    throw new CoreError(
      "INFEASIBLE",
      `riskFree: ${riskFree} is not below the highest attainable expected return ${Number(top.expectedReturn.toPrecision(6))}, so no portfolio has a positive Sharpe ratio; lower riskFree or raise the upper bounds of high-return assets`,
      { argument: "riskFree" }
    );
  }
  let bestSegment = 0;
  let bestT = 0;
  let bestSharpe = (top.expectedReturn - riskFree) / top.volatility;
  const direction = new Float64Array(n);
  const moving = new Int32Array(n);
  for (let s = 0; s + 1 < turningPoints.length; s++) {
    const w0 = turningPoints[s].weights;
    const w1 = turningPoints[s + 1].weights;
    // Only the free assets of the segment move; the zero entries of d (and of w0, for the rows)
    // add ±0 to the sums below, so skipping them changes no bit.
    let movingCount = 0;
    for (let i = 0; i < n; i++) {
      direction[i] = w1[i] - w0[i];
      if (direction[i] !== 0) moving[movingCount++] = i;
    }
    // A and B from d directly: v₁ − v₀ differences would cancel on short segments.
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      if (direction[i] === 0 && w0[i] === 0) continue;
      const row = i * n;
      let sigmaD = 0;
      for (let q = 0; q < movingCount; q++) {
        const j = moving[q];
        sigmaD += cov[row + j] * direction[j];
      }
      a += direction[i] * sigmaD;
      b += w0[i] * sigmaD;
    }
    const c = turningPoints[s].variance;
    const e0 = turningPoints[s].expectedReturn - riskFree;
    const dr = turningPoints[s + 1].expectedReturn - turningPoints[s].expectedReturn;
    const sharpeAt = (t: number) =>
      (e0 + dr * t) / Math.sqrt(Math.max(a * t * t + 2 * b * t + c, 0));
    const candidates = [1];
    const denominator = dr * b - e0 * a;
    if (denominator !== 0) {
      const t = (e0 * b - dr * c) / denominator;
      if (t > 0 && t < 1) candidates.push(t);
    }
    for (const t of candidates) {
      const sharpe = sharpeAt(t);
      if (sharpe > bestSharpe) {
        bestSharpe = sharpe;
        bestSegment = s;
        bestT = t;
      }
    }
  }
  const last = turningPoints.length - 1;
  const from = turningPoints[Math.min(bestSegment, last)];
  const to = turningPoints[Math.min(bestSegment + 1, last)];
  const atCorner = bestT === 0 || bestT === 1;
  return bestT === 1
    ? frontierPointOnSegment(inputs, to, to, 0, riskFree, true)
    : frontierPointOnSegment(inputs, from, to, bestT, riskFree, atCorner);
}
