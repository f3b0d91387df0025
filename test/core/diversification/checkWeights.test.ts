import fc from "fast-check";
import { checkWeights } from "../../../src/core/diversification/checkWeights";

describe("checkWeights", () => {
  it("accepts finite weights of the right length, shorts included (hand-worked)", () => {
    // Length 3 = n, all finite: no throw, whatever the sum (−0.5 + 1 + 0.5 = 1, or 7).
    expect(() => checkWeights([-0.5, 1, 0.5], 3, { labels: ["A", "B", "C"] })).not.toThrow();
    expect(() => checkWeights([3, 2, 2], 3, { labels: ["A", "B", "C"] })).not.toThrow();
  });

  it("accepts any finite vector of the right length (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 20,
        }),
        (w) => {
          expect(() => checkWeights(w, w.length, { labels: [] })).not.toThrow();
        }
      ),
      { numRuns: 50 }
    );
  });

  it("leaves its input unchanged", () => {
    const w = Object.freeze([0.5, 0.5]);
    checkWeights(w, 2, { labels: ["A", "B"] });
    expect(w).toEqual([0.5, 0.5]);
    const invested = Object.freeze([0.25, 0.75]);
    checkWeights(invested, 2, { fullyInvested: true });
    expect(invested).toEqual([0.25, 0.75]);
  });

  describe("preconditions", () => {
    it("rejects empty weights (INVALID_ARGUMENT)", () => {
      expect(() => checkWeights([], 0, { labels: [] })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("rejects the wrong length (LENGTH_MISMATCH)", () => {
      expect(() => checkWeights([1, 2], 3, { labels: ["A", "B", "C"] })).toThrow(
        expect.objectContaining({
          code: "LENGTH_MISMATCH",
          message: "weights has 2 values but cov has 3 assets; give one weight per asset",
        })
      );
    });
    it("rejects NaN, naming the asset (NON_FINITE)", () => {
      expect(() => checkWeights([0.5, NaN], 2, { labels: ["BTC", "ETH"] })).toThrow(
        expect.objectContaining({
          code: "NON_FINITE",
          label: "ETH",
          message: "weights: value 2 (ETH) is not a finite number; fix the weight",
        })
      );
    });
  });

  describe("fully invested (the backtests)", () => {
    it("returns a copy rescaled to sum exactly to 1 (hand-worked)", () => {
      // 0.3333333 × 3 = 0.9999999, within 1e-6: each becomes 1/3.
      const w = checkWeights([0.3333333, 0.3333333, 0.3333333], 3, { fullyInvested: true });
      for (const x of w) expect(x).toBeCloseTo(1 / 3, 15);
    });

    it("sums to 1 for any valid input (property)", () => {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), {
            minLength: 1,
            maxLength: 30,
          }),
          (raw) => {
            const sum = raw.reduce((s, x) => s + x, 0);
            const w = checkWeights(
              raw.map((x) => x / sum),
              raw.length,
              { fullyInvested: true }
            );
            expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
          }
        ),
        { numRuns: 100 }
      );
    });

    it("names the argument, context and asset in its errors", () => {
      const invested = { assetsOf: "prices", fullyInvested: true } as const;
      expect(() =>
        checkWeights([1.2, -0.2], 2, {
          ...invested,
          argument: "rule",
          where: "(row 5)",
          labels: ["BTC", "ETH"],
        })
      ).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "rule (row 5): ETH is -0.2; weights must be 0 or more (long only)",
        })
      );
      expect(() => checkWeights([0.5, 0.4], 2, invested)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
      expect(() => checkWeights([1], 2, invested)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
      expect(() => checkWeights([Infinity, 0], 2, invested)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
  });
});
