import { CoreError, isCoreError } from "../errors";
import { portfolioConstraintRows } from "./portfolioConstraintRows";
import type { ConstrainedPortfolio, PortfolioConstraints } from "./types";

/** Enumerate every support when there are at most this many subsets of the free assets. */
export const EXACT_SUBSET_LIMIT = 500;
/** Rounds of "keep the K largest, re-solve" before the heuristic stops. */
const HEURISTIC_ROUNDS = 10;

/** What {@link cardinalityLimitedPortfolio} returns: the portfolio and how it was found. */
export interface CardinalityPortfolio extends ConstrainedPortfolio {
  /** "exact": every support of size K was solved; "heuristic": keep the K largest and re-solve. */
  readonly method: "exact" | "heuristic";
}

/**
 * A portfolio with at most K weights above zero (cardinality), for an optimiser without integer
 * variables (minimum variance, maximum Sharpe, maximum diversification by Goldfarb–Idnani QP).
 *
 * Method: the assets with a positive lower bound must be held (F of them; K < F is refused). When
 * the number of supports C(n − F, K − F) is at most 500, every support is solved (the other assets'
 * caps set to 0) and the best kept: exact, since a support of size K also covers the smaller ones
 * (a held weight may be 0). Otherwise a stated heuristic, as in Chang, Meade, Beasley & Sharaiha
 * (2000), "Heuristics for cardinality constrained portfolio optimisation", Comput. Oper. Res. 27:
 * solve without the limit, keep the floored assets and the largest weights up to K, re-solve on
 * them, and repeat until the support is stable (at most 10 rounds). It guarantees a feasible
 * portfolio with at most K holdings whose objective is no better than the unlimited one, not the
 * best such portfolio. (HiGHS solves MIP but not MIQP, so a variance objective has no exact
 * integer route here.)
 * Conventions: `score` ranks candidates, lower is better (variance for minvar, −ratio otherwise);
 * a support whose problem is infeasible (e.g. its caps cannot reach 1) is skipped.
 * Complexity: up to 500 solves (exact) or up to 11 solves (heuristic), each the optimiser's cost.
 *
 * @param n number of assets
 * @param maxHoldings K, a whole number ≥ 1
 * @param constraints bounds and groups of the optimiser
 * @param labels asset labels for messages
 * @param solve the optimiser under given constraints
 * @param score lower is better
 * @returns the best portfolio found with at most K positive weights, and the method used
 * @throws CoreError INVALID_ARGUMENT (K not a whole number ≥ 1); INFEASIBLE (K below the assets
 *   with floors, saying how many; or no support of size K meets the constraints)
 * @example cardinalityLimitedPortfolio(3, 2, {}, labels, (c) => minimumVarianceConstrained(cov, c), (p) => p.volatility).method; // => "exact"
 */
export function cardinalityLimitedPortfolio(
  n: number,
  maxHoldings: number,
  constraints: PortfolioConstraints,
  labels: readonly string[],
  solve: (constraints: PortfolioConstraints) => ConstrainedPortfolio,
  score: (portfolio: ConstrainedPortfolio) => number
): CardinalityPortfolio {
  const K = maxHoldings;
  if (!Number.isInteger(K) || K < 1) {
    throw new CoreError("INVALID_ARGUMENT", `holdings must be a whole number ≥ 1; got ${K}`, {
      argument: "limits",
    });
  }
  const rows = portfolioConstraintRows(constraints, n, labels);
  const floored: number[] = [];
  const free: number[] = [];
  for (let i = 0; i < n; i++) (rows.lower[i] > 0 ? floored : free).push(i);
  if (K < floored.length) {
    throw new CoreError(
      "INFEASIBLE",
      `holdings ${K} is below the ${floored.length} assets with a positive minWeight (${floored.map((i) => labels[i]).join(", ")}), which must all be held; raise holdings to ${floored.length} or set those minimum weights to 0`,
      { argument: "limits" }
    );
  }
  const unlimited = solve(constraints);
  if (countHeld(unlimited.weights) <= K) return { ...unlimited, method: "exact" };
  const upper = rows.upper;
  const restricted = (support: readonly number[]): PortfolioConstraints => {
    const caps = new Float64Array(n);
    for (const i of support) caps[i] = upper[i];
    return { ...constraints, upper: caps };
  };
  const attempt = (support: readonly number[]): ConstrainedPortfolio | undefined => {
    try {
      return solve(restricted(support));
    } catch (error) {
      if (isCoreError(error) && error.code === "INFEASIBLE") return undefined;
      throw error;
    }
  };
  const slots = K - floored.length;
  if (binomial(free.length, slots) <= EXACT_SUBSET_LIMIT) {
    let best: ConstrainedPortfolio | undefined;
    for (const chosen of combinations(free, slots)) {
      const candidate = attempt([...floored, ...chosen]);
      if (candidate !== undefined && (best === undefined || score(candidate) < score(best))) {
        best = candidate;
      }
    }
    if (best === undefined) throw noSupport(K);
    return { ...best, binding: [...best.binding, `holdings ≤ ${K}`], method: "exact" };
  }
  let current = unlimited;
  let support: number[] = [];
  for (let round = 0; round < HEURISTIC_ROUNDS; round++) {
    const ranked = free.slice().sort((a, b) => current.weights[b] - current.weights[a]);
    const next = [...floored, ...ranked.slice(0, slots)].sort((a, b) => a - b);
    if (next.join() === support.join()) break;
    support = next;
    const candidate = attempt(support);
    if (candidate === undefined) break;
    current = candidate;
  }
  if (countHeld(current.weights) > K) throw noSupport(K);
  return { ...current, binding: [...current.binding, `holdings ≤ ${K}`], method: "heuristic" };
}

function noSupport(K: number): CoreError {
  return new CoreError(
    "INFEASIBLE",
    `no set of ${K} holdings meets the bounds and group constraints (their maximum weights cannot add up to 1, or a group floor needs more members); raise holdings or maxWeight`,
    { argument: "limits" }
  );
}

function countHeld(w: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < w.length; i++) if (w[i] > 0) k++;
  return k;
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) {
    c = (c * (n - Math.min(k, n - k) + i)) / i;
    if (c > 1e9) return c;
  }
  return Math.round(c);
}

function* combinations(items: readonly number[], k: number): Generator<number[]> {
  const pick: number[] = [];
  function* walk(start: number): Generator<number[]> {
    if (pick.length === k) {
      yield pick.slice();
      return;
    }
    for (let i = start; i <= items.length - (k - pick.length); i++) {
      pick.push(items[i]);
      yield* walk(i + 1);
      pick.pop();
    }
  }
  yield* walk(0);
}
