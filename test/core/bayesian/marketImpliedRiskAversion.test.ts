import fc from "fast-check";
import { marketImpliedRiskAversion } from "../../../src/core/bayesian/marketImpliedRiskAversion";
import { readFixture } from "./bayesianTestUtils";

const fixture = readFixture<{
  name: string;
  prices: number[];
  periodsPerYear: number;
  riskFree: number;
  delta: number;
}>("riskAversion");

describe("marketImpliedRiskAversion", () => {
  it("is the mean over the variance of the returns (hand-worked)", () => {
    // Returns 0.1, −0.1, 0.1: mean 1/30, sample variance ((2/30)²·2 + (4/30)²)/2 = 1/75; δ = (1/30)/(1/75) = 2.5.
    expect(marketImpliedRiskAversion([100, 110, 99, 108.9], 1)).toBeCloseTo(2.5, 12);
    // Annualised with ppy = 365 and rf = 0.02: (365/30 − 0.02)/(365/75).
    expect(marketImpliedRiskAversion([100, 110, 99, 108.9], 365, 0.02)).toBeCloseTo(
      (365 / 30 - 0.02) / (365 / 75),
      12
    );
  });

  it(`matches PyPortfolioOpt's formula re-derived in numpy ${fixture.header.numpy} on ${fixture.cases.length} series (random and BTC 2017–2026)`, () => {
    expect(fixture.header.script).toBe("scripts/fixtures/bayesian.py");
    for (const c of fixture.cases) {
      const delta = marketImpliedRiskAversion(c.prices, c.periodsPerYear, c.riskFree);
      expect(Math.abs(delta - c.delta)).toBeLessThan(1e-11 * Math.abs(c.delta));
    }
  });

  it("does not depend on the price level, and nor, when rf = 0, on periodsPerYear", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.05, max: 0.08, noNaN: true }), {
          minLength: 2,
          maxLength: 60,
        }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        (returns, level) => {
          const prices = [1];
          for (const r of returns) prices.push(prices[prices.length - 1] * (1 + r));
          let delta: number;
          try {
            delta = marketImpliedRiskAversion(prices, 365);
          } catch {
            return; // a falling or flat market: its own tests cover the error
          }
          const close = (x: number) => expect(Math.abs(x - delta)).toBeLessThan(1e-8 * delta);
          close(
            marketImpliedRiskAversion(
              prices.map((p) => p * level),
              365
            )
          );
          // With rf = 0 the ppy cancels: (m·ppy)/(v·ppy).
          close(marketImpliedRiskAversion(prices, 12));
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    it("TOO_FEW_POINTS below 3 prices", () => {
      expect(() => marketImpliedRiskAversion([100, 110])).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS", argument: "marketPrices" })
      );
    });
    it("NON_POSITIVE_PRICE and NON_FINITE with the row", () => {
      expect(() => marketImpliedRiskAversion([100, 0, 110])).toThrow(
        expect.objectContaining({ code: "NON_POSITIVE_PRICE", row: 1 })
      );
      expect(() => marketImpliedRiskAversion([100, NaN, 110])).toThrow(
        expect.objectContaining({ code: "NON_FINITE", row: 1 })
      );
    });
    it("ZERO_VARIANCE for constant returns", () => {
      expect(() => marketImpliedRiskAversion([100, 100, 100])).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE" })
      );
    });
    it("INVALID_ARGUMENT when the market does not beat riskFree, with the figures", () => {
      expect(() => marketImpliedRiskAversion([100, 90, 99, 89.1], 1)).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: expect.stringContaining(
            "is not above riskFree 0, so the implied risk aversion would be"
          ),
        })
      );
    });
    it("INVALID_ARGUMENT for periodsPerYear ≤ 0, NON_FINITE for riskFree", () => {
      expect(() => marketImpliedRiskAversion([1, 2, 3], 0)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "periodsPerYear" })
      );
      expect(() => marketImpliedRiskAversion([1, 2, 3], 365, NaN)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "riskFree" })
      );
    });
  });

  it("leaves its input unchanged", () => {
    const prices = Object.freeze([100, 110, 99, 108.9]);
    marketImpliedRiskAversion(prices, 1);
    expect(prices).toEqual([100, 110, 99, 108.9]);
  });
});
