import { CoreError } from "../errors";
import type { ReturnsPanel, SquareMatrix } from "../types";
import { centredCompleteCases } from "./centredCompleteCases";
import { crossProduct } from "./crossProduct";

/** Gerber et al.'s default threshold: a move counts when it exceeds half a standard deviation. */
export const DEFAULT_GERBER_THRESHOLD = 0.5;

/**
 * The Gerber statistic matrix ("Gerber statistic 2"): a co-movement measure that counts only the
 * periods where returns move beyond a threshold, so small, noisy moves and the size of large moves
 * (outliers) do not count.
 *
 * Formula, on the n complete rows r_t (p assets), threshold c in (0, 1):
 *   σ_i = √(Σ_t (r_ti − r̄_i)² / n)   (population standard deviation, 1/n, as numpy's `std()`),
 *   m_ti = +1 if r_ti ≥ c·σ_i, −1 if r_ti ≤ −c·σ_i, 0 otherwise   (raw returns, not centred),
 *   H = MᵀM, i.e. H_ij = n_ij^UU + n_ij^DD − n_ij^UD − n_ij^DU (concordant minus discordant counts),
 *   g_ij = H_ij / √(H_ii · H_jj).
 * Reference: Gerber, Markowitz, Ernst, Miao, Javid & Sargen (2022), "The Gerber Statistic: A Robust
 * Co-Movement Measure for Portfolio Optimization", J. Portfolio Management 48(3), 87–102, the
 * "Gerber statistic 2" (their eq. (8) / matrix form); exactly Riskfolio-Lib's
 * `gerber_cov_stat2(X, threshold)` correlation (the authors' published code computes the same).
 * Why this form and no PSD repair: G = D^(−1/2) MᵀM D^(−1/2) with D = diag(H) is a normalised Gram
 * matrix, so it is symmetric positive semi-definite with unit diagonal and entries in [−1, 1] by
 * construction (the paper's statistic 1 is not PSD in general and would need a repair).
 * Conventions: complete rows only; H holds integer counts, so it is exact. c must lie in (0, 1) as
 * Riskfolio-Lib requires; then every asset crosses its threshold at least once (some |r_ti| ≥ σ_i,
 * since the mean of r² is at least σ²), so H_ii ≥ 1.
 * Complexity: O(n · p²) for one blocked cross-product of the ±1/0 matrix, O(n · p) extra memory.
 *
 * @param returns returns panel (column-major, NaN = missing); not modified
 * @param threshold c, the fraction of each asset's standard deviation a move must reach (default 0.5)
 * @returns p × p Gerber matrix (unit diagonal) with the panel's labels
 * @throws CoreError INVALID_ARGUMENT (no columns; threshold not a number strictly between 0 and 1)
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 complete rows; the message says how many remained)
 * @throws CoreError ZERO_VARIANCE (a constant column, or one that never crosses its threshold)
 * @example gerberCorrelation(R).data for R with rows [1, 2], [−1, −2], [1, −2], [−1, 2];
 * // σ = [1, 2]; m = [1, 1], [−1, −1], [1, −1], [−1, 1]; H = [[4, 0], [0, 4]] → [1, 0, 0, 1]
 */
export function gerberCorrelation(
  returns: ReturnsPanel,
  threshold: number = DEFAULT_GERBER_THRESHOLD
): SquareMatrix {
  const c = checkedThreshold(threshold);
  const cases = centredCompleteCases(returns, 2, "Gerber");
  const { rows: n, cols: p, data: centred, labels } = cases;
  const { rows, data: source } = returns;
  const complete = new Uint8Array(rows).fill(1);
  for (let j = 0; j < p; j++) {
    for (let t = 0; t < rows; t++) if (Number.isNaN(source[j * rows + t])) complete[t] = 0;
  }
  const signs = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    let squares = 0;
    for (let k = j * n; k < (j + 1) * n; k++) squares += centred[k] * centred[k];
    const limit = c * Math.sqrt(squares / n);
    const base = j * rows;
    let k = j * n;
    for (let t = 0; t < rows; t++) {
      if (complete[t] === 0) continue;
      // The raw return, not the centred copy: the statistic compares r itself with ±c·σ.
      const r = source[base + t];
      signs[k++] = r >= limit ? 1 : r <= -limit ? -1 : 0;
    }
  }
  const h = crossProduct(signs, n, p);
  for (let i = 0; i < p; i++) {
    const count = h[i * p + i];
    if (count === 0) {
      throw new CoreError(
        "ZERO_VARIANCE",
        `returns: column ${i + 1} (${labels[i]}) never moves beyond ${c} of its standard deviation over the ${n} complete rows, so its Gerber statistic is undefined; lower the threshold or use a longer window`,
        { argument: "returns", column: i, label: labels[i] }
      );
    }
  }
  const data = h;
  for (let i = 0; i < p; i++) {
    const hii = h[i * p + i];
    for (let j = i + 1; j < p; j++) {
      // H_ii·H_jj is an exact integer product (counts ≤ n), so g_ij depends on the pair, not on the
      // assets' order. √(H_ii H_jj) ≥ |H_ij| (Cauchy–Schwarz); the clamp only absorbs rounding.
      const g = h[i * p + j] / Math.sqrt(hii * h[j * p + j]);
      const clamped = g > 1 ? 1 : g < -1 ? -1 : g;
      data[i * p + j] = clamped;
      data[j * p + i] = clamped;
    }
  }
  for (let i = 0; i < p; i++) data[i * p + i] = 1;
  return { size: p, data, labels };
}

function checkedThreshold(value: number | undefined | null): number {
  // null counts as omitted: Excel passes null for an omitted optional argument.
  if (value == null) return DEFAULT_GERBER_THRESHOLD;
  if (typeof value !== "number" || !(value > 0 && value < 1)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `threshold must be a fraction of a standard deviation strictly between 0 and 1 (Gerber et al. use 0.5); got ${String(value)}`,
      { argument: "threshold" }
    );
  }
  return value;
}
