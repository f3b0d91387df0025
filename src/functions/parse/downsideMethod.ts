import { isBlankCell } from "./cell";
import { listChoices, parseChoice } from "./options";
import { type Parsed, invalid, ok } from "./result";

/** RISKWEIGHTS' downside-risk methods: linear programs (and a QP) over the historical scenarios. */
export const DOWNSIDE_METHODS = [
  "mincvar",
  "meancvar",
  "mincdar",
  "meancdar",
  "minmaxdd",
  "minsemivar",
  "maxsortino",
] as const;
export type DownsideMethod = (typeof DOWNSIDE_METHODS)[number];

/** The confidence-level methods (a level α in (0, 1) after the word, default 0.95). */
const ALPHA_METHODS: readonly string[] = ["mincvar", "meancvar", "mincdar", "meancdar"];
/** The threshold methods (a return per period after the word, default 0). */
const THRESHOLD_METHODS: readonly string[] = ["minsemivar", "maxsortino"];

/** A method argument as read: the word, and the number typed after it (α or threshold). */
export interface MethodChoice<M extends string> {
  readonly method: M;
  /** α of "mincvar 0.9" (default 0.95 for the α methods). */
  readonly alpha?: number;
  /** Threshold per period of "minsemivar 0.0001" (default 0). */
  readonly threshold?: number;
}

/** Whether a method word is one of the downside methods. */
export function isDownsideMethod(method: string): method is DownsideMethod {
  return (DOWNSIDE_METHODS as readonly string[]).includes(method);
}

/**
 * Parses a `method` argument against `choices` (case-insensitive, blank = `fallback`), where the
 * CVaR and CDaR methods take an optional confidence level after a space ("mincvar 0.9", default
 * 0.95, strictly between 0 and 1) and the semivariance methods a threshold return per period
 * ("minsemivar 0.0001", default 0), as COVMATRIX's "gerber 0.7" (parseEstimator). Any other method
 * followed by a number is refused, naming the methods that take one.
 *
 * @example parseMethodWithLevel("MinCVaR 0.9", ["erc", "mincvar"], "erc"); // => {ok: true, data: {method: "mincvar", alpha: 0.9}}
 */
export function parseMethodWithLevel<M extends string>(
  value: unknown,
  choices: readonly M[],
  fallback: M
): Parsed<MethodChoice<M>> {
  const words = typeof value === "string" && !isBlankCell(value) ? value.trim().split(/\s+/) : [];
  if (words.length <= 1) {
    const plain = parseChoice(value, "method", choices, fallback);
    if (!plain.ok) return plain;
    if (ALPHA_METHODS.includes(plain.data)) return ok({ method: plain.data, alpha: 0.95 });
    if (THRESHOLD_METHODS.includes(plain.data)) return ok({ method: plain.data, threshold: 0 });
    return ok({ method: plain.data });
  }
  const word = words[0].toLowerCase();
  const method = choices.find((choice) => choice === word);
  const number = words.length === 2 ? Number(words[1]) : NaN;
  const takesAlpha = method !== undefined && ALPHA_METHODS.includes(method);
  const takesThreshold = method !== undefined && THRESHOLD_METHODS.includes(method);
  if (method === undefined) {
    return invalid(`method must be ${listChoices(choices)}; got "${value as string}"`);
  }
  if (!takesAlpha && !takesThreshold) {
    const levelled = choices.filter(
      (choice) => ALPHA_METHODS.includes(choice) || THRESHOLD_METHODS.includes(choice)
    );
    return invalid(
      `method "${value as string}": "${method}" takes no number; only ${listChoices(levelled)} are followed by one (e.g. "mincvar 0.95")`
    );
  }
  if (!Number.isFinite(number)) {
    const example = takesAlpha ? `${method} 0.95` : `${method} 0`;
    return invalid(
      `method "${value as string}": write "${method}" or "${method}" followed by one number, e.g. "${example}"`
    );
  }
  if (takesAlpha) {
    if (!(number > 0 && number < 1)) {
      return invalid(
        `method "${value as string}": the confidence level after "${method}" must be strictly between 0 and 1, e.g. "${method} 0.95" (the default)`
      );
    }
    return ok({ method, alpha: number });
  }
  return ok({ method, threshold: number });
}
