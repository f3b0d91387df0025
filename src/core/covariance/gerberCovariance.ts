import type { ReturnsPanel, SquareMatrix } from "../types";
import { centredCompleteCases } from "./centredCompleteCases";
import { checkedPeriodsPerYear } from "../stats/checkedPeriodsPerYear";
import { gerberCorrelation } from "./gerberCorrelation";

/** Options for {@link gerberCovariance}. */
export interface GerberOptions {
  /** c in (0, 1): a move counts when |r| reaches c standard deviations (default 0.5). */
  readonly threshold?: number;
  /** Annualisation factor (default 365; 1 for per-period). */
  readonly periodsPerYear?: number;
}

/**
 * Gerber covariance matrix: the Gerber statistic 2 scaled by the assets' volatilities, annualised.
 *
 * Formula: Σ̂_ij = ppy · g_ij · σ_i · σ_j with g the Gerber matrix of {@link gerberCorrelation} and
 * σ_i = √(Σ_t (r_ti − r̄_i)² / n) the population (1/n) standard deviation over the n complete rows.
 * Reference: Gerber, Markowitz, Ernst, Miao, Javid & Sargen (2022), J. Portfolio Management 48(3);
 * exactly Riskfolio-Lib `gerber_cov_stat2(X, threshold)` (which scales by numpy's `std()`, 1/n),
 * times ppy.
 * Conventions: the diagonal is the 1/n variance, i.e. (n − 1)/n of sampleCovariance's; G is PSD, so
 * Σ̂ = ppy · diag(σ) G diag(σ) is PSD too and no repair is applied. periodsPerYear default 365.
 * Complexity: O(n · p²) (the Gerber cross-product) plus O(n · p).
 *
 * @param returns returns panel (column-major, NaN = missing); not modified
 * @param options threshold c (default 0.5) and periodsPerYear
 * @returns p × p symmetric positive semi-definite matrix with the panel's labels
 * @throws CoreError INVALID_ARGUMENT (no columns, threshold outside (0, 1), bad periodsPerYear)
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 complete rows; the message says how many remained)
 * @throws CoreError ZERO_VARIANCE (a constant column, or one that never crosses its threshold)
 * @example gerberCovariance(R, { periodsPerYear: 1 }).data for R with rows [1, 2], [−1, −2], [1, −2], [−1, 2];
 * // G = I, σ = [1, 2] → [1, 0, 0, 4]
 */
export function gerberCovariance(returns: ReturnsPanel, options: GerberOptions = {}): SquareMatrix {
  const factor = checkedPeriodsPerYear(options.periodsPerYear);
  const g = gerberCorrelation(returns, options.threshold ?? undefined);
  const { rows: n, cols: p, data: centred } = centredCompleteCases(returns, 2, "Gerber");
  const sd = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let squares = 0;
    for (let k = j * n; k < (j + 1) * n; k++) squares += centred[k] * centred[k];
    sd[j] = Math.sqrt((factor * squares) / n);
  }
  const data = g.data;
  for (let i = 0; i < p; i++) {
    data[i * p + i] = sd[i] * sd[i];
    for (let j = i + 1; j < p; j++) {
      const value = data[i * p + j] * sd[i] * sd[j];
      data[i * p + j] = value;
      data[j * p + i] = value;
    }
  }
  return { size: p, data, labels: g.labels };
}
