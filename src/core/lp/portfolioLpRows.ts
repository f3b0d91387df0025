import { CoreError } from "../errors";
import { checkFeasibility } from "../optimize/checkFeasibility";
import { portfolioConstraintRows } from "../optimize/portfolioConstraintRows";
import type { PortfolioConstraints, PortfolioLimits } from "../optimize/types";
import { createLpBuilder, type LpBuilder } from "./createLpBuilder";
import type { LpSolver } from "./types";

/** A weight counts as held, or a constraint as binding, within this (HiGHS' feasibility tolerance is 1e-7). */
const LP_TOLERANCE = 1e-7;

/** What {@link portfolioLpRows} adds the portfolio rows for. */
export interface PortfolioLpInput {
  /** Asset labels; their number is the number of weight columns. */
  readonly labels: readonly string[];
  readonly constraints?: PortfolioConstraints;
  /** maxHoldings, current + maxTurnover / costRate; tracking error and effective holdings are refused. */
  readonly limits?: PortfolioLimits;
  /**
   * Charnes–Cooper homogenisation: the weight columns hold y = κ·w for the scale column κ, and every
   * right-hand side b becomes b·κ (budget Σy = κ, bounds l·κ ≤ y ≤ u·κ, …). `upper` bounds κ, which
   * the cardinality rows y_j ≤ u_j·κ̄·z_j need. Absent: the columns are the weights themselves.
   */
  readonly scale?: { readonly column: number; readonly upper: number };
  /** Put costRate·Σt into the objective (true, for minimisation); false leaves it to the caller. */
  readonly chargeCost?: boolean;
}

/** The columns {@link portfolioLpRows} added and what to ask of a solution. */
export interface PortfolioLpRows {
  /** Column of each asset's weight (or y_j under homogenisation). */
  readonly weights: Int32Array;
  /** Columns t_j ≥ |w_j − w0_j| when a turnover limit or cost is asked, else empty. */
  readonly trades: Int32Array;
  /** Binary columns z_j (w_j > 0 only if z_j = 1) when maxHoldings is asked, else empty. */
  readonly holdings: Int32Array;
  /** The validated bounds, one per asset. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** The validated current weights (zeros when none were given). */
  readonly current: Float64Array;
  /**
   * Names of the portfolio constraints that hold with equality at these weights, in the words of
   * bindingConstraints: "asset SOL: max 0.2", "group DeFi: cap 0.3", "maxHoldings 5", "maxTurnover 0.2".
   */
  binding(weights: ArrayLike<number>): string[];
  /**
   * When the whole program proved infeasible: the limit among maxHoldings and maxTurnover that the
   * bounds and groups cannot meet, with the smallest value that works (found by one small LP or
   * MIP each); undefined when both can be met on their own (the caller's own rows then bind).
   */
  explainInfeasible(solver: LpSolver, timeLimitSeconds: number): string | undefined;
}

/**
 * Adds to a linear program the rows every long-only, fully invested portfolio problem shares:
 * budget Σw = 1, bounds l ≤ w ≤ u, group floors and caps, and the linear limits: cardinality
 * (binary z_j, w_j ≤ u_j·z_j, Σz ≤ K: exact through a MIP), turnover (t_j ≥ ±(w_j − w0_j),
 * Σt ≤ τ) and proportional cost (costRate·Σt in the objective). Bounds and groups are checked
 * first with {@link checkFeasibility}, so an impossible request says what binds and by how much
 * before any solve, exactly as the QP optimisers do. Row names follow portfolioConstraintRows.
 * Under Charnes–Cooper homogenisation (`scale`) every row is written in y = κ·w.
 * Conventions: weights are columns 0…n−1 only when the builder was empty; use `weights`.
 * Complexity: O(n + Σ group sizes) rows and entries; checkFeasibility's closed forms O(n·g + g²·n).
 *
 * @param lp the builder to add to
 * @param input labels, constraints, limits, and the optional scale column
 * @returns the added columns, the validated bounds and current weights, and two queries
 * @throws CoreError INFEASIBLE (bounds and groups that no portfolio meets; maxHoldings below the
 *   assets with a minimum weight or whose largest maxima sum below 1)
 * @throws CoreError INVALID_ARGUMENT (maxHoldings not a whole number from 1; turnover or cost without
 *   current weights; a negative or non-finite limit; current weights negative or summing above 1;
 *   a tracking-error or effective-holdings limit, which an LP cannot hold), and those of
 *   portfolioConstraintRows
 * @example
 * const lp = createLpBuilder();
 * const rows = portfolioLpRows(lp, { labels: ["A", "B"], constraints: { upper: 0.6 } });
 * rows.binding([0.6, 0.4]); // => ["asset A: max 0.6"]
 */
export function portfolioLpRows(lp: LpBuilder, input: PortfolioLpInput): PortfolioLpRows {
  const { labels, scale } = input;
  const constraints = input.constraints ?? {};
  const limits = input.limits ?? {};
  const n = labels.length;
  const report = checkFeasibility(constraints, n, labels, { exact: false });
  if (!report.feasible) {
    throw new CoreError("INFEASIBLE", report.reason, { argument: "constraints" });
  }
  const base = portfolioConstraintRows(constraints, n, labels);
  const lower = base.lower;
  const upper = base.upper.map((u) => Math.min(u, 1));
  const groups = constraints.groups ?? [];
  const validated = validateLimits(limits, n, lower, upper, labels);
  const { maxHoldings, maxTurnover, costRate, current } = validated;

  const kappa = scale?.column;
  const weights = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    weights[j] =
      kappa === undefined
        ? lp.addColumn(lower[j], upper[j], 0, `w[${labels[j]}]`)
        : lp.addColumn(0, Infinity, 0, `y[${labels[j]}]`);
  }
  // Each row is Σ a·w (+ c·κ under homogenisation) against a right-hand side b·κ (or b).
  const row = (columns: number[], values: number[], lo: number, hi: number, name: string): void => {
    if (kappa === undefined) {
      lp.addRow(columns, values, lo, hi, name);
      return;
    }
    // lo·κ ≤ a·y ≤ hi·κ becomes two one-sided rows unless lo = hi.
    if (lo === hi) {
      lp.addRow([...columns, kappa], [...values, -lo], 0, 0, name);
      return;
    }
    if (Number.isFinite(lo)) lp.addRow([...columns, kappa], [...values, -lo], 0, Infinity, name);
    if (Number.isFinite(hi)) lp.addRow([...columns, kappa], [...values, -hi], -Infinity, 0, name);
  };
  const all = Array.from(weights);
  row(all, new Array<number>(n).fill(1), 1, 1, "budget (weights sum to 1)");
  if (kappa !== undefined) {
    for (let j = 0; j < n; j++) {
      if (lower[j] > 0) row([weights[j]], [1], lower[j], Infinity, `asset ${labels[j]}: min`);
      if (upper[j] < 1) row([weights[j]], [1], -Infinity, upper[j], `asset ${labels[j]}: max`);
    }
  }
  groups.forEach((group, g) => {
    const members = group.members.map((i) => weights[i]);
    row(
      members,
      new Array<number>(members.length).fill(1),
      group.min ?? -Infinity,
      group.max ?? Infinity,
      `group ${group.name || `group ${g + 1}`}`
    );
  });

  const holdings = new Int32Array(maxHoldings === undefined ? 0 : n);
  if (maxHoldings !== undefined) {
    const big = kappa === undefined ? 1 : (scale?.upper ?? 1);
    for (let j = 0; j < n; j++) {
      holdings[j] = lp.addColumn(0, 1, 0, `z[${labels[j]}]`, true);
      lp.addRow(
        [weights[j], holdings[j]],
        [1, -upper[j] * big],
        -Infinity,
        0,
        `asset ${labels[j]} held`
      );
    }
    lp.addRow(
      Array.from(holdings),
      new Array<number>(n).fill(1),
      -Infinity,
      maxHoldings,
      `maxHoldings ${maxHoldings}`
    );
  }

  const trading = maxTurnover !== undefined || costRate > 0;
  const trades = new Int32Array(trading ? n : 0);
  if (trading) {
    for (let j = 0; j < n; j++) {
      trades[j] = lp.addColumn(0, Infinity, 0, `t[${labels[j]}]`);
      // t_j ≥ w_j − w0_j and t_j ≥ w0_j − w_j (w0 scaled by κ under homogenisation).
      row([trades[j], weights[j]], [1, -1], -current[j], Infinity, `trade ${labels[j]} buy`);
      row([trades[j], weights[j]], [1, 1], current[j], Infinity, `trade ${labels[j]} sell`);
    }
    if (maxTurnover !== undefined) {
      row(
        Array.from(trades),
        new Array<number>(n).fill(1),
        -Infinity,
        maxTurnover,
        `maxTurnover ${maxTurnover}`
      );
    }
    if (costRate > 0 && input.chargeCost !== false) {
      for (const t of trades) lp.addCost(t, costRate);
    }
  }

  return {
    weights,
    trades,
    holdings,
    lower,
    upper,
    current,
    binding(w) {
      const out: string[] = [];
      for (let j = 0; j < n; j++) {
        if (w[j] <= lower[j] + LP_TOLERANCE) out.push(`asset ${labels[j]}: min ${lower[j]}`);
      }
      for (let j = 0; j < n; j++) {
        if (upper[j] < 1 && w[j] >= upper[j] - LP_TOLERANCE) {
          out.push(`asset ${labels[j]}: max ${upper[j]}`);
        }
      }
      groups.forEach((group, g) => {
        const name = group.name || `group ${g + 1}`;
        let sum = 0;
        for (const i of group.members) sum += w[i];
        if (group.min !== undefined && sum <= group.min + LP_TOLERANCE) {
          out.push(`group ${name}: floor ${group.min}`);
        }
        if (group.max !== undefined && sum >= group.max - LP_TOLERANCE) {
          out.push(`group ${name}: cap ${group.max}`);
        }
      });
      if (maxHoldings !== undefined) {
        let held = 0;
        for (let j = 0; j < n; j++) if (w[j] > LP_TOLERANCE) held++;
        if (held >= maxHoldings) out.push(`maxHoldings ${maxHoldings}`);
      }
      if (maxTurnover !== undefined) {
        let turnover = 0;
        for (let j = 0; j < n; j++) turnover += Math.abs(w[j] - current[j]);
        if (turnover >= maxTurnover - LP_TOLERANCE) out.push(`maxTurnover ${maxTurnover}`);
      }
      return out;
    },
    explainInfeasible(solver, timeLimitSeconds) {
      const fmt = (v: number) => String(Number(v.toPrecision(6)));
      // The fewest holdings and the least turnover the bounds and groups allow, each on its own.
      const least = (what: "holdings" | "turnover"): number | undefined => {
        const probe = createLpBuilder();
        const rows = portfolioLpRows(probe, {
          labels,
          constraints,
          limits:
            what === "holdings"
              ? { maxHoldings: n }
              : { current: validated.current, maxTurnover: undefined, costRate: 1 },
        });
        const cost = what === "holdings" ? rows.holdings : rows.trades;
        if (what === "holdings") for (const z of cost) probe.addCost(z, 1);
        const solution = solver.solve(probe.build("minimize"), { timeLimitSeconds });
        return solution.status === "optimal" ? solution.objective : undefined;
      };
      if (maxHoldings !== undefined) {
        const fewest = least("holdings");
        if (fewest !== undefined && Math.round(fewest) > maxHoldings) {
          return `limits: maxHoldings ${maxHoldings} is below the ${Math.round(fewest)} holdings the bounds and groups need; raise maxHoldings to ${Math.round(fewest)} or relax the minimum weights and group floors`;
        }
      }
      if (maxTurnover !== undefined) {
        const smallest = least("turnover");
        if (smallest !== undefined && smallest > maxTurnover + LP_TOLERANCE) {
          return `limits: maxTurnover ${maxTurnover} is below the turnover ${fmt(smallest)} the bounds and groups need from the current weights; raise maxTurnover to at least ${fmt(smallest)}`;
        }
      }
      if (maxHoldings !== undefined && maxTurnover !== undefined) {
        return `limits: maxHoldings ${maxHoldings} and maxTurnover ${maxTurnover} cannot hold together from the current weights; raise one of them`;
      }
      return undefined;
    },
  };
}

interface ValidatedLimits {
  readonly maxHoldings?: number;
  readonly maxTurnover?: number;
  readonly costRate: number;
  readonly current: Float64Array;
}

function validateLimits(
  limits: PortfolioLimits,
  n: number,
  lower: Float64Array,
  upper: Float64Array,
  labels: readonly string[]
): ValidatedLimits {
  const refuse = (message: string) =>
    new CoreError("INVALID_ARGUMENT", `limits: ${message}`, { argument: "limits" });
  if (limits.maxTrackingError !== undefined) {
    throw refuse(
      "maxTrackingError is a quadratic limit that the LP methods cannot hold; drop it or use minvar or maxsharpe"
    );
  }
  if (limits.minEffectiveHoldings !== undefined) {
    throw refuse(
      "minEffectiveHoldings is a quadratic limit that the LP methods cannot hold; drop it or use minvar or maxsharpe"
    );
  }
  const { maxHoldings, maxTurnover } = limits;
  const costRate = limits.costRate ?? 0;
  if (maxHoldings !== undefined) {
    if (!Number.isInteger(maxHoldings) || maxHoldings < 1) {
      throw refuse(`maxHoldings must be a whole number of assets from 1; got ${maxHoldings}`);
    }
    let floored = 0;
    for (let j = 0; j < n; j++) if (lower[j] > 0) floored++;
    if (floored > maxHoldings) {
      throw new CoreError(
        "INFEASIBLE",
        `limits: maxHoldings ${maxHoldings} is below the ${floored} assets with a minimum weight above 0; raise maxHoldings to ${floored} or set those minima to 0`,
        { argument: "limits" }
      );
    }
    const largest = Array.from(upper)
      .sort((a, b) => b - a)
      .slice(0, maxHoldings)
      .reduce((s, u) => s + u, 0);
    if (largest < 1 - 1e-12) {
      let needed = 0;
      let sum = 0;
      for (const u of Array.from(upper).sort((a, b) => b - a)) {
        sum += u;
        needed++;
        if (sum >= 1 - 1e-12) break;
      }
      throw new CoreError(
        "INFEASIBLE",
        `limits: the ${maxHoldings} largest maximum weights sum to ${Number(largest.toPrecision(6))} < 1, so ${maxHoldings} holdings cannot be fully invested; raise maxHoldings to ${needed} or raise the maximum weights`,
        { argument: "limits" }
      );
    }
  }
  for (const [name, value] of [
    ["maxTurnover", maxTurnover],
    ["costRate", limits.costRate],
  ] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw refuse(`${name} must be a number of 0 or more; got ${value}`);
    }
  }
  const current = new Float64Array(n);
  if (limits.current !== undefined) {
    if (limits.current.length !== n) {
      throw new CoreError(
        "LENGTH_MISMATCH",
        `currentWeights has ${limits.current.length} entries for ${n} assets; give one current weight per asset`,
        { argument: "currentWeights" }
      );
    }
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const w = limits.current[j];
      if (!Number.isFinite(w) || w < 0) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `currentWeights: asset ${labels[j]} is ${w}; current weights are 0 or more`,
          { argument: "currentWeights", column: j, label: labels[j] }
        );
      }
      current[j] = w;
      sum += w;
    }
    if (sum > 1 + 1e-9) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `currentWeights sum to ${Number(sum.toPrecision(6))} > 1; give fractions of the portfolio (the rest is cash)`,
        { argument: "currentWeights" }
      );
    }
  } else if (maxTurnover !== undefined || costRate > 0) {
    throw refuse(
      `${maxTurnover !== undefined ? "maxTurnover" : "costRate"} is measured against the current weights; pass currentWeights`
    );
  }
  return { maxHoldings, maxTurnover, costRate, current };
}
