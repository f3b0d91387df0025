import fc from "fast-check";
import { criticalLineAlgorithm } from "../../../src/core/frontier/criticalLineAlgorithm";
import { efficientFrontier } from "../../../src/core/frontier/efficientFrontier";
import { maximumSharpePortfolio } from "../../../src/core/frontier/maximumSharpePortfolio";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
  codeOf,
  dot,
  expectInputsUnchanged,
  kktViolation,
  oracleProblems,
  paper,
  quadratic,
  randomProblem,
  realCryptoProblem,
  squareMatrix,
  sum,
  uncorrelatedPair,
} from "./frontierTestKit";

describe("efficientFrontier", () => {
  it("samples the two-asset frontier by hand", () => {
    // Corners: min variance (9/13, 4/13) with return 1.7/13 = 0.13077, and (0, 1) with return 0.2.
    // Middle point: return (1.7/13 + 0.2)/2 = 2.15/13; on this segment r = 0.2 − 0.1·w_A, so
    // w_A = (0.2 − 2.15/13)/0.1 = 4.5/13, w_B = 8.5/13.
    const frontier = efficientFrontier([0.1, 0.2], uncorrelatedPair(), {
      points: 3,
      riskFree: 0.02,
    });
    const [low, middle, high] = frontier;
    expect(low.expectedReturn).toBeCloseTo(1.7 / 13, 15);
    expect(low.isTurningPoint).toBe(true);
    expect(middle.weights[0]).toBeCloseTo(4.5 / 13, 14);
    expect(middle.weights[1]).toBeCloseTo(8.5 / 13, 14);
    expect(middle.isTurningPoint).toBe(false);
    expect(middle.variance).toBeCloseTo((0.04 * 4.5 ** 2 + 0.09 * 8.5 ** 2) / 169, 15);
    expect(middle.sharpe).toBeCloseTo((2.15 / 13 - 0.02) / middle.volatility, 14);
    expect(Array.from(high.weights)).toEqual([0, expect.closeTo(1, 15)]);
    expect(frontier).toHaveLength(3);
  });

  it("matches the SLSQP+KKT oracle point by point", () => {
    // The fixture's targets are the same equally spaced returns (scripts/fixtures/frontier.py).
    for (const problem of oracleProblems) {
      const frontier = efficientFrontier(problem.mu, squareMatrix(problem.cov), {
        lower: problem.lower,
        upper: problem.upper,
        riskFree: problem.riskFree,
        points: problem.targets.length,
      });
      frontier.forEach((point, k) => {
        const oracle = problem.targets[k];
        expect(point.expectedReturn).toBeCloseTo(oracle.target, 12);
        expect(point.variance).toBeCloseTo(oracle.variance, 12);
        expect(point.sharpe).toBeCloseTo(oracle.sharpe, 9);
        oracle.weights.forEach((w, i) => expect(point.weights[i]).toBeCloseTo(w, 8));
      });
    }
  });

  it("gives KKT-optimal, equally spaced points from minimum variance to maximum return (property)", () => {
    fc.assert(
      fc.property(randomProblem(), fc.integer({ min: 2, max: 30 }), (problem, count) => {
        const { mu, cov, lower, upper } = problem;
        const frontier = efficientFrontier(mu, cov, { lower, upper, points: count });
        const corners = criticalLineAlgorithm(mu, cov, { lower, upper });
        const points = frontier;
        expect(points).toHaveLength(count);
        expect(points[0].expectedReturn).toBeCloseTo(
          corners[corners.length - 1].expectedReturn,
          12
        );
        expect(points[count - 1].expectedReturn).toBeCloseTo(corners[0].expectedReturn, 12);
        const step = (points[count - 1].expectedReturn - points[0].expectedReturn) / (count - 1);
        points.forEach((point, k) => {
          expect(point.expectedReturn).toBeCloseTo(points[0].expectedReturn + k * step, 11);
          expect(point.expectedReturn).toBeCloseTo(dot(mu, point.weights), 13);
          expect(point.variance).toBeCloseTo(quadratic(cov, point.weights), 13);
          expect(Math.abs(sum(point.weights) - 1)).toBeLessThan(1e-9);
          point.weights.forEach((w, i) => {
            expect(w).toBeGreaterThanOrEqual(lower[i]);
            expect(w).toBeLessThanOrEqual(upper[i]);
          });
          // Each point is the minimum variance for its return: its KKT conditions hold at its λ.
          expect(kktViolation(mu, cov, lower, upper, point.weights, point.lambda)).toBeLessThan(
            1e-8
          );
          if (k > 0) expect(point.variance).toBeGreaterThanOrEqual(points[k - 1].variance - 1e-14);
        });
      }),
      { numRuns: 100 }
    );
  });

  it("flags turning points and merges them in return order on request (property)", () => {
    fc.assert(
      fc.property(randomProblem(), (problem) => {
        const { mu, cov, lower, upper } = problem;
        const merged = efficientFrontier(mu, cov, {
          lower,
          upper,
          points: 7,
          includeTurningPoints: true,
        });
        const corners = criticalLineAlgorithm(mu, cov, { lower, upper });
        for (const corner of corners) {
          expect(merged.some((p) => p.isTurningPoint && p.lambda === corner.lambda)).toBe(true);
        }
        for (let k = 1; k < merged.length; k++) {
          expect(merged[k].expectedReturn).toBeGreaterThan(merged[k - 1].expectedReturn - 1e-13);
        }
        expect(merged.length).toBeGreaterThanOrEqual(Math.max(7, corners.length));
        expect(merged.length).toBeLessThanOrEqual(7 + corners.length);
      }),
      { numRuns: 60 }
    );
  });

  it("marks the paper's corners that fall on the sampled returns", () => {
    const frontier = efficientFrontier(paper.mu, squareMatrix(paper.cov), { points: 9 });
    expect(frontier[0].isTurningPoint).toBe(true);
    expect(frontier[8].isTurningPoint).toBe(true);
    expect(frontier.slice(1, 8).some((p) => p.isTurningPoint)).toBe(false);
    // Merged: the 9 samples and the 10 corners, of which 2 coincide: 17 points, 10 flagged,
    // the corners' λ in increasing-return order.
    const merged = efficientFrontier(paper.mu, squareMatrix(paper.cov), {
      points: 9,
      includeTurningPoints: true,
    });
    expect(merged).toHaveLength(17);
    expect(merged.filter((p) => p.isTurningPoint).map((p) => p.lambda)).toEqual(
      paper.publishedTurningPoints.map((p) => expect.closeTo(p.lambda, 10)).reverse()
    );
  });

  it("throws one specific CoreError per precondition", () => {
    const cov = uncorrelatedPair();
    for (const points of [1, 2.5, NaN, 1e9]) {
      expect(codeOf(() => efficientFrontier([0.1, 0.2], cov, { points }))).toBe("INVALID_ARGUMENT");
    }
    expect(() => efficientFrontier([0.1, 0.2], cov, { points: 1 })).toThrow(
      /points: must be a whole number from 2 to 100000; got 1/
    );
    expect(codeOf(() => efficientFrontier([0.1, 0.2], cov, { riskFree: NaN }))).toBe("NON_FINITE");
    expect(codeOf(() => efficientFrontier([0.1, 0.2], cov, { lower: [0.6, 0.6] }))).toBe(
      "INFEASIBLE"
    );
    expect(codeOf(() => efficientFrontier([0.1, 0.2], cov, { upper: [1] }))).toBe(
      "LENGTH_MISMATCH"
    );
  });

  it("leaves its inputs unchanged", () => {
    expectInputsUnchanged((mu, cov, bounds) =>
      efficientFrontier(mu, cov, { ...bounds, points: 5, includeTurningPoints: true })
    );
  });
});

describeWithSharedData("efficientFrontier on real crypto prices", () => {
  it("samples a KKT-optimal frontier whose best Sharpe ratio is the exact maximum", () => {
    const symbols = [
      "BTC",
      "ETH",
      "BNB",
      "XRP",
      "ADA",
      "SOL",
      "DOGE",
      "LINK",
      "LTC",
      "BCH",
      "PAXG",
    ];
    // Three years of daily simple returns, annualised (periodsPerYear = 365), sample covariance.
    const { mu, cov } = realCryptoProblem(
      readSharedCsv("crypto-daily-close.csv"),
      symbols,
      3 * 365
    );
    const n = symbols.length;
    const lower = new Array<number>(n).fill(0.02);
    const upper = new Array<number>(n).fill(0.4);
    const riskFree = 0.04;
    const frontier = efficientFrontier(mu, cov, { lower, upper, riskFree, points: 200 });
    const best = maximumSharpePortfolio(mu, cov, { lower, upper, riskFree });
    for (const point of frontier) {
      expect(kktViolation(mu, cov, lower, upper, point.weights, point.lambda)).toBeLessThan(1e-8);
      expect(point.sharpe).toBeLessThanOrEqual(best.sharpe + 1e-12);
    }
    // A 200-point grid lands within 1e-3 of the exact maximum (the Sharpe ratio is flat at its top).
    expect(best.sharpe - Math.max(...frontier.map((p) => p.sharpe))).toBeLessThan(1e-3);
    expect(best.weights.every((w, i) => w >= lower[i] && w <= upper[i])).toBe(true);
  });
});
