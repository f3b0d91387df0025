import { CoreError } from "../errors";
import type { LinearProgram, LpSolution, LpSolver } from "./types";

/** The default wall-clock budget of one solve: a cell should answer or say why well within a minute. */
export const DEFAULT_TIME_LIMIT_SECONDS = 30;

/**
 * Solves a linear program with the injected solver and turns every outcome but an optimum into a
 * CoreError the user can act on; an infeasible program is left to the caller (it alone knows which
 * of its constraints to name), through `onInfeasible`.
 *
 * Statuses: "optimal" → the solution; "time-limit" → NOT_CONVERGED naming the limit and the fix
 * (fewer scenarios, fewer assets, no maxHoldings); "infeasible" → `onInfeasible()`'s error;
 * "unbounded" or "error" → NOT_CONVERGED with the solver's words (not expected: every formulation
 * here bounds its variables).
 * Complexity: that of the solver.
 *
 * @param solver the loaded solver (HiGHS in the add-in)
 * @param program the program
 * @param what the method's name for messages, e.g. "mincvar"
 * @param timeLimitSeconds wall-clock limit (default 30 s)
 * @param onInfeasible builds the error to throw when the program has no feasible point
 * @returns the optimal solution
 * @throws CoreError NOT_CONVERGED (time limit; solver error); whatever `onInfeasible` returns
 * @example solveLinearProgram(highs, program, "mincvar", 30, () => new CoreError("INFEASIBLE", "…")).x;
 */
export function solveLinearProgram(
  solver: LpSolver,
  program: LinearProgram,
  what: string,
  timeLimitSeconds: number = DEFAULT_TIME_LIMIT_SECONDS,
  onInfeasible: () => Error
): LpSolution {
  if (!(timeLimitSeconds > 0) || !Number.isFinite(timeLimitSeconds)) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `timeLimitSeconds must be a positive number of seconds; got ${timeLimitSeconds}`,
      { argument: "timeLimitSeconds" }
    );
  }
  const solution = solver.solve(program, { timeLimitSeconds });
  switch (solution.status) {
    case "optimal":
      return solution;
    case "infeasible":
      throw onInfeasible();
    case "time-limit":
      throw new CoreError(
        "NOT_CONVERGED",
        `${what}: the LP solver stopped at its time limit of ${timeLimitSeconds} s before proving the optimum` +
          ` (${program.rows.lower.length} rows × ${program.objective.length} variables); use fewer rows of prices or fewer assets` +
          (program.integer ? ", or drop maxHoldings (it makes the problem a MIP)" : ""),
        { argument: "prices" }
      );
    default:
      throw new CoreError(
        "NOT_CONVERGED",
        `${what}: the LP solver reported ${solution.status}${solution.message ? ` (${solution.message})` : ""}; check the prices for extreme values`,
        { argument: "prices" }
      );
  }
}
