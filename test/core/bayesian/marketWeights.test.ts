import fc from "fast-check";
import { marketWeights } from "../../../src/core/bayesian/marketWeights";

describe("marketWeights", () => {
  it("is caps over their sum (hand-worked), a zero cap giving weight 0", () => {
    // (3, 1, 0) / 4 = (0.75, 0.25, 0).
    expect(Array.from(marketWeights([3, 1, 0], 3, ["BTC", "ETH", "SHLD"]))).toEqual([
      0.75, 0.25, 0,
    ]);
  });

  it("sums to 1 and keeps the caps' proportions", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e3, max: 1e13, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (caps) => {
          const w = marketWeights(
            caps,
            caps.length,
            caps.map((_, i) => `A${i}`)
          );
          expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          for (let i = 1; i < caps.length; i++) {
            const ratio = caps[i] / caps[0];
            expect(Math.abs(w[i] / w[0] - ratio)).toBeLessThan(1e-14 * ratio);
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    it("LENGTH_MISMATCH, NON_FINITE, INVALID_ARGUMENT (negative cap; all 0)", () => {
      expect(() => marketWeights([1], 2, ["A", "B"])).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
      expect(() => marketWeights([1, Infinity], 2, ["A", "B"])).toThrow(
        expect.objectContaining({ code: "NON_FINITE", column: 1 })
      );
      expect(() => marketWeights([1, -2], 2, ["A", "B"])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", label: "B" })
      );
      expect(() => marketWeights([0, 0], 2, ["A", "B"])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
  });

  it("leaves its input unchanged", () => {
    const caps = Object.freeze([3, 1]);
    marketWeights(caps, 2, ["A", "B"]);
    expect(caps).toEqual([3, 1]);
  });
});
