import { CoreError } from "../errors";
import { currentWeights } from "./currentWeights";

/** The no-trade band around each target weight. */
export interface RebalanceBand {
  /** Half-width in weight points, e.g. 0.05 for ±5 points. */
  readonly absolute?: number;
  /** Half-width as a fraction of the target, e.g. 0.25 for ±25 % of the target. */
  readonly relative?: number;
}

/** Inputs of {@link rebalanceTrades}. */
export interface RebalanceInput {
  /** Units held per asset, ≥ 0. */
  readonly units: ArrayLike<number>;
  /** Price per asset, > 0; NaN only for an asset neither held nor targeted. */
  readonly prices: ArrayLike<number>;
  /** Cash, ≥ 0 (default 0). Fees are paid from it; it is invested whenever anything trades. */
  readonly cash?: number;
  /** Target weight per asset, ≥ 0, summing to 1 (± 1e-6). */
  readonly targets: ArrayLike<number>;
  /** No-trade band; a number is an absolute half-width (0.05 = ±5 points); default none (every drift above rounding trades). */
  readonly band?: RebalanceBand | number;
  /** Smallest trade worth making, in currency; smaller trades are dropped (default 0). */
  readonly minTrade?: number;
  /** Proportional fee in basis points of the traded value, 0–1000 (default 0). */
  readonly feeBps?: number;
  /** Asset names for error messages. */
  readonly labels?: readonly string[];
}

/** What happens to one asset. */
export type TradeAction = "buy" | "sell" | "hold" | "below minimum";

/** Result of {@link rebalanceTrades}: per-asset columns and portfolio totals. */
export interface RebalancePlan {
  readonly value: Float64Array;
  readonly weight: Float64Array;
  readonly target: Float64Array;
  /** weight − target, before trading. */
  readonly drift: Float64Array;
  /** Band half-width used for each asset. */
  readonly halfWidth: Float64Array;
  /** Signed trade value: + buy, − sell. */
  readonly tradeValue: Float64Array;
  /** Signed trade in units: tradeValue / price (a full sale is exactly −units). */
  readonly tradeUnits: Float64Array;
  readonly fee: Float64Array;
  readonly valueAfter: Float64Array;
  /** Weight after trading, of the portfolio value after fees. */
  readonly weightAfter: Float64Array;
  readonly action: TradeAction[];
  readonly totals: {
    /** Holdings + cash before trading. */
    readonly portfolioValue: number;
    /** Σ|tradeValue| / portfolioValue. */
    readonly turnover: number;
    readonly bought: number;
    readonly sold: number;
    readonly fees: number;
    readonly cashBefore: number;
    readonly cashAfter: number;
    /** Holdings + cash after trading and fees. */
    readonly valueAfter: number;
    /** max_i |weight_i − target_i| before and after. */
    readonly driftBefore: number;
    readonly driftAfter: number;
  };
}

/** Targets are often typed as rounded percentages; 1e-6 forgives rounding, not a missing asset. */
const TARGET_SUM_TOLERANCE = 1e-6;
/** A drift below 1e-12 is floating-point noise, not a reason to trade. */
const WEIGHT_TOLERANCE = 1e-12;
/** Fees above 10 % of the traded value are a typo (basis points entered as percent). */
const MAX_FEE_BPS = 1000;
/** The fee fixed point shrinks its error by the fee rate (≤ 0.1) per step; 1e-15 of V is rounding. */
const FEE_TOLERANCE = 1e-15;
const MAX_FEE_ITERATIONS = 100;

/**
 * Trades that bring a portfolio back to its target weights, trading only assets outside their
 * no-trade band: a threshold ("5/25") rebalance.
 *
 * Rule.
 * - Weights are of the whole portfolio V = Σ units·price + cash (cash is a position with target
 *   0). Band half-width h_i = min(absolute, relative·target_i) over the parts given (the 5/25
 *   rule: ±5 points or ±25 % of the target, whichever is tighter); no band → h_i = 0.
 * - Assets with |w_i − target_i| > h_i trade **back to the target, not to the band edge** (the
 *   common default; fewer, larger trades). The traded set A shares what the untraded assets leave:
 *   x_i = target_i / Σ_A target · (V − F − Σ_{not A} v_i), so all cash is invested and the fees F
 *   are paid from it. F = fee·Σ|x_i − v_i| is solved by fixed-point iteration (a contraction with
 *   factor fee ≤ 0.1).
 * - A trade smaller than minTrade is dropped (that asset holds), and the others are re-solved.
 * - If the result leaves any asset outside its band (weights after fees, of V − F) — an untraded
 *   asset pushed out by the fees, or traded assets short of cash because untraded ones sit above
 *   target — the untraded asset furthest beyond its band is added to A and the trades re-solved.
 *   A only grows, so this ends; with A = all assets every weight is exactly on target.
 * Guarantee: every asset lands inside its band after fees, except when a trade was dropped for
 * being below minTrade (then the dropped asset, and possibly others by the amount of the dropped
 * trade, may sit outside). Sells never exceed holdings; cash after is ≥ 0.
 * Targets are rescaled to sum exactly to 1 before use (within the 1e-6 tolerance).
 * Complexity: O(n) per solve, at most O(n) solves: O(n²) worst case, O(n) typically.
 *
 * @param input units, prices, cash, targets, band, minTrade, feeBps, labels
 * @returns per-asset value, weight, target, drift, trade value and units, fee, weight after; totals
 * @throws CoreError LENGTH_MISMATCH (units, prices, targets or labels differ in length)
 * @throws CoreError INVALID_ARGUMENT (negative units, cash, target, band or minTrade; targets not summing to 1 ± 1e-6; feeBps outside 0–1000; empty portfolio)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in an amount, target or option)
 * @throws CoreError NON_POSITIVE_PRICE (a price ≤ 0)
 * @throws CoreError NOT_AVAILABLE (a held or targeted asset has no price)
 * @example rebalanceTrades({ units: [3, 1], prices: [100, 100], targets: [0.5, 0.5], band: { absolute: 0.05 } }).tradeValue; // => [-100, 100]
 */
export function rebalanceTrades(input: RebalanceInput): RebalancePlan {
  const { units, prices, targets, labels } = input;
  const cash = input.cash ?? 0;
  const n = units.length;
  if (targets.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `units has ${n} assets but targets has ${targets.length}; give one target per asset`,
      { argument: "targets" }
    );
  }
  const valuation = currentWeights(units, prices, cash, labels);
  const target = checkTargets(targets, prices, labels);
  const minTrade = checkOption(input.minTrade ?? 0, "minTrade", Infinity);
  const feeRate = checkOption(input.feeBps ?? 0, "feeBps", MAX_FEE_BPS) / 10000;
  const band = typeof input.band === "number" ? { absolute: input.band } : (input.band ?? {});
  const halfWidth = bandHalfWidths(target, band);

  const V = valuation.total;
  const value = valuation.values;
  const weight = valuation.weights;
  const drift = new Float64Array(n);
  const active = new Uint8Array(n);
  const dropped = new Uint8Array(n);
  let driftBefore = 0;
  for (let i = 0; i < n; i++) {
    drift[i] = weight[i] - target[i];
    driftBefore = Math.max(driftBefore, Math.abs(drift[i]));
    if (Math.abs(drift[i]) > halfWidth[i] + WEIGHT_TOLERANCE) active[i] = 1;
  }

  const after = new Float64Array(n);
  let fees = 0;
  for (let iteration = 0; iteration <= 2 * n + 1; iteration++) {
    fees = allocate(value, target, active, dropped, feeRate, V, after);
    let changed = false;
    for (let i = 0; i < n; i++) {
      const trade = Math.abs(after[i] - value[i]);
      if (active[i] && !dropped[i] && trade > 0 && trade < minTrade) {
        dropped[i] = 1;
        changed = true;
      }
    }
    if (changed) continue;
    // The asset furthest beyond its band after fees; an untraded one joins the traded set.
    const valueAfter = V - fees;
    let worst = -1;
    let worstExcess = WEIGHT_TOLERANCE;
    let anyActiveOutside = false;
    for (let i = 0; i < n; i++) {
      if (dropped[i]) continue;
      const excess = Math.abs(after[i] / valueAfter - target[i]) - halfWidth[i];
      if (active[i]) {
        if (excess > WEIGHT_TOLERANCE) anyActiveOutside = true;
      } else if (excess > worstExcess) {
        worstExcess = excess;
        worst = i;
      }
    }
    if (worst < 0 && anyActiveOutside) {
      // Traded assets miss their bands because untraded ones hold too much or too little:
      // bring in the untraded asset furthest from its target.
      let far = -Infinity;
      for (let i = 0; i < n; i++) {
        const gap = Math.abs(after[i] / valueAfter - target[i]) - halfWidth[i];
        if (!active[i] && !dropped[i] && gap > far) {
          far = gap;
          worst = i;
        }
      }
    }
    if (worst < 0) break;
    active[worst] = 1;
  }

  return plan(
    input,
    { total: V, cash, value, weight, target, drift, halfWidth, after, dropped },
    fees,
    feeRate,
    driftBefore
  );
}

/**
 * Post-trade values into `after` for the traded set (active and not dropped); returns the fees.
 * Untraded assets keep their value; the traded ones share the rest pro rata to their targets.
 */
function allocate(
  value: Float64Array,
  target: Float64Array,
  active: Uint8Array,
  dropped: Uint8Array,
  feeRate: number,
  total: number,
  after: Float64Array
): number {
  const n = value.length;
  let held = 0;
  let targetShare = 0;
  let tradedValue = 0;
  for (let i = 0; i < n; i++) {
    if (active[i] && !dropped[i]) {
      targetShare += target[i];
      tradedValue += value[i];
    } else {
      held += value[i];
    }
    after[i] = value[i];
  }
  if (tradedValue === 0 && targetShare === 0) return 0;
  if (targetShare === 0) {
    // Every traded asset has target 0: sell them; the proceeds less fees stay in cash.
    for (let i = 0; i < n; i++) if (active[i] && !dropped[i]) after[i] = 0;
    return feeRate * tradedValue;
  }
  let fees = 0;
  for (let k = 0; k < MAX_FEE_ITERATIONS; k++) {
    const budget = Math.max(0, total - fees - held);
    let turnover = 0;
    for (let i = 0; i < n; i++) {
      if (!active[i] || dropped[i]) continue;
      after[i] = (target[i] / targetShare) * budget;
      turnover += Math.abs(after[i] - value[i]);
    }
    const next = feeRate * turnover;
    const settled = Math.abs(next - fees) <= FEE_TOLERANCE * total;
    fees = next;
    if (settled) break;
  }
  // Pay the final fees from the last allocation so cash after is not negative.
  const budget = Math.max(0, total - fees - held);
  let turnover = 0;
  for (let i = 0; i < n; i++) {
    if (!active[i] || dropped[i]) continue;
    after[i] = (target[i] / targetShare) * budget;
    turnover += Math.abs(after[i] - value[i]);
  }
  return feeRate * turnover;
}

interface Solved {
  readonly total: number;
  readonly cash: number;
  readonly value: Float64Array;
  readonly weight: Float64Array;
  readonly target: Float64Array;
  readonly drift: Float64Array;
  readonly halfWidth: Float64Array;
  readonly after: Float64Array;
  readonly dropped: Uint8Array;
}

function plan(
  input: RebalanceInput,
  solved: Solved,
  fees: number,
  feeRate: number,
  driftBefore: number
): RebalancePlan {
  const { total, cash, value, weight, target, drift, halfWidth, after, dropped } = solved;
  const n = value.length;
  const tradeValue = new Float64Array(n);
  const tradeUnits = new Float64Array(n);
  const fee = new Float64Array(n);
  const weightAfter = new Float64Array(n);
  const action: TradeAction[] = new Array<TradeAction>(n);
  const valueAfterTotal = total - fees;
  let bought = 0;
  let sold = 0;
  let driftAfter = 0;
  for (let i = 0; i < n; i++) {
    const trade = after[i] - value[i];
    tradeValue[i] = trade;
    // value/price can round a hair past the units held; a sale is never more than the holding.
    tradeUnits[i] =
      trade === 0
        ? 0
        : after[i] === 0
          ? -input.units[i]
          : Math.max(-input.units[i], trade / input.prices[i]);
    fee[i] = feeRate * Math.abs(trade);
    if (trade > 0) bought += trade;
    else sold -= trade;
    weightAfter[i] = after[i] / valueAfterTotal;
    driftAfter = Math.max(driftAfter, Math.abs(weightAfter[i] - target[i]));
    action[i] = trade > 0 ? "buy" : trade < 0 ? "sell" : "hold";
  }
  for (let i = 0; i < n; i++) if (dropped[i]) action[i] = "below minimum";
  // Rounding can leave −1e-13 of cash when everything is invested; that is zero, not a debt.
  const rawCashAfter = cash + sold - bought - fees;
  const cashAfter = Math.abs(rawCashAfter) <= 1e-12 * total ? 0 : rawCashAfter;
  return {
    value,
    weight,
    target,
    drift,
    halfWidth,
    tradeValue,
    tradeUnits,
    fee,
    valueAfter: after,
    weightAfter,
    action,
    totals: {
      portfolioValue: total,
      turnover: (bought + sold) / total,
      bought,
      sold,
      fees,
      cashBefore: cash,
      cashAfter,
      valueAfter: valueAfterTotal,
      driftBefore,
      driftAfter,
    },
  };
}

function checkTargets(
  targets: ArrayLike<number>,
  prices: ArrayLike<number>,
  labels?: readonly string[]
): Float64Array {
  const n = targets.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = targets[i];
    const label = labels?.[i] ?? `asset ${i + 1}`;
    if (!Number.isFinite(t)) {
      throw new CoreError("NON_FINITE", `targets: ${label} is ${t}; give a weight (0 for none)`, {
        argument: "targets",
        column: i,
        label,
      });
    }
    if (t < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `targets: ${label} is ${t}; target weights must be 0 or more`,
        { argument: "targets", column: i, label }
      );
    }
    if (t > 0 && Number.isNaN(prices[i])) {
      throw new CoreError(
        "NOT_AVAILABLE",
        `prices: ${label} has no price but a target of ${t}; give its price or set its target to 0`,
        { argument: "prices", column: i, label }
      );
    }
    sum += t;
  }
  if (Math.abs(sum - 1) > TARGET_SUM_TOLERANCE) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `targets sum to ${sum}; target weights must sum to 1 (100 %)`,
      { argument: "targets" }
    );
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = targets[i] / sum;
  return out;
}

function checkOption(value: number, argument: string, max: number): number {
  if (!Number.isFinite(value)) {
    throw new CoreError("NON_FINITE", `${argument} is ${value}; give a number`, { argument });
  }
  if (value < 0 || value > max) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `${argument} is ${value}; it must be from 0${max === Infinity ? "" : ` to ${max}`}`,
      { argument }
    );
  }
  return value;
}

function bandHalfWidths(target: Float64Array, band: RebalanceBand): Float64Array {
  const absolute =
    band.absolute === undefined ? Infinity : checkOption(band.absolute, "band.absolute", Infinity);
  const relative =
    band.relative === undefined ? Infinity : checkOption(band.relative, "band.relative", Infinity);
  const out = new Float64Array(target.length);
  for (let i = 0; i < target.length; i++) {
    // Only the parts given count: Infinity × a zero target would be NaN.
    const byTarget = relative === Infinity ? Infinity : relative * target[i];
    const width = Math.min(absolute, byTarget);
    out[i] = width === Infinity ? 0 : width;
  }
  return out;
}
