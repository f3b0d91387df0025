/**
 * Shapes of the linear (and convex quadratic) programs the core formulates, and of the solver that
 * answers them (no functions here). The core builds programs and reads solutions; it never loads a
 * solver itself: the caller passes one in (HiGHS in the add-in, loaded lazily by the functions
 * layer), which keeps the core pure and lets tests use the same HiGHS build in Node.
 */

/** Sparse constraint rows, compressed by row: lower[r] ≤ Σ_k value[k]·x[index[k]] ≤ upper[r]. */
export interface SparseRows {
  /** start[r] is where row r's entries begin in index/value; start[rowCount] = number of entries. */
  readonly start: Int32Array;
  /** Column (variable) of each entry. */
  readonly index: Int32Array;
  /** Coefficient of each entry. */
  readonly value: Float64Array;
  /** Row lower bounds (-Infinity for none). */
  readonly lower: Float64Array;
  /** Row upper bounds (+Infinity for none); lower[r] = upper[r] is an equality. */
  readonly upper: Float64Array;
  /** Row names for messages ("budget", "group DeFi cap", "scenario 17"), optional. */
  readonly names?: readonly string[];
}

/**
 * minimise (or maximise) cᵀx + ½ xᵀQx subject to the rows and lower ≤ x ≤ upper, with x[j]
 * integer where integer[j] = 1. Q must be positive semidefinite (convex) and is only allowed
 * without integer variables (HiGHS solves LP, MIP and convex QP, not MIQP).
 */
export interface LinearProgram {
  readonly sense: "minimize" | "maximize";
  /** c: one objective coefficient per variable. */
  readonly objective: Float64Array;
  /** Optional Q as upper-triangle triplets (row ≤ col), the objective adding ½ xᵀQx. */
  readonly quadratic?: {
    readonly row: Int32Array;
    readonly col: Int32Array;
    readonly value: Float64Array;
  };
  /** Variable lower bounds (-Infinity for free). */
  readonly lower: Float64Array;
  /** Variable upper bounds (+Infinity for none). */
  readonly upper: Float64Array;
  /** 1 where the variable must be integer (0/1 with bounds [0, 1]); absent: all continuous. */
  readonly integer?: Uint8Array;
  readonly rows: SparseRows;
  /** Variable names for messages ("w[SOL]", "z[17]"), optional. */
  readonly names?: readonly string[];
}

/** What the solver reports. Anything but "optimal" comes with a message saying why. */
export type LpStatus = "optimal" | "infeasible" | "unbounded" | "time-limit" | "error";

export interface LpSolution {
  readonly status: LpStatus;
  /** Primal values, one per variable (meaningful when status is "optimal"). */
  readonly x: Float64Array;
  /** Objective value cᵀx + ½ xᵀQx at x. */
  readonly objective: number;
  /** Row duals (Lagrange multipliers), when the solver gives them (not for MIP). */
  readonly rowDuals?: Float64Array;
  /** The solver's own words when status is not "optimal". */
  readonly message?: string;
}

/** Options every solve accepts. */
export interface LpSolveOptions {
  /** Wall-clock limit; the solver stops with status "time-limit" past it. */
  readonly timeLimitSeconds: number;
  /** Relative MIP gap at which a MIP counts as solved (default the solver's, 1e-4 in HiGHS). */
  readonly mipRelativeGap?: number;
  /**
   * false skips the solver's presolve (default true). Worth it for LPs with few rows and many
   * bounded columns, such as the dual of the CVaR LP, where presolve finds nothing to remove.
   */
  readonly presolve?: boolean;
  /**
   * false skips the simplex's matrix scaling (default true). Worth it when every entry is already of
   * one magnitude (the dual CVaR LP: returns and ±1), where scaling only adds pivots.
   */
  readonly scaling?: boolean;
}

/** A loaded solver: synchronous once loaded, so the core's functions stay synchronous. */
export interface LpSolver {
  solve(program: LinearProgram, options: LpSolveOptions): LpSolution;
}
