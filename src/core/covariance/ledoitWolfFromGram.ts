import type { ShrinkageResult } from "./shrinkageResult";

/**
 * Ledoit–Wolf shrinkage finished from the cross-product of the centred complete rows: what
 * ledoitWolf does after its one O(n · p²) pass, so that the pass can run elsewhere (split across
 * two worker threads) and the O(p²) remainder here.
 *
 * Formula (sklearn 1.2 `ledoit_wolf_shrinkage`, see ledoitWolf): S = G / n with G = XᵀX,
 * μ = tr(S) / p, d² = ‖S − μI‖²_F / p, b̄² = (Σ_k ‖x_k‖⁴ / n − ‖S‖²_F) / (n · p) clipped at 0,
 * b² = min(b̄², d²), δ = b² / d² (0 for one asset or b² = 0), Σ̂ = ppy · ((1 − δ)·S + δ·μI).
 * Reference: O. Ledoit & M. Wolf (2004), J. Multivariate Analysis 88(2), 365–411.
 * Conventions: 1/n scaling as sklearn; `fourth` is Σ_k ‖x_k‖⁴ over the n centred rows
 * (rowNormFourthPowerSum). The arithmetic is ledoitWolf's, in the same order, so the result is
 * the same double for the same G.
 * Complexity: O(p²); G is reused as the result's storage (it is scaled in place).
 *
 * @param gram the full symmetric p × p cross-product XᵀX, row-major; overwritten with the result
 * @param n number of centred complete rows (≥ 2)
 * @param p number of assets (≥ 1)
 * @param fourth Σ_k ‖x_k‖⁴
 * @param factor annualisation factor (periods per year), already checked
 * @param labels one label per asset
 * @returns { matrix, shrinkage } with shrinkage δ in [0, 1]
 * @throws nothing: the callers (ledoitWolf, the split COVMATRIX job) validate the data first
 * @example // rows [1, 2], [2, 4], [3, 9] centred: G = [[2, 7], [7, 26]], Σ‖x_k‖⁴ = 100 + 1 + 289
 * ledoitWolfFromGram(Float64Array.of(2, 7, 7, 26), 3, 2, 390, 1, ["A", "B"]).shrinkage; // => 196/579 = 0.33851…
 */
export function ledoitWolfFromGram(
  gram: Float64Array,
  n: number,
  p: number,
  fourth: number,
  factor: number,
  labels: readonly string[]
): ShrinkageResult {
  const s = gram;
  for (let k = 0; k < s.length; k++) s[k] /= n;

  let trace = 0;
  for (let i = 0; i < p; i++) trace += s[i * p + i];
  const mu = trace / p;
  let frobenius = 0;
  let offTarget = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const v = s[i * p + j];
      frobenius += v * v;
      const d = i === j ? v - mu : v;
      offTarget += d * d;
    }
  }
  const d2 = offTarget / p;
  const bBar2 = Math.max(0, (fourth / n - frobenius) / (n * p));
  const b2 = Math.min(bBar2, d2);
  const shrinkage = p === 1 || b2 === 0 ? 0 : b2 / d2;

  const data = s;
  const keep = (1 - shrinkage) * factor;
  for (let k = 0; k < data.length; k++) data[k] *= keep;
  const ridge = shrinkage * mu * factor;
  for (let i = 0; i < p; i++) data[i * p + i] += ridge;
  return { matrix: { size: p, data, labels }, shrinkage };
}
