import fc from "fast-check";
import { diversificationCurve } from "../../../src/core/diversification/diversificationCurve";
import type { SquareMatrix } from "../../../src/core/types";

function matrix(n: number, f: (i: number, j: number) => number): SquareMatrix {
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = f(i, j);
  return { size: n, data, labels: Array.from({ length: n }, (_, i) => `A${i + 1}`) };
}

describe("diversificationCurve", () => {
  it("falls as σ/√k for uncorrelated equal-volatility assets (hand-worked)", () => {
    const curve = diversificationCurve(matrix(4, (i, j) => (i === j ? 0.04 : 0)));
    curve.forEach((step, k) => {
      expect(step.volatility).toBeCloseTo(0.2 / Math.sqrt(k + 1), 15);
      expect(step.averageVolatility).toBeCloseTo(0.2, 15);
    });
  });

  it("flattens at σ·√ρ for equicorrelated assets", () => {
    // σ² (1/k + (1 − 1/k) ρ) → σ²ρ.
    const curve = diversificationCurve(matrix(50, (i, j) => (i === j ? 0.04 : 0.04 * 0.6)));
    expect(curve[49].volatility).toBeCloseTo(0.2 * Math.sqrt(1 / 50 + (49 / 50) * 0.6), 12);
  });

  it("orders by volatility or greedily", () => {
    const cov = matrix(3, (i, j) => (i === j ? [0.09, 0.01, 0.04][i] : 0));
    expect(diversificationCurve(cov, { order: "lowvol" }).map((s) => s.added)).toEqual([1, 2, 0]);
    expect(diversificationCurve(cov, { order: "greedy" })[0].added).toBe(1);
  });

  it("rejects a bad maxHoldings or order", () => {
    const cov = matrix(2, (i, j) => (i === j ? 1 : 0));
    expect(() => diversificationCurve(cov, { maxHoldings: 3 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
    expect(() => diversificationCurve(cov, { order: "random" as "given" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("greedy is never above the given order at any k, for positive correlations (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: 3, maxLength: 10 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (vols, rho) => {
          const cov = matrix(vols.length, (i, j) =>
            i === j ? vols[i] ** 2 : rho * vols[i] * vols[j]
          );
          const given = diversificationCurve(cov);
          const greedy = diversificationCurve(cov, { order: "greedy" });
          expect(greedy[0].volatility).toBeLessThanOrEqual(given[0].volatility + 1e-12);
          expect(greedy[vols.length - 1].volatility).toBeCloseTo(
            given[vols.length - 1].volatility,
            12
          );
        }
      ),
      { numRuns: 100 }
    );
  });
});
