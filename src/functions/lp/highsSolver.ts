/**
 * The add-in's LP/MIP/QP solver: HiGHS (https://highs.dev, University of Edinburgh), compiled to
 * WebAssembly by the npm package `highs` (highs-js, pinned in package.json), behind the core's
 * `LpSolver` interface (src/core/lp/types.ts).
 *
 * Why HiGHS: it is the open-source solver scipy (`linprog(method="highs")`, `milp`) and most
 * modelling tools now ship by default, so our fixtures and the cells run the same algorithms; it
 * solves LP (dual simplex, IPM), MIP (branch-and-cut: exact cardinality) and convex QP in one
 * binary; it honours a wall-clock `time_limit`; and highs-js takes the sparse matrix (CSR) directly,
 * so no LP text is written or parsed. The JavaScript alternatives (javascript-lp-solver, glpk.js)
 * are dense-tableau or far slower on the 1,825-scenario LPs the downside methods build.
 *
 * Size and load (measured, highs 1.15.3): highs.wasm 3,531,385 bytes (1.21 MB gzip -9) and the
 * loader chunk highs.js 99.7 kB minified (29.8 kB gzip). Both stay out of functions.js,
 * functionsWorker.js and taskpane.js (test/e2e/highsLazy.e2e.mjs checks the production build):
 * webpack emits the loader as its own chunk through the dynamic import below and the wasm as an
 * asset, requested only when a downside method first runs. First load (compile + instantiate) took
 * 110–190 ms in Node 20 on the loaded 2-core box (bench/core/downside.bench.ts "HiGHS first load");
 * the first RISKWEIGHTS "mincvar" in headless Chromium answered in 460 ms, fetch and load included.
 * Later calls reuse the one instance per thread.
 */
import type {
  LinearProgram,
  LpSolution,
  LpSolveOptions,
  LpSolver,
  LpStatus,
} from "../../core/lp/types";

/** The parts of the highs-js runtime this adaptor uses (its own types are much larger). */
interface HighsRuntime {
  readonly infinity: number;
  readonly constants: {
    readonly objectiveSense: { readonly minimize: unknown; readonly maximize: unknown };
    readonly modelStatus: Record<string, number>;
  };
  createModel(data: unknown): HighsModel;
}

interface HighsModel {
  readonly options: { set(values: Record<string, unknown>): unknown };
  run(): { readonly modelStatus: number };
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { readonly colValue: Float64Array; readonly rowDual: Float64Array };
  dispose(): void;
}

let loading: Promise<LpSolver> | undefined;

/**
 * Loads HiGHS once (its own chunk and wasm asset, fetched on first use) and returns the shared
 * solver; every later call returns the same promise. A failed load is not cached, so a later
 * recalculation can try again.
 *
 * @returns the loaded solver
 * @throws (rejects) when the wasm cannot be fetched or instantiated
 */
export function loadHighsSolver(): Promise<LpSolver> {
  if (loading === undefined) {
    loading = import(/* webpackChunkName: "highs" */ "highs")
      .then((module) => {
        const loader = (module as { default?: unknown }).default ?? module;
        return (loader as () => Promise<HighsRuntime>)();
      })
      .then((runtime) => highsSolver(runtime))
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
  }
  return loading;
}

/**
 * The LpSolver over a loaded highs-js runtime: one HiGHS model per solve (disposed after it, since
 * garbage collection does not free wasm memory), logging off, time_limit and mip_rel_gap passed.
 * Status mapping: Optimal/Empty → "optimal"; Infeasible → "infeasible"; Unbounded → "unbounded";
 * "Infeasible or unbounded" (a presolve verdict) → solved again without presolve to tell which;
 * Time limit / Iteration limit → "time-limit"; anything else → "error" with HiGHS' status.
 * Row duals are returned for LP and QP (HiGHS' sign convention: ∂objective/∂row bound), not MIP.
 * Complexity: one copy of the program into wasm memory, O(variables + entries), plus the solve.
 *
 * @param runtime a loaded highs-js runtime
 * @returns the solver
 */
export function highsSolver(runtime: HighsRuntime): LpSolver {
  const status = runtime.constants.modelStatus;
  const name = (code: number) => Object.keys(status).find((k) => status[k] === code) ?? `${code}`;
  const finite = (values: Float64Array) =>
    values.map((v) =>
      v === Infinity ? runtime.infinity : v === -Infinity ? -runtime.infinity : v
    );
  return {
    solve(program: LinearProgram, options: LpSolveOptions): LpSolution {
      const n = program.objective.length;
      const data = {
        numCols: n,
        numRows: program.rows.lower.length,
        sense:
          program.sense === "maximize"
            ? runtime.constants.objectiveSense.maximize
            : runtime.constants.objectiveSense.minimize,
        colCost: program.objective,
        colLower: finite(program.lower),
        colUpper: finite(program.upper),
        rowLower: finite(program.rows.lower),
        rowUpper: finite(program.rows.upper),
        matrix: {
          format: "csr",
          numRows: program.rows.lower.length,
          numCols: n,
          starts: program.rows.start,
          indices: program.rows.index,
          values: program.rows.value,
        },
        integrality: program.integer ? Int32Array.from(program.integer) : undefined,
        hessian: program.quadratic ? lowerTriangle(program.quadratic, n) : undefined,
      };
      const run = (presolve: boolean) => {
        const model = runtime.createModel(data);
        try {
          model.options.set({
            output_flag: false,
            time_limit: options.timeLimitSeconds,
            presolve: presolve ? "choose" : "off",
            ...(options.scaling === false ? { simplex_scale_strategy: 0 } : {}),
            ...(options.mipRelativeGap !== undefined
              ? { mip_rel_gap: options.mipRelativeGap }
              : {}),
          });
          let code: number;
          try {
            code = model.run().modelStatus;
          } catch (error) {
            // highs-js throws when HiGHS' run returns an error status (seen on some convex QPs):
            // reported as status "error" with HiGHS' words, never as an exception.
            return {
              code: -1,
              failure: error instanceof Error ? error.message : String(error),
              x: new Float64Array(n),
              objective: NaN,
              rowDuals: undefined,
            };
          }
          const solved = code === status.optimal || code === status.empty;
          const solution = solved ? model.getSolution() : undefined;
          return {
            code,
            failure: undefined as string | undefined,
            x: solution ? Float64Array.from(solution.colValue) : new Float64Array(n),
            objective: solved ? model.getObjectiveValue() : NaN,
            rowDuals:
              solution && !program.integer ? Float64Array.from(solution.rowDual) : undefined,
          };
        } finally {
          model.dispose();
        }
      };
      let result = run(options.presolve !== false);
      if (result.code === status.unboundedOrInfeasible) result = run(false);
      const mapped: LpStatus =
        result.code === status.optimal || result.code === status.empty
          ? "optimal"
          : result.code === status.infeasible
            ? "infeasible"
            : result.code === status.unbounded
              ? "unbounded"
              : result.code === status.timeLimit || result.code === status.iterationLimit
                ? "time-limit"
                : "error";
      return {
        status: mapped,
        x: result.x,
        objective: result.objective,
        rowDuals: result.rowDuals,
        message:
          mapped === "optimal"
            ? undefined
            : (result.failure ?? `HiGHS model status ${name(result.code)}`),
      };
    },
  };
}

/**
 * The contract's upper-triangle triplets (row ≤ col) of Q as HiGHS' triangular Hessian: the lower
 * triangle by column, i.e. entry (c, r) in column r; duplicates summed, rows sorted per column.
 */
function lowerTriangle(q: NonNullable<LinearProgram["quadratic"]>, n: number) {
  const columns: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let k = 0; k < q.value.length; k++) {
    const r = Math.min(q.row[k], q.col[k]);
    const c = Math.max(q.row[k], q.col[k]);
    columns[r].set(c, (columns[r].get(c) ?? 0) + q.value[k]);
  }
  const starts = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < n; j++) {
    for (const [i, v] of [...columns[j].entries()].sort((a, b) => a[0] - b[0])) {
      indices.push(i);
      values.push(v);
    }
    starts[j + 1] = indices.length;
  }
  return {
    format: "triangular",
    dimension: n,
    starts,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}
