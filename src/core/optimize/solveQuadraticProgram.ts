import { CoreError } from "../errors";
import { choleskyFactor } from "../linalg/choleskyFactor";

/** A strictly convex quadratic programme: minimise ½xᵀDx − dᵀx s.t. Aeq·x = beq, Aineq·x ≥ bineq. */
export interface QuadraticProgram {
  /** D: n × n symmetric positive definite, row-major. */
  readonly D: ArrayLike<number>;
  /** d: the linear term, length n (note the sign: the objective is ½xᵀDx − dᵀx, as quadprog). */
  readonly d: ArrayLike<number>;
  /** Aeq: equality constraints, one row per constraint, row-major (rows × n). */
  readonly Aeq?: ArrayLike<number>;
  readonly beq?: ArrayLike<number>;
  /** Aineq: inequality constraints Aineq·x ≥ bineq, one row per constraint, row-major. */
  readonly Aineq?: ArrayLike<number>;
  readonly bineq?: ArrayLike<number>;
  /** Names of the constraints for error messages, e.g. "asset SOL: max 0.2" (default "inequality 3"). */
  readonly equalityNames?: readonly string[];
  readonly inequalityNames?: readonly string[];
}

/** The solution of a {@link QuadraticProgram}. */
export interface QuadraticProgramSolution {
  /** The minimiser x. */
  readonly x: Float64Array;
  /** ½xᵀDx − dᵀx at x (quadprog's `value`). */
  readonly objective: number;
  /** D⁻¹d, the minimiser without constraints (quadprog's `unconstrained.solution`). */
  readonly unconstrained: Float64Array;
  /** 0-based indices of the inequality rows active at x, in the order they entered. */
  readonly activeInequalities: Int32Array;
  /** λ for the equalities (any sign); Dx − d = Aeqᵀλeq + Aineqᵀλineq. */
  readonly equalityMultipliers: Float64Array;
  /** λ ≥ 0 for the inequalities; zero for the inactive ones. */
  readonly inequalityMultipliers: Float64Array;
  /** Constraints added to or dropped from the active set. */
  readonly iterations: number;
}

/**
 * A constraint whose normal, projected onto the space left free by the active constraints, is
 * shorter than this fraction of its D⁻¹-norm is linearly dependent on them: rounding in Jᵀa is about
 * n·ε relative, so 1e-11 separates the two for n up to ~10⁴.
 */
const DEPENDENCE_TOLERANCE = 1e-11;
/**
 * A constraint counts as violated when a·x − b < −tolerance × (|b| + ‖a‖₁·max|x on the path|):
 * 1e-12 is about a thousand times the rounding in the dot product and the steps, and far below any
 * meaningful portfolio weight.
 */
const FEASIBILITY_TOLERANCE = 1e-12;
/**
 * A dependent equality is redundant (skipped) when the equalities already added meet it to within
 * this × (|b| + ‖a‖₁‖x‖): looser than the inequality test because x has already taken several steps.
 */
const REDUNDANCY_TOLERANCE = 1e-9;
/** Symmetry check on D: |D_ij − D_ji| ≤ this × max|D| (inputs computed in floating point). */
const SYMMETRY_TOLERANCE = 1e-10;

/**
 * Solves a strictly convex quadratic programme by the dual active-set method of Goldfarb & Idnani.
 *
 * Problem: minimise ½xᵀDx − dᵀx subject to Aeq·x = beq and Aineq·x ≥ bineq, D positive definite.
 * Method: Goldfarb & Idnani (1983), "A numerically stable dual method for solving strictly convex
 * quadratic programs", Math. Programming 27:1–33. Start from the unconstrained minimum D⁻¹d, add the
 * equalities, then repeatedly add the most violated inequality (violation scaled by ‖a‖), taking
 * partial steps that drop an active inequality whose multiplier would turn negative. The active set
 * is held as J = L⁻ᵀQ and the upper-triangular R of Jᵀ·N (N = active normals), updated by Givens
 * rotations, so each step costs O(n²) and D is factorised once.
 * Conventions: the same problem and sign conventions as R quadprog `solve.QP(Dmat, dvec, Amat, bvec,
 * meq)` with `Amat = t(rbind(Aeq, Aineq))`, `bvec = c(beq, bineq)`, `meq = rows of Aeq`; matches it
 * to ~1e-10 (fixtures in test/fixtures/optimize). Multipliers satisfy Dx − d = Aᵀλ, λineq ≥ 0.
 * A redundant (dependent but consistent) equality is skipped with multiplier 0.
 * Complexity: O(n³) for the factorisation, then O(n² + m·n) per iteration; typically O(m) iterations.
 *
 * @param problem D, d and the constraint rows (see {@link QuadraticProgram})
 * @returns x, the objective, the active inequalities and the multipliers
 * @throws CoreError INVALID_ARGUMENT (empty d; D not symmetric)
 * @throws CoreError LENGTH_MISMATCH (D not n × n; a constraint matrix not rows × n; b of the wrong length)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in D, d, a constraint row or right-hand side)
 * @throws CoreError SINGULAR_MATRIX (D not positive definite; the fix is a ridge or shrinkage)
 * @throws CoreError INFEASIBLE (no x meets the constraints; names the constraint that cannot be met)
 * @throws CoreError NOT_CONVERGED (iteration budget exhausted, a sign of cycling on degenerate data)
 * @example solveQuadraticProgram({ D: [1, 0, 0, 1], d: [0, 0], Aeq: [1, 1], beq: [1] }).x;
 * // => Float64Array [0.5, 0.5]
 */
export function solveQuadraticProgram(problem: QuadraticProgram): QuadraticProgramSolution {
  const n = problem.d.length;
  if (n === 0) {
    throw new CoreError("INVALID_ARGUMENT", "d is empty; the problem needs at least one variable", {
      argument: "d",
    });
  }
  const D = problem.D;
  if (D.length !== n * n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `D has ${D.length} entries but d has ${n}; D must be ${n} × ${n} (${n * n} entries)`,
      { argument: "D" }
    );
  }
  checkFinite(problem.d, "d");
  checkFinite(D, "D", n);
  checkSymmetric(D, n);
  const meq = constraintRows(problem.Aeq, problem.beq, n, "Aeq", "beq");
  const mineq = constraintRows(problem.Aineq, problem.bineq, n, "Aineq", "bineq");
  const Aeq = problem.Aeq ?? new Float64Array(0);
  const beq = problem.beq ?? new Float64Array(0);
  const Aineq = problem.Aineq ?? new Float64Array(0);
  const bineq = problem.bineq ?? new Float64Array(0);
  const eqName = (i: number) => problem.equalityNames?.[i] ?? `equality ${i + 1}`;
  const ineqName = (i: number) => problem.inequalityNames?.[i] ?? `inequality ${i + 1}`;

  const L = choleskyFactor(D, n, "D");
  // J = L⁻ᵀ (upper triangular): the columns of J are D-conjugate, JJᵀ = D⁻¹.
  const J = lowerInverseTransposed(L, n);
  const x = new Float64Array(n);
  // x = D⁻¹d = J·Jᵀ·d.
  const t = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const dk = problem.d[k];
    const row = k * n;
    for (let i = 0; i < n; i++) t[i] += J[row + i] * dk;
  }
  for (let k = 0; k < n; k++) {
    let sum = 0;
    const row = k * n;
    for (let i = 0; i < n; i++) sum += J[row + i] * t[i];
    x[k] = sum;
  }
  const unconstrained = Float64Array.from(x);

  const R = new Float64Array(n * n);
  const u = new Float64Array(n); // multipliers of the active constraints, by position
  const active = new Int32Array(n); // ≥ 0: inequality index; < 0: −(equality index) − 1
  const isActive = new Uint8Array(mineq);
  const dv = new Float64Array(n);
  const z = new Float64Array(n);
  const r = new Float64Array(n);
  const equalityMultipliers = new Float64Array(meq);
  const inequalityMultipliers = new Float64Array(mineq);
  const rowNorms = new Float64Array(mineq);
  for (let i = 0; i < mineq; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += Aineq[i * n + j] * Aineq[i * n + j];
    rowNorms[i] = Math.sqrt(sum);
  }
  let q = 0;
  let iterations = 0;

  // Jᵀa in dv; z = J₂·dv₂ (step direction in x); r = R⁻¹·dv₁ (change of the active multipliers).
  // Returns ‖dv₂‖² / ‖dv‖², the share of a that the active constraints do not already span.
  const project = (A: ArrayLike<number>, row: number): number => {
    dv.fill(0);
    const base = row * n;
    for (let k = 0; k < n; k++) {
      const ak = A[base + k];
      if (ak === 0) continue; // bound constraints have one non-zero: O(n) instead of O(n²)
      const jr = k * n;
      for (let i = 0; i < n; i++) dv[i] += J[jr + i] * ak;
    }
    let total = 0;
    let free = 0;
    for (let i = 0; i < n; i++) {
      total += dv[i] * dv[i];
      if (i >= q) free += dv[i] * dv[i];
    }
    for (let k = 0; k < n; k++) {
      let sum = 0;
      const jr = k * n;
      for (let i = q; i < n; i++) sum += J[jr + i] * dv[i];
      z[k] = sum;
    }
    for (let i = q - 1; i >= 0; i--) {
      let sum = dv[i];
      for (let j = i + 1; j < q; j++) sum -= R[i * n + j] * r[j];
      r[i] = sum / R[i * n + i];
    }
    return total > 0 ? free / total : 0;
  };

  // Rotates dv₂ onto its first entry (columns q.. of J follow), then appends dv₁..q as column q of R.
  const addToActiveSet = (id: number, multiplier: number): void => {
    for (let j = n - 1; j > q; j--) {
      const a = dv[j - 1];
      const b = dv[j];
      if (b === 0) continue;
      const h = Math.hypot(a, b);
      const c = a / h;
      const s = b / h;
      dv[j - 1] = h;
      dv[j] = 0;
      for (let k = 0; k < n; k++) {
        const jk = k * n;
        const p = J[jk + j - 1];
        const w = J[jk + j];
        J[jk + j - 1] = c * p + s * w;
        J[jk + j] = -s * p + c * w;
      }
    }
    for (let i = 0; i <= q; i++) R[i * n + q] = dv[i];
    active[q] = id;
    u[q] = multiplier;
    q++;
  };

  // Removes the constraint at position pos and restores R to upper-triangular form by rotations.
  const dropFromActiveSet = (pos: number): void => {
    isActive[active[pos]] = 0;
    for (let i = pos; i < q - 1; i++) {
      active[i] = active[i + 1];
      u[i] = u[i + 1];
      for (let k = 0; k < q; k++) R[k * n + i] = R[k * n + i + 1];
    }
    q--;
    for (let k = 0; k < n; k++) R[k * n + q] = 0;
    for (let j = pos; j < q; j++) {
      const a = R[j * n + j];
      const b = R[(j + 1) * n + j];
      if (b === 0) continue;
      const h = Math.hypot(a, b);
      const c = a / h;
      const s = b / h;
      R[j * n + j] = h;
      R[(j + 1) * n + j] = 0;
      for (let k = j + 1; k < q; k++) {
        const p = R[j * n + k];
        const w = R[(j + 1) * n + k];
        R[j * n + k] = c * p + s * w;
        R[(j + 1) * n + k] = -s * p + c * w;
      }
      for (let k = 0; k < n; k++) {
        const jk = k * n;
        const p = J[jk + j];
        const w = J[jk + j + 1];
        J[jk + j] = c * p + s * w;
        J[jk + j + 1] = -s * p + c * w;
      }
    }
  };

  const dot = (A: ArrayLike<number>, row: number): number => {
    let sum = 0;
    const base = row * n;
    for (let k = 0; k < n; k++) sum += A[base + k] * x[k];
    return sum;
  };
  // The rounding in x is relative to the largest point on the path, not to x itself: steps start
  // from D⁻¹d, which can be far larger than the solution.
  let pathSize = 0;
  for (let k = 0; k < n; k++) pathSize = Math.max(pathSize, Math.abs(x[k]));
  const scale = (A: ArrayLike<number>, row: number, b: number): number => {
    let sum = 0;
    const base = row * n;
    for (let k = 0; k < n; k++) {
      sum += Math.abs(A[base + k]);
      pathSize = Math.max(pathSize, Math.abs(x[k]));
    }
    return Math.abs(b) + sum * pathSize;
  };

  // Equalities: each is a full step; they are never dropped, so they sit first in the active set.
  for (let i = 0; i < meq; i++) {
    const residual = beq[i] - dot(Aeq, i);
    const freeShare = project(Aeq, i);
    if (freeShare <= DEPENDENCE_TOLERANCE * DEPENDENCE_TOLERANCE) {
      if (Math.abs(residual) <= REDUNDANCY_TOLERANCE * scale(Aeq, i, beq[i])) {
        continue; // redundant: implied by the equalities already added
      }
      throw new CoreError(
        "INFEASIBLE",
        `${eqName(i)} contradicts the equalities before it (it misses by ${Math.abs(residual).toPrecision(3)}); ` +
          `remove it or make the equalities consistent`,
        { argument: "Aeq", row: i }
      );
    }
    let zn = 0;
    for (let k = 0; k < n; k++) zn += z[k] * Aeq[i * n + k];
    const step = residual / zn;
    for (let k = 0; k < n; k++) x[k] += step * z[k];
    for (let k = 0; k < q; k++) u[k] -= step * r[k];
    addToActiveSet(-i - 1, step);
    iterations++;
  }
  const equalityCount = q;
  const maxIterations = 50 * (n + mineq) + 100;

  for (;;) {
    // Step 1: the most violated inequality, violation measured along its unit normal.
    let p = -1;
    let worst = 0;
    for (let i = 0; i < mineq; i++) {
      if (isActive[i]) continue;
      const slack = dot(Aineq, i) - bineq[i];
      if (slack >= -FEASIBILITY_TOLERANCE * scale(Aineq, i, bineq[i])) continue;
      const violation = -slack / rowNorms[i];
      if (violation > worst) {
        worst = violation;
        p = i;
      }
    }
    if (p < 0) break;
    let slack = dot(Aineq, p) - bineq[p];
    let multiplier = 0;
    // Step 2: move towards satisfying p, dropping blocking constraints, until p can be added.
    for (;;) {
      if (++iterations > maxIterations) {
        throw new CoreError(
          "NOT_CONVERGED",
          `the quadratic programme did not converge in ${maxIterations} steps; ` +
            `remove duplicate or nearly parallel constraints`,
          { argument: "Aineq" }
        );
      }
      const freeShare = project(Aineq, p);
      let partialStep = Infinity;
      let blocking = -1;
      for (let k = equalityCount; k < q; k++) {
        if (r[k] > 0) {
          const ratio = u[k] / r[k];
          if (ratio < partialStep) {
            partialStep = ratio;
            blocking = k;
          }
        }
      }
      let zn = 0;
      for (let k = 0; k < n; k++) zn += z[k] * Aineq[p * n + k];
      const fullStep =
        freeShare <= DEPENDENCE_TOLERANCE * DEPENDENCE_TOLERANCE || zn <= 0
          ? Infinity
          : -slack / zn;
      const step = Math.min(partialStep, fullStep);
      if (step === Infinity) {
        throw infeasible(p, ineqName, active, q, eqName, -slack);
      }
      if (fullStep === Infinity) {
        // Dual step only: p's normal is spanned by the active set, so shift weight off `blocking`.
        for (let k = 0; k < q; k++) u[k] -= step * r[k];
        multiplier += step;
        dropFromActiveSet(blocking);
        continue;
      }
      for (let k = 0; k < n; k++) x[k] += step * z[k];
      for (let k = 0; k < q; k++) u[k] -= step * r[k];
      multiplier += step;
      if (fullStep <= partialStep) {
        isActive[p] = 1;
        addToActiveSet(p, multiplier);
        break;
      }
      dropFromActiveSet(blocking);
      slack = dot(Aineq, p) - bineq[p];
    }
  }

  const activeInequalities = new Int32Array(q - equalityCount);
  for (let k = 0; k < q; k++) {
    const id = active[k];
    if (id < 0) {
      equalityMultipliers[-id - 1] = u[k];
    } else {
      inequalityMultipliers[id] = Math.max(u[k], 0);
      activeInequalities[k - equalityCount] = id;
    }
  }
  let objective = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += D[i * n + j] * x[j];
    objective += x[i] * (0.5 * sum - problem.d[i]);
  }
  return {
    x,
    objective,
    unconstrained,
    activeInequalities,
    equalityMultipliers,
    inequalityMultipliers,
    iterations,
  };
}

function infeasible(
  p: number,
  ineqName: (i: number) => string,
  active: Int32Array,
  q: number,
  eqName: (i: number) => string,
  violation: number
): CoreError {
  const others: string[] = [];
  for (let k = 0; k < q; k++) {
    const id = active[k];
    others.push(id < 0 ? eqName(-id - 1) : ineqName(id));
  }
  const together = others.length > 0 ? ` together with ${others.join(", ")}` : "";
  return new CoreError(
    "INFEASIBLE",
    `the constraints are infeasible: ${ineqName(p)} cannot hold${together} ` +
      `(closest point misses it by ${violation.toPrecision(3)}); relax one of them`,
    { argument: "Aineq", row: p }
  );
}

/** J = L⁻ᵀ for lower-triangular L (row-major): solve L·Y = I column by column, then transpose. */
function lowerInverseTransposed(L: Float64Array, n: number): Float64Array {
  const J = new Float64Array(n * n);
  // Column c of L⁻¹ is row c of J; it is zero above the diagonal of L⁻¹, so J is upper triangular.
  for (let c = 0; c < n; c++) {
    const row = c * n;
    J[row + c] = 1 / L[c * n + c];
    for (let i = c + 1; i < n; i++) {
      let sum = 0;
      for (let k = c; k < i; k++) sum -= L[i * n + k] * J[row + k];
      J[row + i] = sum / L[i * n + i];
    }
  }
  return J;
}

function checkFinite(values: ArrayLike<number>, argument: string, width = 0): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const where =
        width > 0
          ? `row ${Math.floor(i / width) + 1}, column ${(i % width) + 1}`
          : `entry ${i + 1}`;
      throw new CoreError(
        "NON_FINITE",
        `${argument}: ${where} is ${values[i]}; every entry must be a finite number`,
        width > 0
          ? { argument, row: Math.floor(i / width), column: i % width }
          : { argument, row: i }
      );
    }
  }
}

function checkSymmetric(D: ArrayLike<number>, n: number): void {
  let largest = 0;
  for (let i = 0; i < n * n; i++) largest = Math.max(largest, Math.abs(D[i]));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(D[i * n + j] - D[j * n + i]) > SYMMETRY_TOLERANCE * largest) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `D is not symmetric: entry (${i + 1}, ${j + 1}) is ${D[i * n + j]} but (${j + 1}, ${i + 1}) is ${D[j * n + i]}; ` +
            `pass a symmetric matrix such as (D + Dᵀ)/2`,
          { argument: "D", row: i, column: j }
        );
      }
    }
  }
}

/** Validates one block of constraint rows and returns its row count. */
function constraintRows(
  A: ArrayLike<number> | undefined,
  b: ArrayLike<number> | undefined,
  n: number,
  matrixName: string,
  rhsName: string
): number {
  const rows = b?.length ?? 0;
  const length = A?.length ?? 0;
  if (length !== rows * n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `${matrixName} has ${length} entries but ${rhsName} has ${rows}; ${matrixName} must be ${rows} × ${n} (${rows * n} entries, one row per constraint)`,
      { argument: matrixName }
    );
  }
  if (A !== undefined) checkFinite(A, matrixName, n);
  if (b !== undefined) checkFinite(b, rhsName);
  return rows;
}
