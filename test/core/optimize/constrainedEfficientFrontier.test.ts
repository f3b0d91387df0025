import fc from "fast-check";
import { efficientFrontier } from "../../../src/core/frontier/efficientFrontier";
import { constrainedEfficientFrontier } from "../../../src/core/optimize/constrainedEfficientFrontier";
import type { SquareMatrix } from "../../../src/core/types";

function covariance(n: number, values: number[]): SquareMatrix {
  // Σ = A·Aᵀ + 0.01·I from n×n entries of A: positive definite.
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? 0.01 : 0;
      for (let k = 0; k < n; k++) sum += values[i * n + k] * values[j * n + k];
      data[i * n + j] = sum;
    }
  }
  return { size: n, data, labels: Array.from({ length: n }, (_, i) => `A${i + 1}`) };
}

describe("constrainedEfficientFrontier", () => {
  const cov: SquareMatrix = {
    size: 3,
    data: new Float64Array([0.04, 0, 0, 0, 0.09, 0, 0, 0, 0.16]),
    labels: ["X", "Y", "Z"],
  };
  const mu = [0.1, 0.2, 0.3];

  it("matches the critical line algorithm where the group cap does not bind", () => {
    const loose = { groups: [{ name: "all", members: [0, 1, 2], max: 1 }] };
    const constrained = constrainedEfficientFrontier(mu, cov, {
      points: 5,
      constraints: loose,
    }).filter((p) => p.note !== "max Sharpe");
    const exact = efficientFrontier(mu, cov, { points: 5 });
    expect(constrained).toHaveLength(5);
    constrained.forEach((point, k) => {
      // The QP solves to ~1e-7; the critical line algorithm is exact.
      expect(point.expectedReturn).toBeCloseTo(exact[k].expectedReturn, 6);
      expect(point.volatility).toBeCloseTo(exact[k].volatility, 6);
    });
  });

  it("respects a binding group cap at every point and marks min variance, max Sharpe and max return", () => {
    const capped = { groups: [{ name: "risky", members: [1, 2], max: 0.5 }] };
    const frontier = constrainedEfficientFrontier(mu, cov, {
      points: 6,
      riskFree: 0.02,
      constraints: capped,
    });
    expect(frontier[0].note).toBe("min variance");
    expect(frontier[frontier.length - 1].note).toBe("max return");
    expect(frontier.filter((p) => p.note === "max Sharpe")).toHaveLength(1);
    // Highest return with Y + Z ≤ 0.5: 0.5 in X, 0.5 in Z → 0.2.
    expect(frontier[frontier.length - 1].expectedReturn).toBeCloseTo(0.2, 6);
    for (const p of frontier) {
      expect(p.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(p.weights[1] + p.weights[2]).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });

  it("refuses a non-finite expected return wherever it sits, even on an asset a point leaves out", () => {
    // Z is left out of the minimum-variance end when the cap on {X, Y} does not bind.
    const capped = { groups: [{ name: "g", members: [0, 1], max: 0.5 }] };
    for (const bad of [
      [0.1, 0.2, NaN],
      [0.1, Infinity, 0.3],
      [NaN, 0.2, 0.3],
    ]) {
      expect(() =>
        constrainedEfficientFrontier(bad, cov, { points: 3, constraints: capped })
      ).toThrow(
        expect.objectContaining({
          code: "NON_FINITE",
          message: expect.stringMatching(/^mu: the expected return cannot be computed/),
        })
      );
    }
  });

  it("says which constraint makes the problem infeasible", () => {
    expect(() =>
      constrainedEfficientFrontier(mu, cov, { points: 3, constraints: { lower: 0.4 } })
    ).toThrow(
      expect.objectContaining({
        code: "INFEASIBLE",
        message: expect.stringMatching(/lower bounds sum to 1.2/),
      })
    );
    expect(() => constrainedEfficientFrontier(mu, cov, { points: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("gives the max-return portfolio when the minimum-variance one already earns the top return", () => {
    // Found by the property below (fast-check seed 1835078867): the minimum-variance portfolio holds
    // asset 1 at its 0.6 cap, so every target is the top return up to rounding, and the QP's
    // reachability check refused the second point. Top: 0.6 · 0.0922 + 0.4 · 0.01 = 0.0593.
    const sigma = covariance(
      4,
      [
        0, 0, 0, 0, 0, 0.22360666442341248, 0, 0, 0, 0, 0, -0.42927978306721765, 0, 0,
        0.476515218552922, 0,
      ]
    );
    const means = [0.09218416827678455, 0.01, 0.01, 0.01];
    const constraints = { upper: 0.6, groups: [{ name: "g", members: [0, 1], max: 0.7 }] };
    const frontier = constrainedEfficientFrontier(means, sigma, { points: 5, constraints });
    const top = 0.6 * means[0] + 0.4 * 0.01;
    for (const point of frontier.filter((p) => p.note !== "max Sharpe")) {
      expect(point.expectedReturn).toBeCloseTo(top, 6);
      expect(point.weights[0]).toBeCloseTo(0.6, 6);
    }
  });

  it("is sorted by return, with volatility rising along the sampled points (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 16, maxLength: 16 }),
        fc.array(fc.double({ min: 0.01, max: 0.5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (a, means) => {
          const sigma = covariance(4, a);
          const constraints = { upper: 0.6, groups: [{ name: "g", members: [0, 1], max: 0.7 }] };
          const frontier = constrainedEfficientFrontier(means, sigma, {
            points: 5,
            constraints,
          }).filter((p) => p.note !== "max Sharpe");
          for (let k = 1; k < frontier.length; k++) {
            expect(frontier[k].expectedReturn).toBeGreaterThanOrEqual(
              frontier[k - 1].expectedReturn - 1e-9
            );
            expect(frontier[k].volatility).toBeGreaterThanOrEqual(
              frontier[k - 1].volatility - 1e-7
            );
          }
        }
      ),
      { numRuns: 40 }
    );
  });
});
