import { CoreError } from "../errors";

/** Weights read from a sheet sum to 1 only to rounding (0.1 × 10 = 0.9999999999999999). */
const WEIGHT_SUM_TOLERANCE = 1e-9;

/** Whole lots to buy for a budget: see {@link discreteAllocation}. */
export interface DiscreteAllocation {
  /** Units to buy per asset (a multiple of its lot). */
  readonly units: Float64Array;
  /** Units × price per asset. */
  readonly values: Float64Array;
  /** Budget not spent. */
  readonly cashLeft: number;
}

/**
 * Turns target weights into whole lots to buy with a budget, greedily, as PyPortfolioOpt's
 * `DiscreteAllocation.greedy_portfolio`: first buy ⌊w_i·B / (p_i·lot_i)⌋ lots of each asset, then,
 * while some lot is affordable, buy one lot of the asset furthest below its target value
 * (largest w_i·B − value_i), among those whose lot fits in the remaining cash.
 * Conventions: lot is the smallest tradable quantity (1 for whole units, 0.001 for fractional
 * tokens); weights need not sum exactly to 1 (they are used as given, so Σw < 1 leaves cash).
 * Complexity: O(n log n + n·k) for k extra lots (k ≤ n typically, bounded by the budget).
 *
 * @param weights target weights, ≥ 0
 * @param prices price per unit, > 0 (NaN only where the weight is 0)
 * @param budget cash to invest, > 0
 * @param lot one lot size for all assets, or one per asset, > 0 (default 1)
 * @throws CoreError LENGTH_MISMATCH; INVALID_ARGUMENT (negative weight, non-positive budget or lot);
 *   NON_POSITIVE_PRICE (a weighted asset without a positive price)
 * @example discreteAllocation([0.5, 0.5], [30, 20], 100).units; // => [1, 3] (cash left 10)
 */
export function discreteAllocation(
  weights: ArrayLike<number>,
  prices: ArrayLike<number>,
  budget: number,
  lot: number | ArrayLike<number> = 1,
  labels?: readonly string[]
): DiscreteAllocation {
  const n = weights.length;
  const name = (i: number) => labels?.[i] ?? `asset ${i + 1}`;
  if (prices.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `prices has ${prices.length} values but weights has ${n}; give one price per asset`,
      {
        argument: "prices",
      }
    );
  }
  if (!(budget > 0) || !Number.isFinite(budget)) {
    throw new CoreError("INVALID_ARGUMENT", `budget must be an amount above 0; got ${budget}`, {
      argument: "budget",
    });
  }
  const lots = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lots[i] = typeof lot === "number" ? lot : lot[i];
    if (!(lots[i] > 0) || !Number.isFinite(lots[i])) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `lot for ${name(i)} must be a quantity above 0, e.g. 1 or 0.001; got ${lots[i]}`,
        {
          argument: "lot",
        }
      );
    }
    if (!(weights[i] >= 0) || !Number.isFinite(weights[i])) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `weights: ${name(i)} has ${weights[i]}; weights must be 0 or more`,
        {
          argument: "weights",
          column: i,
        }
      );
    }
    if (weights[i] > 0 && !(prices[i] > 0 && Number.isFinite(prices[i]))) {
      throw new CoreError(
        "NON_POSITIVE_PRICE",
        `prices: ${name(i)} has no positive price (${prices[i]}); it cannot be bought`,
        {
          argument: "prices",
          column: i,
        }
      );
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  // Weights above 1 in total would spend more than the budget (the cash left would go negative).
  if (total > 1 + WEIGHT_SUM_TOLERANCE) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `weights sum to ${Number(total.toPrecision(6))}; they must sum to 1 (or less, keeping the rest in cash)`,
      { argument: "weights" }
    );
  }
  const units = new Float64Array(n);
  const values = new Float64Array(n);
  let cash = budget;
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    const lotCost = prices[i] * lots[i];
    const count = Math.floor((weights[i] * budget) / lotCost + 1e-12);
    units[i] = count * lots[i];
    values[i] = count * lotCost;
    cash -= values[i];
  }
  // Greedy top-up: each pass buys one lot of the most under-weight affordable asset.
  for (;;) {
    let best = -1;
    let bestShortfall = -Infinity;
    for (let i = 0; i < n; i++) {
      if (weights[i] === 0) continue;
      const lotCost = prices[i] * lots[i];
      if (lotCost > cash + 1e-9 * budget) continue;
      const shortfall = weights[i] * budget - values[i];
      if (shortfall > bestShortfall) {
        bestShortfall = shortfall;
        best = i;
      }
    }
    // Stop once every affordable asset is at or above its target value (PyPortfolioOpt stops there too).
    if (best < 0 || bestShortfall <= 0) break;
    const lotCost = prices[best] * lots[best];
    units[best] += lots[best];
    values[best] += lotCost;
    cash -= lotCost;
  }
  return { units, values, cashLeft: Math.max(cash, 0) };
}
