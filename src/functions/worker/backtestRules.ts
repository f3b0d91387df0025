import { type AdaptiveClause, composeAdaptiveRule } from "../../core/adaptive/composeAdaptiveRule";
import { type AdaptiveRule, type BaseRule } from "../../core/adaptive/adaptiveRule";
import { SCHEME_RULES, type SchemeRuleName, schemeRule } from "../../core/adaptive/schemeRule";
import { trailingWindow } from "../../core/adaptive/trailingWindow";
import type { ReturnsPanel } from "../../core/types";

export type { AdaptiveClause } from "../../core/adaptive/composeAdaptiveRule";

/** The schemes BACKTEST re-estimates at each rebalance. */
export const BACKTEST_RULES = SCHEME_RULES;
export type BacktestRuleName = SchemeRuleName;

/**
 * BACKTEST's weight rule for a scheme: the core's schemeRule (weights from a trailing window of
 * returns, by the scheme on the assets that trade through the whole window; the others get 0).
 * The rule is a function: it cannot be posted to the worker, so the worker rebuilds it from the
 * scheme's name. Complexity per call: O(rows · cols²) for the covariance plus the scheme's cost.
 */
export function ruleFor(
  name: BacktestRuleName,
  estimator: string
): (window: ReturnsPanel) => Float64Array {
  return schemeRule(name, estimator);
}

/** BACKTEST's adaptive rule as plain data: the clauses, applied in order to the base. */
export interface AdaptiveSpec {
  readonly clauses: readonly AdaptiveClause[];
  /** Periods per year that annualise voltarget's estimate (BACKTEST's ppy). */
  readonly periodsPerYear: number;
  /** Rows of returns a re-estimated scheme sees (the base method, regime's "minvar"). */
  readonly estimationRows: number;
}

/** BACKTEST's base before adaptation: fixed weights, or a scheme on its own trailing window. */
export type BacktestBase =
  { readonly weights: ArrayLike<number> } | { readonly scheme: BacktestRuleName };

/**
 * The base rule an adaptive rule adjusts: the fixed weights, or the scheme re-estimated on its
 * last `estimationRows` rows (trailingWindow), so a long signal (a 200-day average) does not
 * lengthen the scheme's own estimation window.
 */
export function adaptiveBase(
  base: BacktestBase,
  estimationRows: number
): ArrayLike<number> | AdaptiveRule {
  return "scheme" in base
    ? trailingWindow(ruleFor(base.scheme, "sample"), estimationRows)
    : base.weights;
}

/**
 * The adaptive rule of a spec: the core's composeAdaptiveRule (each clause wraps the rule built
 * by the clauses before it; "trend 200; voltarget 0.6" targets the volatility of the
 * trend-filtered base). The core's option errors name BACKTEST's `adaptive` argument and the
 * clause as typed. Complexity: O(clauses) to build; per call, the core rules' costs.
 * @throws CoreError INVALID_ARGUMENT / NON_FINITE (a clause's option rejected by the core rule)
 */
export function adaptiveRuleFor(base: BaseRule, spec: AdaptiveSpec): AdaptiveRule {
  return composeAdaptiveRule(base, spec.clauses, {
    periodsPerYear: spec.periodsPerYear,
    estimationRows: spec.estimationRows,
    argument: "adaptive",
  });
}
