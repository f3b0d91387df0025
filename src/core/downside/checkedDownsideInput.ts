import { CoreError } from "../errors";
import { DEFAULT_TIME_LIMIT_SECONDS } from "../lp/solveLinearProgram";
import type { ReturnsPanel } from "../types";
import type { DownsideOptions } from "./types";

/** The validated scalars of a DownsideOptions, with their defaults filled in. */
export interface CheckedDownsideInput {
  readonly objective: "minrisk" | "maxratio";
  /** α, default 0.95 (only the measures that use it read it). */
  readonly alpha: number;
  readonly targetReturn?: number;
  readonly riskFree: number;
  readonly threshold: number;
  readonly timeLimitSeconds: number;
  /** Mean return of each asset over the scenarios, (1/T) Σ_t r_tj. */
  readonly mean: Float64Array;
}

/**
 * Validates a returns panel and the scalar options shared by the downside optimisers (the bounds,
 * groups and limits are validated by portfolioLpRows), and computes the assets' mean returns.
 * Conventions: α defaults to 0.95, riskFree and threshold to 0, the time limit to 30 s; means are
 * plain averages over the T scenarios (per period, not annualised).
 * Complexity: O(T·n).
 *
 * @param returns the scenarios (rows) × assets panel, no missing values
 * @param options the optimiser's options
 * @param method the method's name for messages, e.g. "mincdar"
 * @param usesAlpha whether the measure reads α (CDaR does; max drawdown and semivariance do not)
 * @returns the validated scalars and the mean returns
 * @throws CoreError TOO_FEW_POINTS (fewer than 2 scenarios or no asset)
 * @throws CoreError NON_FINITE (a missing or non-finite return, with its row and column)
 * @throws CoreError INVALID_ARGUMENT (objective not "minrisk"/"maxratio"; α outside (0, 1);
 *   a non-finite targetReturn, riskFree or threshold; targetReturn with "maxratio")
 * @example checkedDownsideInput(panel, { objective: "minrisk" }, "mincdar", true).alpha; // => 0.95
 */
export function checkedDownsideInput(
  returns: ReturnsPanel,
  options: DownsideOptions,
  method: string,
  usesAlpha: boolean
): CheckedDownsideInput {
  const { rows, cols, data, labels } = returns;
  if (cols < 1 || rows < 2) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `prices: ${method} needs at least 2 rows of returns and 1 asset; got ${rows} × ${cols}; use a longer history`,
      { argument: "prices" }
    );
  }
  const mean = new Float64Array(cols);
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let t = 0; t < rows; t++) {
      const r = data[j * rows + t];
      if (!Number.isFinite(r)) {
        throw new CoreError(
          "NON_FINITE",
          `prices: return ${t + 1} of column ${j + 1} (${labels[j]}) is ${r}; ${method} needs every asset's return in every row: drop the rows before a late listing or fill the gaps`,
          { argument: "prices", row: t, column: j, label: labels[j] }
        );
      }
      sum += r;
    }
    mean[j] = sum / rows;
  }
  const objective = options.objective;
  if (objective !== "minrisk" && objective !== "maxratio") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `objective must be "minrisk" or "maxratio"; got "${String(objective)}"`,
      { argument: "objective" }
    );
  }
  const alpha = options.alpha ?? 0.95;
  if (usesAlpha && !(alpha > 0 && alpha < 1)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `alpha must be a confidence level strictly between 0 and 1, such as 0.95; got ${alpha}`,
      { argument: "alpha" }
    );
  }
  for (const [name, value] of [
    ["targetReturn", options.targetReturn],
    ["riskFree", options.riskFree],
    ["threshold", options.threshold],
  ] as const) {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${name} must be a finite per-period return such as 0.001; got ${value}`,
        { argument: name }
      );
    }
  }
  if (objective === "maxratio" && options.targetReturn !== undefined) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `targetReturn applies to "minrisk" (a frontier point), not "maxratio"; drop one of them`,
      { argument: "targetReturn" }
    );
  }
  return {
    objective,
    alpha,
    targetReturn: options.targetReturn,
    riskFree: options.riskFree ?? 0,
    threshold: options.threshold ?? 0,
    timeLimitSeconds: options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
    mean,
  };
}
