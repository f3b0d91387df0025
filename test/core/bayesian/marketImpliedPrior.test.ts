import fc from "fast-check";
import { marketImpliedPrior } from "../../../src/core/bayesian/marketImpliedPrior";
import { matrix, problemArbitrary, readFixture, type ProblemCase } from "./bayesianTestUtils";

const random = readFixture<ProblemCase>("random");
const stocks = readFixture<ProblemCase>("stocks").cases[0];

describe("marketImpliedPrior", () => {
  it("is δΣw_mkt + r_f (hand-worked)", () => {
    // w = (3, 1)/4 = (0.75, 0.25); Σw = (0.04·0.75 + 0.01·0.25, 0.01·0.75 + 0.09·0.25) = (0.0325, 0.03); × 2.
    const prior = marketImpliedPrior([3, 1], matrix([0.04, 0.01, 0.01, 0.09]), 2);
    expect(prior[0]).toBeCloseTo(0.065, 15);
    expect(prior[1]).toBeCloseTo(0.06, 15);
    expect(marketImpliedPrior([3, 1], matrix([0.04, 0.01, 0.01, 0.09]), 2, 0.02)[0]).toBeCloseTo(
      0.085,
      15
    );
  });

  it("matches PyPortfolioOpt's published test_market_implied_prior (its δ = 2.68549 from SPY, r_f = 0.02)", () => {
    // tests/test_black_litterman.py; δ is published to 5 decimals (np.round(delta, 5) == 2.68549), so
    // the prior is checked to 1e-6 (|Δδ| ≤ 5e-6 moves π by at most 5e-6 · max(Σw) ≈ 1e-6).
    const published = [
      0.14933293, 0.2168623, 0.11219185, 0.10362374, 0.28416295, 0.12196098, 0.19036819, 0.08860159,
      0.17724273, 0.08779627, 0.0791797, 0.16460474, 0.12854665, 0.08657863, 0.11230036, 0.13875465,
      0.15017163, 0.09066484, 0.1696369, 0.13270213,
    ];
    const prior = marketImpliedPrior(
      stocks.marketCaps,
      matrix(stocks.cov, stocks.labels),
      2.68549,
      0.02
    );
    published.forEach((p, i) => expect(Math.abs(prior[i] - p)).toBeLessThan(1e-6));
  });

  it(`matches numpy on ${random.cases.length} random problems`, () => {
    for (const c of random.cases) {
      const prior = marketImpliedPrior(
        c.marketCaps,
        matrix(c.cov, c.labels),
        c.riskAversion,
        c.riskFree
      );
      c.prior.forEach((p, i) => expect(Math.abs(prior[i] - p)).toBeLessThan(1e-15));
    }
  });

  it("makes the market portfolio optimal: (δΣ)⁻¹(π − r_f) = w_mkt, i.e. δΣw = π − r_f", () => {
    fc.assert(
      fc.property(
        problemArbitrary,
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        ({ n, cov }, delta, rf) => {
          const caps = Array.from({ length: n }, (_, i) => 1 + i * i);
          const total = caps.reduce((a, b) => a + b, 0);
          const prior = marketImpliedPrior(caps, cov, delta, rf);
          for (let i = 0; i < n; i++) {
            let sum = 0;
            for (let j = 0; j < n; j++) sum += cov.data[i * n + j] * (caps[j] / total);
            expect(prior[i] - rf).toBeCloseTo(delta * sum, 13);
          }
          // Scaling the caps changes nothing.
          const scaled = marketImpliedPrior(
            caps.map((c) => c * 1e9),
            cov,
            delta,
            rf
          );
          for (let i = 0; i < n; i++) expect(scaled[i]).toBeCloseTo(prior[i], 14);
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    const cov = matrix([0.04, 0.01, 0.01, 0.09], ["BTC", "ETH"]);
    it("LENGTH_MISMATCH, NON_FINITE and INVALID_ARGUMENT for bad caps", () => {
      expect(() => marketImpliedPrior([1], cov, 2)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "marketCaps" })
      );
      expect(() => marketImpliedPrior([1, NaN], cov, 2)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", label: "ETH" })
      );
      expect(() => marketImpliedPrior([1, -1], cov, 2)).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "marketCaps: asset ETH is -1; market caps cannot be negative",
        })
      );
      expect(() => marketImpliedPrior([0, 0], cov, 2)).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "marketCaps are all 0; give at least one positive market cap",
        })
      );
    });
    it("INVALID_ARGUMENT for δ ≤ 0, NON_FINITE for δ or r_f not finite", () => {
      expect(() => marketImpliedPrior([1, 1], cov, 0)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "riskAversion" })
      );
      expect(() => marketImpliedPrior([1, 1], cov, Infinity)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "riskAversion" })
      );
      expect(() => marketImpliedPrior([1, 1], cov, 2, NaN)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "riskFree" })
      );
    });
    it("SINGULAR_MATRIX for a covariance that is not positive definite", () => {
      expect(() => marketImpliedPrior([1, 1], matrix([1, 1, 1, 1]), 2)).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });

  it("leaves its inputs unchanged", () => {
    const caps = Object.freeze([3, 1]);
    const cov = matrix([0.04, 0.01, 0.01, 0.09]);
    marketImpliedPrior(caps, cov, 2);
    expect(caps).toEqual([3, 1]);
    expect(Array.from(cov.data)).toEqual([0.04, 0.01, 0.01, 0.09]);
  });
});
