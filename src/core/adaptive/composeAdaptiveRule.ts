import { CoreError, isCoreError } from "../errors";
import type { ReturnsPanel } from "../types";
import { type AdaptiveRule, type BaseRule, adaptiveRule, minLookbackOf } from "./adaptiveRule";
import { momentumTilt } from "./momentumTilt";
import { regimeSwitch } from "./regimeSwitch";
import { schemeRule } from "./schemeRule";
import { trailingWindow } from "./trailingWindow";
import { trendFilter } from "./trendFilter";
import { volatilityTarget } from "./volatilityTarget";

/**
 * One adaptive clause as plain data (it crosses to the worker and lives in index definitions):
 * the words of BACKTEST's `adaptive` text read into the core rule's options. `text` is the clause
 * as typed, for messages. Options left undefined take the core rule's default.
 */
export type AdaptiveClause =
  | {
      readonly kind: "voltarget";
      readonly text: string;
      readonly target: number;
      readonly window?: number;
      readonly estimator?: "sample" | "ewma";
    }
  | {
      readonly kind: "trend";
      readonly text: string;
      readonly window?: number;
      readonly signal?: "sma" | "momentum";
      readonly freed?: "cash" | "holdings";
    }
  | {
      readonly kind: "regime";
      readonly text: string;
      readonly indicator: "volatility" | "correlation";
      readonly quantile?: number;
      readonly history?: number;
      readonly stressed: "cash" | "minvar";
    }
  | {
      readonly kind: "momentum";
      readonly text: string;
      readonly window?: number;
      readonly strength?: number;
      /** One tier label per asset; undefined: all assets form one tier. */
      readonly tiers?: readonly string[];
    };

/** Options of {@link composeAdaptiveRule}. */
export interface ComposeAdaptiveOptions {
  /** Periods per year that annualise voltarget's estimate. */
  readonly periodsPerYear: number;
  /** Rows of returns regime's "minvar" sees (trailingWindow of the minimum-variance scheme). */
  readonly estimationRows: number;
  /** The argument named in messages (default "adaptive", BACKTEST's). */
  readonly argument?: string;
}

/** The tier label of "all assets are one tier". */
const ONE_TIER = "all";

/**
 * The adaptive rule of a list of clauses: each clause wraps the rule built by the clauses before
 * it ("trend 200; voltarget 0.6" targets the volatility of the trend-filtered base), using the
 * core rules volatilityTarget, trendFilter, regimeSwitch (stressed: "cash" or the long-only
 * minimum-variance scheme on its last `estimationRows` rows) and momentumTilt (without tiers,
 * all assets rank as one tier). BACKTEST and the adaptive index definitions both build their rule
 * here, so a cell and an index with the same clauses compute the same weights.
 * Conventions: the core's option errors are re-thrown naming `argument` and the clause as typed.
 * Complexity: O(clauses) to build; per call, the core rules' costs.
 *
 * @param base fixed weights, a weight rule or "cash"
 * @param clauses the clauses, applied in order
 * @param options periodsPerYear, estimationRows, argument
 * @returns the composed rule (the base itself, typed as a rule, when there are no clauses)
 * @throws CoreError INVALID_ARGUMENT / NON_FINITE (a clause's option rejected by the core rule)
 * @example composeAdaptiveRule("cash", [], { periodsPerYear: 365, estimationRows: 90 });
 */
export function composeAdaptiveRule(
  base: BaseRule,
  clauses: readonly AdaptiveClause[],
  options: ComposeAdaptiveOptions
): AdaptiveRule {
  const argument = options.argument ?? "adaptive";
  let rule: BaseRule = base;
  for (const clause of clauses) {
    try {
      rule = buildClause(rule, clause, options);
    } catch (error) {
      if (!isCoreError(error)) throw error;
      throw new CoreError(error.code, `${argument}: "${clause.text}": ${error.message}`, {
        argument,
      });
    }
  }
  return rule as AdaptiveRule;
}

function buildClause(
  rule: BaseRule,
  clause: AdaptiveClause,
  options: ComposeAdaptiveOptions
): AdaptiveRule {
  switch (clause.kind) {
    case "voltarget":
      return volatilityTarget(rule, {
        target: clause.target,
        window: clause.window,
        estimator: clause.estimator,
        periodsPerYear: options.periodsPerYear,
      });
    case "trend":
      return trendFilter(rule, {
        window: clause.window,
        signal: clause.signal,
        freed: clause.freed,
      });
    case "momentum": {
      const tilt = { window: clause.window, strength: clause.strength };
      if (clause.tiers !== undefined) return momentumTilt(rule, { ...tilt, tiers: clause.tiers });
      // One tier: its size is the window's column count, known only at a call; building once
      // with no tiers checks window and strength now, before any work.
      const checked = momentumTilt(rule, { ...tilt, tiers: [] });
      return adaptiveRule(
        (window: ReturnsPanel, asOfRow: number) =>
          momentumTilt(rule, { ...tilt, tiers: new Array(window.cols).fill(ONE_TIER) })(
            window,
            asOfRow
          ),
        Math.max(checked.minLookback, minLookbackOf(rule))
      );
    }
    default:
      return regimeSwitch(
        rule,
        clause.stressed === "minvar"
          ? trailingWindow(schemeRule("minvar", "sample"), options.estimationRows)
          : "cash",
        { indicator: clause.indicator, quantile: clause.quantile, history: clause.history }
      );
  }
}
