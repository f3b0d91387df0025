import type { SquareMatrix } from "../types";
import type { BlackLittermanViews } from "./types";

/**
 * The prior variance of each view portfolio: d_k = p_k Σ p_kᵀ, the diagonal of P Σ Pᵀ.
 *
 * Both uncertainty methods scale it: He–Litterman ω_k = τ d_k, Idzorek ω_k = τ d_k (1 − c_k)/c_k.
 * Conventions: inputs already checked ({@link checkViews}, a covariance check); rows of P are
 * sparse in practice (one or two entries), so each row's non-zeros are gathered first.
 * Complexity: O(K·(N + s²)) with s the non-zeros of a row (O(K·N²) for dense rows).
 *
 * @param views P (K × N)
 * @param cov the covariance Σ (N × N, row-major)
 * @returns d, K variances (≥ 0)
 * @example viewVariances({ count: 1, assets: 2, P: Float64Array.of(1, -1), Q: Float64Array.of(0), names: ["A over B"], rows: [0] }, { size: 2, data: Float64Array.of(0.04, 0.01, 0.01, 0.09), labels: ["A", "B"] });
 * // => Float64Array [0.11]   (0.04 + 0.09 − 2·0.01)
 */
export function viewVariances(views: BlackLittermanViews, cov: SquareMatrix): Float64Array {
  const n = cov.size;
  const d = new Float64Array(views.count);
  const nonZero: number[] = [];
  for (let v = 0; v < views.count; v++) {
    nonZero.length = 0;
    for (let j = 0; j < n; j++) if (views.P[v * n + j] !== 0) nonZero.push(j);
    let sum = 0;
    for (const i of nonZero) {
      for (const j of nonZero) sum += views.P[v * n + i] * cov.data[i * n + j] * views.P[v * n + j];
    }
    // Σ is positive definite, so d > 0 exactly; a dense row of a near-singular Σ can round below 0.
    d[v] = Math.max(0, sum);
  }
  return d;
}
