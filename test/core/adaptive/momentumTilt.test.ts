import fc from "fast-check";
import { momentumTilt } from "../../../src/core/adaptive/momentumTilt";
import { errorOf } from "../backtest/backtestTestKit";
import { expectNoLookAhead, windowOfPrices } from "./adaptiveTestKit";

describe("momentumTilt", () => {
  it("multiplies base weights by a rank-linear factor and keeps each tier's total (hand-worked)", () => {
    // Tier L = A, B, C (base .2, .2, .1), tier S = D (.5). 2-day returns: A 100 → 110 (+10 %),
    // B 100 → 95 (−5 %), C 100 → 120 (+20 %). Ranks B 1, A 2, C 3; s = .5 → f = 1 − .5, 1, 1 + .5.
    // b·f: A .2, B .1, C .15 (Σ .45); L's total .5 → × .5/.45: A .2222, B .1111, C .1667. D alone: .5.
    const window = windowOfPrices([
      [100, 100, 100, 50],
      [105, 90, 110, 40],
      [110, 95, 120, 60],
    ]);
    const rule = momentumTilt([0.2, 0.2, 0.1, 0.5], { tiers: ["L", "L", "L", "S"], window: 2 });
    expect(rule.minLookback).toBe(2);
    const w = rule(window, 2);
    expect(w[0]).toBeCloseTo(0.2 / 0.9, 14);
    expect(w[1]).toBeCloseTo(0.1 / 0.9, 14);
    expect(w[2]).toBeCloseTo(0.15 / 0.9, 14);
    expect(w[3]).toBe(0.5);
  });

  it("gives tied returns their average rank and leaves unranked tokens at factor 1 (hand-worked)", () => {
    // A and B both +10 %, C −10 %, D not listed through the window (f = 1). k = 3 ranked:
    // C rank 1 → f .5; A, B ranks 2, 3 → average 2.5 → f = 1 + .5(2·1.5/2 − 1) = 1.25.
    // b = .25 each: b·f = .3125, .3125, .125, .25 (Σ 1) → unchanged scale 1.
    const window = windowOfPrices([
      [100, 100, 100, NaN],
      [110, 110, 90, 7],
    ]);
    const w = momentumTilt([0.25, 0.25, 0.25, 0.25], { tiers: ["x", "x", "x", "x"], window: 1 })(
      window,
      1
    );
    expect(Array.from(w).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([
      0.3125, 0.3125, 0.125, 0.25,
    ]);
  });

  it("keeps tier totals, orders weights by return within a tier, and is the identity at strength 0 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 }),
          { minLength: 4, maxLength: 20 }
        ),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, raw, strength) => {
          const sum = raw.reduce((s, x) => s + x, 0);
          const base = raw.map((x) => (0.9 * x) / sum);
          const tiers = ["a", "b", "a", "b", "a"];
          const window = windowOfPrices(rows);
          const w = momentumTilt(base, { tiers, window: 3, strength })(window, 0);
          for (const tier of ["a", "b"]) {
            const members = [0, 1, 2, 3, 4].filter((j) => tiers[j] === tier);
            const total = (x: ArrayLike<number>) => members.reduce((s, j) => s + x[j], 0);
            expect(total(w)).toBeCloseTo(total(base), 14);
            const growth = (j: number) => rows[rows.length - 1][j] / rows[rows.length - 4][j];
            for (const i of members)
              for (const j of members)
                if (growth(i) > growth(j) * (1 + 1e-9))
                  expect(w[i] / base[i]).toBeGreaterThanOrEqual(w[j] / base[j] - 1e-12);
          }
          const none = momentumTilt(base, { tiers, window: 3, strength: 0 })(window, 0);
          for (let j = 0; j < 5; j++) expect(none[j]).toBeCloseTo(base[j], 15);
        }
      ),
      { numRuns: 150 }
    );
  });

  it("never changes the weights held up to t+1 when prices after t change (property)", () => {
    expectNoLookAhead(momentumTilt([0.3, 0.3, 0.4], { tiers: ["a", "a", "a"], window: 4 }), 3);
    expectNoLookAhead(
      momentumTilt([0.2, 0.3, 0.4], { tiers: ["a", "b", "a"], window: 3, strength: 1 }),
      3
    );
  });

  it("throws a specific error for each bad option", () => {
    const ok = { tiers: ["a", "b"], window: 2 };
    expect(
      errorOf(() => momentumTilt([0.5, 0.5], { ...ok, tiers: "a" as unknown as string[] })).argument
    ).toBe("tiers");
    expect(errorOf(() => momentumTilt([0.5, 0.5], { ...ok, window: 0 })).argument).toBe("window");
    const strong = errorOf(() => momentumTilt([0.5, 0.5], { ...ok, strength: 2 }));
    expect([strong.code, strong.argument]).toEqual(["INVALID_ARGUMENT", "strength"]);
    expect(strong.message).toMatch(/strength must be from 0 \(no tilt\) to 1/);
    const window = windowOfPrices([
      [1, 2, 3],
      [1.1, 2.1, 3.1],
      [1.2, 2.2, 3.2],
    ]);
    const mismatch = errorOf(() => momentumTilt([0.3, 0.3, 0.3], ok)(window, 2));
    expect(mismatch.code).toBe("LENGTH_MISMATCH");
    expect(mismatch.message).toMatch(/tiers has 2 labels but prices has 3 assets/);
    const short = errorOf(() =>
      momentumTilt([0.3, 0.3, 0.3], { tiers: ["a", "a", "a"], window: 5 })(window, 2)
    );
    expect(short.code).toBe("TOO_FEW_POINTS");
  });
});
