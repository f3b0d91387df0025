import fc from "fast-check";
import { frontierPointConstrained } from "../../../src/core/optimize/frontierPointConstrained";
import { minimumVarianceConstrained } from "../../../src/core/optimize/minimumVarianceConstrained";
import {
  dot,
  expectFeasible,
  matrix,
  portfolioProblem,
  quadratic,
  randomFeasiblePortfolio,
  readFixture,
  type ConstrainedCase,
} from "./portfolioTestUtils";

const fixture = readFixture<ConstrainedCase>("minimumVarianceConstrained");

describe("frontierPointConstrained", () => {
  it("solves a three-asset target by hand", () => {
    // Σ = diag(0.04, 0.04, 0.04), μ = (0.1, 0.2, 0.3), target 0.2. Lagrange: w = α + β·μ (equal
    // variances), Σw = 1 and μᵀw = 0.2 with μ symmetric about 0.2 ⇒ β = 0, w = (1/3, 1/3, 1/3),
    // variance 0.04/3.
    const result = frontierPointConstrained(
      [0.1, 0.2, 0.3],
      matrix([0.04, 0, 0, 0, 0.04, 0, 0, 0, 0.04]),
      0.2
    );
    result.weights.forEach((v) => expect(v).toBeCloseTo(1 / 3, 14));
    expect(result.expectedReturn).toBeCloseTo(0.2, 14);
    expect(result.volatility).toBeCloseTo(Math.sqrt(0.04 / 3), 14);
    // Target 0.25: w = (1/3 − t, 1/3, 1/3 + t) with 0.2·t = 0.05 ⇒ t = 0.25: w = (1/12, 1/3, 7/12).
    const higher = frontierPointConstrained(
      [0.1, 0.2, 0.3],
      matrix([0.04, 0, 0, 0, 0.04, 0, 0, 0, 0.04]),
      0.25
    );
    [1 / 12, 1 / 3, 7 / 12].forEach((v, i) => expect(higher.weights[i]).toBeCloseTo(v, 14));
  });

  const solvable = fixture.cases.filter((c) => c.frontierPoint !== null);
  it(`matches R quadprog solve.QP on ${solvable.length} frontier points with bounds and groups`, () => {
    expect(solvable.length).toBeGreaterThan(10);
    for (const c of solvable) {
      const constraints = { upper: c.upper, groups: c.groups };
      const result = frontierPointConstrained(c.mu, matrix(c.cov), c.targetReturn, constraints);
      c.frontierPoint!.forEach((v, i) =>
        expect(Math.abs(result.weights[i] - v)).toBeLessThan(1e-8)
      );
      expect(result.expectedReturn).toBeCloseTo(c.targetReturn, 10);
    }
  });

  it("says the target cannot be reached where solve.QP found none, giving the range", () => {
    for (const c of fixture.cases.filter((k) => k.frontierPoint === null)) {
      expect(() =>
        frontierPointConstrained(c.mu, matrix(c.cov), c.targetReturn, {
          upper: c.upper,
          groups: c.groups,
        })
      ).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(/run from about/),
        })
      );
    }
  });

  it("hits the target, is feasible, and beats any feasible portfolio with the same return", () => {
    fc.assert(
      fc.property(portfolioProblem, fc.integer({ min: 0, max: 100 }), (problem, share) => {
        const { cov, mu, constraints, centre } = problem;
        // A target between the returns of two feasible portfolios is attainable (convexity).
        const a = minimumVarianceConstrained(cov, constraints).weights;
        const b = randomFeasiblePortfolio(constraints, cov.size, centre);
        const t = share / 100;
        const mix = Array.from(a, (v, i) => (1 - t) * v + t * b[i]);
        const target = dot(mu, mix);
        const result = frontierPointConstrained(mu, cov, target, constraints);
        expectFeasible(result.weights, constraints);
        expect(Math.abs(dot(mu, result.weights) - target)).toBeLessThan(1e-9);
        expect(quadratic(cov, result.weights)).toBeLessThanOrEqual(quadratic(cov, mix) + 1e-12);
      }),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    const cov = matrix([0.04, 0, 0, 0.09], ["BTC", "ETH"]);
    it("INFEASIBLE for a target outside the attainable range, with the range", () => {
      // With ETH ≤ 0.8 the best return is 0.2·0.1 + 0.8·0.3 = 0.26; the lowest is 0.1.
      expect(() => frontierPointConstrained([0.1, 0.3], cov, 0.5, { upper: [1, 0.8] })).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(/from about 0\.1 to 0\.26/),
        })
      );
    });
    it("INFEASIBLE for infeasible constraints, naming them", () => {
      expect(() =>
        frontierPointConstrained([0.1, 0.3], cov, 0.2, {
          groups: [{ name: "L1", members: [0, 1], min: 0.5, max: 0.4 }],
        })
      ).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(/group L1: floor 0.5 > cap 0.4/),
        })
      );
    });
    it("NON_FINITE for a NaN target or NaN in mu", () => {
      expect(() => frontierPointConstrained([0.1, 0.3], cov, NaN)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "targetReturn" })
      );
      expect(() => frontierPointConstrained([0.1, NaN], cov, 0.2)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "mu", label: "ETH" })
      );
    });
    it("LENGTH_MISMATCH when mu has the wrong length", () => {
      expect(() => frontierPointConstrained([0.1], cov, 0.2)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("SINGULAR_MATRIX for a singular covariance", () => {
      expect(() => frontierPointConstrained([0.1, 0.3], matrix([1, 1, 1, 1]), 0.2)).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });

  it("leaves its inputs unchanged", () => {
    const mu = Object.freeze([0.1, 0.3]);
    const data = Float64Array.from([0.04, 0, 0, 0.09]);
    frontierPointConstrained(
      mu,
      { size: 2, data, labels: ["A", "B"] },
      0.2,
      Object.freeze({ upper: 0.9 })
    );
    expect(mu).toEqual([0.1, 0.3]);
    expect(Array.from(data)).toEqual([0.04, 0, 0, 0.09]);
  });
});
