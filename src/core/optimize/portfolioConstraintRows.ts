import { CoreError } from "../errors";
import type { PortfolioConstraints } from "./types";

/** Validated bounds and the constraint rows of a long-only, fully invested portfolio problem. */
export interface PortfolioConstraintRows {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Inequality rows A·w ≥ b, row-major (rows × n), with a name per row for messages. */
  readonly Aineq: Float64Array;
  readonly bineq: Float64Array;
  readonly names: readonly string[];
  /** Group membership masks (1 = member), one Float64Array of length n per group. */
  readonly groupMasks: readonly Float64Array[];
}

/**
 * Validates portfolio constraints and turns them into inequality rows A·w ≥ b for
 * {@link solveQuadraticProgram}: w_i ≥ lower_i (always, long-only), −w_i ≥ −upper_i (when
 * upper_i < 1; Σw = 1 with w ≥ 0 already caps every weight at 1), Σ_g w ≥ floor_g, −Σ_g w ≥ −cap_g.
 * The budget Σw = 1 is the caller's equality.
 * Complexity: O(rows × n) time and memory (dense rows; n is at most a few hundred assets).
 *
 * @param constraints bounds (a number for all assets or one per asset) and groups
 * @param n the number of assets, at least 1
 * @param labels asset labels for messages (length n)
 * @returns the bounds and the rows with their names ("asset SOL: max 0.2", "group DeFi: cap 0.3")
 * @throws CoreError INVALID_ARGUMENT (negative lower bound: long-only; a group without members, with
 *   a member out of range or repeated, or with neither min nor max)
 * @throws CoreError LENGTH_MISMATCH (a bound array whose length is not n)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in a bound or a group limit)
 * @example portfolioConstraintRows({ upper: 0.6 }, 2, ["BTC", "ETH"]).names;
 * // => ["asset BTC: min 0", "asset ETH: min 0", "asset BTC: max 0.6", "asset ETH: max 0.6"]
 */
export function portfolioConstraintRows(
  constraints: PortfolioConstraints,
  n: number,
  labels: readonly string[]
): PortfolioConstraintRows {
  const lower = bounds(constraints.lower, 0, n, "lower", labels);
  const upper = bounds(constraints.upper, 1, n, "upper", labels);
  for (let i = 0; i < n; i++) {
    if (lower[i] < 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `lower: asset ${labels[i]} has minimum ${lower[i]}; weights are long-only, use 0 or more`,
        { argument: "lower", column: i, label: labels[i] }
      );
    }
  }
  const groups = constraints.groups ?? [];
  const groupMasks: Float64Array[] = [];
  groups.forEach((group, g) => {
    const name = group.name || `group ${g + 1}`;
    if (group.members.length === 0) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `groups: ${name} has no members; list at least one asset`,
        { argument: "groups" }
      );
    }
    if (group.min === undefined && group.max === undefined) {
      throw new CoreError(
        "INVALID_ARGUMENT",
        `groups: ${name} has neither a floor (min) nor a cap (max); give at least one`,
        { argument: "groups" }
      );
    }
    for (const [limit, value] of [
      ["min", group.min],
      ["max", group.max],
    ] as const) {
      if (value !== undefined && !Number.isFinite(value)) {
        throw new CoreError(
          "NON_FINITE",
          `groups: ${name} ${limit} is ${value}; use a finite weight such as 0.3`,
          { argument: "groups" }
        );
      }
    }
    const mask = new Float64Array(n);
    for (const member of group.members) {
      if (!Number.isInteger(member) || member < 0 || member >= n) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `groups: ${name} has member ${member}; members are asset indices from 0 to ${n - 1}`,
          { argument: "groups" }
        );
      }
      if (mask[member] === 1) {
        throw new CoreError(
          "INVALID_ARGUMENT",
          `groups: ${name} lists asset ${labels[member]} twice; list each member once`,
          { argument: "groups", column: member, label: labels[member] }
        );
      }
      mask[member] = 1;
    }
    groupMasks.push(mask);
  });

  const rows: Float64Array[] = [];
  const rhs: number[] = [];
  const names: string[] = [];
  const unit = (i: number, sign: number) => {
    const row = new Float64Array(n);
    row[i] = sign;
    return row;
  };
  for (let i = 0; i < n; i++) {
    rows.push(unit(i, 1));
    rhs.push(lower[i]);
    names.push(`asset ${labels[i]}: min ${lower[i]}`);
  }
  for (let i = 0; i < n; i++) {
    if (upper[i] >= 1) continue;
    rows.push(unit(i, -1));
    rhs.push(-upper[i]);
    names.push(`asset ${labels[i]}: max ${upper[i]}`);
  }
  groups.forEach((group, g) => {
    const name = group.name || `group ${g + 1}`;
    if (group.min !== undefined) {
      rows.push(Float64Array.from(groupMasks[g]));
      rhs.push(group.min);
      names.push(`group ${name}: floor ${group.min}`);
    }
    if (group.max !== undefined) {
      rows.push(groupMasks[g].map((v) => -v));
      rhs.push(-group.max);
      names.push(`group ${name}: cap ${group.max}`);
    }
  });
  const Aineq = new Float64Array(rows.length * n);
  rows.forEach((row, r) => Aineq.set(row, r * n));
  return { lower, upper, Aineq, bineq: Float64Array.from(rhs), names, groupMasks };
}

function bounds(
  value: number | ArrayLike<number> | undefined,
  fallback: number,
  n: number,
  argument: string,
  labels: readonly string[]
): Float64Array {
  const out = new Float64Array(n);
  if (value === undefined || typeof value === "number") {
    out.fill(value ?? fallback);
  } else {
    if (value.length !== n) {
      throw new CoreError(
        "LENGTH_MISMATCH",
        `${argument} has ${value.length} entries for ${n} assets; give one bound per asset or a single number`,
        { argument }
      );
    }
    for (let i = 0; i < n; i++) out[i] = value[i];
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(out[i])) {
      throw new CoreError(
        "NON_FINITE",
        `${argument}: asset ${labels[i]} is ${out[i]}; bounds must be finite weights such as 0.25`,
        { argument, column: i, label: labels[i] }
      );
    }
  }
  return out;
}
