import fc from "fast-check";
import { cardinalityLimitedPortfolio } from "../../../src/core/optimize/cardinalityLimitedPortfolio";
import { minimumVarianceConstrained } from "../../../src/core/optimize/minimumVarianceConstrained";
import type { PortfolioConstraints } from "../../../src/core/optimize/types";
import type { SquareMatrix } from "../../../src/core/types";
import {
  covOf,
  covarianceArbitrary,
  limitsFixture,
  maxAbsDifference,
  variance,
} from "./limitsTestKit";

const minvar = (cov: SquareMatrix) => (c: PortfolioConstraints) =>
  minimumVarianceConstrained(cov, c);
const held = (w: ArrayLike<number>) => Array.from(w).filter((x) => x > 0).length;

describe("cardinalityLimitedPortfolio", () => {
  it("keeps the two least risky of three uncorrelated assets (hand-worked)", () => {
    // diag(0.04, 0.16, 0.04): with two holdings, {1, 3} at (0.5, 0.5) has variance 0.02, the least.
    const cov = covOf([0.04, 0, 0, 0, 0.16, 0, 0, 0, 0.04]);
    const r = cardinalityLimitedPortfolio(3, 2, {}, cov.labels, minvar(cov), (p) => p.volatility);
    [0.5, 0, 0.5].forEach((x, i) => expect(r.weights[i]).toBeCloseTo(x, 14));
    expect(r.method).toBe("exact");
    expect(r.binding).toContain("holdings ≤ 2");
  });

  it(`matches the enumeration in scipy on ${limitsFixture.cases.cardinality.length} problems`, () => {
    for (const c of limitsFixture.cases.cardinality) {
      const cov = covOf(c.cov);
      const r = cardinalityLimitedPortfolio(
        cov.size,
        c.K,
        { upper: c.upper },
        cov.labels,
        minvar(cov),
        (p) => p.volatility
      );
      expect(r.method).toBe("exact");
      expect(maxAbsDifference(r.weights, c.weights)).toBeLessThan(1e-6);
    }
  });

  it("holds at most K, is no better than unlimited, and the heuristic never beats the exact (property)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 7 })
          .chain((n) => fc.tuple(covarianceArbitrary(n), fc.integer({ min: 1, max: n }))),
        ([cov, K]) => {
          const n = cov.size;
          const r = cardinalityLimitedPortfolio(
            n,
            K,
            {},
            cov.labels,
            minvar(cov),
            (p) => p.volatility
          );
          expect(held(r.weights)).toBeLessThanOrEqual(K);
          const free = minimumVarianceConstrained(cov);
          expect(variance(cov, r.weights)).toBeGreaterThanOrEqual(
            variance(cov, free.weights) * (1 - 1e-12)
          );
        }
      ),
      { numRuns: 40 }
    );
  });

  it("uses the heuristic beyond 500 supports and still holds at most K", () => {
    // 14 assets, K = 5: C(14, 5) = 2002 supports.
    const n = 14;
    const data = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) data[i * n + j] = i === j ? 0.02 + 0.01 * i : 0.005;
    const cov = { size: n, data, labels: Array.from({ length: n }, (_, i) => `A${i}`) };
    const r = cardinalityLimitedPortfolio(n, 5, {}, cov.labels, minvar(cov), (p) => p.volatility);
    expect(r.method).toBe("heuristic");
    expect(held(r.weights)).toBeLessThanOrEqual(5);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("refuses K below the floored assets (saying how many) and K that no support can fill", () => {
    const cov = covOf([0.04, 0, 0, 0, 0.16, 0, 0, 0, 0.04]);
    expect(() =>
      cardinalityLimitedPortfolio(
        3,
        1,
        { lower: [0.1, 0.1, 0] },
        cov.labels,
        minvar(cov),
        (p) => p.volatility
      )
    ).toThrow(/holdings 1 is below the 2 assets with a positive minWeight \(A1, A2\)/);
    expect(() =>
      cardinalityLimitedPortfolio(
        3,
        1,
        { upper: 0.5 },
        cov.labels,
        minvar(cov),
        (p) => p.volatility
      )
    ).toThrow(/no set of 1 holdings meets the bounds/);
    expect(() =>
      cardinalityLimitedPortfolio(3, 0, {}, cov.labels, minvar(cov), (p) => p.volatility)
    ).toThrow(/whole number ≥ 1/);
  });
});
