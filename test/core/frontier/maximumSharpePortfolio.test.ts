import fc from "fast-check";
import { Matrix, solve } from "ml-matrix";
import { criticalLineAlgorithm } from "../../../src/core/frontier/criticalLineAlgorithm";
import { efficientFrontier } from "../../../src/core/frontier/efficientFrontier";
import { maximumSharpePortfolio } from "../../../src/core/frontier/maximumSharpePortfolio";
import {
  codeOf,
  dot,
  expectInputsUnchanged,
  oracleProblems,
  quadratic,
  randomProblem,
  squareMatrix,
  sum,
  uncorrelatedPair,
} from "./frontierTestKit";

describe("maximumSharpePortfolio", () => {
  it("finds the tangency portfolio of two uncorrelated assets by hand", () => {
    // μ = (0.1, 0.2), Σ = diag(0.04, 0.09), r_f = 0: w ∝ Σ⁻¹μ = (2.5, 2.2̄) ⇒ w = (0.5294…, 0.4705…);
    // Sharpe² = μᵀΣ⁻¹μ = 0.25 + 0.4̄ = 0.69̄ ⇒ Sharpe = 0.8333….
    const cov = uncorrelatedPair();
    const best = maximumSharpePortfolio([0.1, 0.2], cov);
    expect(best.weights[0]).toBeCloseTo(2.5 / (2.5 + 20 / 9), 14);
    expect(best.sharpe).toBeCloseTo(Math.sqrt(0.25 + 4 / 9), 14);
    expect(best.isTurningPoint).toBe(false);
    // Capped at 50 %: the tangency weight 0.529 of A is cut to the cap, so (0.5, 0.5), a corner:
    // Sharpe = 0.15 / √(0.25·0.04 + 0.25·0.09) = 0.15 / √0.0325.
    const capped = maximumSharpePortfolio([0.1, 0.2], cov, { upper: 0.5 });
    expect(Array.from(capped.weights)).toEqual([0.5, 0.5]);
    expect(capped.sharpe).toBeCloseTo(0.15 / Math.sqrt(0.0325), 14);
  });

  it("matches the paper's maximum Sharpe ratio and the SLSQP oracle", () => {
    // Fixture: scripts/fixtures/frontier.py (SLSQP from three starts; 4.453533 on the paper's example).
    for (const problem of oracleProblems) {
      const best = maximumSharpePortfolio(problem.mu, squareMatrix(problem.cov), {
        lower: problem.lower,
        upper: problem.upper,
        riskFree: problem.riskFree,
      });
      // SLSQP stops on a flat optimum: the ratio agrees far better than the weights.
      expect(best.sharpe).toBeGreaterThanOrEqual(problem.maximumSharpe.sharpe - 1e-9);
      expect(best.sharpe).toBeCloseTo(problem.maximumSharpe.sharpe, 9);
      problem.maximumSharpe.weights.forEach((w, i) => expect(best.weights[i]).toBeCloseTo(w, 4));
    }
  });

  it("equals the closed form Σ⁻¹(μ − r_f) / 1ᵀΣ⁻¹(μ − r_f) when the bounds do not bind (property)", () => {
    fc.assert(
      fc.property(
        randomProblem(6),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        (problem, riskFree) => {
          const n = problem.mu.length;
          const sigma = new Matrix(
            Array.from({ length: n }, (_, i) =>
              Array.from(problem.cov.data.subarray(i * n, (i + 1) * n))
            )
          );
          const excess = Matrix.columnVector(problem.mu.map((m) => m - riskFree));
          const raw = solve(sigma, excess).to1DArray();
          const total = sum(raw);
          fc.pre(total > 1e-3);
          const tangency = raw.map((x) => x / total);
          // Wide bounds that the closed form respects: the box is then inactive.
          fc.pre(tangency.every((w) => Math.abs(w) < 5));
          const best = maximumSharpePortfolio(problem.mu, problem.cov, {
            lower: -10,
            upper: 10,
            riskFree,
          });
          tangency.forEach((w, i) => expect(best.weights[i]).toBeCloseTo(w, 7));
        }
      ),
      { numRuns: 100 }
    );
  });

  it("beats every sampled frontier point and every corner mixture (property)", () => {
    fc.assert(
      fc.property(randomProblem(), fc.double({ min: 0, max: 1, noNaN: true }), (problem, share) => {
        const { mu, cov, lower, upper } = problem;
        const corners = criticalLineAlgorithm(mu, cov, { lower, upper });
        const riskFree = corners[0].expectedReturn - 0.05 - share * 0.5;
        const best = maximumSharpePortfolio(mu, cov, { lower, upper, riskFree });
        expect(Math.abs(sum(best.weights) - 1)).toBeLessThan(1e-9);
        best.weights.forEach((w, i) => {
          expect(w).toBeGreaterThanOrEqual(lower[i]);
          expect(w).toBeLessThanOrEqual(upper[i]);
        });
        expect(best.sharpe).toBeCloseTo(
          (dot(mu, best.weights) - riskFree) / Math.sqrt(quadratic(cov, best.weights)),
          12
        );
        const tolerance = 1e-12 * Math.max(1, Math.abs(best.sharpe));
        for (const point of efficientFrontier(mu, cov, { lower, upper, riskFree, points: 25 })) {
          expect(point.sharpe).toBeLessThanOrEqual(best.sharpe + tolerance);
        }
        // Any feasible portfolio, e.g. a mixture of the first and last corners.
        const first = corners[0].weights;
        const last = corners[corners.length - 1].weights;
        const mixture = first.map((w, i) => share * w + (1 - share) * last[i]);
        const sharpe = (dot(mu, mixture) - riskFree) / Math.sqrt(quadratic(cov, mixture));
        expect(sharpe).toBeLessThanOrEqual(best.sharpe + tolerance);
      }),
      { numRuns: 100 }
    );
  });

  it("throws one specific CoreError per precondition", () => {
    const cov = uncorrelatedPair();
    expect(codeOf(() => maximumSharpePortfolio([0.1, 0.2], cov, { riskFree: NaN }))).toBe(
      "NON_FINITE"
    );
    expect(codeOf(() => maximumSharpePortfolio([0.1, 0.2], cov, { riskFree: 0.2 }))).toBe(
      "INFEASIBLE"
    );
    expect(() => maximumSharpePortfolio([0.1, 0.2], cov, { riskFree: 0.25 })).toThrow(
      /riskFree: 0\.25 is not below the highest attainable expected return 0\.2/
    );
    expect(codeOf(() => maximumSharpePortfolio([0.1], cov))).toBe("LENGTH_MISMATCH");
    expect(codeOf(() => maximumSharpePortfolio([0.1, 0.2], cov, { upper: 0.3 }))).toBe(
      "INFEASIBLE"
    );
    expect(
      codeOf(() =>
        maximumSharpePortfolio(
          [0.1, 0.2],
          squareMatrix([
            [0.04, 0.06],
            [0.06, 0.09],
          ])
        )
      )
    ).toBe("SINGULAR_MATRIX");
  });

  it("leaves its inputs unchanged", () => {
    expectInputsUnchanged((mu, cov, bounds) =>
      maximumSharpePortfolio(mu, cov, { ...bounds, riskFree: 0.01 })
    );
  });
});
