import type { LpBuilder } from "./createLpBuilder";

/** What {@link addReturnRows} writes the return row from. */
export interface ReturnRowsInput {
  /** Weight columns (y_j = κ·w_j under homogenisation), in asset order: portfolioLpRows' `weights`. */
  readonly weights: ArrayLike<number>;
  /** Mean return μ_j per period, one per asset. */
  readonly mean: ArrayLike<number>;
  /** μᵀw ≥ targetReturn, when given and `ratio` is absent (a ratio objective has no target). */
  readonly targetReturn?: number;
  /** Charnes–Cooper normalisation of a ratio objective; absent: the target row (if any) instead. */
  readonly ratio?: {
    /** The scale column κ (portfolioLpRows' `scale.column`). */
    readonly scale: number;
    readonly riskFree: number;
    /** The trade columns t_j (portfolioLpRows' `trades`); used only when costRate > 0. */
    readonly trades: ArrayLike<number>;
    readonly costRate: number;
    /**
     * Where −riskFree is written: "scale" (default) one entry −rf on κ; "weights" folded into each
     * coefficient μ_j − rf, with no κ entry. The same row wherever Σy = κ (the budget row), but a
     * different matrix for the solver, so each optimiser keeps the form it was measured with.
     */
    readonly riskFreeOn?: "scale" | "weights";
  };
}

/**
 * Adds the return row of a downside LP: either the target μᵀw ≥ targetReturn ("targetReturn"), or,
 * for a ratio objective homogenised by Charnes–Cooper (y = κw, κ ≥ 0), the normalisation
 *   (μ − rf)ᵀy − costRate·Σ_j t_j = 1   ("ratio normalisation"),
 * which fixes the (net of cost) excess mean of y at 1, so that 1/κ is the excess mean of w = y/κ
 * and minimising the risk of y maximises excess mean / risk of w.
 * Reference: Charnes & Cooper (1962), "Programming with linear fractional functionals", Naval
 * Research Logistics Quarterly 9; Cornuéjols & Tütüncü, "Optimization Methods in Finance", §8.2.
 * Conventions: rf·κ is written as −rf on κ, or folded into μ_j − rf (see `riskFreeOn`); the cost
 * terms appear only when costRate > 0; zero coefficients are dropped by the builder. Without a
 * ratio and without a target nothing is added.
 * Complexity: O(n) entries, one row.
 *
 * @param lp the builder, after portfolioLpRows has added the weight (and trade) columns
 * @param input weight columns, means, and the target or the ratio's scale, riskFree and costs
 * @returns nothing; the row is added to lp
 * @throws nothing (the inputs are checked by the caller)
 * @example
 * const lp = createLpBuilder();
 * const kappa = lp.addColumn(0, Infinity, 0, "kappa");
 * const y = [lp.addColumn(0, Infinity, 0, "y1"), lp.addColumn(0, Infinity, 0, "y2")];
 * addReturnRows(lp, { weights: y, mean: [0.02, 0.01], ratio: { scale: kappa, riskFree: 0.005, trades: [], costRate: 0 } });
 * lp.build("minimize").rows.value; // => Float64Array [0.02, 0.01, -0.005]
 */
export function addReturnRows(lp: LpBuilder, input: ReturnRowsInput): void {
  const { weights, mean, ratio } = input;
  if (ratio === undefined) {
    if (input.targetReturn !== undefined) {
      lp.addRow(weights, mean, input.targetReturn, Infinity, "targetReturn");
    }
    return;
  }
  const { scale, riskFree, trades, costRate } = ratio;
  const columns = Array.from(weights);
  const values: number[] = [];
  if (ratio.riskFreeOn === "weights") {
    for (let j = 0; j < mean.length; j++) values.push(mean[j] - riskFree);
  } else {
    values.push(...Array.from(mean));
    columns.push(scale);
    values.push(-riskFree);
  }
  if (costRate > 0) {
    for (let k = 0; k < trades.length; k++) {
      columns.push(trades[k]);
      values.push(-costRate);
    }
  }
  lp.addRow(columns, values, 1, 1, "ratio normalisation");
}
