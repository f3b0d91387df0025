import { hierarchicalRiskParity } from "../../core/allocation/hierarchicalRiskParity";
import { inverseVolatilityWeights } from "../../core/allocation/inverseVolatilityWeights";
import { riskBudgetingWeights } from "../../core/allocation/riskBudgetingWeights";
import { covarianceMatrix } from "../../core/covariance/covarianceMatrix";
import { maximumDiversification } from "../../core/optimize/maximumDiversification";
import { minimumVarianceConstrained } from "../../core/optimize/minimumVarianceConstrained";
import { type AdaptiveRule, type BaseRule } from "../../core/adaptive/adaptiveRule";
import { regimeSwitch } from "../../core/adaptive/regimeSwitch";
import { trailingWindow } from "../../core/adaptive/trailingWindow";
import { trendFilter } from "../../core/adaptive/trendFilter";
import { volatilityTarget } from "../../core/adaptive/volatilityTarget";
import { CoreError, isCoreError } from "../../core/errors";
import type { ReturnsPanel, SquareMatrix } from "../../core/types";

/** The schemes BACKTEST re-estimates at each rebalance. */
export const BACKTEST_RULES = ["erc", "invvol", "hrp", "minvar", "maxdiv", "equal"] as const;
export type BacktestRuleName = (typeof BACKTEST_RULES)[number];

/**
 * BACKTEST's weight rule for a scheme: weights from a trailing window of returns, by the scheme on
 * the assets that trade through the whole window (covariance by `estimator`, unannualised); assets
 * not listed throughout get 0. It lives here, with the core imports only, because the rule is a
 * function: it cannot be posted to the worker, so the worker rebuilds it from the scheme's name.
 * Complexity per call: O(rows · cols²) for the covariance plus the scheme's O(cols²)–O(cols³).
 */
export function ruleFor(
  name: BacktestRuleName,
  estimator: string
): (window: ReturnsPanel) => Float64Array {
  return (window) => {
    const { rows, cols, data, labels } = window;
    const live: number[] = [];
    for (let j = 0; j < cols; j++) {
      let complete = true;
      for (let t = 0; t < rows && complete; t++) complete = !Number.isNaN(data[j * rows + t]);
      if (complete) live.push(j);
    }
    const weights = new Float64Array(cols);
    if (live.length === 0) return weights;
    if (live.length === 1 || name === "equal") {
      for (const j of live) weights[j] = 1 / live.length;
      return weights;
    }
    const sub = new Float64Array(rows * live.length);
    live.forEach((j, k) => sub.set(data.subarray(j * rows, (j + 1) * rows), k * rows));
    const panel: ReturnsPanel = {
      kind: "returns",
      rows,
      cols: live.length,
      data: sub,
      labels: live.map((j) => labels[j]),
    };
    const cov: SquareMatrix = covarianceMatrix(panel, { estimator, periodsPerYear: 1 }).matrix;
    const chosen =
      name === "invvol"
        ? inverseVolatilityWeights(cov)
        : name === "hrp"
          ? hierarchicalRiskParity(cov).weights
          : name === "minvar"
            ? minimumVarianceConstrained(cov).weights
            : name === "maxdiv"
              ? maximumDiversification(cov).weights
              : riskBudgetingWeights(cov);
    live.forEach((j, k) => (weights[j] = chosen[k]));
    return weights;
  };
}

/**
 * One clause of BACKTEST's `adaptive` argument, as plain data (it crosses to the worker): the
 * words the user typed, read into the core rule's options. `text` is the clause as typed, for
 * messages. Options left undefined take the core rule's default.
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
    };

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
 * The adaptive rule of a spec: each clause wraps the rule built by the clauses before it
 * ("trend 200; voltarget 0.6" targets the volatility of the trend-filtered base). The core's
 * option errors are re-thrown naming BACKTEST's `adaptive` argument and the clause as typed.
 * Complexity: O(clauses) to build; per call, the core rules' costs.
 * @throws CoreError INVALID_ARGUMENT / NON_FINITE (a clause's option rejected by the core rule)
 */
export function adaptiveRuleFor(base: BaseRule, spec: AdaptiveSpec): AdaptiveRule {
  let rule: BaseRule = base;
  for (const clause of spec.clauses) {
    try {
      rule = buildClause(rule, clause, spec);
    } catch (error) {
      if (!isCoreError(error)) throw error;
      throw new CoreError(error.code, `adaptive: "${clause.text}": ${error.message}`, {
        argument: "adaptive",
      });
    }
  }
  return rule as AdaptiveRule;
}

function buildClause(rule: BaseRule, clause: AdaptiveClause, spec: AdaptiveSpec): AdaptiveRule {
  switch (clause.kind) {
    case "voltarget":
      return volatilityTarget(rule, {
        target: clause.target,
        window: clause.window,
        estimator: clause.estimator,
        periodsPerYear: spec.periodsPerYear,
      });
    case "trend":
      return trendFilter(rule, {
        window: clause.window,
        signal: clause.signal,
        freed: clause.freed,
      });
    default:
      return regimeSwitch(
        rule,
        clause.stressed === "minvar"
          ? trailingWindow(ruleFor("minvar", "sample"), spec.estimationRows)
          : "cash",
        { indicator: clause.indicator, quantile: clause.quantile, history: clause.history }
      );
  }
}
