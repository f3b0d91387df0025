import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { rebalanceTrades } from "../../../src/core/rebalance/rebalanceTrades";
import { CoreError } from "../../../src/core/errors";

function errorOf(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    return error as CoreError;
  }
  throw new Error("expected a CoreError");
}

interface RebalanceCase {
  name: string;
  units: number[];
  prices: number[];
  cash: number;
  targets: number[];
  absolute: number;
  feeBps: number;
  tradeValue: number[];
  fees: number;
}
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/rebalance/rebalanceTrades.json"), "utf8")
) as { generator: string; numpy: string; cases: RebalanceCase[] };

describe("rebalanceTrades", () => {
  it("trades assets outside the band back to target (hand-worked)", () => {
    // Values 300 and 100 (V = 400): weights .75 / .25 against .5 / .5, band ±5 points → both
    // trade to 200: sell 100 of A (1 unit), buy 100 of B (1 unit).
    const p = rebalanceTrades({
      units: [3, 1],
      prices: [100, 100],
      targets: [0.5, 0.5],
      band: { absolute: 0.05 },
    });
    expect(Array.from(p.tradeValue)).toEqual([-100, 100]);
    expect(Array.from(p.tradeUnits)).toEqual([-1, 1]);
    expect(p.action).toEqual(["sell", "buy"]);
    expect(p.totals.turnover).toBe(0.5);
    expect(p.totals.driftBefore).toBe(0.25);
    expect(p.totals.driftAfter).toBe(0);
  });

  it("pays fees from the trades so cash ends at zero (hand-worked)", () => {
    // Fee 1 %: x = .5 (400 − F) each, |x − 300| + |x − 100| = 200, so F = .01 × 200 = 2,
    // x = 199: sell 101, buy 99; fees 1.01 + 0.99 = 2; cash 0 + 101 − 99 − 2 = 0.
    const p = rebalanceTrades({
      units: [3, 1],
      prices: [100, 100],
      targets: [0.5, 0.5],
      feeBps: 100,
    });
    expect(p.tradeValue[0]).toBeCloseTo(-101, 12);
    expect(p.tradeValue[1]).toBeCloseTo(99, 12);
    expect(p.totals.fees).toBeCloseTo(2, 12);
    expect(p.fee[0]).toBeCloseTo(1.01, 12);
    expect(p.totals.cashAfter).toBe(0);
    expect(p.totals.valueAfter).toBeCloseTo(398, 12);
  });

  it("leaves assets inside their band alone", () => {
    // Values 500, 300, 200 (V = 1000), targets .4 .4 .2, band ±5 points: A (+.1) and B (−.1)
    // trade; C sits on target. A and B share 1000 − 200 = 800 by .4 : .4 → 400 each.
    const p = rebalanceTrades({
      units: [5, 3, 2],
      prices: [100, 100, 100],
      targets: [0.4, 0.4, 0.2],
      band: { absolute: 0.05 },
    });
    expect(Array.from(p.tradeValue)).toEqual([-100, 100, 0]);
    expect(p.action).toEqual(["sell", "buy", "hold"]);
  });

  it("brings in an untraded asset when the traded ones cannot reach their band (hand-worked)", () => {
    // Targets .25 each, band ±5 points. A, B, C at 290 (.29, inside), D at 130 (.13, outside).
    // Trading D alone leaves it 1000 − 870 = 130: still outside. A (first of the furthest) joins:
    // A and D share 1000 − 580 = 420 → 210 each (.21, inside). Trades: A −80, D +80.
    const p = rebalanceTrades({
      units: [2.9, 2.9, 2.9, 1.3],
      prices: [100, 100, 100, 100],
      targets: [0.25, 0.25, 0.25, 0.25],
      band: { absolute: 0.05 },
    });
    expect(p.tradeValue[0]).toBeCloseTo(-80, 10);
    expect(p.tradeValue[1]).toBe(0);
    expect(p.tradeValue[2]).toBe(0);
    expect(p.tradeValue[3]).toBeCloseTo(80, 10);
  });

  it("uses the tighter of the absolute and relative bands (5/25 rule)", () => {
    // Target .1: 25 % of it is .025 < .05 → half-width .025; weight .13 is outside.
    const p = rebalanceTrades({
      units: [13, 87],
      prices: [1, 1],
      targets: [0.1, 0.9],
      band: { absolute: 0.05, relative: 0.25 },
    });
    expect(p.halfWidth[0]).toBeCloseTo(0.025, 15);
    expect(p.halfWidth[1]).toBe(0.05);
    expect(p.tradeValue[0]).toBeCloseTo(-3, 12);
  });

  it("reads a bare number as an absolute band", () => {
    const a = rebalanceTrades({ units: [56, 44], prices: [1, 1], targets: [0.5, 0.5], band: 0.05 });
    const b = rebalanceTrades({ units: [56, 44], prices: [1, 1], targets: [0.5, 0.5], band: 0.07 });
    expect(Array.from(a.tradeValue)).toEqual([-6, 6]);
    expect(Array.from(b.tradeValue)).toEqual([0, 0]);
  });

  it("drops trades below minTrade and marks them", () => {
    // Values 52, 48: trades would be −2 and +2, below the minimum of 5: nothing trades.
    const p = rebalanceTrades({
      units: [52, 48],
      prices: [1, 1],
      targets: [0.5, 0.5],
      minTrade: 5,
    });
    expect(Array.from(p.tradeValue)).toEqual([0, 0]);
    expect(p.action).toEqual(["below minimum", "below minimum"]);
  });

  it("sells an asset with target 0 completely, in exact units", () => {
    const p = rebalanceTrades({ units: [0.3, 7], prices: [3, 10], targets: [0, 1] });
    expect(p.tradeUnits[0]).toBe(-0.3);
    expect(p.valueAfter[0]).toBe(0);
  });

  it("invests the cash when something trades", () => {
    // 100 of A, 100 of cash, target A 100 %: buy 100.
    const p = rebalanceTrades({ units: [1], prices: [100], cash: 100, targets: [1] });
    expect(p.tradeValue[0]).toBe(100);
    expect(p.totals.cashAfter).toBe(0);
  });

  it(`matches an independent numpy implementation (${fixture.generator}, numpy ${fixture.numpy}) to 1e-9 of value`, () => {
    expect(fixture.cases.length).toBeGreaterThan(5);
    for (const c of fixture.cases) {
      const p = rebalanceTrades({
        units: c.units,
        prices: c.prices,
        cash: c.cash,
        targets: c.targets,
        band: { absolute: c.absolute },
        feeBps: c.feeBps,
      });
      c.tradeValue.forEach((t, i) => expect(Math.abs(p.tradeValue[i] - t)).toBeLessThan(1e-9));
      expect(Math.abs(p.totals.fees - c.fees)).toBeLessThan(1e-9);
    }
  });

  const portfolioArb = fc
    .integer({ min: 1, max: 12 })
    .chain((n) =>
      fc.record({
        units: fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), {
          minLength: n,
          maxLength: n,
        }),
        prices: fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), {
          minLength: n,
          maxLength: n,
        }),
        rawTargets: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: n,
          maxLength: n,
        }),
        cash: fc.double({ min: 0, max: 5000, noNaN: true }),
        absolute: fc.option(fc.double({ min: 0, max: 0.2, noNaN: true }), { nil: undefined }),
        relative: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
        feeBps: fc.double({ min: 0, max: 200, noNaN: true }),
        minTrade: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })),
      })
    )
    .filter(
      (p) => p.rawTargets.some((t) => t > 1e-3) && p.units.some((u, i) => u * p.prices[i] > 1)
    );

  it("lands inside every band after fees unless a small trade was dropped; sells ≤ holdings; cash ≥ 0 (property)", () => {
    fc.assert(
      fc.property(portfolioArb, (p) => {
        const sum = p.rawTargets.reduce((s, t) => s + t, 0);
        const targets = p.rawTargets.map((t) => t / sum);
        const plan = rebalanceTrades({
          units: p.units,
          prices: p.prices,
          cash: p.cash,
          targets,
          band: { absolute: p.absolute, relative: p.relative },
          feeBps: p.feeBps,
          minTrade: p.minTrade,
        });
        const n = p.units.length;
        const anyDropped = plan.action.includes("below minimum");
        let afterSum = 0;
        let tradedSum = 0;
        for (let i = 0; i < n; i++) {
          expect(plan.tradeUnits[i]).toBeGreaterThanOrEqual(-p.units[i]);
          expect(plan.valueAfter[i]).toBeGreaterThanOrEqual(0);
          if (plan.tradeValue[i] !== 0)
            expect(Math.abs(plan.tradeValue[i])).toBeGreaterThanOrEqual(p.minTrade);
          if (!anyDropped) {
            expect(Math.abs(plan.weightAfter[i] - plan.target[i])).toBeLessThanOrEqual(
              plan.halfWidth[i] + 1e-9
            );
          }
          afterSum += plan.valueAfter[i];
          tradedSum += Math.abs(plan.tradeValue[i]);
        }
        const total = plan.totals.portfolioValue;
        expect(plan.totals.cashAfter).toBeGreaterThanOrEqual(0);
        // Conservation: holdings after + cash after = value before − fees.
        expect(
          Math.abs(afterSum + plan.totals.cashAfter - (total - plan.totals.fees))
        ).toBeLessThan(1e-9 * total);
        expect(Math.abs(plan.totals.fees - (p.feeBps / 1e4) * tradedSum)).toBeLessThan(
          1e-9 * total
        );
      }),
      { numRuns: 100 }
    );
  });

  it("does not depend on asset order (property)", () => {
    fc.assert(
      fc.property(portfolioArb, (p) => {
        const sum = p.rawTargets.reduce((s, t) => s + t, 0);
        const targets = p.rawTargets.map((t) => t / sum);
        const band = { absolute: p.absolute, relative: p.relative };
        const a = rebalanceTrades({
          units: p.units,
          prices: p.prices,
          cash: p.cash,
          targets,
          band,
          feeBps: p.feeBps,
        });
        const b = rebalanceTrades({
          units: [...p.units].reverse(),
          prices: [...p.prices].reverse(),
          cash: p.cash,
          targets: [...targets].reverse(),
          band,
          feeBps: p.feeBps,
        });
        const n = p.units.length;
        // Ties between equally distant untraded assets are broken by position, so compare only
        // the totals when such a tie could matter; otherwise compare trades.
        expect(Math.abs(a.totals.fees - b.totals.fees)).toBeLessThan(
          1e-6 * a.totals.portfolioValue + 1e-9
        );
        if (
          a.action.filter((x) => x !== "hold").length ===
          b.action.filter((x) => x !== "hold").length
        ) {
          for (let i = 0; i < n; i++) {
            expect(Math.abs(a.tradeValue[i] - b.tradeValue[n - 1 - i])).toBeLessThan(
              1e-9 * a.totals.portfolioValue
            );
          }
        }
      }),
      { numRuns: 60 }
    );
  });

  it("throws one specific error per precondition", () => {
    const base = { units: [1, 1], prices: [10, 10], targets: [0.5, 0.5] };
    expect(errorOf(() => rebalanceTrades({ ...base, targets: [1] })).code).toBe("LENGTH_MISMATCH");
    expect(errorOf(() => rebalanceTrades({ ...base, prices: [10] })).code).toBe("LENGTH_MISMATCH");
    expect(errorOf(() => rebalanceTrades({ ...base, units: [1, -1] })).code).toBe(
      "INVALID_ARGUMENT"
    );
    const missing = errorOf(() =>
      rebalanceTrades({ ...base, prices: [10, NaN], labels: ["BTC", "ETH"] })
    );
    expect(missing.code).toBe("NOT_AVAILABLE");
    expect(missing.message).toMatch(/ETH has no price/);
    expect(
      errorOf(() => rebalanceTrades({ units: [1, 0], prices: [10, NaN], targets: [0.5, 0.5] })).code
    ).toBe("NOT_AVAILABLE");
    const sum = errorOf(() => rebalanceTrades({ ...base, targets: [0.5, 0.4] }));
    expect(sum.code).toBe("INVALID_ARGUMENT");
    expect(sum.message).toBe("targets sum to 0.9; target weights must sum to 1 (100 %)");
    expect(errorOf(() => rebalanceTrades({ ...base, targets: [1.5, -0.5] })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(errorOf(() => rebalanceTrades({ ...base, targets: [NaN, 1] })).code).toBe("NON_FINITE");
    expect(errorOf(() => rebalanceTrades({ ...base, feeBps: 5000 })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => rebalanceTrades({ ...base, minTrade: -1 })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => rebalanceTrades({ ...base, band: { absolute: -0.1 } })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(errorOf(() => rebalanceTrades({ ...base, band: { relative: NaN } })).code).toBe(
      "NON_FINITE"
    );
    expect(errorOf(() => rebalanceTrades({ ...base, prices: [10, 0] })).code).toBe(
      "NON_POSITIVE_PRICE"
    );
    expect(errorOf(() => rebalanceTrades({ ...base, cash: -1 })).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => rebalanceTrades({ ...base, units: [0, 0] })).code).toBe(
      "INVALID_ARGUMENT"
    );
  });

  it("does not mutate its inputs", () => {
    const units = Object.freeze([3, 1]);
    const prices = new Float64Array([100, 100]);
    const targets = Object.freeze([0.5, 0.5]);
    const band = Object.freeze({ absolute: 0.01 });
    rebalanceTrades({ units, prices, targets, band, feeBps: 10 });
    expect(units).toEqual([3, 1]);
    expect(Array.from(prices)).toEqual([100, 100]);
    expect(targets).toEqual([0.5, 0.5]);
  });
});
