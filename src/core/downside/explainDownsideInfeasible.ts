import { CoreError } from "../errors";
import { createLpBuilder } from "../lp/createLpBuilder";
import { portfolioLpRows, type PortfolioLpRows } from "../lp/portfolioLpRows";
import type { LpSolver } from "../lp/types";
import type { CheckedDownsideInput } from "./checkedDownsideInput";
import type { DownsideOptions } from "./types";

/**
 * The error for a downside optimiser whose program proved infeasible, naming what binds: first a
 * limit (maxHoldings, maxTurnover) the bounds and groups cannot meet (portfolioLpRows'
 * explainInfeasible); else the return requirement, against the highest mean return m* the
 * constraints and limits allow, found by one more LP (a MIP with maxHoldings):
 * "minrisk" with targetReturn > m* → lower the target to m*; "maxratio" with m* ≤ riskFree → no
 * portfolio earns more than the risk-free rate.
 * Complexity: one or two small solves over the n weights (no scenario rows).
 *
 * @param solver the solver the optimiser used
 * @param labels asset labels
 * @param options the optimiser's options (constraints, limits)
 * @param checked the validated scalars (objective, targetReturn, riskFree, means, time limit)
 * @param rows the portfolio rows of the failed program
 * @param method the method's name for messages, e.g. "mincdar"
 * @returns a CoreError INFEASIBLE (to throw)
 * @throws nothing of its own
 * @example throw explainDownsideInfeasible(solver, labels, options, checked, rows, "mincdar");
 */
export function explainDownsideInfeasible(
  solver: LpSolver,
  labels: readonly string[],
  options: DownsideOptions,
  checked: CheckedDownsideInput,
  rows: PortfolioLpRows,
  method: string
): CoreError {
  const limit = rows.explainInfeasible(solver, checked.timeLimitSeconds);
  if (limit !== undefined) return new CoreError("INFEASIBLE", limit, { argument: "limits" });
  const fmt = (v: number) => String(Number(v.toPrecision(6)));
  const probe = createLpBuilder();
  const probeRows = portfolioLpRows(probe, {
    labels,
    constraints: options.constraints,
    limits: options.limits,
    chargeCost: false,
  });
  probeRows.weights.forEach((column, j) => probe.addCost(column, checked.mean[j]));
  const best = solver.solve(probe.build("maximize"), {
    timeLimitSeconds: checked.timeLimitSeconds,
  });
  if (best.status === "optimal") {
    const { targetReturn, riskFree } = checked;
    if (
      checked.objective === "minrisk" &&
      targetReturn !== undefined &&
      targetReturn > best.objective
    ) {
      return new CoreError(
        "INFEASIBLE",
        `targetReturn ${fmt(targetReturn)} is above the highest mean return the constraints allow (${fmt(best.objective)} per period); lower it to at most ${fmt(best.objective)}`,
        { argument: "targetReturn" }
      );
    }
    if (checked.objective === "maxratio" && best.objective <= riskFree) {
      return new CoreError(
        "INFEASIBLE",
        `${method}: no portfolio the constraints allow has a mean return above riskFree ${fmt(riskFree)} (the highest is ${fmt(best.objective)} per period), so the ratio has no maximum; lower riskFree or use the minimum-risk objective`,
        { argument: "riskFree" }
      );
    }
  }
  return new CoreError(
    "INFEASIBLE",
    `${method}: the bounds, group constraints and limits cannot all hold together; relax the group floors, minimum weights or limits`,
    { argument: "constraints" }
  );
}
