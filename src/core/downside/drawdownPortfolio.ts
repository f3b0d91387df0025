import { checkLpSize } from "../lp/checkLpSize";
import { createLpBuilder } from "../lp/createLpBuilder";
import { portfolioLpRows, type PortfolioLpRows } from "../lp/portfolioLpRows";
import { solveLinearProgram } from "../lp/solveLinearProgram";
import type { LinearProgram, LpSolver } from "../lp/types";
import type { ReturnsPanel } from "../types";
import { checkedDownsideInput, type CheckedDownsideInput } from "./checkedDownsideInput";
import { conditionalDrawdownAtRisk } from "./conditionalDrawdownAtRisk";
import { explainDownsideInfeasible } from "./explainDownsideInfeasible";
import { solutionWeights } from "./solutionWeights";
import type { DownsideOptions, DownsidePortfolio } from "./types";
import { uncompoundedDrawdowns } from "./uncompoundedDrawdowns";

/** Which drawdown measure the program minimises. */
export type DrawdownMeasure = "cdar" | "maxdd";

/**
 * κ̄ is a proven bound on the optimal κ; this relative slack keeps the bound from cutting off the
 * optimum through the solver's own rounding (HiGHS' feasibility tolerance is 1e-7).
 */
const KAPPA_SLACK = 1e-6;

/**
 * The drawdown LP shared by cdarPortfolio and maxDrawdownPortfolio (see their JSDoc for the
 * formulations): builds the program with lp's portfolio rows, solves it, reads the weights and
 * reports the measure recomputed from them.
 * Complexity: T·(n + 5) matrix entries; one LP (a MIP with maxHoldings; two with maxHoldings and
 * "maxratio", the first bounding κ for the cardinality rows).
 *
 * @param returns scenarios × assets, no missing values
 * @param options objective, α (CDaR), target, riskFree, constraints, limits, time limit
 * @param solver the LP solver
 * @param measure "cdar" or "maxdd"
 * @returns the optimal portfolio
 * @throws CoreError as cdarPortfolio documents
 * @example drawdownPortfolio(panel, { objective: "minrisk" }, highs, "maxdd").risk;
 */
export function drawdownPortfolio(
  returns: ReturnsPanel,
  options: DownsideOptions,
  solver: LpSolver,
  measure: DrawdownMeasure
): DownsidePortfolio {
  const method =
    measure === "cdar"
      ? options.objective === "maxratio"
        ? "meancdar"
        : "mincdar"
      : options.objective === "maxratio"
        ? "max return/max-drawdown"
        : "minmaxdd";
  const checked = checkedDownsideInput(returns, options, method, measure === "cdar");
  checkLpSize(returns.rows, returns.cols, method, measure === "cdar" ? 5 : 4);
  const risk = (w: ArrayLike<number>) => {
    const d = uncompoundedDrawdowns(returns.data, returns.rows, w);
    if (measure === "cdar") return conditionalDrawdownAtRisk(d, checked.alpha);
    let worst = 0;
    for (const v of d) worst = Math.max(worst, v);
    return worst;
  };
  const solve = (objective: "minrisk" | "maxratio", kappaUpper: number) => {
    const built = formulate(returns, options, checked, measure, objective, kappaUpper);
    const solution = solveLinearProgram(
      solver,
      built.program,
      method,
      checked.timeLimitSeconds,
      () =>
        explainDownsideInfeasible(
          solver,
          returns.labels,
          options,
          { ...checked, objective },
          built.rows,
          method
        )
    );
    const weights = solutionWeights(
      solution.x,
      built.rows.weights,
      built.kappa,
      built.rows.lower,
      built.rows.upper
    );
    return { weights, rows: built.rows };
  };

  let kappaUpper = Infinity;
  if (checked.objective === "maxratio" && options.limits?.maxHoldings !== undefined) {
    // The cardinality rows y_j ≤ u_j·κ̄·z_j need a bound κ̄ ≥ κ* = 1/(excess mean of w*). With w0
    // the minimum-risk portfolio: excess* = ratio*·risk* ≥ ratio(w)·risk(w0) for every feasible w.
    const base = solve("minrisk", Infinity).weights;
    const baseRisk = risk(base);
    const baseExcess = dot(checked.mean, base) - checked.riskFree;
    if (baseExcess > 0) {
      kappaUpper = (1 / baseExcess) * (1 + KAPPA_SLACK);
    } else {
      const best = highestMeanPortfolio(solver, returns.labels, options, checked);
      const bestExcess = best === undefined ? 0 : dot(checked.mean, best) - checked.riskFree;
      if (best === undefined || !(bestExcess > 0) || !(baseRisk > 0)) {
        // No portfolio beats riskFree (or a riskless one exists): let the unbounded program's
        // infeasibility or the plain solve below say so.
        kappaUpper = Infinity;
      } else {
        kappaUpper = (risk(best) / (bestExcess * baseRisk)) * (1 + KAPPA_SLACK);
      }
    }
    if (!Number.isFinite(kappaUpper)) kappaUpper = 1e9;
  }
  const { weights, rows } = solve(checked.objective, kappaUpper);
  return {
    weights,
    labels: returns.labels.slice(),
    risk: risk(weights),
    expectedReturn: dot(checked.mean, weights),
    binding: rows.binding(weights),
  };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** The constraints' highest-mean portfolio (an LP, a MIP with maxHoldings), or undefined. */
function highestMeanPortfolio(
  solver: LpSolver,
  labels: readonly string[],
  options: DownsideOptions,
  checked: CheckedDownsideInput
): Float64Array | undefined {
  const lp = createLpBuilder();
  const rows = portfolioLpRows(lp, {
    labels,
    constraints: options.constraints,
    limits: options.limits,
    chargeCost: false,
  });
  rows.weights.forEach((column, j) => lp.addCost(column, checked.mean[j]));
  const solution = solver.solve(lp.build("maximize"), {
    timeLimitSeconds: checked.timeLimitSeconds,
  });
  if (solution.status !== "optimal") return undefined;
  return solutionWeights(solution.x, rows.weights, undefined, rows.lower, rows.upper);
}

/**
 * The program in the weights w (or y = κw, κ ≥ 0, under "maxratio"), the drawdowns d_t ≥ 0 and
 * either ζ and z_t ≥ 0 (CDaR) or M ≥ 0 (max drawdown).
 */
function formulate(
  returns: ReturnsPanel,
  options: DownsideOptions,
  checked: CheckedDownsideInput,
  measure: DrawdownMeasure,
  objective: "minrisk" | "maxratio",
  kappaUpper: number
): { program: LinearProgram; rows: PortfolioLpRows; kappa?: number } {
  const { rows: T, cols: n, data, labels } = returns;
  const lp = createLpBuilder();
  const ratio = objective === "maxratio";
  const kappa = ratio ? lp.addColumn(0, kappaUpper, 0, "kappa") : undefined;
  const rows = portfolioLpRows(lp, {
    labels,
    constraints: options.constraints,
    limits: options.limits,
    scale: kappa === undefined ? undefined : { column: kappa, upper: kappaUpper },
    // Under "maxratio" the cost comes off the return instead (the normalisation row below).
    chargeCost: !ratio,
  });
  const w = rows.weights;

  // d_t ≥ d_{t−1} − r_tᵀw (d_0 = 0) and d_t ≥ 0: d_t is at least the drawdown u_t − c_t, with equality
  // wherever the objective needs it. Homogeneous in (w, d), so the same rows hold for y = κw.
  const d = new Int32Array(T);
  for (let t = 0; t < T; t++) d[t] = lp.addColumn(0, Infinity, 0, `d[${t + 1}]`);
  const columns = new Int32Array(n + 2);
  const values = new Float64Array(n + 2);
  for (let j = 0; j < n; j++) columns[j] = w[j];
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < n; j++) values[j] = data[j * T + t];
    columns[n] = d[t];
    values[n] = 1;
    const width = t === 0 ? n + 1 : n + 2;
    if (t > 0) {
      columns[n + 1] = d[t - 1];
      values[n + 1] = -1;
    }
    lp.addRow(
      columns.subarray(0, width),
      values.subarray(0, width),
      0,
      Infinity,
      `drawdown ${t + 1}`
    );
  }

  if (measure === "cdar") {
    // Rockafellar–Uryasev: min ζ + 1/((1−α)T) Σ z_t with z_t ≥ d_t − ζ, z_t ≥ 0, multiplied by
    // (1−α)T: the same optimum, and HiGHS' dual simplex took ~25 % less time at 20 × 1,825 with
    // unit costs on z than with costs of 1/91 (measured; a cost scale it does not remove itself).
    const zeta = lp.addColumn(-Infinity, Infinity, (1 - checked.alpha) * T, "zeta");
    for (let t = 0; t < T; t++) {
      const z = lp.addColumn(0, Infinity, 1, `z[${t + 1}]`);
      lp.addRow([z, d[t], zeta], [1, -1, 1], 0, Infinity, `tail ${t + 1}`);
    }
  } else {
    const worst = lp.addColumn(0, Infinity, 1, "maxDrawdown");
    for (let t = 0; t < T; t++) {
      lp.addRow([worst, d[t]], [1, -1], 0, Infinity, `max drawdown ${t + 1}`);
    }
  }

  if (!ratio && checked.targetReturn !== undefined) {
    lp.addRow(w, checked.mean, checked.targetReturn, Infinity, "targetReturn");
  }
  if (kappa !== undefined) {
    // Charnes–Cooper: (μ − rf)ᵀy − costRate·Σt = 1, so 1/κ is the (net) excess mean of w = y/κ.
    const cost = options.limits?.costRate ?? 0;
    const cols = [...Array.from(w), kappa];
    const vals = [...Array.from(checked.mean), -checked.riskFree];
    if (cost > 0) {
      for (const t of rows.trades) {
        cols.push(t);
        vals.push(-cost);
      }
    }
    lp.addRow(cols, vals, 1, 1, "ratio normalisation");
  }
  return { program: lp.build("minimize"), rows, kappa };
}
