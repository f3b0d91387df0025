import fc from "fast-check";
import { volatilityTarget } from "../../../src/core/adaptive/volatilityTarget";
import { errorOf } from "../backtest/backtestTestKit";
import { expectNoLookAhead, windowOf } from "./adaptiveTestKit";

describe("volatilityTarget", () => {
  it("scales the base by target / sample volatility (hand-worked)", () => {
    // Base 50/50; returns A .02, 0, .04 and B 0, −.02, .02 → portfolio p = .01, −.01, .03.
    // Mean .01; deviations 0, −.02, .02 → Σ = .0008; /(3 − 1) = .0004 → σ = .02 a period.
    // periodsPerYear 100 → σ̂ = .02·√100 = .2; target .1 → k = .5 → w = .25, .25 (half in cash).
    const window = windowOf([
      [0.02, 0],
      [0, -0.02],
      [0.04, 0.02],
    ]);
    const rule = volatilityTarget([0.5, 0.5], { target: 0.1, window: 3, periodsPerYear: 100 });
    expect(rule.minLookback).toBe(3);
    const w = rule(window, 10);
    expect(w[0]).toBeCloseTo(0.25, 14);
    expect(w[1]).toBeCloseTo(0.25, 14);
  });

  it("uses the RiskMetrics EWMA estimate on request (hand-worked)", () => {
    // p = .01, −.01, .03 (newest last), λ = .5: weights 1, .5, .25 newest first.
    // Σ λ^k p² = .0009 + .5·.0001 + .25·.0001 = .000975; Σ λ^k = 1.75 → σ² = .000557142857…
    // × 100 = .0557142857 → σ̂ = .236038…; target .1 → k = .1/.236038 = .423660…
    const window = windowOf([[0.01], [-0.01], [0.03]]);
    const rule = volatilityTarget([1], {
      target: 0.1,
      window: 3,
      estimator: "ewma",
      lambda: 0.5,
      periodsPerYear: 100,
    });
    expect(rule(window, 5)[0]).toBeCloseTo(0.1 / Math.sqrt((100 * 0.000975) / 1.75), 14);
    expect(rule(window, 5)[0]).toBeCloseTo(0.42366, 5);
  });

  it("caps the exposure at maxLeverage, uses only the last `window` rows, and skips an asset listed within them", () => {
    // Quiet market (σ tiny) → k capped at 1, or at .8 with maxLeverage .8.
    const quiet = windowOf([
      [0.5, NaN],
      [0.001, NaN],
      [-0.001, 0.001],
      [0.001, -0.001],
    ]);
    // The first row (a 50 % jump) is outside the 3-row window; asset 2 lacks row 2's return, so
    // the estimate uses asset 1 at weight 1 (its .5 rescaled to the total 1).
    expect(Array.from(volatilityTarget([0.5, 0.5], { target: 0.5, window: 3 })(quiet, 3))).toEqual([
      0.5, 0.5,
    ]);
    const capped = volatilityTarget([0.5, 0.5], { target: 0.5, window: 3, maxLeverage: 0.8 });
    expect(Array.from(capped(quiet, 3))).toEqual([0.4, 0.4]);
    // All cash stays all cash; a zero-volatility window takes the cap.
    expect(Array.from(volatilityTarget("cash", { target: 0.5, window: 3 })(quiet, 3))).toEqual([
      0, 0,
    ]);
    const flat = windowOf([[0], [0], [0]]);
    expect(Array.from(volatilityTarget([1], { target: 0.5, window: 3 })(flat, 3))).toEqual([1]);
  });

  it("is proportional to the target below the cap and never exceeds the base (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), {
            minLength: 3,
            maxLength: 3,
          }),
          { minLength: 5, maxLength: 40 }
        ),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (rows, target) => {
          const window = windowOf(rows);
          const base = [0.2, 0.3, 0.5];
          const one = volatilityTarget(base, { target, window: 5 })(window, 0);
          const half = volatilityTarget(base, { target: target / 2, window: 5 })(window, 0);
          for (let j = 0; j < 3; j++) {
            expect(one[j]).toBeLessThanOrEqual(base[j] + 1e-15);
            expect(half[j]).toBeLessThanOrEqual(one[j] + 1e-15);
            // Below the cap the exposure is linear in the target.
            if (one[j] < base[j] - 1e-12) expect(half[j]).toBeCloseTo(one[j] / 2, 12);
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it("never changes the weights held up to t+1 when prices after t change (property)", () => {
    expectNoLookAhead(volatilityTarget([0.3, 0.3, 0.4], { target: 0.5, window: 5 }), 3);
    expectNoLookAhead(
      volatilityTarget([0.3, 0.3, 0.4], { target: 0.5, window: 4, estimator: "ewma" }),
      3
    );
  });

  it("throws a specific error for each bad option or window", () => {
    const ok = { target: 0.5 };
    for (const target of [0, -0.1]) {
      const e = errorOf(() => volatilityTarget([1], { target }));
      expect([e.code, e.argument]).toEqual(["INVALID_ARGUMENT", "target"]);
      expect(e.message).toMatch(
        /target must be an annual volatility above 0.*e\.g\. 0\.6 for 60 %/
      );
    }
    expect(errorOf(() => volatilityTarget([1], { target: 60 })).message).toMatch(/got 60/);
    expect(errorOf(() => volatilityTarget([1], { target: Infinity })).code).toBe("NON_FINITE");
    expect(errorOf(() => volatilityTarget([1], { target: NaN })).code).toBe("NON_FINITE");
    expect(
      errorOf(() => volatilityTarget([1], { target: "60%" as unknown as number })).message
    ).toMatch(/got "60%"/);
    expect(errorOf(() => volatilityTarget([1], { ...ok, window: 1 })).argument).toBe("window");
    expect(errorOf(() => volatilityTarget([1], { ...ok, window: 2.5 })).argument).toBe("window");
    expect(
      errorOf(() => volatilityTarget([1], { ...ok, estimator: "garch" as "ewma" })).argument
    ).toBe("estimator");
    expect(errorOf(() => volatilityTarget([1], { ...ok, lambda: 1 })).argument).toBe("lambda");
    expect(errorOf(() => volatilityTarget([1], { ...ok, maxLeverage: 2 })).message).toMatch(
      /maxLeverage must be above 0 and at most 1 \(the backtest cannot borrow/
    );
    expect(errorOf(() => volatilityTarget([1], { ...ok, periodsPerYear: 0 })).argument).toBe(
      "periodsPerYear"
    );
    expect(errorOf(() => volatilityTarget([0.7, 0.7], ok)).message).toMatch(
      /base sum to 1.4; weights must sum to at most 1/
    );
    expect(errorOf(() => volatilityTarget([-1], ok)).code).toBe("INVALID_ARGUMENT");
    const short = errorOf(() => volatilityTarget([1], { ...ok, window: 30 })(windowOf([[0.1]]), 0));
    expect(short.code).toBe("TOO_FEW_POINTS");
    expect(short.message).toMatch(
      /needs 30 rows of returns but the rule sees 1; set the backtest's lookback to at least 30/
    );
    const wrong = errorOf(() =>
      volatilityTarget([0.5, 0.5], { ...ok, window: 2 })(windowOf([[0.1], [0.2]]), 0)
    );
    expect(wrong.code).toBe("LENGTH_MISMATCH");
    const badRule = errorOf(() =>
      volatilityTarget(() => [0.9, 0.9], { target: 0.5, window: 2 })(
        windowOf([
          [0.1, 0],
          [0, 0.1],
        ]),
        4
      )
    );
    expect(badRule.message).toMatch(/^base \(weights returned for row 5\) sum to 1.8/);
  });
});
