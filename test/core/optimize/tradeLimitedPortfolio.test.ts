import fc from "fast-check";
import { maximumSharpeConstrained } from "../../../src/core/optimize/maximumSharpeConstrained";
import { minimumVarianceConstrained } from "../../../src/core/optimize/minimumVarianceConstrained";
import { tradeLimitedPortfolio } from "../../../src/core/optimize/tradeLimitedPortfolio";
import {
  covOf,
  covarianceArbitrary,
  limitsFixture,
  maxAbsDifference,
  variance,
} from "./limitsTestKit";

const turnover = (w: ArrayLike<number>, w0: ArrayLike<number>) =>
  Array.from(w).reduce((s, x, i) => s + Math.abs(x - w0[i]), 0);

describe("tradeLimitedPortfolio", () => {
  it("moves 0.1 from A to B under turnover 0.2 (hand-worked)", () => {
    // Σ = diag(0.04, 0.01): unlimited (0.2, 0.8); from (1, 0) a turnover of 0.2 allows (0.9, 0.1).
    const r = tradeLimitedPortfolio(
      covOf([0.04, 0, 0, 0.01]),
      { kind: "minvar" },
      { current: [1, 0], maxTurnover: 0.2 }
    );
    expect(r.weights[0]).toBeCloseTo(0.9, 12);
    expect(r.binding).toContain("turnover cap 0.2");
  });

  it("a cost above the marginal variance saving keeps the current weights (hand-worked)", () => {
    // At w0 = (0.5, 0.5) the gradient of wᵀΣw along (−1, 1) is 2(0.01·0.5 − 0.04·0.5) = −0.03 per
    // unit moved, and moving costs 2c per unit: c = 0.02 > 0.015 holds still, c = 0 moves to (0.2, 0.8).
    const cov = covOf([0.04, 0, 0, 0.01]);
    const still = tradeLimitedPortfolio(
      cov,
      { kind: "minvar" },
      { current: [0.5, 0.5], costRate: 0.02 }
    );
    expect(Array.from(still.weights).map((x) => +x.toFixed(12))).toEqual([0.5, 0.5]);
    const free = tradeLimitedPortfolio(
      cov,
      { kind: "minvar" },
      { current: [0.5, 0.5], costRate: 0 }
    );
    expect(free.weights[0]).toBeCloseTo(0.2, 12);
  });

  it(`matches scipy SLSQP with explicit trade variables on ${limitsFixture.cases.turnover.length} problems (minvar and max Sharpe)`, () => {
    for (const c of limitsFixture.cases.turnover) {
      const cov = covOf(c.cov);
      const limits = {
        current: c.current,
        maxTurnover: c.maxTurnover ?? undefined,
        costRate: c.costRate,
      };
      const mv = tradeLimitedPortfolio(cov, { kind: "minvar" }, limits, { upper: c.upper });
      expect(maxAbsDifference(mv.weights, c.minvar.weights)).toBeLessThan(1e-6);
      const value = variance(cov, mv.weights) + c.costRate * turnover(mv.weights, c.current);
      expect(value).toBeLessThanOrEqual(c.minvar.objective + 1e-12);
      const excess = c.mu.map((m: number) => m - c.riskFree);
      const ms = tradeLimitedPortfolio(
        cov,
        { kind: "ratio", a: excess, name: "excess return" },
        limits,
        { upper: c.upper }
      );
      expect(maxAbsDifference(ms.weights, c.maxsharpe.weights)).toBeLessThan(1e-6);
      expect(ms.ratio!).toBeGreaterThanOrEqual(c.maxsharpe.ratio - 1e-10);
    }
  });

  it("keeps the turnover, and is no better than without the limit (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.tuple(
            covarianceArbitrary(n),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            fc.array(fc.double({ min: 0.01, max: 0.4, noNaN: true }), {
              minLength: n,
              maxLength: n,
            }),
            fc.double({ min: 0.01, max: 1.5, noNaN: true })
          )
        ),
        ([cov, raw, mu, tau]) => {
          const total = raw.reduce((a, b) => a + b, 0) || 1;
          const w0 = raw.map((x) => x / total);
          const mv = tradeLimitedPortfolio(
            cov,
            { kind: "minvar" },
            { current: w0, maxTurnover: tau }
          );
          expect(turnover(mv.weights, w0)).toBeLessThanOrEqual(tau + 1e-9);
          expect(variance(cov, mv.weights)).toBeGreaterThanOrEqual(
            variance(cov, minimumVarianceConstrained(cov).weights) * (1 - 1e-10)
          );
          const ms = tradeLimitedPortfolio(
            cov,
            { kind: "ratio", a: mu, name: "excess return" },
            { current: w0, maxTurnover: tau }
          );
          expect(turnover(ms.weights, w0)).toBeLessThanOrEqual(tau + 1e-9);
          const best = maximumSharpeConstrained(mu, cov);
          expect(ms.ratio!).toBeLessThanOrEqual(best.ratio! * (1 + 1e-10));
        }
      ),
      { numRuns: 40 }
    );
  });

  it("refuses a turnover below what the bounds force, and bad current weights", () => {
    const cov = covOf([0.04, 0, 0, 0.01]);
    expect(() =>
      tradeLimitedPortfolio(
        cov,
        { kind: "minvar" },
        { current: [1, 0], maxTurnover: 0.2 },
        { upper: 0.6 }
      )
    ).toThrow(/turnover 0.2 is too small: the weight bounds alone need at least 0.4/);
    expect(() =>
      tradeLimitedPortfolio(cov, { kind: "minvar" }, { current: [0.7, 0.7], maxTurnover: 0.2 })
    ).toThrow(/sum to 1.4 > 1/);
    expect(() =>
      tradeLimitedPortfolio(cov, { kind: "minvar" }, { current: [1], maxTurnover: 0.2 })
    ).toThrow(/1 weights for 2 assets/);
    expect(() =>
      tradeLimitedPortfolio(cov, { kind: "minvar" }, { current: [1, -0], costRate: -1 })
    ).toThrow(/cost must be a rate ≥ 0/);
  });
});
