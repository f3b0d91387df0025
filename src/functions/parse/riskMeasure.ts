import { isBlankCell, describeCell } from "./cell";
import { type Parsed, invalid, ok } from "./result";

/** EFFFRONTIER's risk measures. */
export const RISK_MEASURES = ["variance", "cvar", "cdar", "semivariance", "resampled"] as const;
export type RiskMeasureName = (typeof RISK_MEASURES)[number];

/** A `riskMeasure` argument as read. */
export type RiskMeasure =
  | { readonly measure: "variance" }
  | { readonly measure: "cvar" | "cdar"; readonly alpha: number }
  | { readonly measure: "semivariance"; readonly threshold: number }
  | { readonly measure: "resampled"; readonly resamples: number };

/** Resamples of "resampled" when no count is typed (Michaud's usual 100 to 500; 100 keeps it quick). */
export const DEFAULT_RESAMPLES = 100;

const USAGE =
  '"variance" (default), "cvar" (or "cvar 0.95"), "cdar" (or "cdar 0.95"), "semivariance" (or "semivariance 0.0001") or "resampled" (or "resampled 200")';

/**
 * Parses EFFFRONTIER's `riskMeasure`: "variance" (blank), "cvar α" and "cdar α" (α strictly between
 * 0 and 1, default 0.95), "semivariance threshold" (a return per period, default 0) and
 * "resampled count" (whole number of bootstrap resamples from 2 to 10,000, default 100),
 * case-insensitive, the number after a space as in COVMATRIX's "gerber 0.7".
 *
 * @example parseRiskMeasure("CVaR 0.9"); // => {ok: true, data: {measure: "cvar", alpha: 0.9}}
 */
export function parseRiskMeasure(value: unknown): Parsed<RiskMeasure> {
  if (isBlankCell(value)) return ok({ measure: "variance" });
  if (typeof value !== "string") {
    return invalid(`riskMeasure must be ${USAGE}; got ${describeCell(value)}`);
  }
  const words = value.trim().toLowerCase().split(/\s+/);
  const number = words.length === 2 ? Number(words[1]) : undefined;
  if (words.length > 2 || (number !== undefined && !Number.isFinite(number))) {
    return invalid(`riskMeasure must be ${USAGE}; got "${value}"`);
  }
  switch (words[0]) {
    case "variance":
      if (number !== undefined) {
        return invalid(`riskMeasure "${value}": "variance" takes no number; write "variance"`);
      }
      return ok({ measure: "variance" });
    case "cvar":
    case "cdar": {
      const alpha = number ?? 0.95;
      if (!(alpha > 0 && alpha < 1)) {
        return invalid(
          `riskMeasure "${value}": the confidence level after "${words[0]}" must be strictly between 0 and 1, e.g. "${words[0]} 0.95" (the default)`
        );
      }
      return ok({ measure: words[0], alpha });
    }
    case "semivariance":
      return ok({ measure: "semivariance", threshold: number ?? 0 });
    case "resampled": {
      const resamples = number ?? DEFAULT_RESAMPLES;
      if (!Number.isInteger(resamples) || resamples < 2 || resamples > 10_000) {
        return invalid(
          `riskMeasure "${value}": the count after "resampled" must be a whole number of resamples from 2 to 10,000, e.g. "resampled 100" (the default)`
        );
      }
      return ok({ measure: "resampled", resamples });
    }
    default:
      return invalid(`riskMeasure must be ${USAGE}; got "${value}"`);
  }
}
