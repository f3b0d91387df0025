import { CoreError, isCoreError } from "../errors";
import type { SquareMatrix } from "../types";
import { bindingConstraints } from "./bindingConstraints";
import { checkCovariance } from "./checkCovariance";
import { checkFeasibility } from "./checkFeasibility";
import { portfolioConstraintRows } from "./portfolioConstraintRows";
import { snapWeightsToBounds } from "./snapWeightsToBounds";
import { solveQuadraticProgram } from "./solveQuadraticProgram";
import type { ConstrainedPortfolio, PortfolioConstraints } from "./types";

/** What {@link tradeLimitedPortfolio} optimises. */
export type TradeObjective =
  /** min wᵀΣw + c·Σ|w − w₀|. */
  | { readonly kind: "minvar" }
  /** max (aᵀw − c·Σ|w − w₀|) / √(wᵀΣw): Sharpe for a = μ − rf, diversification for a = σ. */
  | { readonly kind: "ratio"; readonly a: ArrayLike<number>; readonly name: string };

/** The trade limits: current weights, and a turnover cap and/or a proportional cost. */
export interface TradeLimits {
  /** w₀, one per asset, each ≥ 0, summing to at most 1 (the rest is cash, sold into the portfolio). */
  readonly current: ArrayLike<number>;
  /** Σ|w − w₀| ≤ maxTurnover (e.g. 0.2). */
  readonly maxTurnover?: number;
  /** c ≥ 0: cost per unit traded, in the units of the objective's numerator (or of variance). */
  readonly costRate?: number;
}

/**
 * The trades' curvature relative to trace(Σ)/n: it keeps the QP's Hessian positive definite for
 * Goldfarb–Idnani, and its effect (ε‖t‖² ≤ ε·τ²) is then removed by the polish below.
 */
const TRADE_RIDGE = 1e-8;
/** A trade smaller than this counts as "hold" when the sign pattern is read for the polish. */
const HOLD_TOLERANCE = 1e-9;

/**
 * The minimum-variance or maximum-ratio portfolio under bounds and group constraints plus a
 * turnover cap Σ|w − w₀| ≤ τ and/or proportional costs c·Σ|w − w₀| against current weights w₀.
 *
 * Formulation: split the trade into buys p ≥ 0 and sells q ≥ 0 with w − w₀ = p − q, so |w − w₀| is
 * p + q at the optimum and both limits are linear: Σ(p + q) ≤ τ and the cost c·Σ(p + q) (PyPortfolioOpt
 * `objective_functions.transaction_cost`, Riskfolio's turnover constraint). minvar minimises
 * wᵀΣw + c·Σ(p + q); ratio objectives use the homogenisation of Cornuejols & Tütüncü (2007, §8.2):
 * y = κw, aᵀy − c·Σ(p + q) = 1, y − p + q = κw₀, Σ(p + q) ≤ τκ, min yᵀΣy, so the net ratio is
 * maximised (costs charged against the numerator: for Sharpe, the net expected return).
 * Solver: why not HiGHS' convex QP through the injected LpSolver? That would make every variance
 * method asynchronous and load the WebAssembly solver for a problem Goldfarb–Idnani solves in
 * milliseconds; but G–I needs a positive definite Hessian and p, q enter linearly. So (1) the trades
 * get a tiny ridge ε = 1e-8·trace(Σ)/n, which makes the QP strictly convex, and (2) the ridge's
 * answer is polished: its sign pattern (buy, sell, hold) is fixed and the problem re-solved exactly
 * in w alone (Hessian Σ, trades s_i(w_i − w₀_i) ≥ 0, holds w_i = w₀_i, turnover and cost linear);
 * with the right pattern that is the exact optimum (the original problem restricted to a face that
 * contains its optimum), and it is kept only if its objective is no worse than the ridge answer's.
 * Conventions: w₀ may sum to less than 1 (cash is traded in too); costs in the objective's units.
 * Complexity: two QPs, of 3n and of n variables: O(n³) plus O(n²) per active-set change.
 *
 * @param cov positive definite covariance with labels
 * @param objective minvar, or a ratio's numerator a and its name
 * @param trades current weights, maxTurnover and/or costRate
 * @param constraints bounds and groups
 * @returns weights, volatility, the net ratio (ratio objectives), the binding constraints
 *   (plus "turnover cap τ" when it binds)
 * @throws CoreError INVALID_ARGUMENT (bad current weights, turnover or cost; neither limit given)
 * @throws CoreError INFEASIBLE (the bounds exclude every portfolio within the turnover of w₀: says
 *   the least turnover they need; or no portfolio has a positive net numerator)
 * @example tradeLimitedPortfolio(cov, { kind: "minvar" }, { current: [1, 0], maxTurnover: 0.2 }).weights;
 * // => Float64Array [0.9, 0.1] for two assets whose unconstrained minimum is (0.2, 0.8)
 */
export function tradeLimitedPortfolio(
  cov: SquareMatrix,
  objective: TradeObjective,
  trades: TradeLimits,
  constraints: PortfolioConstraints = {}
): ConstrainedPortfolio {
  checkCovariance(cov);
  const n = cov.size;
  const w0 = checkCurrent(trades.current, n);
  const tau = trades.maxTurnover;
  const cost = trades.costRate ?? 0;
  if (tau !== undefined && !(tau >= 0 && Number.isFinite(tau))) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `turnover must be a number ≥ 0 (e.g. 0.2); got ${tau}`,
      {
        argument: "limits",
      }
    );
  }
  if (!(cost >= 0 && Number.isFinite(cost))) {
    throw new CoreError("INVALID_ARGUMENT", `cost must be a rate ≥ 0 (e.g. 0.001); got ${cost}`, {
      argument: "limits",
    });
  }
  const report = checkFeasibility(constraints, n, cov.labels);
  if (!report.feasible)
    throw new CoreError("INFEASIBLE", report.reason, { argument: "constraints" });
  const rows = portfolioConstraintRows(constraints, n, cov.labels);
  if (tau !== undefined) {
    const least = leastTurnover(w0, rows.lower, rows.upper);
    if (least > tau + 1e-12) {
      throw new CoreError(
        "INFEASIBLE",
        `turnover ${fmt(tau)} is too small: the weight bounds alone need at least ${fmt(least)} of trading from the current weights (the current weights sum to ${fmt(sum(w0))}, and every asset must move inside its min and max); raise the turnover to ${fmt(least)} or more, or relax the bounds`,
        { argument: "limits" }
      );
    }
  }
  const ratio = objective.kind === "ratio" ? objective : undefined;
  if (ratio !== undefined && ratio.a.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${ratio.name} has ${ratio.a.length} entries for ${n} assets`,
      {
        argument: ratio.name,
      }
    );
  }

  const ridgeSolution = solveWithRidge(cov, ratio?.a, w0, tau, cost, rows);
  const trade = new Float64Array(n);
  for (let i = 0; i < n; i++) trade[i] = ridgeSolution[i] - w0[i];
  let w = ridgeSolution;
  const polished = polish(cov, ratio?.a, w0, tau, cost, rows, trade);
  if (polished !== undefined) {
    const value = (x: Float64Array) => objectiveValue(cov, ratio?.a, w0, cost, x);
    // The ratio is maximised, the minvar objective minimised: keep the better of the two.
    const better =
      ratio === undefined
        ? value(polished) <= value(w) + 1e-13
        : value(polished) >= value(w) - 1e-13;
    if (better) w = polished;
  }
  const weights = snapWeightsToBounds(w, rows.lower, rows.upper);
  const binding = bindingConstraints(rows, weights);
  let turnover = 0;
  for (let i = 0; i < n; i++) turnover += Math.abs(weights[i] - w0[i]);
  if (tau !== undefined && Math.abs(turnover - tau) <= 1e-9)
    binding.push(`turnover cap ${fmt(tau)}`);
  const variance = quadratic(cov, weights);
  const volatility = Math.sqrt(Math.max(variance, 0));
  const result: ConstrainedPortfolio = { weights, labels: cov.labels, volatility, binding };
  if (ratio === undefined) return result;
  return { ...result, ratio: objectiveValue(cov, ratio.a, w0, cost, weights) };
}

/** wᵀΣw + c·Σ|w − w₀| (minvar), or (aᵀw − c·Σ|w − w₀|)/√(wᵀΣw) (ratio). */
function objectiveValue(
  cov: SquareMatrix,
  a: ArrayLike<number> | undefined,
  w0: Float64Array,
  cost: number,
  w: Float64Array
): number {
  let traded = 0;
  for (let i = 0; i < w.length; i++) traded += Math.abs(w[i] - w0[i]);
  const variance = quadratic(cov, w);
  if (a === undefined) return variance + cost * traded;
  let numerator = -cost * traded;
  for (let i = 0; i < w.length; i++) numerator += a[i] * w[i];
  return numerator / Math.sqrt(variance);
}

/** The QP in (y, p, q) with a tiny ridge on the trades; returns w (= y/κ for ratio objectives). */
function solveWithRidge(
  cov: SquareMatrix,
  a: ArrayLike<number> | undefined,
  w0: Float64Array,
  tau: number | undefined,
  cost: number,
  rows: ReturnType<typeof portfolioConstraintRows>
): Float64Array {
  const n = cov.size;
  const N = 3 * n;
  let trace = 0;
  for (let i = 0; i < n; i++) trace += cov.data[i * n + i];
  const ridge = (TRADE_RIDGE * trace) / n;
  const D = new Float64Array(N * N);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) D[i * N + j] = 2 * cov.data[i * n + j];
    D[(n + i) * N + n + i] = ridge;
    D[(2 * n + i) * N + 2 * n + i] = ridge;
  }
  const d = new Float64Array(N);
  // minvar: the cost is linear in the objective (½zᵀDz − dᵀz, so d = −c on p and q).
  if (a === undefined) for (let k = n; k < N; k++) d[k] = -cost;
  const eqRows: number[][] = [];
  const beq: number[] = [];
  const eqNames: string[] = [];
  if (a === undefined) {
    eqRows.push([...Array(n).fill(1), ...Array(2 * n).fill(0)]);
    beq.push(1);
    eqNames.push("budget (weights sum to 1)");
  } else {
    eqRows.push([...Array.from(a), ...Array(2 * n).fill(-cost)]);
    beq.push(1);
    eqNames.push("net numerator = 1");
  }
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(N).fill(0);
    // y_i − p_i + q_i − κ·w₀_i = 0, with κ = 1ᵀy for ratios and κ = 1 (a constant) for minvar.
    if (a === undefined) {
      row[i] = 1;
      beq.push(w0[i]);
    } else {
      for (let j = 0; j < n; j++) row[j] = (i === j ? 1 : 0) - w0[i];
      beq.push(0);
    }
    row[n + i] = -1;
    row[2 * n + i] = 1;
    eqRows.push(row);
    eqNames.push(`trade in ${cov.labels[i]}`);
  }
  const m = rows.bineq.length;
  const ineqRows: number[][] = [];
  const bineq: number[] = [];
  const ineqNames: string[] = [];
  for (let r = 0; r < m; r++) {
    const row = new Array<number>(N).fill(0);
    for (let j = 0; j < n; j++) {
      row[j] = a === undefined ? rows.Aineq[r * n + j] : rows.Aineq[r * n + j] - rows.bineq[r];
    }
    ineqRows.push(row);
    bineq.push(a === undefined ? rows.bineq[r] : 0);
    ineqNames.push(rows.names[r]);
  }
  for (let k = n; k < N; k++) {
    const row = new Array<number>(N).fill(0);
    row[k] = 1;
    ineqRows.push(row);
    bineq.push(0);
    ineqNames.push(
      k < 2 * n ? `buy ${cov.labels[k - n]} ≥ 0` : `sell ${cov.labels[k - 2 * n]} ≥ 0`
    );
  }
  if (a !== undefined) {
    ineqRows.push([...Array(n).fill(1), ...Array(2 * n).fill(0)]);
    bineq.push(0);
    ineqNames.push("κ = Σy ≥ 0");
  }
  if (tau !== undefined) {
    const row = [...Array(n).fill(a === undefined ? 0 : tau), ...Array(2 * n).fill(-1)];
    ineqRows.push(row);
    bineq.push(a === undefined ? -tau : 0);
    ineqNames.push(`turnover cap ${fmt(tau)}`);
  }
  let x: Float64Array;
  try {
    x = solveQuadraticProgram({
      D,
      d,
      Aeq: Float64Array.from(eqRows.flat()),
      beq,
      Aineq: Float64Array.from(ineqRows.flat()),
      bineq,
      equalityNames: eqNames,
      inequalityNames: ineqNames,
    }).x;
  } catch (error) {
    if (isCoreError(error) && error.code === "INFEASIBLE") {
      throw new CoreError(
        "INFEASIBLE",
        a === undefined
          ? `the bounds, group constraints and turnover cannot all hold: ${error.message}; raise the turnover or relax the constraints`
          : `no portfolio within the limits has a positive net numerator (for maxsharpe: a return net of costs above riskFree); lower the cost or riskFree, or raise the turnover`,
        { argument: "limits" }
      );
    }
    throw error;
  }
  const w = x.slice(0, n);
  let kappa = 0;
  for (let i = 0; i < n; i++) kappa += w[i];
  for (let i = 0; i < n; i++) w[i] /= kappa;
  return w;
}

/**
 * The exact optimum on the ridge answer's face: each asset's trade direction fixed (buy s = 1,
 * sell s = −1, hold: w_i = w₀_i), so |w_i − w₀_i| = s_i(w_i − w₀_i) is linear and the QP in w alone
 * has Hessian Σ (positive definite). Undefined when that restricted problem is infeasible.
 */
function polish(
  cov: SquareMatrix,
  a: ArrayLike<number> | undefined,
  w0: Float64Array,
  tau: number | undefined,
  cost: number,
  rows: ReturnType<typeof portfolioConstraintRows>,
  trade: Float64Array
): Float64Array | undefined {
  const n = cov.size;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++)
    s[i] = trade[i] > HOLD_TOLERANCE ? 1 : trade[i] < -HOLD_TOLERANCE ? -1 : 0;
  let S = 0; // Σ s_i w₀_i
  for (let i = 0; i < n; i++) S += s[i] * w0[i];
  const D = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) D[k] = 2 * cov.data[k];
  const d = new Float64Array(n);
  const eq: number[] = [];
  const beq: number[] = [];
  const ineq: number[] = [];
  const bineq: number[] = [];
  const m = rows.bineq.length;
  if (a === undefined) {
    // min wᵀΣw + c·Σ s_i(w_i − w₀_i): the constant −c·S drops out.
    for (let i = 0; i < n; i++) d[i] = -cost * s[i];
    eq.push(...Array(n).fill(1));
    beq.push(1);
    for (let i = 0; i < n; i++) {
      if (s[i] !== 0) continue;
      const row = new Array<number>(n).fill(0);
      row[i] = 1;
      eq.push(...row);
      beq.push(w0[i]);
    }
    for (let r = 0; r < m; r++) {
      for (let j = 0; j < n; j++) ineq.push(rows.Aineq[r * n + j]);
      bineq.push(rows.bineq[r]);
    }
    for (let i = 0; i < n; i++) {
      if (s[i] === 0) continue;
      const row = new Array<number>(n).fill(0);
      row[i] = s[i];
      ineq.push(...row);
      bineq.push(s[i] * w0[i]);
    }
    if (tau !== undefined) {
      for (let j = 0; j < n; j++) ineq.push(-s[j]);
      bineq.push(-tau - S);
    }
  } else {
    // Homogenised: aᵀy − c·Σ s_i(y_i − κw₀_i) = 1 with κ = 1ᵀy, i.e. coefficients a_j − c·s_j + c·S.
    for (let j = 0; j < n; j++) eq.push(a[j] - cost * s[j] + cost * S);
    beq.push(1);
    for (let i = 0; i < n; i++) {
      if (s[i] !== 0) continue;
      for (let j = 0; j < n; j++) eq.push((i === j ? 1 : 0) - w0[i]);
      beq.push(0);
    }
    for (let r = 0; r < m; r++) {
      for (let j = 0; j < n; j++) ineq.push(rows.Aineq[r * n + j] - rows.bineq[r]);
      bineq.push(0);
    }
    for (let i = 0; i < n; i++) {
      if (s[i] === 0) continue;
      for (let j = 0; j < n; j++) ineq.push(s[i] * ((i === j ? 1 : 0) - w0[i]));
      bineq.push(0);
    }
    ineq.push(...Array(n).fill(1));
    bineq.push(0);
    if (tau !== undefined) {
      // τ·1ᵀy − Σ s_i(y_i − w₀_i·1ᵀy) ≥ 0.
      for (let j = 0; j < n; j++) ineq.push(tau - s[j] + S);
      bineq.push(0);
    }
  }
  let x: Float64Array;
  try {
    x = solveQuadraticProgram({
      D,
      d,
      Aeq: Float64Array.from(eq),
      beq,
      Aineq: Float64Array.from(ineq),
      bineq,
    }).x;
  } catch (error) {
    if (isCoreError(error)) return undefined;
    throw error;
  }
  let kappa = 0;
  for (let i = 0; i < n; i++) kappa += x[i];
  if (!(kappa > 0)) return undefined;
  for (let i = 0; i < n; i++) x[i] /= kappa;
  return x;
}

/** Σ max(lower − w₀, 0) + Σ max(w₀ − upper, 0), and the cash 1 − Σw₀ to invest: a lower bound. */
function leastTurnover(w0: Float64Array, lower: Float64Array, upper: Float64Array): number {
  let forced = 0;
  let cash = 1;
  for (let i = 0; i < w0.length; i++) {
    forced += Math.max(lower[i] - w0[i], 0) + Math.max(w0[i] - upper[i], 0);
    cash -= w0[i];
  }
  return Math.max(forced, cash);
}

function checkCurrent(current: ArrayLike<number>, n: number): Float64Array {
  if (current.length !== n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `currentWeights has ${current.length} weights for ${n} assets; give one per asset, in the assets' order`,
      { argument: "currentWeights" }
    );
  }
  const w0 = Float64Array.from(current);
  for (let i = 0; i < n; i++) {
    if (!(w0[i] >= 0 && Number.isFinite(w0[i]))) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `currentWeights: weight ${i + 1} is ${w0[i]}; weights must be ≥ 0`,
        {
          argument: "currentWeights",
          column: i,
        }
      );
    }
  }
  if (sum(w0) > 1 + 1e-9) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `currentWeights sum to ${fmt(sum(w0))} > 1; give fractions of the portfolio (the rest is cash)`,
      { argument: "currentWeights" }
    );
  }
  return w0;
}

function quadratic(cov: SquareMatrix, w: ArrayLike<number>): number {
  const n = cov.size;
  let v = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += cov.data[i * n + j] * w[j];
    v += w[i] * row;
  }
  return v;
}

function sum(w: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  return s;
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}
