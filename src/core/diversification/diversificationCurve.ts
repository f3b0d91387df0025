import { CoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { checkCovariance } from "../allocation/checkCovariance";

/** One step of {@link diversificationCurve}. */
export interface DiversificationStep {
  /** Index of the asset added at this step. */
  readonly added: number;
  /** Volatility of the equal-weighted portfolio of the assets so far. */
  readonly volatility: number;
  /** Mean volatility of those assets on their own. */
  readonly averageVolatility: number;
}

/**
 * The diversification curve: volatility of the equal-weighted portfolio of the first k assets,
 * k = 1 … maxHoldings, in a given order.
 *
 * Formula: σ_k = √(1ᵀ Σ_S 1) / k over the chosen set S (|S| = k), updated incrementally:
 * 1ᵀΣ_S1 grows by Σ_jj + 2 Σ_{i∈S} Σ_ij when j joins. Orders: "given" (input order, e.g. by market
 * cap), "lowvol" (ascending volatility, ties by index), "greedy" (each step adds the asset giving the
 * lowest σ_{k+1}, ties by index). Reference: Evans & Archer (1968), "Diversification and the
 * reduction of dispersion", for the curve; the greedy order is a forward-selection heuristic.
 * Complexity: O(n·m) for given/lowvol, O(n²·m) for greedy (m = maxHoldings).
 *
 * @param cov covariance matrix (annualised for annual volatilities)
 * @param options order (default "given"), maxHoldings (default all)
 * @throws CoreError INVALID_ARGUMENT (maxHoldings not in 1…n, unknown order); NON_FINITE;
 *   ZERO_VARIANCE never (a zero-variance asset simply lowers the curve)
 * @example diversificationCurve(diag(0.04, 0.04)).map((s) => s.volatility); // => [0.2, 0.1414…]
 */
export function diversificationCurve(
  cov: SquareMatrix,
  options: { readonly order?: "given" | "lowvol" | "greedy"; readonly maxHoldings?: number } = {}
): DiversificationStep[] {
  const n = cov.size;
  const m = options.maxHoldings ?? n;
  if (!Number.isInteger(m) || m < 1 || m > n) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `maxHoldings must be a whole number from 1 to ${n}; got ${m}`,
      { argument: "maxHoldings" }
    );
  }
  // The same entry check as the other diagnostics: finite, symmetric, variances ≥ 0, PSD (an
  // asymmetric or indefinite "covariance" made the greedy order pick nonsense or NaN).
  checkCovariance(cov, { allowZeroVariance: true, purpose: "the diversification curve" });
  const variance = (i: number) => cov.data[i * n + i];
  const order = options.order ?? "given";
  if (order !== "given" && order !== "lowvol" && order !== "greedy") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `order must be "given", "lowvol" or "greedy"; got "${String(order)}"`,
      {
        argument: "order",
      }
    );
  }
  const chosen: number[] = [];
  const inSet = new Uint8Array(n);
  // crossSum[j] = Σ_{i∈S} Σ_ij, kept so each step costs O(n).
  const crossSum = new Float64Array(n);
  const fixedOrder =
    order === "lowvol"
      ? Array.from({ length: n }, (_, i) => i).sort((a, b) => variance(a) - variance(b) || a - b)
      : Array.from({ length: n }, (_, i) => i);
  let total = 0;
  let volatilitySum = 0;
  const out: DiversificationStep[] = [];
  for (let k = 0; k < m; k++) {
    let next = -1;
    if (order === "greedy") {
      let best = Infinity;
      for (let j = 0; j < n; j++) {
        if (inSet[j]) continue;
        const candidate = total + variance(j) + 2 * crossSum[j];
        if (candidate < best) {
          best = candidate;
          next = j;
        }
      }
    } else {
      next = fixedOrder[k];
    }
    total += variance(next) + 2 * crossSum[next];
    inSet[next] = 1;
    chosen.push(next);
    for (let j = 0; j < n; j++) crossSum[j] += cov.data[next * n + j];
    volatilitySum += Math.sqrt(Math.max(variance(next), 0));
    const size = k + 1;
    out.push({
      added: next,
      volatility: Math.sqrt(Math.max(total, 0)) / size,
      averageVolatility: volatilitySum / size,
    });
  }
  return out;
}
