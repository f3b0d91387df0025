import { CoreError } from "../errors";
import type { ReturnsPanel, SquareMatrix } from "../types";
import { centredCompleteCases } from "./centredCompleteCases";
import { checkedPeriodsPerYear } from "../stats/checkedPeriodsPerYear";
import { crossProduct } from "./crossProduct";

/** Options for {@link semicovariance}. */
export interface SemicovarianceOptions {
  /** Per-period benchmark return B below which a return counts as downside (default 0). */
  readonly benchmark?: number;
  /** Annualisation factor (default 365; 1 for per-period). */
  readonly periodsPerYear?: number;
}

/**
 * Semicovariance matrix: the co-movement of the assets' shortfalls below a benchmark, annualised.
 *
 * Formula, on the n complete rows r_t (p assets), benchmark B per period:
 *   d_ti = min(r_ti − B, 0),   Σ̂_ij = ppy · Σ_t d_ti d_tj / n   (1/n, not n − 1; no centring).
 * Reference: PyPortfolioOpt `risk_models.semicovariance(R, returns_data=True, benchmark=B,
 * frequency=ppy)`, which computes `drops = np.fmin(R − B, 0)` and `drops.T @ drops / T` with T the
 * number of rows; Estrada (2007), "Mean-semivariance behaviour: downside risk and capital asset
 * pricing", Int. Review of Economics & Finance 16(2), 169–185. PyPortfolioOpt then runs its
 * `fix_nonpositive_semidefinite`, a no-op here because DᵀD / n is PSD by construction.
 * Conventions: complete rows only (as every covariance estimator here), so n counts the rows where
 * every asset has a return; on a panel without missing values this is PyPortfolioOpt's T exactly
 * (with gaps PyPortfolioOpt keeps every row and `np.fmin` turns a missing return into "no shortfall").
 * Default B = 0 (PyPortfolioOpt's default is 0.000079, a daily 2 % risk-free rate; pass it to match).
 * Each diagonal entry is the lower partial moment of order 2, at most the raw second moment
 * ppy · Σ_t (r_ti − B)² / n. periodsPerYear default 365.
 * Complexity: O(n · p²) for one blocked cross-product, O(n · p) extra memory.
 *
 * @param returns returns panel (column-major, NaN = missing); not modified
 * @param options benchmark B (finite, per period; default 0) and periodsPerYear
 * @returns p × p symmetric positive semi-definite matrix with the panel's labels
 * @throws CoreError INVALID_ARGUMENT (no columns, bad periodsPerYear, benchmark not a finite number)
 * @throws CoreError LENGTH_MISMATCH (data or labels do not match rows × cols)
 * @throws CoreError NON_FINITE (±Infinity in returns, or returns so large their squares overflow)
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 complete rows; the message says how many remained)
 * @throws CoreError ZERO_VARIANCE (a constant column over the complete rows)
 * @example semicovariance(R, { periodsPerYear: 1 }).data for R with rows [−1, 2], [1, −2], [−3, −4];
 * // d = [−1, 0], [0, −2], [−3, −4] → [[10/3, 4], [4, 20/3]]
 */
export function semicovariance(
  returns: ReturnsPanel,
  options: SemicovarianceOptions = {}
): SquareMatrix {
  const factor = checkedPeriodsPerYear(options.periodsPerYear);
  const benchmark = checkedBenchmark(options.benchmark);
  // Validates the panel (shapes, ±Infinity, constant columns) with the other estimators' messages.
  const cases = centredCompleteCases(returns, 2, "semi");
  const { rows: n, cols: p } = cases;
  const { rows, data: source } = returns;
  const complete = completeRows(source, rows, p);
  const drops = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const base = j * rows;
    const out = j * n;
    let k = 0;
    for (let t = 0; t < rows; t++) {
      if (complete[t] === 0) continue;
      // From the raw value (not the centred copy plus its mean), so r − B < 0 is decided exactly.
      const d = source[base + t] - benchmark;
      drops[out + k++] = d < 0 ? d : 0;
    }
  }
  const data = crossProduct(drops, n, p);
  const scale = factor / n;
  for (let k = 0; k < data.length; k++) data[k] *= scale;
  return { size: p, data, labels: cases.labels };
}

function checkedBenchmark(value: number | undefined | null): number {
  // null counts as omitted: Excel passes null for an omitted optional argument.
  if (value == null) return 0;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `benchmark must be a finite return per period (e.g. 0, or 0.0001 for about 3.7 % a year over 365 days); got ${String(value)}`,
      { argument: "benchmark" }
    );
  }
  return value;
}

/** 1 for the rows where every column has a value (the panel is already validated: NaN = missing). */
function completeRows(source: Float64Array, rows: number, cols: number): Uint8Array {
  const complete = new Uint8Array(rows).fill(1);
  for (let j = 0; j < cols; j++) {
    const base = j * rows;
    for (let t = 0; t < rows; t++) if (Number.isNaN(source[base + t])) complete[t] = 0;
  }
  return complete;
}
