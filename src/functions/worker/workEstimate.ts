import type { CorrelationMethod } from "./jobs";

/**
 * Jobs estimated to take longer than this on the pane's thread go to the background worker.
 *
 * Why 15 ms: measured in headless Chromium on the 2-core dev box (load average 11–13 from other
 * builds; test/e2e/responsiveness.e2e.mjs prints it), a CORRMATRIX job of 10 assets × 100 returns
 * posted to functionsWorker.js takes 0.1–0.3 ms warm (median of 20, max 3.6 ms), 3–7 ms for the
 * first job, and starting the worker 50–146 ms (off the pane's thread, but the first result waits
 * for it). So the round trip itself is cheap once warm; what a small call must not pay is the
 * worker start and the extra task hops. Below ~15 ms the pane cannot freeze anyway (a long task is
 * over 50 ms), so small calls stay inline and answer in the same task; above it the pane's frames
 * and clicks win over a millisecond of latency.
 */
export const OFF_THREAD_THRESHOLD_MS = 15;

/** Whether a job of this estimated duration should leave the pane's thread. */
export function shouldRunOffThread(estimatedMs: number): boolean {
  return estimatedMs > OFF_THREAD_THRESHOLD_MS;
}

/*
 * Throughputs on the pane's thread (pairs × rows per millisecond), rounded down from documented
 * timings so a borderline job goes to the worker: pearsonCorrelationMatrix's JSDoc gives ≈ 75 ms in
 * Node for 500 × 3,650 (4.6e8 pair-rows) and issue 12 measured 160–230 ms through CORRMATRIX in
 * Chromium, parse and spill included (2e6 also covers the 2–3× slower JS kernel without SIMD);
 * kendallCorrelationMatrix's SIMD kernel gives about 0.2 s for 200 × 1,825 (3.6e7 pair-rows) on one
 * core (the JS kernel without SIMD about 0.75 s, so 1e5 sits between them); the covariance
 * estimators do a Gram product plus O(cols²) work, taken at half Pearson's rate. The browser
 * suite saw Kendall 200 × 1,825 take 0.9–2.2 s in the worker on the loaded box.
 */
const PEARSON_PAIR_ROWS_PER_MS = 2e6;
const KENDALL_PAIR_ROWS_PER_MS = 1e5;
const COVARIANCE_PAIR_ROWS_PER_MS = 1e6;
/**
 * Dense O(cols³) linear algebra of the optimisers and HRP (Cholesky, eigen- and critical-line
 * steps): RISKWEIGHTS erc or hrp on 500 assets takes about 25 ms on the pane's thread.
 */
const CUBIC_STEPS_PER_MS = 5e6;

/** Ranking one column costs about rows · log₂(rows) comparisons; a few million per millisecond. */
const RANK_STEPS_PER_MS = 3e4;

/**
 * Estimated milliseconds of a correlation matrix on the pane's thread: cols²/2 pairs × rows, at the
 * method's throughput (Spearman adds the ranking of each column).
 * Complexity: O(1).
 * @example estimateCorrelationMs("kendall", 1825, 200) > OFF_THREAD_THRESHOLD_MS; // => true
 */
export function estimateCorrelationMs(
  method: CorrelationMethod,
  rows: number,
  cols: number
): number {
  const pairRows = ((cols * (cols + 1)) / 2) * rows;
  switch (method) {
    case "kendall":
      return pairRows / KENDALL_PAIR_ROWS_PER_MS;
    case "spearman":
      return pairRows / PEARSON_PAIR_ROWS_PER_MS + (cols * rows * log2(rows)) / RANK_STEPS_PER_MS;
    default:
      return pairRows / PEARSON_PAIR_ROWS_PER_MS;
  }
}

/**
 * Estimated milliseconds of a covariance matrix on the pane's thread: the Gram product, plus for
 * "denoised"/"detoned" the O(cols³) eigen-decomposition (counted twice: the spectrum and the
 * rebuild), and for "gerber" a second Gram-sized pass (the threshold counts). Complexity: O(1).
 */
export function estimateCovarianceMs(rows: number, cols: number, estimator?: string): number {
  const gram = (((cols * (cols + 1)) / 2) * rows) / COVARIANCE_PAIR_ROWS_PER_MS;
  switch (estimator) {
    case "denoised":
    case "detoned":
      return gram + (2 * cols ** 3) / CUBIC_STEPS_PER_MS;
    case "gerber":
      return 2 * gram;
    default:
      return gram;
  }
}

/**
 * Estimated milliseconds of RISKWEIGHTS: the covariance estimate of `rows` returns by `estimator`
 * (none when a covariance matrix was given, rows = 0) plus the method's O(cols³). "herc" adds the
 * gap statistic's O(k_max · cols²) (k_max = 10) to its PSD check; "nco" solves an active-set QP per
 * cluster and one across them, long-only (bench/core/hierarchical.bench.ts: ≈ 250 ms at 500 assets,
 * five times its closed forms), counted as five cubic passes. Complexity: O(1).
 */
export function estimateWeightsMs(
  rows: number,
  cols: number,
  method?: string,
  estimator?: string
): number {
  const covariance = estimateCovarianceMs(rows, cols, estimator);
  switch (method) {
    case "herc":
      return covariance + (cols ** 3 + 10 * cols ** 2) / CUBIC_STEPS_PER_MS;
    case "nco":
      return covariance + (5 * cols ** 3) / CUBIC_STEPS_PER_MS;
    default:
      return covariance + cols ** 3 / CUBIC_STEPS_PER_MS;
  }
}

/**
 * First load of HiGHS in a thread (fetch, compile and instantiate the 3.5 MB wasm): 110–190 ms in
 * Node on the loaded 2-core box (bench/core/downside.bench.ts). Counted in every downside estimate,
 * so those calls always go to the worker, where the solver loads once per worker.
 */
const HIGHS_LOAD_MS = 150;
/**
 * Scenario-matrix entries (rows × assets) the LPs get through per millisecond: min-CVaR 50 × 1,825
 * (91,250 entries) took at most 75 ms of CPU through its dual (bench/core/downside.bench.ts); the
 * drawdown LPs (2T rows, solved as the primal) are counted 4× slower.
 */
const LP_ENTRIES_PER_MS = 1200;

/**
 * Estimated milliseconds of a downside method (mincvar … minmaxdd, or one point of a downside
 * frontier): the solver's first load plus the LP by its scenario entries. Complexity: O(1).
 * @example estimateDownsideMs(1825, 50, "mincvar") > OFF_THREAD_THRESHOLD_MS; // => true
 */
export function estimateDownsideMs(rows: number, cols: number, method: string): number {
  const drawdown = method.includes("cdar") || method === "minmaxdd" || method === "cdar";
  return HIGHS_LOAD_MS + ((drawdown ? 4 : 1) * rows * cols) / LP_ENTRIES_PER_MS;
}

/**
 * Estimated milliseconds of EFFFRONTIER: the covariance estimate, the O(cols³) trace and O(cols²)
 * per point. Complexity: O(1).
 */
export function estimateFrontierMs(
  rows: number,
  cols: number,
  points: number,
  estimator?: string
): number {
  return (
    estimateCovarianceMs(rows, cols, estimator) +
    (cols ** 3 + points * cols ** 2) / CUBIC_STEPS_PER_MS
  );
}

/**
 * Estimated milliseconds of BACKTEST: O(rows · cols) for the simulation, plus for a re-estimated
 * scheme one covariance of `lookback` rows and one O(cols³) solve per rebalance (`rebalances`,
 * e.g. 60 for monthly over five years). Complexity: O(1).
 */
export function estimateBacktestMs(
  rows: number,
  cols: number,
  rebalances: number,
  lookback: number
): number {
  const perRebalance = estimateCovarianceMs(lookback, cols) + cols ** 3 / CUBIC_STEPS_PER_MS;
  return (rows * cols) / COVARIANCE_PAIR_ROWS_PER_MS + rebalances * perRebalance;
}

function log2(n: number): number {
  return n > 1 ? Math.log2(n) : 1;
}
