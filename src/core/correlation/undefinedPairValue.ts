import { CoreError } from "../errors";
import type { UndefinedPairPolicy } from "./correlationMatrixOptions";

/** What a correlation loop knows when it meets an undefined pair. */
export interface UndefinedPairContext {
  readonly argument: string;
  readonly labels: readonly string[];
  readonly minOverlap: number;
  readonly policy: UndefinedPairPolicy;
}

/**
 * The value of a pair whose correlation is undefined: NaN under the "nan" policy, otherwise the
 * CoreError that names the asset(s) and the fix.
 *
 * Conventions: `i` is the asset at fault (the constant one for "zero"); `sameMask` says whether
 * the two assets share their availability, so the message speaks of the asset alone.
 * Complexity: O(1).
 *
 * @param context argument name, labels, minOverlap and policy
 * @param i 0-based column at fault
 * @param j 0-based other column (may equal i)
 * @param sameMask true when i and j are present on the same rows
 * @param reason "few" (fewer than minOverlap common rows) or "zero" (no variance over them)
 * @param n the number of common rows
 * @returns NaN (under the "nan" policy)
 * @throws CoreError TOO_FEW_POINTS (reason "few", policy "throw")
 * @throws CoreError ZERO_VARIANCE (reason "zero", policy "throw")
 * @example undefinedPairValue({ ...context, policy: "nan" }, 0, 1, false, "few", 2); // => NaN
 */
export function undefinedPairValue(
  context: UndefinedPairContext,
  i: number,
  j: number,
  sameMask: boolean,
  reason: "few" | "zero",
  n: number
): number {
  if (context.policy === "nan") return NaN;
  const { argument, labels, minOverlap } = context;
  const name = (k: number) => `column ${k + 1} (${labels[k]})`;
  if (reason === "zero") {
    const where = sameMask || i === j ? "" : ` over the ${n} rows it shares with ${name(j)}`;
    throw new CoreError(
      "ZERO_VARIANCE",
      `${argument}: ${name(i)} has zero variance${where}; remove it or use a longer window`,
      { argument, column: i, label: labels[i] }
    );
  }
  if (sameMask || i === j) {
    throw new CoreError(
      "TOO_FEW_POINTS",
      `${argument}: ${name(i)} has ${n} values; correlation needs at least ${minOverlap}; remove it or use a longer range`,
      { argument, column: i, label: labels[i] }
    );
  }
  throw new CoreError(
    "TOO_FEW_POINTS",
    `${argument}: ${name(i)} and ${name(j)} have ${n} rows in common; correlation needs at least ${minOverlap}; use a longer range or pass onUndefinedPair="nan"`,
    { argument, column: j, label: labels[j] }
  );
}
