import { CoreError } from "../errors";
import type { ReturnsPanel } from "../types";
import {
  type AdaptiveRule,
  type BaseRule,
  adaptiveRule,
  baseWeights,
  checkBaseRule,
  checkedNumber,
  checkedWholeNumber,
  hasTrailingReturns,
  minLookbackOf,
  requireRows,
} from "./adaptiveRule";

/** Options of {@link momentumTilt}. */
export interface MomentumTiltOptions {
  /** One tier label per asset (e.g. "large", "mid", "small"); required. Ranks compare within a tier. */
  readonly tiers: readonly string[];
  /** n: days of the trailing return that is ranked (default 90). */
  readonly window?: number;
  /** s in [0, 1]: the best in a tier gets factor 1 + s, the worst 1 − s (default 0.5). */
  readonly strength?: number;
}

const DEFAULT_WINDOW = 90;
const DEFAULT_STRENGTH = 0.5;

/**
 * Momentum tilt: within each tier, over-weight the tokens with the higher trailing return and
 * under-weight the others, keeping each tier's total weight.
 *
 * Formula: R_i = Π_{u=t−n+1}^{t} (1 + r_{i,u}) − 1. In a tier with k ≥ 2 ranked tokens, ρ_i is
 * R_i's ascending rank 1 … k (ties get their average rank) and the factor is
 * f_i = 1 + s·(2(ρ_i − 1)/(k − 1) − 1), linear from 1 − s (worst) to 1 + s (best); then
 * w_i = b_i f_i · Σ_{j∈tier} b_j / Σ_{j∈tier} b_j f_j, so every tier keeps its base total.
 * Reference: Jegadeesh & Titman (1993), "Returns to Buying Winners and Selling Losers:
 * Implications for Stock Market Efficiency", Journal of Finance 48(1) (cross-sectional ranking by
 * past return); here a tilt of long-only base weights rather than a long-short portfolio, and
 * without their skip period.
 * Conventions: only tokens with a base weight above 0 and a return on each of the n rows are
 * ranked; the others keep f = 1 (a token listed too recently is neither rewarded nor punished).
 * A tier with fewer than two ranked tokens is unchanged; with s = 1 its worst token gets 0. Run the
 * backtest with `signalLag: 1` so a day-t ranking trades at day t+1.
 * Complexity: O(n · assets + assets log assets) per call, plus the base rule's cost.
 *
 * @param base the weights to tilt: fixed weights, a weight rule, or another adaptive rule
 * @param options tiers (required), window, strength
 * @returns a rule for `backtest`; its minLookback is n, or the base's if more
 * @throws CoreError INVALID_ARGUMENT (tiers not a list of labels; window not a whole number ≥ 1; strength outside [0, 1]; bad base weights)
 * @throws CoreError LENGTH_MISMATCH (at a call: not one tier per asset)
 * @throws CoreError TOO_FEW_POINTS (at a call: a window shorter than n rows)
 * @example momentumTilt([0.2, 0.2, 0.1, 0.5], { tiers: ["L", "L", "L", "S"], window: 2 })(window, t);
 *   // returns over 2 days +10 %, −5 %, +20 %, any → f = 1, .5, 1.5, 1 → [.2222, .1111, .1667, .5]
 */
export function momentumTilt(base: BaseRule, options: MomentumTiltOptions): AdaptiveRule {
  checkBaseRule(base, "base");
  const tiers = options?.tiers;
  if (!Array.isArray(tiers) || tiers.some((label) => typeof label !== "string")) {
    throw new CoreError(
      "INVALID_ARGUMENT",
      'tiers must be a list of tier labels, one per asset, e.g. ["large", "large", "mid"]',
      { argument: "tiers" }
    );
  }
  const n = checkedWholeNumber(options.window ?? DEFAULT_WINDOW, "window", 1, "days");
  const strength = checkedNumber(
    options.strength ?? DEFAULT_STRENGTH,
    "strength",
    0,
    1,
    "from 0 (no tilt) to 1 (the worst in a tier gets 0), e.g. 0.5"
  );
  const groups = new Map<string, number[]>();
  tiers.forEach((label, j) => {
    const members = groups.get(label);
    if (members === undefined) groups.set(label, [j]);
    else members.push(j);
  });

  const rule = (window: ReturnsPanel, asOfRow: number): Float64Array => {
    requireRows(window, n, `a ${n}-day momentum ranking`, "window");
    if (tiers.length !== window.cols) {
      throw new CoreError(
        "LENGTH_MISMATCH",
        `tiers has ${tiers.length} labels but prices has ${window.cols} assets; give one tier per asset`,
        { argument: "tiers" }
      );
    }
    const b = baseWeights(base, window, asOfRow, "base");
    const { rows, data } = window;
    for (const members of groups.values()) {
      const ranked: { j: number; growth: number }[] = [];
      for (const j of members) {
        if (b[j] === 0 || !hasTrailingReturns(window, j, n)) continue;
        let growth = 1;
        for (let k = rows - n; k < rows; k++) growth *= 1 + data[j * rows + k];
        ranked.push({ j, growth });
      }
      const k = ranked.length;
      if (k < 2) continue;
      ranked.sort((x, y) => x.growth - y.growth);
      let before = 0;
      for (const j of members) before += b[j];
      let after = 0;
      for (let lo = 0; lo < k;) {
        let hi = lo;
        while (hi + 1 < k && ranked[hi + 1].growth === ranked[lo].growth) hi++;
        // 0-based average rank of the tie lo … hi is (lo + hi)/2; (ρ − 1)/(k − 1) in [0, 1].
        const factor = 1 + strength * ((lo + hi) / (k - 1) - 1);
        for (let q = lo; q <= hi; q++) b[ranked[q].j] *= factor;
        lo = hi + 1;
      }
      for (const j of members) after += b[j];
      // after > 0: the best ranked token has factor 1 + s ≥ 1 and a weight above 0.
      const scale = before / after;
      for (const j of members) b[j] *= scale;
    }
    return b;
  };
  return adaptiveRule(rule, Math.max(n, minLookbackOf(base)));
}
