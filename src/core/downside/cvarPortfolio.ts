import { CoreError } from "../errors";
import { addReturnRows } from "../lp/addReturnRows";
import { checkLpSize } from "../lp/checkLpSize";
import { createLpBuilder } from "../lp/createLpBuilder";
import { portfolioLpRows } from "../lp/portfolioLpRows";
import { solveLinearProgram } from "../lp/solveLinearProgram";
import type { LpSolver } from "../lp/types";
import type { ReturnsPanel } from "../types";
import type { DownsideOptions, DownsidePortfolio } from "./types";

/** A target return or ratio row counts as binding within this (HiGHS' feasibility tolerance is 1e-7). */
const BINDING_TOLERANCE = 1e-7;

/**
 * Under maxHoldings, maxratio bounds the Charnes–Cooper scale κ = 1/(excess mean) by this multiple
 * of 1/(best asset's excess mean), which the binaries' big-M rows need: portfolios whose excess mean
 * is below 1/1000 of the best asset's are left out (their ratio is near 0, never the optimum).
 */
const KAPPA_RANGE = 1000;

/**
 * Minimum-CVaR and maximum mean–CVaR (STARR) portfolios over historical scenarios, long-only and
 * fully invested, with bounds, group floors/caps, cardinality, turnover and proportional costs.
 *
 * Formula (Rockafellar & Uryasev 2000): with scenario returns r_t (t = 1…T), mean μ = (1/T) Σ r_t,
 * CVaR_α(w) = min_ζ ζ + 1/((1−α)T) Σ_t max(0, −r_tᵀw − ζ), so "minrisk" solves the LP
 *   min ζ + 1/((1−α)T) Σ u_t  s.t.  u_t ≥ −r_tᵀw − ζ, u_t ≥ 0, Σw = 1, bounds, groups, limits
 * (+ μᵀw ≥ targetReturn when given; + costRate·Σ|w − w₀| in the objective). "maxratio" maximises
 * (μᵀw − rf − costRate·Σ|w − w₀|)/CVaR_α(w) by Charnes–Cooper: y = κw, (μ − rf)ᵀy − costRate·Σt = 1,
 * every portfolio row in y and κ, and the same LP objective in y, so w = y/κ and the ratio is
 * 1/objective. maxHoldings adds binaries z_j (y_j ≤ u_j·κ̄·z_j, Σz ≤ K) and HiGHS' branch-and-cut
 * solves the MIP to optimality (relative gap 1e-4 at most); under maxratio κ̄ is 1000 / the best
 * asset's excess mean (see KAPPA_RANGE).
 * References: Rockafellar & Uryasev (2000), "Optimization of conditional value-at-risk", J. Risk 2(3);
 * Charnes & Cooper (1962), "Programming with linear fractional functionals"; the same LPs as
 * Riskfolio-Lib's rm="CVaR" and PyPortfolioOpt's EfficientCVaR, checked against scipy
 * linprog(method="highs") and milp (scripts/fixtures/downsideLp.py).
 * Conventions: per-period figures (not annualised); losses positive; α the confidence (0.95 = the
 * worst 5 % of scenarios, the boundary scenario counted fractionally); rows with a missing return
 * for any asset are left out; riskFree per period.
 * Complexity: one LP of T + O(n) rows and T + n + 1 columns, T·(n + 2) entries (HiGHS dual simplex,
 * in practice near-linear in T); a MIP with maxHoldings.
 *
 * @param returns scenario returns, dates × assets (at least two complete rows)
 * @param options objective, alpha (default 0.95), targetReturn, riskFree, constraints, limits, time limit
 * @param solver the loaded LP solver
 * @returns weights, risk = CVaR_α (per period), expectedReturn = μᵀw, binding constraints
 * @throws CoreError INVALID_ARGUMENT (alpha outside (0, 1); a non-finite targetReturn or riskFree;
 *   a scenario LP over the memory budget, naming prices; the limits portfolioLpRows refuses)
 * @throws CoreError TOO_FEW_POINTS (fewer than two complete rows)
 * @throws CoreError INFEASIBLE (bounds, groups or limits no portfolio meets, naming which and by how
 *   much; a targetReturn above the highest mean; maxratio when no portfolio beats riskFree)
 * @throws CoreError INVALID_ARGUMENT for maxratio when some admissible portfolio has CVaR ≤ 0 (the ratio
 *   is unbounded), naming alpha
 * @throws CoreError NOT_CONVERGED (the time limit, with the fix)
 * @example cvarPortfolio(returns, { objective: "minrisk", alpha: 0.5 }, highs).weights;
 * // two assets, scenarios (A, B) = (−0.1, 0), (0.1, −0.04): => Float64Array [0.1666…, 0.8333…]
 */
export function cvarPortfolio(
  returns: ReturnsPanel,
  options: DownsideOptions,
  solver: LpSolver
): DownsidePortfolio {
  const objective = options.objective;
  const what = objective === "maxratio" ? "meancvar" : "mincvar";
  const alpha = options.alpha ?? 0.95;
  if (!(alpha > 0 && alpha < 1)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `alpha must be a confidence level strictly between 0 and 1, e.g. 0.95; got ${alpha}`,
      { argument: "alpha" }
    );
  }
  for (const [name, value] of [
    ["targetReturn", options.targetReturn],
    ["riskFree", options.riskFree],
  ] as const) {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${name} must be a finite return per period; got ${value}`,
        { argument: name }
      );
    }
  }
  const n = returns.cols;
  // Checked on every row before any copy: complete rows are at most these.
  checkLpSize(returns.rows, n, what);
  const { scenarios, T } = completeScenarios(returns);
  const mu = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let t = 0; t < T; t++) sum += scenarios[t * n + j];
    mu[j] = sum / T;
  }
  const riskFree = options.riskFree ?? 0;
  const tail = 1 / ((1 - alpha) * T);

  const lp = createLpBuilder();
  let kappa: number | undefined;
  let kappaUpper = Infinity;
  if (objective === "maxratio") {
    let best = 0;
    for (let j = 0; j < n; j++) best = Math.max(best, mu[j] - riskFree);
    if (!(best > 0)) {
      throw new CoreError(
        "INFEASIBLE",
        `${what}: no asset's mean return per period beats riskFree ${riskFree}, so no portfolio has a positive excess return to divide by CVaR; lower riskFree or use mincvar`,
        { argument: "riskFree" }
      );
    }
    if (options.limits?.maxHoldings !== undefined) kappaUpper = KAPPA_RANGE / best;
    kappa = lp.addColumn(0, kappaUpper, 0, "kappa");
  }
  const rows = portfolioLpRows(lp, {
    labels: returns.labels,
    constraints: options.constraints,
    limits: options.limits,
    scale: kappa === undefined ? undefined : { column: kappa, upper: kappaUpper },
    chargeCost: objective !== "maxratio",
  });
  const limits = options.limits ?? {};
  // The dual has n + 1 rows instead of T (+ n): far fewer simplex pivots on a small basis. Only
  // for the plain LP: binaries and trade variables stay in the primal.
  const plain =
    kappa === undefined &&
    limits.maxHoldings === undefined &&
    limits.maxTurnover === undefined &&
    !(limits.costRate !== undefined && limits.costRate > 0);
  let raw = plain
    ? minimumCvarByDual(scenarios, T, n, mu, tail, rows.lower, rows.upper, options, solver)
    : undefined;
  if (raw === undefined) {
    const zeta = lp.addColumn(-Infinity, Infinity, 1, "zeta");
    const columns = new Int32Array(n + 2);
    const values = new Float64Array(n + 2);
    columns.set(rows.weights);
    columns[n] = zeta;
    values[n] = 1;
    values[n + 1] = 1;
    for (let t = 0; t < T; t++) {
      // u_t + r_tᵀw + ζ ≥ 0, i.e. u_t ≥ −r_tᵀw − ζ (the same row in y under homogenisation).
      columns[n + 1] = lp.addColumn(0, Infinity, tail, `u[${t + 1}]`);
      for (let j = 0; j < n; j++) values[j] = scenarios[t * n + j];
      lp.addRow(columns, values, 0, Infinity, `scenario ${t + 1}`);
    }
    addReturnRows(lp, {
      weights: rows.weights,
      mean: mu,
      targetReturn: options.targetReturn,
      ratio:
        kappa === undefined
          ? undefined
          : {
              scale: kappa,
              riskFree,
              trades: rows.trades,
              costRate: limits.costRate ?? 0,
              riskFreeOn: "weights",
            },
    });

    const program = lp.build("minimize");
    const solution = solveLinearProgram(solver, program, what, options.timeLimitSeconds, () =>
      infeasible()
    );
    if (kappa !== undefined && !(solution.objective > 1e-12)) {
      // The homogenised objective is CVaR/(excess mean): ≤ 0 means some portfolio's worst
      // scenarios are all gains while it beats riskFree, and the ratio grows without bound.
      throw new CoreError(
        "INVALID_ARGUMENT",
        `${what}: a portfolio within the constraints has a CVaR ${alpha} of 0 or less (its worst scenarios are all gains), so mean/CVaR has no maximum; use mincvar, a higher alpha or a longer history`,
        { argument: "alpha" }
      );
    }
    const scale = kappa === undefined ? 1 : solution.x[kappa];
    raw = Float64Array.from(rows.weights, (column) => solution.x[column] / scale);
  }
  const weights = new Float64Array(n);
  let total = 0;
  for (let j = 0; j < n; j++) {
    // Solver residue (~1e-9) may leave a weight a hair below 0: clip and renormalise.
    weights[j] = Math.max(0, raw[j]);
    total += weights[j];
  }
  for (let j = 0; j < n; j++) weights[j] /= total;
  const portfolio = new Float64Array(T);
  let expectedReturn = 0;
  for (let t = 0; t < T; t++) {
    let r = 0;
    for (let j = 0; j < n; j++) r += scenarios[t * n + j] * weights[j];
    portfolio[t] = r;
    expectedReturn += r / T;
  }
  const binding = rows.binding(weights);
  if (
    options.targetReturn !== undefined &&
    kappa === undefined &&
    expectedReturn <= options.targetReturn + BINDING_TOLERANCE
  ) {
    binding.push(`target return ${options.targetReturn}`);
  }
  return {
    weights,
    labels: returns.labels,
    risk: rockafellarUryasevCvar(portfolio, alpha),
    expectedReturn,
    binding,
  };

  function infeasible(): Error {
    const limit = rows.explainInfeasible(solver, options.timeLimitSeconds ?? 30);
    if (limit !== undefined) return new CoreError("INFEASIBLE", limit, { argument: "limits" });
    if (options.targetReturn !== undefined && kappa === undefined) {
      const highest = highestMean();
      if (highest !== undefined && highest < options.targetReturn) {
        return new CoreError(
          "INFEASIBLE",
          `${what}: targetReturn ${options.targetReturn} per period is above the highest mean the constraints allow (${Number(highest.toPrecision(6))}); lower it to at most that`,
          { argument: "targetReturn" }
        );
      }
    }
    if (kappa !== undefined) {
      return new CoreError(
        "INFEASIBLE",
        `${what}: no portfolio within the constraints has a mean return above riskFree ${riskFree} (after costs); lower riskFree, relax the constraints, or use mincvar`,
        { argument: "riskFree" }
      );
    }
    return new CoreError(
      "INFEASIBLE",
      `${what}: the bounds, groups and limits cannot all hold together; relax maxWeight, minWeight, the group caps or the limits`,
      { argument: "constraints" }
    );
  }

  function highestMean(): number | undefined {
    const probe = createLpBuilder();
    const probeRows = portfolioLpRows(probe, {
      labels: returns.labels,
      constraints: options.constraints,
      limits: options.limits,
      chargeCost: false,
    });
    probeRows.weights.forEach((column, j) => probe.addCost(column, mu[j]));
    const best = solver.solve(probe.build("maximize"), {
      timeLimitSeconds: options.timeLimitSeconds ?? 30,
    });
    return best.status === "optimal" ? best.objective : undefined;
  }
}

/**
 * The minimum-CVaR weights from the LP dual, or undefined when the dual is not solved to
 * optimality or its multipliers fail the check (the caller then solves the primal, which also
 * words any infeasibility).
 *
 * Dual (LP duality on the Rockafellar–Uryasev primal; u_t's column becomes the bound p_t ≤ c):
 *   max Σ_k (L_k·a_k − U_k·b_k) + Σ_j (l_j·g_j − u_j·h_j)
 *   s.t. Σ_t p_t = 1 (ζ), and for each asset j:  Σ_t r_tj p_t + Σ_k G_kj (a_k − b_k) + g_j − h_j = 0,
 *   0 ≤ p_t ≤ c = 1/((1−α)T), a, b, g, h ≥ 0 (a free variable for an equality row),
 * over the portfolio rows L_k ≤ G_k·w ≤ U_k (budget, groups, target return) and bounds l ≤ w ≤ u.
 * The weights are the multipliers of the n asset rows; accepted when they are feasible and their
 * CVaR equals the dual optimum (strong duality) to 1e-9.
 */
function minimumCvarByDual(
  scenarios: Float64Array,
  T: number,
  n: number,
  mu: Float64Array,
  tail: number,
  lower: Float64Array,
  upper: Float64Array,
  options: DownsideOptions,
  solver: LpSolver
): Float64Array | undefined {
  // Portfolio rows as dense coefficient vectors with their bounds.
  const rowsG: { g: ArrayLike<number>; lo: number; hi: number }[] = [
    { g: new Float64Array(n).fill(1), lo: 1, hi: 1 },
  ];
  for (const group of options.constraints?.groups ?? []) {
    const g = new Float64Array(n);
    for (const i of group.members) g[i] = 1;
    rowsG.push({ g, lo: group.min ?? -Infinity, hi: group.max ?? Infinity });
  }
  if (options.targetReturn !== undefined) {
    rowsG.push({ g: mu, lo: options.targetReturn, hi: Infinity });
  }
  const lp = createLpBuilder();
  const p = new Int32Array(T);
  for (let t = 0; t < T; t++) p[t] = lp.addColumn(0, tail, 0, "");
  // Each portfolio row k contributes G_kj·y_k to asset row j, y_k = a_k − b_k.
  const multipliers: { column: number; k: number; sign: number }[] = [];
  rowsG.forEach(({ lo, hi }, k) => {
    if (lo === hi) {
      multipliers.push({ column: lp.addColumn(-Infinity, Infinity, lo, ""), k, sign: 1 });
      return;
    }
    if (Number.isFinite(lo))
      multipliers.push({ column: lp.addColumn(0, Infinity, lo, ""), k, sign: 1 });
    if (Number.isFinite(hi))
      multipliers.push({ column: lp.addColumn(0, Infinity, -hi, ""), k, sign: -1 });
  });
  const boundLower = Array.from({ length: n }, (_, j) => lp.addColumn(0, Infinity, lower[j], ""));
  const boundUpper = Array.from({ length: n }, (_, j) =>
    upper[j] < 1 ? lp.addColumn(0, Infinity, -upper[j], "") : -1
  );
  lp.addRow(p, new Float64Array(T).fill(1), 1, 1, "zeta");
  const columns = new Int32Array(T + multipliers.length + 2);
  const values = new Float64Array(T + multipliers.length + 2);
  columns.set(p);
  for (let j = 0; j < n; j++) {
    for (let t = 0; t < T; t++) values[t] = scenarios[t * n + j];
    let e = T;
    for (const { column, k, sign } of multipliers) {
      columns[e] = column;
      values[e++] = sign * rowsG[k].g[j];
    }
    columns[e] = boundLower[j];
    values[e++] = 1;
    const used = boundUpper[j] >= 0 ? e + 1 : e;
    if (boundUpper[j] >= 0) {
      columns[e] = boundUpper[j];
      values[e] = -1;
    }
    lp.addRow(columns.subarray(0, used), values.subarray(0, used), 0, 0, `asset ${j + 1}`);
  }
  const solution = solver.solve(lp.build("maximize"), {
    timeLimitSeconds: options.timeLimitSeconds ?? 30,
    // Measured on 50 × 1,825: presolve off 50 ms → scaling off too 23 ms of CPU (103 pivots, not
    // 247); the entries are returns and ±1 already, and the answer is checked below.
    presolve: false,
    scaling: false,
  });
  if (solution.status !== "optimal" || solution.rowDuals === undefined) return undefined;
  const duals = solution.rowDuals.subarray(1, n + 1);
  let sum = 0;
  for (let j = 0; j < n; j++) sum += duals[j];
  // HiGHS' sign convention for the multipliers of a maximisation: take the one that sums to +1.
  const sign = sum < 0 ? -1 : 1;
  const w = Float64Array.from(duals, (d) => sign * d);
  const tolerance = 1e-9;
  for (let j = 0; j < n; j++) {
    if (w[j] < lower[j] - tolerance || w[j] > upper[j] + tolerance) return undefined;
  }
  for (const { g, lo, hi } of rowsG) {
    let value = 0;
    for (let j = 0; j < n; j++) value += g[j] * w[j];
    if (value < lo - tolerance || value > hi + tolerance) return undefined;
  }
  const portfolio = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let r = 0;
    for (let j = 0; j < n; j++) r += scenarios[t * n + j] * w[j];
    portfolio[t] = r;
  }
  const alpha = 1 - 1 / (tail * T);
  const gap = Math.abs(rockafellarUryasevCvar(portfolio, alpha) - solution.objective);
  return gap <= tolerance * Math.max(1, Math.abs(solution.objective)) ? w : undefined;
}

/** The complete rows (no missing return) as a row-major T × n copy, read column by column. */
function completeScenarios(returns: ReturnsPanel): { scenarios: Float64Array; T: number } {
  const { rows, cols, data } = returns;
  const complete = new Uint8Array(rows).fill(1);
  for (let j = 0; j < cols; j++) {
    for (let t = 0; t < rows; t++) {
      const r = data[j * rows + t];
      if (Number.isNaN(r)) complete[t] = 0;
      else if (!Number.isFinite(r)) {
        throw new CoreError(
          "NON_FINITE",
          `prices: the return of ${returns.labels[j]} in row ${t + 1} is ${r}; check the prices there`,
          { argument: "prices", row: t, column: j, label: returns.labels[j] }
        );
      }
    }
  }
  let T = 0;
  for (let t = 0; t < rows; t++) T += complete[t];
  if (T < 2) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `prices: ${T} of ${rows} return rows have a return for every asset; the CVaR optimisers need at least 2 (use assets with a longer common history)`,
      { argument: "prices" }
    );
  }
  const scenarios = new Float64Array(T * cols);
  for (let j = 0; j < cols; j++) {
    for (let t = 0, s = 0; t < rows; t++) {
      if (complete[t] === 1) scenarios[s++ * cols + j] = data[j * rows + t];
    }
  }
  return { scenarios, T };
}

/**
 * CVaR_α of the portfolio returns as the Rockafellar–Uryasev minimum: with losses sorted worst
 * first and k = (1−α)T, (Σ_{i<⌊k⌋} L_(i) + (k − ⌊k⌋)·L_(⌊k⌋)) / k; the worst loss when k ≤ 1.
 */
function rockafellarUryasevCvar(portfolio: Float64Array, alpha: number): number {
  const T = portfolio.length;
  const losses = portfolio.map((r) => -r).sort((a, b) => b - a);
  const k = (1 - alpha) * T;
  if (k <= 1) return losses[0];
  const whole = Math.floor(k);
  let sum = 0;
  for (let i = 0; i < whole; i++) sum += losses[i];
  if (whole < T) sum += (k - whole) * losses[whole];
  return sum / k;
}
