import { CoreError } from "../errors";
import { tierIndices, type TierOptions } from "./tierIndices";

/** Options for {@link tieredWeights}. */
export interface TieredWeightOptions extends TierOptions {
  /** How a tier's budget is split among its names: "cap" (market-cap weighted, default) or "equal". */
  readonly within?: "cap" | "equal";
}

/** Budgets are typed by hand (0.7 + 0.2 + 0.1 is 0.9999999999999999); 1e-9 forgives rounding, not a typo. */
const BUDGET_SUM_TOLERANCE = 1e-9;

/**
 * "Barbell" weights by market-cap tier: a budget per tier (say 70 % large, 20 % mid, 10 % small),
 * split inside each tier by market cap or equally.
 *
 * Formula: w_i = b_k · m_i / Σ_{j∈k} m_j ("cap") or w_i = b_k / |k| ("equal") for i in tier k.
 * Tiers come from ranks by market cap (see `tierIndices`; default breaks [20, 100] → large,
 * mid, small). A tier with budget 0 gives its names weight 0; a tier with a positive budget and no
 * names is an error rather than a silent re-scaling.
 * Complexity: O(n log n).
 *
 * @param marketCaps strictly positive market caps, one per constituent
 * @param tierBudgets one non-negative budget per tier, largest tier first, summing to 1 (± 1e-9)
 * @param options breaks, names and the within-tier rule
 * @returns weights summing to 1, input order
 * @throws CoreError INVALID_ARGUMENT (bad caps, breaks or names; a negative budget; budgets not summing to 1; unknown within)
 * @throws CoreError NON_FINITE (a NaN or infinite market cap or budget)
 * @throws CoreError LENGTH_MISMATCH (budget count differs from the number of tiers)
 * @throws CoreError INFEASIBLE (a tier with a positive budget has no constituents)
 * @example tieredWeights([60, 40, 3, 1], [0.8, 0.2], { breaks: [2] }); // => [0.48, 0.32, 0.15, 0.05]
 */
export function tieredWeights(
  marketCaps: ArrayLike<number>,
  tierBudgets: ArrayLike<number>,
  options: TieredWeightOptions = {}
): Float64Array {
  const within = options.within ?? "cap";
  if (within !== "cap" && within !== "equal") {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `within must be "cap" or "equal"; got "${String(within)}"`,
      { argument: "within" }
    );
  }
  const { tier, names } = tierIndices(marketCaps, options);
  const tiers = names.length;
  if (tierBudgets.length !== tiers) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `tierBudgets has ${tierBudgets.length} values but there are ${tiers} tiers (${names.join(", ")}); give one budget per tier`,
      { argument: "tierBudgets" }
    );
  }
  let total = 0;
  for (let k = 0; k < tiers; k++) {
    const b = tierBudgets[k];
    if (!Number.isFinite(b)) {
      throw new CoreError("NON_FINITE", `tierBudgets: ${names[k]} is ${b}; give a number`, {
        argument: "tierBudgets",
        column: k,
        label: names[k],
      });
    }
    if (b < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `tierBudgets: ${names[k]} is ${b}; budgets must be 0 or more`,
        { argument: "tierBudgets", column: k, label: names[k] }
      );
    }
    total += b;
  }
  if (Math.abs(total - 1) > BUDGET_SUM_TOLERANCE) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `tierBudgets sum to ${total}; they must sum to 1 (e.g. 0.7, 0.2, 0.1)`,
      { argument: "tierBudgets" }
    );
  }
  const n = marketCaps.length;
  const mass = new Float64Array(tiers);
  const count = new Int32Array(tiers);
  for (let i = 0; i < n; i++) {
    mass[tier[i]] += marketCaps[i];
    count[tier[i]]++;
  }
  for (let k = 0; k < tiers; k++) {
    if (count[k] === 0 && tierBudgets[k] > 0) {
      throw new CoreError(
        "INFEASIBLE",
        `tier ${names[k]} has a budget of ${tierBudgets[k]} but no constituents in a universe of ${n}; ` +
          `set its budget to 0 or change the breaks`,
        { argument: "tierBudgets", column: k, label: names[k] }
      );
    }
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = tier[i];
    weights[i] =
      within === "cap" ? (tierBudgets[k] * marketCaps[i]) / mass[k] : tierBudgets[k] / count[k];
  }
  return weights;
}
