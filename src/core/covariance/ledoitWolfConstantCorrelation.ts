import type { ReturnsPanel } from "../types";
import { centredCompleteCases } from "./centredCompleteCases";
import { checkedPeriodsPerYear, type PeriodsPerYearOption } from "../stats/checkedPeriodsPerYear";
import { crossProduct } from "./crossProduct";
import type { ShrinkageResult } from "./shrinkageResult";

/**
 * Below this relative size ‖S − F‖²_F / ‖S‖²_F the target equals the sample matrix up to rounding
 * (always so for one or two assets, whose only correlation is the average): the intensity is then
 * 0/0, so we keep S and report δ = 0. 1e−20 on squares is a relative difference of 1e−10 per entry.
 */
const TARGET_EQUALS_SAMPLE = 1e-20;

/**
 * Ledoit–Wolf covariance shrunk towards the constant-correlation target: every pair keeps its own
 * volatilities but gets the average correlation. Annualised.
 *
 * Formula, on the n complete rows (centred values x_ti, p assets), as PyPortfolioOpt
 * `CovarianceShrinkage(prices).ledoit_wolf("constant_correlation")`:
 *   S = XᵀX / (n − 1) (sample covariance, as PyPortfolioOpt), s_i = √S_ii,
 *   r̄ = (Σ_{i≠j} S_ij / (s_i s_j)) / (p(p − 1)),  F_ij = r̄ s_i s_j,  F_ii = S_ii,
 *   π = Σ_ij π_ij,  π_ij = (1/n) Σ_t x_ti² x_tj² − 2 S_ij (1/n) Σ_t x_ti x_tj + S_ij²,
 *   ρ = Σ_i π_ii + r̄ Σ_{i≠j} (s_j / s_i) θ_ij,
 *   θ_ij = (1/n) Σ_t x_ti³ x_tj − h_ii S_ij − h_ij S_ii + S_ii S_ij,  h = XᵀX / n,
 *   γ = ‖S − F‖²_F,  κ = (π − ρ) / γ,  δ = clip(κ / n, 0, 1),  Σ̂ = ppy · (δF + (1 − δ)S).
 * Reference: O. Ledoit & M. Wolf (2004), "Honey, I shrunk the sample covariance matrix", J. Portfolio
 * Management 30(4), 110–119 (their 2003 working paper gives π, ρ, γ); PyPortfolioOpt 1.5
 * `risk_models.CovarianceShrinkage._ledoit_wolf_constant_correlation`, which mixes the n − 1 S with
 * 1/n moments exactly as above. The fixture script reimplements this in numpy from the paper.
 * Conventions: δ is clipped to [0, 1] (κ/n can leave it through estimation noise); one or two assets,
 * or all pairwise correlations equal, give F = S and δ = 0 (PyPortfolioOpt divides 0 by 0 there).
 * Annualisation multiplies the whole matrix. Equal to PyPortfolioOpt on data without missing values;
 * with missing values PyPortfolioOpt mixes a pairwise S with zero-filled returns, we use complete rows.
 * No PSD "fix" is applied (PyPortfolioOpt's spectral fix is a no-op here: δF + (1 − δ)S is PSD).
 * Complexity: O(n · p²) for the one blocked cross-product; the Σ_t x³x term of ρ is summed in O(n · p)
 * as Σ_t (Σ_i x_ti³/s_i)(Σ_j x_tj s_j) − Σ_ti x_ti⁴, so no second cross-product is needed.
 *
 * @param returns returns panel (column-major, NaN = missing; complete rows are used); not modified
 * @param periodsPerYear annualisation factor, or { periodsPerYear } (default 365; 1 for per-period)
 * @returns { matrix, shrinkage } with shrinkage δ in [0, 1]
 * @throws CoreError INVALID_ARGUMENT (no columns, bad periodsPerYear)
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 complete rows; the message says how many remained)
 * @throws CoreError ZERO_VARIANCE (a constant column over the complete rows)
 * @example ledoitWolfConstantCorrelation(R, 1) for R with rows [1, 2, 1], [2, 4, 3], [3, 9, 2], [5, 1, 4];
 * // => shrinkage 0.75824… (the numpy fixture script gives the same)
 */
export function ledoitWolfConstantCorrelation(
  returns: ReturnsPanel,
  periodsPerYear?: PeriodsPerYearOption
): ShrinkageResult {
  const factor = checkedPeriodsPerYear(periodsPerYear);
  const cases = centredCompleteCases(returns, 2, "constant-correlation");
  const { rows: n, cols: p, data: x } = cases;
  const h = crossProduct(x, n, p);
  for (let k = 0; k < h.length; k++) h[k] /= n;
  const s = new Float64Array(p * p);
  const toSample = n / (n - 1);
  for (let k = 0; k < s.length; k++) s[k] = h[k] * toSample;
  const std = new Float64Array(p);
  for (let i = 0; i < p; i++) std[i] = Math.sqrt(s[i * p + i]);

  let correlationSum = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) if (i !== j) correlationSum += s[i * p + j] / (std[i] * std[j]);
  }
  const rBar = p > 1 ? correlationSum / (p * (p - 1)) : 1;
  const target = new Float64Array(p * p);
  let gamma = 0;
  let sampleNorm = 0;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const k = i * p + j;
      // Parenthesised so F_ij and F_ji round identically and the result is exactly symmetric.
      target[k] = i === j ? s[k] : rBar * (std[i] * std[j]);
      const d = s[k] - target[k];
      gamma += d * d;
      sampleNorm += s[k] * s[k];
    }
  }

  let shrinkage = 0;
  if (gamma > TARGET_EQUALS_SAMPLE * sampleNorm) {
    // Row sums over assets, one column at a time so every read is contiguous.
    const squareSum = new Float64Array(n); // Σ_i x_ti²
    const cubeSum = new Float64Array(n); // Σ_i x_ti³ / s_i
    const scaledSum = new Float64Array(n); // Σ_j x_tj s_j
    const fourthByAsset = new Float64Array(p); // (1/n) Σ_t x_ti⁴
    let fourthTotal = 0;
    for (let i = 0; i < p; i++) {
      const base = i * n;
      const si = std[i];
      let fourth = 0;
      for (let t = 0; t < n; t++) {
        const v = x[base + t];
        const v2 = v * v;
        squareSum[t] += v2;
        cubeSum[t] += (v2 * v) / si;
        scaledSum[t] += v * si;
        fourth += v2 * v2;
      }
      fourthByAsset[i] = fourth / n;
      fourthTotal += fourth;
    }
    let squareCross = 0; // Σ_ij Σ_t x_ti² x_tj²
    let cubeCross = 0; // Σ_t (Σ_i x³/s_i)(Σ_j x s_j), all i, j
    for (let t = 0; t < n; t++) {
      squareCross += squareSum[t] * squareSum[t];
      cubeCross += cubeSum[t] * scaledSum[t];
    }
    let pi = squareCross / n;
    let piDiagonal = 0;
    let thetaSum = (cubeCross - fourthTotal) / n;
    for (let i = 0; i < p; i++) {
      const sii = s[i * p + i];
      const hii = h[i * p + i];
      for (let j = 0; j < p; j++) {
        const k = i * p + j;
        const sij = s[k];
        pi += sij * sij - 2 * sij * h[k];
        if (i !== j) thetaSum += (std[j] / std[i]) * (sii * sij - hii * sij - h[k] * sii);
      }
      piDiagonal += fourthByAsset[i] - 2 * sii * hii + sii * sii;
    }
    const rho = piDiagonal + rBar * thetaSum;
    const kappa = (pi - rho) / gamma;
    // Clip: κ/n estimates the optimal intensity with noise, and can fall outside [0, 1].
    shrinkage = Math.min(1, Math.max(0, kappa / n));
  }

  const data = new Float64Array(p * p);
  for (let k = 0; k < data.length; k++) {
    data[k] = factor * (shrinkage * target[k] + (1 - shrinkage) * s[k]);
  }
  return { matrix: { size: p, data, labels: cases.labels }, shrinkage };
}
