import { CoreError } from "../errors";
import type { LinearProgram } from "../lp/types";
import { solveQuadraticProgram } from "../optimize/solveQuadraticProgram";

/**
 * The proximal weight ε (relative to the mean diagonal of the full second-moment matrix) that
 * makes every Newton subproblem strictly convex for Goldfarb–Idnani: 1e-9 keeps D's condition number
 * near 1e9 at worst, and being a proximal term ε‖x − x_k‖² it vanishes at the fixed point, so it
 * does not bias the answer.
 */
const PROXIMAL = 1e-9;
/** Newton steps before giving up; piecewise-quadratic Newton with exact line search typically needs 5–20. */
const MAX_ITERATIONS = 200;
/** Stop when no variable moves by more than this × max(1, |x|∞) (weights are shown to ~1e-9 at most). */
const STEP_TOLERANCE = 1e-12;
/**
 * Or when the Newton decrement −∇F(x)ᵀ(x̂ − x) falls below this × the scale of F (the mean
 * diagonal of the second moment): F is then within rounding of its minimum. Needed for nearly
 * constant panels, where steps stay visible while F changes by 1e-40.
 */
const DECREMENT_TOLERANCE = 1e-14;
/** Floor of the second-moment scale, so a panel of zeros still gets a usable proximal weight. */
const SCALE_FLOOR = 1e-12;
/** Bisection steps of the exact line search: 2⁻⁶⁰ of the step, below rounding. */
const LINE_SEARCH_STEPS = 60;

/** What {@link solveSemivarianceProgram} found. */
export interface SemivarianceSolution {
  readonly x: Float64Array;
  /** Newton steps taken. */
  readonly iterations: number;
}

/**
 * Minimises (1/T) Σ_t min(a_tᵀx, 0)² + cᵀx over the linear program's rows and column bounds: the
 * semivariance objective as a convex, once-differentiable piecewise quadratic in the program's own
 * variables, with no shortfall variables at all.
 *
 * Method: a semismooth (generalised) Newton method with exact line search. At x_k, S = {t : a_tᵀx_k < 0}
 * gives the quadratic model q(x) = (1/T) Σ_{t∈S} (a_tᵀx)² + cᵀx, which has f's value, gradient and
 * (generalised) Hessian at x_k; x̂ = argmin q(x) + (ε/2)‖x − x_k‖² over the constraints is solved
 * exactly by Goldfarb–Idnani (solveQuadraticProgram), and x_{k+1} = x_k + s(x̂ − x_k) with s minimising
 * the convex f on [0, 1] (bisection on f′, which is monotone). The direction is a descent direction
 * (∇q(x_k) = ∇f(x_k) and q is convex), f decreases monotonically, and at a fixed point x̂ = x_k the
 * first-order conditions of q are those of f (same gradient), so x_k is optimal. This replaces the
 * QP in (w, n) of PyPortfolioOpt's EfficientSemivariance, which has the same optimum in w, because
 * HiGHS' QP solver in the highs-js 1.15.3 build fails on it: "run failed with HiGHS status -1" on 3
 * of the 16 fixture problems (scripts/fixtures/downsideSemivariance.py), and rescaling the rows only
 * changes which fail or makes them stall to the time limit; this method solves all 16 in milliseconds.
 * Reference: Qi & Sun (1993), "A nonsmooth version of Newton's method", Math. Programming 58;
 * Goldfarb & Idnani (1983).
 * Complexity: per step O(|S|·m²) to form the model plus O(m³) for the QP (m = program columns,
 * n to 2n + 1) and O(T·m) for the line search; steps are few (see MAX_ITERATIONS).
 *
 * @param program the linear part (rows, bounds, linear objective c, minimised)
 * @param a scenario coefficients a_t over the program's columns, row-major T × m
 * @param T number of scenarios
 * @returns the minimiser and the steps taken
 * @throws CoreError INFEASIBLE (from solveQuadraticProgram, naming a row) when the rows cannot hold
 * @throws CoreError NOT_CONVERGED past MAX_ITERATIONS steps
 * @example solveSemivarianceProgram(program, a, T).x; // weights (and κ, trades) at the optimum
 */
export function solveSemivarianceProgram(
  program: LinearProgram,
  a: Float64Array,
  T: number
): SemivarianceSolution {
  const m = program.objective.length;
  const c = program.objective;
  const { Aeq, beq, Aineq, bineq, equalityNames, inequalityNames } = denseRows(program);
  // ε relative to the scale of the full second moment (1/T) Σ a_t a_tᵀ.
  let trace = 0;
  for (let k = 0; k < a.length; k++) trace += a[k] * a[k];
  const scale = Math.max((2 * trace) / (T * m), SCALE_FLOOR);
  const epsilon = PROXIMAL * scale;

  const margins = new Float64Array(T);
  const direction = new Float64Array(T);
  const marginsAt = (x: ArrayLike<number>, out: Float64Array) => {
    for (let t = 0; t < T; t++) {
      let s = 0;
      const row = t * m;
      for (let j = 0; j < m; j++) s += a[row + j] * x[j];
      out[t] = s;
    }
  };
  const solveModel = (x: Float64Array, all: boolean) => {
    const D = new Float64Array(m * m);
    for (let t = 0; t < T; t++) {
      if (!all && !(margins[t] < 0)) continue;
      const row = t * m;
      for (let i = 0; i < m; i++) {
        const ai = a[row + i];
        if (ai === 0) continue;
        const scaled = (2 / T) * ai;
        for (let j = i; j < m; j++) D[i * m + j] += scaled * a[row + j];
      }
    }
    const d = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      D[i * m + i] += epsilon;
      for (let j = i + 1; j < m; j++) D[j * m + i] = D[i * m + j];
      d[i] = epsilon * x[i] - c[i];
    }
    return solveQuadraticProgram({ D, d, Aeq, beq, Aineq, bineq, equalityNames, inequalityNames })
      .x;
  };

  // Start from the minimum of the full second moment (every scenario counted): feasible and close.
  let x = solveModel(new Float64Array(m), true);
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    marginsAt(x, margins);
    const target = solveModel(x, false);
    const step = new Float64Array(m);
    let largest = 0;
    for (let j = 0; j < m; j++) {
      step[j] = target[j] - x[j];
      largest = Math.max(largest, Math.abs(step[j]));
    }
    let size = 1;
    for (let j = 0; j < m; j++) size = Math.max(size, Math.abs(x[j]));
    if (largest <= STEP_TOLERANCE * size) return { x, iterations: iteration };
    marginsAt(step, direction);
    let linear = 0;
    for (let j = 0; j < m; j++) linear += c[j] * step[j];
    // f′(s) = (2/T) Σ_t min(m_t + s·δ_t, 0)·δ_t + cᵀstep, non-decreasing in s (f convex).
    const slope = (s: number) => {
      let g = 0;
      for (let t = 0; t < T; t++) {
        const v = margins[t] + s * direction[t];
        if (v < 0) g += v * direction[t];
      }
      return (2 / T) * g + linear;
    };
    if (-slope(0) <= DECREMENT_TOLERANCE * scale) return { x, iterations: iteration };
    let s = 1;
    if (slope(1) > 0) {
      let lo = 0;
      let hi = 1;
      for (let k = 0; k < LINE_SEARCH_STEPS; k++) {
        const mid = 0.5 * (lo + hi);
        if (slope(mid) > 0) hi = mid;
        else lo = mid;
      }
      s = lo;
    }
    const next = new Float64Array(m);
    let moved = 0;
    for (let j = 0; j < m; j++) {
      next[j] = x[j] + s * step[j];
      moved = Math.max(moved, Math.abs(next[j] - x[j]));
    }
    x = next;
    if (moved <= STEP_TOLERANCE * size) return { x, iterations: iteration };
  }
  throw new CoreError(
    "NOT_CONVERGED",
    `semivariance: the Newton iteration did not settle within ${MAX_ITERATIONS} steps; check the prices for extreme values or use fewer assets`,
    { argument: "prices" }
  );
}

/** The program's rows and finite column bounds as the dense Aeq·x = beq, Aineq·x ≥ bineq of GI. */
function denseRows(program: LinearProgram) {
  const m = program.objective.length;
  const { start, index, value, lower, upper, names } = program.rows;
  const eq: number[] = [];
  const beq: number[] = [];
  const equalityNames: string[] = [];
  const ineq: number[] = [];
  const bineq: number[] = [];
  const inequalityNames: string[] = [];
  const rowOf = (r: number, sign: number) => {
    const out = new Array<number>(m).fill(0);
    for (let k = start[r]; k < start[r + 1]; k++) out[index[k]] += sign * value[k];
    return out;
  };
  for (let r = 0; r < lower.length; r++) {
    const name = names?.[r] ?? `row ${r + 1}`;
    if (lower[r] === upper[r]) {
      eq.push(...rowOf(r, 1));
      beq.push(lower[r]);
      equalityNames.push(name);
      continue;
    }
    if (Number.isFinite(lower[r])) {
      ineq.push(...rowOf(r, 1));
      bineq.push(lower[r]);
      inequalityNames.push(name);
    }
    if (Number.isFinite(upper[r])) {
      ineq.push(...rowOf(r, -1));
      bineq.push(-upper[r]);
      inequalityNames.push(name);
    }
  }
  for (let j = 0; j < m; j++) {
    const name = program.names?.[j] ?? `x${j + 1}`;
    for (const [bound, sign] of [
      [program.lower[j], 1],
      [program.upper[j], -1],
    ] as const) {
      if (!Number.isFinite(bound)) continue;
      const row = new Array<number>(m).fill(0);
      row[j] = sign;
      ineq.push(...row);
      bineq.push(sign * bound);
      inequalityNames.push(`${name} ${sign > 0 ? "min" : "max"} ${bound}`);
    }
  }
  return {
    Aeq: Float64Array.from(eq),
    beq: Float64Array.from(beq),
    Aineq: Float64Array.from(ineq),
    bineq: Float64Array.from(bineq),
    equalityNames,
    inequalityNames,
  };
}
