import { addReturnRows } from "../lp/addReturnRows";
import { checkLpSize } from "../lp/checkLpSize";
import { createLpBuilder } from "../lp/createLpBuilder";
import { portfolioLpRows, type PortfolioLpRows } from "../lp/portfolioLpRows";
import { solveLinearProgram } from "../lp/solveLinearProgram";
import type { LinearProgram, LpSolver } from "../lp/types";
import type { ReturnsPanel } from "../types";
import { checkedDownsideInput, type CheckedDownsideInput } from "./checkedDownsideInput";
import { conditionalDrawdownAtRisk } from "./conditionalDrawdownAtRisk";
import { explainDownsideInfeasible } from "./explainDownsideInfeasible";
import { linearProgramDual } from "./linearProgramDual";
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
 * reports the measure recomputed from them. Without maxHoldings, maxTurnover and costRate the LP
 * is solved through its dual (linearProgramDual): the weights are the multipliers of the dual's
 * weight rows, accepted when feasible and their recomputed objective equals the dual optimum to
 * 1e-9 (strong duality), as cvarPortfolio's min-CVaR dual; otherwise the primal is solved.
 * Complexity: T·(n + 5) matrix entries; one LP (a MIP with maxHoldings; two with maxHoldings and
 * "maxratio", the first bounding κ for the cardinality rows); a certified dual costs O(T·n) more.
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
  const limits = options.limits ?? {};
  // The dual (T + n + 1 rows instead of ~2T) only for the plain LP: binaries and trade variables
  // stay in the primal, which also words any infeasibility.
  const plain =
    limits.maxHoldings === undefined &&
    limits.maxTurnover === undefined &&
    !(limits.costRate !== undefined && limits.costRate > 0);
  const solve = (objective: "minrisk" | "maxratio", kappaUpper: number) => {
    const built = formulate(returns, options, checked, measure, objective, kappaUpper);
    // An invalid time limit goes straight to the primal, whose solveLinearProgram refuses it.
    const limit = checked.timeLimitSeconds;
    if (plain && limit > 0 && Number.isFinite(limit)) {
      const scaleRisk = measure === "cdar" ? (1 - checked.alpha) * returns.rows : 1;
      const certified = weightsByDual(
        solver,
        built,
        checked,
        options,
        objective,
        (w) => scaleRisk * risk(w),
        method
      );
      if (certified !== undefined) return { weights: certified, rows: built.rows };
    }
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

/** Feasibility and strong-duality tolerance of the dual's weights (as cvarPortfolio's). */
const DUAL_TOLERANCE = 1e-9;

/**
 * The weights from the LP dual (linearProgramDual): the multipliers of the weight columns' dual
 * rows, accepted only when they meet the bounds, groups and target and their objective, recomputed
 * from the weights alone, equals the dual optimum (strong duality, so they are optimal); else
 * undefined and the caller solves the primal.
 */
function weightsByDual(
  solver: LpSolver,
  built: { program: LinearProgram; rows: PortfolioLpRows; kappa?: number },
  checked: CheckedDownsideInput,
  options: DownsideOptions,
  objective: "minrisk" | "maxratio",
  scaledRisk: (w: Float64Array) => number,
  method: string
): Float64Array | undefined {
  const dual = linearProgramDual(built.program);
  const solution = solver.solve(dual.program, {
    timeLimitSeconds: checked.timeLimitSeconds,
    presolve: false,
  });
  if (solution.status === "time-limit") {
    // The time budget is spent: say so as the primal would (its size, the same fix), not retry.
    const stopped = { solve: () => solution };
    solveLinearProgram(stopped, built.program, method, checked.timeLimitSeconds, () => new Error());
  }
  if (solution.status !== "optimal" || solution.rowDuals === undefined) return undefined;
  const x = new Float64Array(built.program.objective.length);
  for (let r = 0; r < dual.primalColumn.length; r++) x[dual.primalColumn[r]] = solution.rowDuals[r];
  const { weights: columns, lower, upper } = built.rows;
  let sum = 0;
  for (const column of columns) sum += x[column];
  // HiGHS' sign convention for a maximisation's multipliers: take the one where Σw (or κ) > 0.
  if (sum < 0) for (let k = 0; k < x.length; k++) x[k] = -x[k];
  if (!(Math.abs(sum) > 0) || (built.kappa !== undefined && !(x[built.kappa] > 0))) {
    return undefined;
  }
  for (let j = 0; j < columns.length; j++) {
    const w = x[columns[j]] / Math.abs(sum);
    if (!(w >= lower[j] - DUAL_TOLERANCE && w <= upper[j] + DUAL_TOLERANCE)) return undefined;
  }
  const weights = solutionWeights(x, columns, built.kappa, lower, upper);
  for (const group of options.constraints?.groups ?? []) {
    let total = 0;
    for (const i of group.members) total += weights[i];
    if (total < (group.min ?? -Infinity) - DUAL_TOLERANCE) return undefined;
    if (total > (group.max ?? Infinity) + DUAL_TOLERANCE) return undefined;
  }
  let value = scaledRisk(weights);
  if (objective === "maxratio") {
    // The homogenised optimum is the scaled risk of y with (μ − rf)ᵀy = 1, i.e. risk/excess of w.
    const excess = dot(checked.mean, weights) - checked.riskFree;
    if (!(excess > 0)) return undefined;
    value /= excess;
  } else if (
    checked.targetReturn !== undefined &&
    dot(checked.mean, weights) < checked.targetReturn - DUAL_TOLERANCE
  ) {
    return undefined;
  }
  // The dual program is stated as a minimisation of minus the dual objective.
  const optimum = -solution.objective;
  // A zero optimum under "maxratio" is an unbounded ratio: the primal's vertex (exactly
  // drawdown-free, where the multipliers carry ~1e-15 residue) is the portfolio to return.
  if (objective === "maxratio" && !(optimum > DUAL_TOLERANCE)) return undefined;
  const gap = Math.abs(value - optimum);
  return gap <= DUAL_TOLERANCE * Math.max(1, Math.abs(optimum)) ? weights : undefined;
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
  // Written with the gross returns 1 + r_tj and the budget (r_tᵀw = (1 + r_t)ᵀw − Σw, Σw = 1, or
  // Σy = κ under "maxratio"): every entry of these rows is ±1 or a gross return near 1 instead of
  // raw returns (~0.04, many near 0). Measured at 20 × 1,825: HiGHS ~35–50 % less time (it scales
  // such a matrix far less; with its scaling switched off the raw form was as fast).
  const columns = new Int32Array(n + 3);
  const values = new Float64Array(n + 3);
  for (let j = 0; j < n; j++) columns[j] = w[j];
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < n; j++) values[j] = 1 + data[j * T + t];
    let width = n;
    columns[width] = d[t];
    values[width++] = 1;
    if (t > 0) {
      columns[width] = d[t - 1];
      values[width++] = -1;
    }
    if (kappa !== undefined) {
      columns[width] = kappa;
      values[width++] = -1;
    }
    lp.addRow(
      columns.subarray(0, width),
      values.subarray(0, width),
      kappa === undefined ? 1 : 0,
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

  addReturnRows(lp, {
    weights: w,
    mean: checked.mean,
    targetReturn: checked.targetReturn,
    ratio:
      kappa === undefined
        ? undefined
        : {
            scale: kappa,
            riskFree: checked.riskFree,
            trades: rows.trades,
            costRate: options.limits?.costRate ?? 0,
          },
  });
  return { program: lp.build("minimize"), rows, kappa };
}
