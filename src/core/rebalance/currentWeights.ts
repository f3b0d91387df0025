import { CoreError } from "../errors";

/** A portfolio's holdings valued at given prices. */
export interface PortfolioValuation {
  /** Value of each holding, units × price (0 for an asset not held). */
  readonly values: Float64Array;
  /** Each holding's share of the total, cash included in the total. */
  readonly weights: Float64Array;
  /** Cash as a share of the total. */
  readonly cashWeight: number;
  /** Total value: Σ values + cash. */
  readonly total: number;
}

/**
 * Current weights of a portfolio of holdings plus cash.
 *
 * Formula: v_i = units_i · price_i, V = Σ v_i + cash, w_i = v_i / V, cash weight = cash / V, so
 * Σ w_i + cash weight = 1. Cash is a position: a portfolio that is half cash has weights summing
 * to 0.5. A missing price (NaN) is allowed only for an asset with no units (its value is 0).
 * Complexity: O(n).
 *
 * @param units units held per asset, ≥ 0
 * @param prices price per asset, > 0; NaN (no price) only where units is 0
 * @param cash cash in the same currency as prices, ≥ 0 (default 0)
 * @param labels optional asset names for error messages
 * @returns values, weights, cash weight and total
 * @throws CoreError LENGTH_MISMATCH (units, prices or labels of different lengths)
 * @throws CoreError INVALID_ARGUMENT (no assets; negative units or cash; total value 0)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in units or cash, ±Infinity in a price)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0)
 * @throws CoreError NOT_AVAILABLE (a held asset has no price)
 * @example currentWeights([2, 1], [50, 100], 100).weights; // => Float64Array [0.3333…, 0.3333…] (cash 1/3)
 */
export function currentWeights(
  units: ArrayLike<number>,
  prices: ArrayLike<number>,
  cash = 0,
  labels?: readonly string[]
): PortfolioValuation {
  const n = units.length;
  if (n === 0) {
    throw new CoreError("INVALID_ARGUMENT", "units is empty; give at least one asset", {
      argument: "units",
    });
  }
  if (prices.length !== n || (labels !== undefined && labels.length !== n)) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `units has ${n} assets but prices has ${prices.length}` +
        (labels === undefined ? "" : ` and labels ${labels.length}`) +
        "; give one value per asset",
      { argument: prices.length !== n ? "prices" : "labels" }
    );
  }
  if (!Number.isFinite(cash)) {
    throw new CoreError("NON_FINITE", `cash is ${cash}; give a number (0 for none)`, {
      argument: "cash",
    });
  }
  if (cash < 0) {
    throw new CoreError("INVALID_ARGUMENT", `cash is ${cash}; cash must be 0 or more`, {
      argument: "cash",
    });
  }
  const values = new Float64Array(n);
  let total = cash;
  for (let i = 0; i < n; i++) {
    const u = units[i];
    const p = prices[i];
    const label = labels?.[i] ?? `asset ${i + 1}`;
    const place = { column: i, label };
    if (!Number.isFinite(u)) {
      throw new CoreError("NON_FINITE", `units: ${label} is ${u}; give a number (0 for none)`, {
        argument: "units",
        ...place,
      });
    }
    if (u < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `units: ${label} is ${u}; holdings must be 0 or more (short positions are not supported)`,
        { argument: "units", ...place }
      );
    }
    if (Number.isNaN(p)) {
      if (u > 0) {
        throw new CoreError(
          "NOT_AVAILABLE",
          `prices: ${label} has no price but ${u} units are held; give its price`,
          { argument: "prices", ...place }
        );
      }
      continue;
    }
    if (!Number.isFinite(p)) {
      throw new CoreError("NON_FINITE", `prices: ${label} is ${p}; give a finite price`, {
        argument: "prices",
        ...place,
      });
    }
    if (p <= 0) {
      throw new CoreError(
        "NON_POSITIVE_PRICE",
        `prices: ${label} is ${p}; prices must be above 0`,
        { argument: "prices", ...place }
      );
    }
    values[i] = u * p;
    total += values[i];
  }
  if (!(total > 0)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      "the portfolio is empty (no units held and no cash); add holdings or cash",
      { argument: "units" }
    );
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = values[i] / total;
  return { values, weights, cashWeight: cash / total, total };
}
