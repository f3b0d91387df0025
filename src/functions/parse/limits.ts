import type { PortfolioConstraints, PortfolioLimits } from "../../core/optimize/types";
import { isBlankCell, isOmitted } from "./cell";
import { type Parsed, invalid, ok } from "./result";
import { parseVector, toGrid } from "./vector";

/** The clauses of RISKWEIGHTS' `limits` text, as typed (before they are checked against the data). */
export interface LimitClauses {
  readonly maxHoldings?: number;
  readonly maxTurnover?: number;
  readonly costRate?: number;
  readonly maxTrackingError?: number;
  readonly minEffectiveHoldings?: number;
}

export const LIMITS_USAGE =
  'write clauses separated by ";": "holdings <K>", "turnover <fraction>", "cost <rate per unit traded>", "te <annual tracking error>", "effn <effective holdings>", e.g. "holdings 10; turnover 0.2"';

const WORDS = {
  holdings: "maxHoldings",
  turnover: "maxTurnover",
  cost: "costRate",
  te: "maxTrackingError",
  effn: "minEffectiveHoldings",
} as const;
type Word = keyof typeof WORDS;

const NUMBER_WORD = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i;

/**
 * Parses RISKWEIGHTS' `limits` argument, in BACKTEST `adaptive`'s style: lower-case words (matched
 * case-insensitively), ";" between clauses, one number per clause, "20%" read as 0.2; a text or a
 * range of texts. Blank (or 0, Excel desktop's empty cell): no limits.
 * Each value is range-checked here (holdings a whole number ≥ 1, turnover and te > 0, cost ≥ 0,
 * effn ≥ 1); the checks that need the data are {@link readLimits}'.
 *
 * @example parseLimitsText("holdings 10; turnover 20%"); // => ok({ maxHoldings: 10, maxTurnover: 0.2 })
 */
export function parseLimitsText(value: unknown): Parsed<LimitClauses | undefined> {
  if (isOmitted(value)) return ok(undefined);
  const texts: string[] = [];
  for (const row of toGrid(value)) {
    for (const cell of row) {
      if (isBlankCell(cell as never) || cell === 0) continue;
      if (typeof cell !== "string") {
        return invalid(`limits must be text; got ${String(cell)}; ${LIMITS_USAGE}`);
      }
      texts.push(...cell.split(";"));
    }
  }
  const out: Record<string, number> = {};
  for (const raw of texts) {
    const text = raw.trim().replace(/\s+/g, " ");
    if (text === "") continue;
    const [keyword, ...rest] = text.toLowerCase().split(" ");
    if (!(keyword in WORDS)) {
      return invalid(`limits: "${keyword}" is not a limit; ${LIMITS_USAGE}`);
    }
    const word = keyword as Word;
    if (rest.length !== 1 || !NUMBER_WORD.test(rest[0])) {
      return invalid(`limits: "${text}": give one number after ${word}; ${LIMITS_USAGE}`);
    }
    const token = rest[0];
    const number = token.endsWith("%") ? Number(token.slice(0, -1)) / 100 : Number(token);
    const key = WORDS[word];
    if (key in out) return invalid(`limits: ${word} is given twice; keep one "${word}" clause`);
    const problem = rangeProblem(word, number);
    if (problem !== undefined) return invalid(`limits: "${text}": ${problem}`);
    out[key] = number;
  }
  return ok(Object.keys(out).length === 0 ? undefined : (out as LimitClauses));
}

function rangeProblem(word: Word, x: number): string | undefined {
  switch (word) {
    case "holdings":
      return Number.isInteger(x) && x >= 1
        ? undefined
        : "holdings must be a whole number of assets ≥ 1, e.g. holdings 10";
    case "turnover":
      return x > 0 && x <= 2
        ? undefined
        : "turnover must be a fraction of the portfolio above 0 and at most 2 (Σ|w − current| ≤ 2 always), e.g. turnover 0.2";
    case "cost":
      return x >= 0 && x < 1
        ? undefined
        : "cost must be a rate per unit traded from 0 to below 1, e.g. cost 0.001 for 10 bps";
    case "te":
      return x > 0 && x < 10
        ? undefined
        : "te must be an annual tracking error above 0, e.g. te 0.05 for 5 %";
    default:
      return x >= 1 ? undefined : "effn must be at least 1 (one asset), e.g. effn 5";
  }
}

/**
 * Reads a weights argument (`currentWeights`, `benchmarkWeights`): a row or column of weights in
 * the assets' order, or a two-column (or two-row) name/weight table matched to the price header's
 * labels (case-insensitive). Blank: undefined. Weights must be ≥ 0, sum to at most 1 (the rest is
 * cash), and cover every asset once; an unknown name, a missing asset or a repeated one is refused.
 */
export function parseWeightsArgument(
  range: unknown,
  argument: string,
  labels: readonly string[]
): Parsed<Float64Array | undefined> {
  if (isOmitted(range)) return ok(undefined);
  const parsed = parseVector(range, argument, { nonNegative: true, blanks: "zero" });
  if (!parsed.ok) return parsed;
  const { values, labels: names } = parsed.data;
  const n = labels.length;
  let weights: Float64Array;
  if (names === undefined) {
    if (values.length !== n) {
      return invalid(
        `${argument} has ${values.length} weights for ${n} assets; give one per asset in the prices' column order, or a two-column table of names and weights`
      );
    }
    weights = Float64Array.from(values);
  } else {
    const index = new Map(labels.map((label, i) => [label.trim().toLowerCase(), i]));
    weights = new Float64Array(n);
    const seen = new Uint8Array(n);
    for (let k = 0; k < names.length; k++) {
      const i = index.get(names[k].toLowerCase());
      if (i === undefined) {
        return invalid(
          `${argument}: "${names[k]}" is not one of the assets (${labels.join(", ")}); fix the name or remove its row`
        );
      }
      if (seen[i])
        return invalid(`${argument}: "${names[k]}" appears twice; keep one row per asset`);
      seen[i] = 1;
      weights[i] = values[k];
    }
    const missing = labels.filter((_, i) => !seen[i]);
    if (missing.length > 0) {
      return invalid(
        `${argument} has no weight for ${missing.join(", ")}; add a row for each asset (0 if not held)`
      );
    }
  }
  let total = 0;
  for (const w of weights) total += w;
  if (total > 1 + 1e-9) {
    return invalid(
      `${argument} sum to ${Number(total.toPrecision(6))} > 1; give fractions of the portfolio (e.g. 0.25, not 25), summing to at most 1`
    );
  }
  return ok(weights);
}

/**
 * RISKWEIGHTS' limits read and checked against the data: the `limits` clauses, the weights
 * arguments they need, and the closed-form clashes with the bounds (the optimisers report any
 * other infeasibility with the constraint that binds).
 * Refused: turnover or cost without currentWeights; te without benchmarkWeights; a weights argument
 * given with no clause that uses it (never ignored); holdings below the assets with a positive
 * minWeight (saying how many); effn above the number of assets, or above what the bounds allow
 * (the most even box-feasible portfolio, w_i = clip(c, min_i, max_i), gives the bound).
 */
export function readLimits(
  limits: unknown,
  currentWeights: unknown,
  benchmarkWeights: unknown,
  labels: readonly string[],
  constraints: PortfolioConstraints
): Parsed<PortfolioLimits | undefined> {
  const clauses = parseLimitsText(limits);
  if (!clauses.ok) return clauses;
  const current = parseWeightsArgument(currentWeights, "currentWeights", labels);
  if (!current.ok) return current;
  const benchmark = parseWeightsArgument(benchmarkWeights, "benchmarkWeights", labels);
  if (!benchmark.ok) return benchmark;
  const c = clauses.data ?? {};
  const n = labels.length;
  const trades = c.maxTurnover !== undefined || c.costRate !== undefined;
  if (trades && current.data === undefined) {
    return invalid(
      `limits: ${c.maxTurnover !== undefined ? "turnover" : "cost"} needs currentWeights (the weights you hold now, one per asset or a name/weight table); give them or remove the clause`
    );
  }
  if (!trades && current.data !== undefined) {
    return invalid(
      'currentWeights is given but limits has no "turnover" or "cost" clause that uses it; add one (e.g. "turnover 0.2") or leave currentWeights empty'
    );
  }
  if (c.maxTrackingError !== undefined && benchmark.data === undefined) {
    return invalid(
      "limits: te needs benchmarkWeights (the index weights to track, one per asset or a name/weight table); give them or remove the clause"
    );
  }
  if (c.maxTrackingError === undefined && benchmark.data !== undefined) {
    return invalid(
      'benchmarkWeights is given but limits has no "te" clause that uses it; add one (e.g. "te 0.05") or leave benchmarkWeights empty'
    );
  }
  const lower = boundArray(constraints.lower, 0, n);
  const upper = boundArray(constraints.upper, 1, n);
  if (c.maxHoldings !== undefined) {
    const floored = labels.filter((_, i) => lower[i] > 0);
    if (c.maxHoldings < floored.length) {
      return invalid(
        `limits: holdings ${c.maxHoldings} is below the ${floored.length} assets with a positive minWeight (${floored.join(", ")}), which must all be held; raise holdings to at least ${floored.length} or lower those minimum weights to 0`
      );
    }
  }
  if (c.minEffectiveHoldings !== undefined) {
    const N = c.minEffectiveHoldings;
    if (N > n) {
      return invalid(
        `limits: effn ${N} is above the number of assets (${n}); 1/Σw² is at most ${n} (equal weights), so use effn ${n} or less`
      );
    }
    if (c.maxHoldings !== undefined && N > c.maxHoldings) {
      return invalid(
        `limits: effn ${N} needs at least ${Math.ceil(N)} holdings (1/Σw² ≤ the number held), but holdings is ${c.maxHoldings}; raise holdings or lower effn`
      );
    }
    const most = mostEvenEffectiveN(lower, upper);
    if (most !== undefined && N > most * (1 + 1e-9)) {
      return invalid(
        `limits: effn ${N} is incompatible with minWeight/maxWeight: the most even portfolio they allow has 1/Σw² = ${Number(most.toPrecision(6))}; lower effn to ${Number((Math.floor(most * 1e4) / 1e4).toPrecision(6))} or relax the bounds`
      );
    }
  }
  if (Object.keys(c).length === 0) return ok(undefined);
  return ok({
    ...c,
    ...(current.data !== undefined ? { current: current.data } : {}),
    ...(benchmark.data !== undefined ? { benchmark: benchmark.data } : {}),
  });
}

function boundArray(bound: number | ArrayLike<number> | undefined, fallback: number, n: number) {
  if (bound === undefined) return new Float64Array(n).fill(fallback);
  if (typeof bound === "number") return new Float64Array(n).fill(bound);
  return Float64Array.from(bound);
}

/**
 * max 1/Σw² over Σw = 1, lower ≤ w ≤ upper: the water-filling w_i = clip(c, lower_i, upper_i) with c
 * found by bisection (Σ clip is non-decreasing in c). Undefined when the bounds admit no portfolio
 * (the optimiser reports that with its own message).
 */
function mostEvenEffectiveN(lower: Float64Array, upper: Float64Array): number | undefined {
  const n = lower.length;
  const total = (c: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.min(Math.max(c, lower[i]), Math.min(upper[i], 1));
    return s;
  };
  if (total(0) > 1 + 1e-12 || total(1) < 1 - 1e-12) return undefined;
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 100; k++) {
    const mid = 0.5 * (lo + hi);
    if (total(mid) < 1) lo = mid;
    else hi = mid;
  }
  let h = 0;
  for (let i = 0; i < n; i++) {
    const w = Math.min(Math.max(hi, lower[i]), Math.min(upper[i], 1));
    h += w * w;
  }
  return 1 / h;
}
