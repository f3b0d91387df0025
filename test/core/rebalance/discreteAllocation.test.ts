import fc from "fast-check";
import { discreteAllocation } from "../../../src/core/rebalance/discreteAllocation";

describe("discreteAllocation", () => {
  it("buys whole lots, then tops up the most under-weight affordable asset (hand-worked)", () => {
    // Targets 50 each of 100: A (price 30) ⌊50/30⌋ = 1 unit (30), B (price 20) ⌊50/20⌋ = 2 units (40),
    // cash 30. Shortfalls A 20, B 10, both affordable → one more A (60), cash 0; nothing else fits.
    const r = discreteAllocation([0.5, 0.5], [30, 20], 100);
    expect(Array.from(r.units)).toEqual([2, 2]);
    expect(r.cashLeft).toBeCloseTo(0, 12);
  });

  it("supports fractional lots", () => {
    const r = discreteAllocation([1], [40000], 1000, 0.001);
    expect(r.units[0]).toBeCloseTo(0.025, 12);
    expect(r.cashLeft).toBeCloseTo(0, 9);
  });

  it("rejects bad inputs", () => {
    expect(() => discreteAllocation([1], [10, 20], 100)).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH" })
    );
    expect(() => discreteAllocation([1], [10], 0)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => discreteAllocation([-0.1], [10], 100)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => discreteAllocation([1], [NaN], 100)).toThrow(
      expect.objectContaining({ code: "NON_POSITIVE_PRICE" })
    );
    expect(() => discreteAllocation([1], [10], 100, 0)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("refuses weights summing above 1, which would spend more than the budget, and keeps the rest of a lower sum in cash", () => {
    // 0.8 + 0.8 of 100 at price 1 used to buy 80 + 80 units and report 0 cash left.
    expect(() => discreteAllocation([0.8, 0.8], [1, 1], 100)).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: expect.stringMatching(/sum to 1.6/),
      })
    );
    const half = discreteAllocation([0.25, 0.25], [1, 1], 100);
    expect(Array.from(half.units)).toEqual([25, 25]);
    expect(half.cashLeft).toBe(50);
    // Rounding of a sheet's weights (0.1 × 10) is not "above 1".
    expect(() =>
      discreteAllocation(new Array(10).fill(0.1), new Array(10).fill(1), 100)
    ).not.toThrow();
  });

  it("never spends more than the budget, buys whole lots, and leaves less than the cheapest useful lot (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0.01, max: 1, noNaN: true }),
            fc.double({ min: 1, max: 500, noNaN: true })
          ),
          { minLength: 1, maxLength: 8 }
        ),
        fc.double({ min: 100, max: 100000, noNaN: true }),
        (assets, budget) => {
          const total = assets.reduce((s, [w]) => s + w, 0);
          const weights = assets.map(([w]) => w / total);
          const prices = assets.map(([, p]) => p);
          const r = discreteAllocation(weights, prices, budget);
          const spent = r.values.reduce((a, b) => a + b, 0);
          expect(spent).toBeLessThanOrEqual(budget * (1 + 1e-12));
          expect(spent + r.cashLeft).toBeCloseTo(budget, 6);
          r.units.forEach((u) => expect(Number.isInteger(Math.round(u * 1e9) / 1e9)).toBe(true));
        }
      ),
      { numRuns: 100 }
    );
  });
});
