import { CoreError, isCoreError } from "../errors";
import { portfolioConstraintRows } from "./portfolioConstraintRows";
import { solveQuadraticProgram } from "./solveQuadraticProgram";
import type { FeasibilityReport, PortfolioConstraints } from "./types";

/**
 * Sums of weights are compared with 1 allowing this much rounding: a user's "0.1 × 10" must not be
 * reported as "lower bounds sum to 1.0000000000000002 > 1".
 */
const SUM_TOLERANCE = 1e-12;

/**
 * Whether a long-only, fully invested portfolio (w ≥ 0, Σw = 1) can meet the given bounds and group
 * constraints, and if not, which constraint binds and by how much.
 *
 * Method: closed-form tests that name the culprit and the exact shortfall, in this order: an asset's
 * min > max; Σ lower > 1; Σ min(upper, 1) < 1; a group's floor > cap; a floor above its members'
 * maxima or a cap below their minima; a floor plus the minima outside the group above 1; a cap plus
 * the maxima outside the group below 1; two floors that together (less their overlap's maxima)
 * exceed 1; a floor that (less its members' maxima outside another group) exceeds that group's cap;
 * two caps that with the maxima outside both stay below 1. These are exact for disjoint
 * groups; for overlapping groups a final exact test finds the point nearest 0 in the constraint set
 * with {@link solveQuadraticProgram} and reports the constraint it cannot add (no closed-form amount).
 * Conventions: 0-based member indices; labels default to "Asset 1", "Asset 2", ….
 * Complexity: O(n·g + g²·n) for the closed forms, plus one QP (O(n³)) when they all pass and groups exist.
 *
 * @param constraints bounds and groups (see {@link PortfolioConstraints})
 * @param n number of assets, at least 1
 * @param assetLabels asset labels used in the messages (default "Asset 1", "Asset 2", …)
 * @param options exact: false skips the final QP (closed forms only: they may miss infeasibility
 *   that needs three or more overlapping groups); default true
 * @returns `{feasible: true}` or `{feasible: false, constraint, shortfall?, reason}`
 * @throws CoreError INVALID_ARGUMENT (n not a positive integer; labels not n long; malformed groups;
 *   negative lower bounds)
 * @throws CoreError LENGTH_MISMATCH (a bound array of the wrong length)
 * @throws CoreError NON_FINITE (NaN or ±Infinity in a bound or group limit)
 * @example checkFeasibility({ lower: [0.6, 0.6] }, 2).reason;
 * // => "lower bounds sum to 1.2 > 1: lower them by 0.2 in total"
 */
export function checkFeasibility(
  constraints: PortfolioConstraints,
  n: number,
  assetLabels?: readonly string[],
  options: { readonly exact?: boolean } = {}
): FeasibilityReport {
  if (!Number.isInteger(n) || n < 1) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `n must be a positive whole number of assets; got ${n}`,
      {
        argument: "n",
      }
    );
  }
  const labels = assetLabels ?? Array.from({ length: n }, (_, i) => `Asset ${i + 1}`);
  if (labels.length !== n) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      `labels has ${labels.length} entries for ${n} assets; give one label per asset`,
      { argument: "labels" }
    );
  }
  const rows = portfolioConstraintRows(constraints, n, labels);
  const { lower, upper, groupMasks } = rows;
  const groups = constraints.groups ?? [];
  const fmt = (v: number) => String(Number(v.toPrecision(6)));
  const fail = (constraint: string, shortfall: number | undefined, reason: string) =>
    ({ feasible: false, constraint, shortfall, reason }) as const;

  for (let i = 0; i < n; i++) {
    if (lower[i] > upper[i] + SUM_TOLERANCE) {
      const gap = lower[i] - upper[i];
      return fail(
        `asset ${labels[i]}`,
        gap,
        `asset ${labels[i]}: min ${fmt(lower[i])} > max ${fmt(upper[i])}; lower the minimum or raise the maximum by ${fmt(gap)}`
      );
    }
  }
  let lowerSum = 0;
  let upperSum = 0;
  for (let i = 0; i < n; i++) {
    lowerSum += lower[i];
    upperSum += Math.min(upper[i], 1);
  }
  if (lowerSum > 1 + SUM_TOLERANCE) {
    return fail(
      "lower bounds",
      lowerSum - 1,
      `lower bounds sum to ${fmt(lowerSum)} > 1: lower them by ${fmt(lowerSum - 1)} in total`
    );
  }
  if (upperSum < 1 - SUM_TOLERANCE) {
    return fail(
      "upper bounds",
      1 - upperSum,
      `upper bounds sum to ${fmt(upperSum)} < 1: raise them by ${fmt(1 - upperSum)} in total`
    );
  }

  const masked = (mask: Float64Array, values: Float64Array, inside: boolean) => {
    let sum = 0;
    for (let i = 0; i < n; i++) if ((mask[i] === 1) === inside) sum += Math.min(values[i], 1);
    return sum;
  };
  const names = groups.map((g, k) => g.name || `group ${k + 1}`);
  for (let k = 0; k < groups.length; k++) {
    const { min, max } = groups[k];
    const mask = groupMasks[k];
    const name = names[k];
    if (min !== undefined && max !== undefined && min > max + SUM_TOLERANCE) {
      return fail(
        `group ${name}`,
        min - max,
        `group ${name}: floor ${fmt(min)} > cap ${fmt(max)}; lower the floor or raise the cap by ${fmt(min - max)}`
      );
    }
    if (min !== undefined) {
      const reach = masked(mask, upper, true);
      if (min > reach + SUM_TOLERANCE) {
        return fail(
          `group ${name} floor`,
          min - reach,
          `group ${name} floor ${fmt(min)} exceeds what its members may hold (${fmt(reach)}): lower the floor or raise their maximum weights by ${fmt(min - reach)}`
        );
      }
      const outside = masked(mask, lower, false);
      if (min + outside > 1 + SUM_TOLERANCE) {
        return fail(
          `group ${name} floor`,
          min + outside - 1,
          `group ${name} floor ${fmt(min)} + the minimum weights outside it ${fmt(outside)} exceed 1: lower them by ${fmt(min + outside - 1)}`
        );
      }
    }
    if (max !== undefined) {
      const base = masked(mask, lower, true);
      if (base > max + SUM_TOLERANCE) {
        return fail(
          `group ${name} cap`,
          base - max,
          `group ${name} cap ${fmt(max)} is below its members' minimum weights (${fmt(base)}): raise the cap or lower the minima by ${fmt(base - max)}`
        );
      }
      const outside = masked(mask, upper, false);
      if (max + outside < 1 - SUM_TOLERANCE) {
        return fail(
          `group ${name} cap`,
          1 - max - outside,
          `group ${name} cap ${fmt(max)} + the maximum weights outside it ${fmt(outside)} leave ${fmt(1 - max - outside)} uninvested: raise the cap or the other maxima by ${fmt(1 - max - outside)}`
        );
      }
    }
  }
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      const ma = groupMasks[a];
      const mb = groupMasks[b];
      let overlapUpper = 0;
      let overlap = false;
      let outsideUpper = 0;
      for (let i = 0; i < n; i++) {
        if (ma[i] === 1 && mb[i] === 1) {
          overlap = true;
          overlapUpper += Math.min(upper[i], 1);
        }
        if (ma[i] === 0 && mb[i] === 0) outsideUpper += Math.min(upper[i], 1);
      }
      const fa = groups[a].min;
      const fb = groups[b].min;
      if (fa !== undefined && fb !== undefined) {
        // w(A ∪ B) = w(A) + w(B) − w(A ∩ B) ≤ 1 and w(A ∩ B) ≤ Σ_{A∩B} upper.
        const excess = fa + fb - overlapUpper - 1;
        if (excess > SUM_TOLERANCE) {
          const less = overlap ? ` (less their overlap's maximum ${fmt(overlapUpper)})` : "";
          return fail(
            `groups ${names[a]} and ${names[b]} floors`,
            excess,
            `group ${names[a]} floor ${fmt(fa)} + group ${names[b]} floor ${fmt(fb)}${less} exceed 1: lower them by ${fmt(excess)}`
          );
        }
      }
      const ca = groups[a].max;
      const cb = groups[b].max;
      // A floor on one group forces weight into the other: w(B) ≥ w(A) − Σ_{A∖B} upper.
      for (const [floorGroup, capGroup] of [
        [a, b],
        [b, a],
      ]) {
        const floor = groups[floorGroup].min;
        const cap = groups[capGroup].max;
        if (floor === undefined || cap === undefined) continue;
        let escape = 0;
        for (let i = 0; i < n; i++) {
          if (groupMasks[floorGroup][i] === 1 && groupMasks[capGroup][i] === 0) {
            escape += Math.min(upper[i], 1);
          }
        }
        const excess = floor - escape - cap;
        if (excess > SUM_TOLERANCE) {
          const less =
            escape > 0
              ? ` (less the maximum of its members outside ${names[capGroup]}, ${fmt(escape)})`
              : "";
          return fail(
            `groups ${names[floorGroup]} floor and ${names[capGroup]} cap`,
            excess,
            `group ${names[floorGroup]} floor ${fmt(floor)}${less} > group ${names[capGroup]} cap ${fmt(cap)}: lower the floor or raise the cap by ${fmt(excess)}`
          );
        }
      }
      if (ca !== undefined && cb !== undefined) {
        const missing = 1 - ca - cb - outsideUpper;
        if (missing > SUM_TOLERANCE) {
          return fail(
            `groups ${names[a]} and ${names[b]} caps`,
            missing,
            `group ${names[a]} cap ${fmt(ca)} + group ${names[b]} cap ${fmt(cb)} + the maximum weights outside both ${fmt(outsideUpper)} stay below 1: raise them by ${fmt(missing)}`
          );
        }
      }
    }
  }
  // Without groups the closed forms are exact; optimisers skip the QP (exact: false) because their
  // own QP proves infeasibility anyway, and ask again only to word the message.
  if (groups.length === 0 || options.exact === false) return { feasible: true };
  // Overlapping groups: the closed forms are necessary, not sufficient. The nearest point to 0 in
  // the set exists exactly when the set is non-empty, and the dual method proves emptiness.
  const identity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) identity[i * n + i] = 1;
  try {
    solveQuadraticProgram({
      D: identity,
      d: new Float64Array(n),
      Aeq: new Float64Array(n).fill(1),
      beq: [1],
      Aineq: rows.Aineq,
      bineq: rows.bineq,
      equalityNames: ["budget (weights sum to 1)"],
      inequalityNames: rows.names,
    });
  } catch (error) {
    if (isCoreError(error) && error.code === "INFEASIBLE") {
      return fail(
        "bounds and groups together",
        undefined,
        `the bounds and group constraints cannot all hold: ${error.message}`
      );
    }
    throw error;
  }
  return { feasible: true };
}
