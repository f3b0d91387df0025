import fc from "fast-check";
import { CoreError } from "../../../src/core/errors";
import { efficientFrontier } from "../../../src/core/frontier/efficientFrontier";
import { frontierWithMaximumSharpe } from "../../../src/core/frontier/frontierWithMaximumSharpe";
import { maximumSharpePortfolio } from "../../../src/core/frontier/maximumSharpePortfolio";
import {
  randomProblem,
  readFixture,
  squareMatrix,
  sum,
  type PaperFixture,
} from "./frontierTestKit";

const paper = readFixture<PaperFixture>("claPaperTenAsset.json");

describe("frontierWithMaximumSharpe", () => {
  it("gives the hand-worked tangency of two uncorrelated assets beside the frontier", () => {
    // Σ = diag(0.04, 0.09), μ = (0.1, 0.2): w ∝ Σ⁻¹μ = (2.5, 2.2̄), Sharpe = √(μᵀΣ⁻¹μ) = 0.8333…;
    // the frontier runs from minimum variance (9/13, 4/13) to all in B.
    const cov = squareMatrix([
      [0.04, 0],
      [0, 0.09],
    ]);
    const { points, maximumSharpe } = frontierWithMaximumSharpe([0.1, 0.2], cov, { points: 2 });
    expect(maximumSharpe.sharpe).toBeCloseTo(Math.sqrt(0.25 + 4 / 9), 14);
    expect(maximumSharpe.weights[0]).toBeCloseTo(2.5 / (2.5 + 20 / 9), 14);
    expect(points).toHaveLength(2);
    expect(points[0].expectedReturn).toBeCloseTo((9 / 13) * 0.1 + (4 / 13) * 0.2, 14);
    expect(points[1].weights[1]).toBeCloseTo(1, 14);
  });

  it("matches the two separate calls exactly on the paper's ten assets", () => {
    const cov = squareMatrix(paper.cov);
    const options = {
      lower: paper.lower,
      upper: paper.upper,
      points: 25,
      riskFree: paper.riskFree,
      includeTurningPoints: true,
    };
    const both = frontierWithMaximumSharpe(paper.mu, cov, options);
    expect(both.points).toEqual(efficientFrontier(paper.mu, cov, options));
    expect(both.maximumSharpe).toEqual(maximumSharpePortfolio(paper.mu, cov, options));
    expect(both.maximumSharpe.sharpe).toBeCloseTo(paper.maximumSharpe.sharpe, 9);
  });

  it("equals efficientFrontier and maximumSharpePortfolio on random bounded problems", () => {
    fc.assert(
      fc.property(
        randomProblem(6),
        fc.integer({ min: 2, max: 12 }),
        fc.boolean(),
        (problem, points, includeTurningPoints) => {
          const { mu, cov, lower, upper } = problem;
          // A rate below every return, so that a tangency portfolio exists.
          const riskFree = Math.min(...mu) - 0.05;
          const options = { lower, upper, points, riskFree, includeTurningPoints };
          const run = (f: () => unknown) => {
            try {
              return f();
            } catch (error) {
              if (error instanceof CoreError) return error.code;
              throw error;
            }
          };
          const both = run(() => frontierWithMaximumSharpe(mu, cov, options));
          const frontier = run(() => efficientFrontier(mu, cov, options));
          const best = run(() => maximumSharpePortfolio(mu, cov, options));
          if (typeof both === "string") {
            // The same failure the separate calls report (e.g. a singular covariance).
            expect([frontier, best]).toContain(both);
            return;
          }
          const { points: sampled, maximumSharpe } = both as ReturnType<
            typeof frontierWithMaximumSharpe
          >;
          expect(sampled).toEqual(frontier);
          expect(maximumSharpe).toEqual(best);
          expect(sum(maximumSharpe.weights)).toBeCloseTo(1, 9);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("checks the options before tracing, with the separate calls' messages", () => {
    const cov = squareMatrix([[0.04]]);
    expect(() => frontierWithMaximumSharpe([0.1], cov, { points: 1 })).toThrow(
      "points: must be a whole number from 2 to 100000; got 1"
    );
    expect(() => frontierWithMaximumSharpe([0.1], cov, { riskFree: NaN })).toThrow(
      "riskFree: is NaN; pass a finite rate"
    );
    expect(() => frontierWithMaximumSharpe([0.1], cov, { riskFree: 0.2 })).toThrow(
      /riskFree: 0.2 is not below the highest attainable expected return 0.1/
    );
  });
});
