import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { currentWeights } from "../../../src/core/rebalance/currentWeights";
import { CoreError } from "../../../src/core/errors";

interface ValuationCase {
  units: number[];
  prices: number[];
  cash: number;
  values: number[];
  weights: number[];
  cashWeight: number;
  total: number;
}
const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../fixtures/rebalance/currentWeights.json"), "utf8")
) as { generator: string; numpy: string; cases: ValuationCase[] };

function errorOf(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (error) {
    return error as CoreError;
  }
  throw new Error("expected a CoreError");
}

describe("currentWeights", () => {
  it("values holdings and counts cash as a position (hand-worked)", () => {
    // 2 × 50 = 100, 1 × 100 = 100, cash 100: total 300, weights 1/3, 1/3, cash 1/3.
    const v = currentWeights([2, 1], [50, 100], 100);
    expect(Array.from(v.values)).toEqual([100, 100]);
    expect(v.total).toBe(300);
    expect(v.weights[0]).toBeCloseTo(1 / 3, 15);
    expect(v.weights[1]).toBeCloseTo(1 / 3, 15);
    expect(v.cashWeight).toBeCloseTo(1 / 3, 15);
  });

  it("accepts a missing price for an asset that is not held", () => {
    const v = currentWeights([1, 0], [10, NaN]);
    expect(Array.from(v.weights)).toEqual([1, 0]);
  });

  it(`matches numpy's units * prices / (Σ + cash) (${fixture.generator}, numpy ${fixture.numpy}) to 1e-15`, () => {
    for (const c of fixture.cases) {
      const v = currentWeights(c.units, c.prices, c.cash);
      expect(Math.abs(v.total - c.total)).toBeLessThan(1e-12 * c.total);
      expect(Math.abs(v.cashWeight - c.cashWeight)).toBeLessThan(1e-15);
      c.weights.forEach((w, i) => expect(Math.abs(v.weights[i] - w)).toBeLessThan(1e-15));
      c.values.forEach((x, i) => expect(v.values[i]).toBe(x));
    }
  });

  it("weights and cash weight sum to 1 and are invariant to asset order (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1e6, noNaN: true }),
            fc.double({ min: 1e-6, max: 1e5, noNaN: true })
          ),
          { minLength: 1, maxLength: 20 }
        ),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (pairs, cash) => {
          const v = currentWeights(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            cash
          );
          const r = currentWeights(
            pairs.map((p) => p[0]).reverse(),
            pairs.map((p) => p[1]).reverse(),
            cash
          );
          const total = v.weights.reduce((s, w) => s + w, 0) + v.cashWeight;
          expect(total).toBeCloseTo(1, 12);
          for (let i = 0; i < pairs.length; i++) {
            expect(v.weights[i]).toBeCloseTo(r.weights[pairs.length - 1 - i], 14);
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it("throws one specific error per precondition", () => {
    expect(errorOf(() => currentWeights([], [])).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => currentWeights([1, 2], [1])).code).toBe("LENGTH_MISMATCH");
    expect(errorOf(() => currentWeights([1], [1], 0, ["A", "B"])).code).toBe("LENGTH_MISMATCH");
    const negative = errorOf(() => currentWeights([1, -2], [1, 1], 0, ["BTC", "ETH"]));
    expect(negative.code).toBe("INVALID_ARGUMENT");
    expect(negative.message).toMatch(/units: ETH is -2/);
    expect(errorOf(() => currentWeights([NaN], [1])).code).toBe("NON_FINITE");
    expect(errorOf(() => currentWeights([1], [Infinity])).code).toBe("NON_FINITE");
    expect(errorOf(() => currentWeights([1], [0])).code).toBe("NON_POSITIVE_PRICE");
    const missing = errorOf(() => currentWeights([1, 2], [1, NaN], 0, ["BTC", "SOL"]));
    expect(missing.code).toBe("NOT_AVAILABLE");
    expect(missing.message).toBe("prices: SOL has no price but 2 units are held; give its price");
    expect(errorOf(() => currentWeights([1], [1], -5)).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => currentWeights([1], [1], NaN)).code).toBe("NON_FINITE");
    expect(errorOf(() => currentWeights([0], [1], 0)).code).toBe("INVALID_ARGUMENT");
  });

  it("does not mutate its inputs", () => {
    const units = Object.freeze([2, 1]);
    const prices = new Float64Array([50, 100]);
    currentWeights(units, prices, 100);
    expect(units).toEqual([2, 1]);
    expect(Array.from(prices)).toEqual([50, 100]);
  });
});
