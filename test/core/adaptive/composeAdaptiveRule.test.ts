import fc from "fast-check";
import { composeAdaptiveRule } from "../../../src/core/adaptive/composeAdaptiveRule";
import { momentumTilt } from "../../../src/core/adaptive/momentumTilt";
import { regimeSwitch } from "../../../src/core/adaptive/regimeSwitch";
import { schemeRule } from "../../../src/core/adaptive/schemeRule";
import { trailingWindow } from "../../../src/core/adaptive/trailingWindow";
import { trendFilter } from "../../../src/core/adaptive/trendFilter";
import { volatilityTarget } from "../../../src/core/adaptive/volatilityTarget";
import { errorOf } from "../backtest/backtestTestKit";
import { expectNoLookAhead, windowOf, windowOfPrices } from "./adaptiveTestKit";

const OPTIONS = { periodsPerYear: 365, estimationRows: 5 };

describe("composeAdaptiveRule", () => {
  it("momentum without tiers ranks all assets as one tier (hand-worked)", () => {
    // 2-day growth: A +10 %, B −5 %, C +20 % → ranks B, A, C; s = .5 → f = .5, 1, 1.5 on base 1/3
    // each: b·f = 1/3·(1, .5, 1.5), Σ = 1 → A 1/3, B 1/6, C 1/2 (the total 1 is kept).
    const window = windowOfPrices([
      [100, 100, 100],
      [105, 90, 110],
      [110, 95, 120],
    ]);
    const rule = composeAdaptiveRule(
      [1 / 3, 1 / 3, 1 / 3],
      [{ kind: "momentum", text: "momentum 2 0.5", window: 2, strength: 0.5 }],
      OPTIONS
    );
    expect(rule.minLookback).toBe(2);
    const w = rule(window, 2);
    expect(w[0]).toBeCloseTo(1 / 3, 14);
    expect(w[1]).toBeCloseTo(1 / 6, 14);
    expect(w[2]).toBeCloseTo(1 / 2, 14);
  });

  it("momentum with tiers is momentumTilt with those tiers", () => {
    const window = windowOfPrices([
      [100, 100, 100, 50],
      [105, 90, 110, 40],
      [110, 95, 120, 60],
    ]);
    const base = [0.2, 0.2, 0.1, 0.5];
    const tiers = ["L", "L", "L", "S"];
    const composed = composeAdaptiveRule(
      base,
      [{ kind: "momentum", text: "momentum 2", window: 2, tiers }],
      OPTIONS
    );
    expect(Array.from(composed(window, 2))).toEqual(
      Array.from(momentumTilt(base, { tiers, window: 2 })(window, 2))
    );
  });

  it("applies the clauses in order, each wrapping the rule before it, as the core rules compose", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 3, maxLength: 3 }),
          { minLength: 60, maxLength: 80 }
        ),
        (rows) => {
          const window = windowOf(rows);
          const base = trailingWindow(schemeRule("invvol", "sample"), 5);
          const composed = composeAdaptiveRule(
            base,
            [
              { kind: "trend", text: "trend 10", window: 10 },
              { kind: "voltarget", text: "voltarget 0.5 8", target: 0.5, window: 8 },
              {
                kind: "regime",
                text: "regime volatility 0.8 20 minvar",
                indicator: "volatility",
                quantile: 0.8,
                history: 20,
                stressed: "minvar",
              },
            ],
            OPTIONS
          );
          const byHand = regimeSwitch(
            volatilityTarget(trendFilter(base, { window: 10 }), {
              target: 0.5,
              window: 8,
              periodsPerYear: 365,
            }),
            trailingWindow(schemeRule("minvar", "sample"), 5),
            { indicator: "volatility", quantile: 0.8, history: 20 }
          );
          expect(composed.minLookback).toBe(byHand.minLookback);
          // A degenerate random window (a constant column) fails both ways with the same message.
          const outcome = (rule: typeof byHand) => {
            try {
              return Array.from(rule(window, rows.length - 1));
            } catch (error) {
              return (error as Error).message;
            }
          };
          expect(outcome(composed)).toEqual(outcome(byHand));
        }
      ),
      { numRuns: 30 }
    );
  });

  it("has no look-ahead with a one-tier momentum clause (through the backtest)", () => {
    expectNoLookAhead(
      composeAdaptiveRule(
        [0.4, 0.4, 0.2],
        [
          { kind: "momentum", text: "momentum 3 0.8", window: 3, strength: 0.8 },
          { kind: "voltarget", text: "voltarget 0.4 4", target: 0.4, window: 4 },
        ],
        OPTIONS
      ),
      3
    );
  });

  it("returns the base unchanged for no clauses", () => {
    const base = trailingWindow(schemeRule("equal", "sample"), 3);
    expect(composeAdaptiveRule(base, [], OPTIONS)).toBe(base);
  });

  it.each([
    [
      { kind: "voltarget" as const, text: "voltarget 0", target: 0 },
      'adaptive: "voltarget 0": target must be',
    ],
    [{ kind: "trend" as const, text: "trend 1", window: 1 }, 'adaptive: "trend 1": window must be'],
    [
      { kind: "momentum" as const, text: "momentum 0", window: 0 },
      'adaptive: "momentum 0": window must be a whole number of days, 1 or more; got 0',
    ],
    [
      { kind: "momentum" as const, text: "momentum 5 -1", window: 5, strength: -1 },
      'adaptive: "momentum 5 -1": strength must be from 0',
    ],
  ])("rejects %o when built, naming the clause", (clause, message) => {
    const error = errorOf(() => composeAdaptiveRule([1], [clause], OPTIONS));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.argument).toBe("adaptive");
    expect(error.message.startsWith(message)).toBe(true);
  });

  it("names the given argument instead of BACKTEST's", () => {
    const error = errorOf(() =>
      composeAdaptiveRule([1], [{ kind: "voltarget", text: "voltarget -1", target: -1 }], {
        ...OPTIONS,
        argument: 'index "x"',
      })
    );
    expect(error.argument).toBe('index "x"');
    expect(error.message).toMatch(/^index "x": "voltarget -1": target must be/);
  });

  it("does not modify frozen fixed weights or clauses", () => {
    const base = Object.freeze([0.5, 0.5]);
    const clauses = Object.freeze([
      Object.freeze({ kind: "momentum" as const, text: "momentum 1", window: 1 }),
    ]);
    const window = windowOfPrices([
      [10, 10],
      [11, 9],
    ]);
    const w = composeAdaptiveRule(base, clauses, OPTIONS)(window, 1);
    expect(w[0]).toBeGreaterThan(w[1]);
    expect(base).toEqual([0.5, 0.5]);
  });
});
