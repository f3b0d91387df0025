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
 * meq)` with `Amat = t(rbind(Aeq, Aineq))`, `bvec = c(beq, bineq)`, `meq = rows of Aeq`: x and the
 * value agree with quadprog 1.5.8 to 1e-8 relative in the tests (observed ~1e-13), multipliers to
 * 1e-7 where they are unique (quadprog may report an equality's multiplier with the opposite sign).
 * Multipliers satisfy Dx − d = Aeqᵀλeq + Aineqᵀλineq with λineq ≥ 0.
 * A redundant (dependent but consistent) equality is skipped with multiplier 0.
 * Complexity: O(n³) for the factorisation and J, then O(n² + nnz(A)) per iteration (rows are held
 * sparse, so bound constraints are cheap); about one iteration per constraint active at the end.
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
  // J = L⁻ᵀ (upper triangular): its columns are D-conjugate, JJᵀ = D⁻¹. Stored by columns
  // (column c at J[c·n … c·n + n)) because every update rotates pairs of columns: contiguous.
  const J = lowerInverseTransposed(L, n);
  const x = new Float64Array(n);
  // x = D⁻¹d = J·(Jᵀd).
  for (let c = 0; c < n; c++) {
    let t = 0;
    const col = c * n;
    for (let k = 0; k < n; k++) t += J[col + k] * problem.d[k];
    for (let k = 0; k < n; k++) x[k] += J[col + k] * t;
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
  // Constraint rows are held sparse: bound rows have one non-zero, so checking and projecting
  // them costs O(1) and O(n) instead of O(n) and O(n²).
  const eqRows = sparseRows(Aeq, meq, n);
  const ineqRows = sparseRows(Aineq, mineq, n);
  let q = 0;
  let iterations = 0;

  // Jᵀa in dv; z = J₂·dv₂ (step direction in x); r = R⁻¹·dv₁ (change of the active multipliers).
  // Returns ‖dv₂‖² / ‖dv‖², the share of a that the active constraints do not already span.
  const project = (A: SparseRows, row: number): number => {
    const from = A.start[row];
    const to = A.start[row + 1];
    for (let i = 0; i < n; i++) {
      let sum = 0;
      const col = i * n;
      for (let e = from; e < to; e++) sum += J[col + A.index[e]] * A.value[e];
      dv[i] = sum;
    }
    let total = 0;
    let free = 0;
    for (let i = 0; i < n; i++) {
      total += dv[i] * dv[i];
      if (i >= q) free += dv[i] * dv[i];
    }
    z.fill(0);
    for (let i = q; i < n; i++) {
      const di = dv[i];
      if (di === 0) continue;
      const col = i * n;
      for (let k = 0; k < n; k++) z[k] += J[col + k] * di;
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
      const h = givensNorm(a, b);
      const c = a / h;
      const s = b / h;
      dv[j - 1] = h;
      dv[j] = 0;
      rotateColumns(J, n, j - 1, c, s);
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
      const h = givensNorm(a, b);
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
      rotateColumns(J, n, j, c, s);
    }
  };

  const dot = (A: SparseRows, row: number, v: Float64Array): number => {
    let sum = 0;
    for (let e = A.start[row]; e < A.start[row + 1]; e++) sum += A.value[e] * v[A.index[e]];
    return sum;
  };
  // The rounding in x is relative to the largest point on the path, not to x itself: steps start
  // from D⁻¹d, which can be far larger than the solution.
  let pathSize = 0;
  const updatePathSize = () => {
    for (let k = 0; k < n; k++) pathSize = Math.max(pathSize, Math.abs(x[k]));
  };
  updatePathSize();
  const scale = (A: SparseRows, row: number, b: number): number =>
    Math.abs(b) + A.norm1[row] * pathSize;

  // Equalities: each is a full step; they are never dropped, so they sit first in the active set.
  for (let i = 0; i < meq; i++) {
    const residual = beq[i] - dot(eqRows, i, x);
    const freeShare = project(eqRows, i);
    if (freeShare <= DEPENDENCE_TOLERANCE * DEPENDENCE_TOLERANCE) {
      if (Math.abs(residual) <= REDUNDANCY_TOLERANCE * scale(eqRows, i, beq[i])) {
        continue; // redundant: implied by the equalities already added
      }
      throw new CoreError(
        "INFEASIBLE",
        `${eqName(i)} contradicts the equalities before it (it misses by ${Math.abs(residual).toPrecision(3)}); ` +
          `remove it or make the equalities consistent`,
        { argument: "Aeq", row: i }
      );
    }
    const zn = dot(eqRows, i, z);
    const step = residual / zn;
    for (let k = 0; k < n; k++) x[k] += step * z[k];
    updatePathSize();
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
      const slack = dot(ineqRows, i, x) - bineq[i];
      if (slack >= -FEASIBILITY_TOLERANCE * scale(ineqRows, i, bineq[i])) continue;
      const violation = -slack / ineqRows.norm2[i];
      if (violation > worst) {
        worst = violation;
        p = i;
      }
    }
    if (p < 0) break;
    let slack = dot(ineqRows, p, x) - bineq[p];
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
      const freeShare = project(ineqRows, p);
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
      const zn = dot(ineqRows, p, z);
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
      updatePathSize();
      for (let k = 0; k < q; k++) u[k] -= step * r[k];
      multiplier += step;
      if (fullStep <= partialStep) {
        isActive[p] = 1;
        addToActiveSet(p, multiplier);
        break;
      }
      dropFromActiveSet(blocking);
      slack = dot(ineqRows, p, x) - bineq[p];
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

/** Constraint rows in compressed sparse row form, with each row's 1- and 2-norms. */
interface SparseRows {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly value: Float64Array;
  readonly norm1: Float64Array;
  readonly norm2: Float64Array;
}

function sparseRows(A: ArrayLike<number>, rows: number, n: number): SparseRows {
  let count = 0;
  for (let e = 0; e < rows * n; e++) if (A[e] !== 0) count++;
  const start = new Int32Array(rows + 1);
  const index = new Int32Array(count);
  const value = new Float64Array(count);
  const norm1 = new Float64Array(rows);
  const norm2 = new Float64Array(rows);
  let e = 0;
  for (let r = 0; r < rows; r++) {
    start[r] = e;
    let squares = 0;
    for (let j = 0; j < n; j++) {
      const a = A[r * n + j];
      if (a === 0) continue;
      index[e] = j;
      value[e++] = a;
      norm1[r] += Math.abs(a);
      squares += a * a;
    }
    norm2[r] = Math.sqrt(squares);
  }
  start[rows] = e;
  return { start, index, value, norm1, norm2 };
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

/** Columns c and c + 1 of J (stored by columns) ← (c·J_c + s·J_{c+1}, −s·J_c + c·J_{c+1}). */
function rotateColumns(J: Float64Array, n: number, column: number, c: number, s: number): void {
  const a = column * n;
  const b = a + n;
  for (let k = 0; k < n; k++) {
    const p = J[a + k];
    const w = J[b + k];
    J[a + k] = c * p + s * w;
    J[b + k] = -s * p + c * w;
  }
}

/**
 * J = L⁻ᵀ for lower-triangular L (row-major), returned by columns. Column c of J is row c of L⁻¹,
 * so L⁻¹ stored row-major is exactly J stored by columns; it is built by forward substitution.
 */
function lowerInverseTransposed(L: Float64Array, n: number): Float64Array {
  const inverse = new Float64Array(n * n);
  // Solve L·y = e_c for each c: y is column c of L⁻¹ (zero above row c).
  for (let c = 0; c < n; c++) {
    inverse[c * n + c] = 1 / L[c * n + c];
    for (let i = c + 1; i < n; i++) {
      let sum = 0;
      for (let k = c; k < i; k++) sum -= L[i * n + k] * inverse[k * n + c];
      inverse[i * n + c] = sum / L[i * n + i];
    }
  }
  // inverse is L⁻¹ row-major; row c of L⁻¹ is column c of J = L⁻ᵀ, so this is J by columns.
  return inverse;
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

/**
 * √(a² + b²) for a Givens rotation: the plain formula (faster than Math.hypot) unless a² + b²
 * underflows, as it does for entries below ~1e-154 (a covariance with denormal entries gives such
 * J columns), where 0 would make the rotation 0/0; Math.hypot scales and stays exact there.
 */
function givensNorm(a: number, b: number): number {
  const h = Math.sqrt(a * a + b * b);
  return h > 1e-150 ? h : Math.hypot(a, b);
}
