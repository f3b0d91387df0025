import fc from "fast-check";
import { criticalLineAlgorithm } from "../../../src/core/frontier/criticalLineAlgorithm";
import { CoreError } from "../../../src/core/errors";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
  kktViolation,
  oracleProblems,
  paper,
  permuteProblem,
  quadratic,
  randomProblem,
  realCryptoProblem,
  snapshot,
  squareMatrix,
  sum,
  uncorrelatedPair,
} from "./frontierTestKit";

function expectCode(run: () => unknown, code: string, message?: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CoreError);
  expect((caught as CoreError).code).toBe(code);
  if (message) expect((caught as CoreError).message).toMatch(message);
}

/** Frontier portfolio at a target return, by linear interpolation between bracketing corners. */
function interpolateAtReturn(
  points: ReturnType<typeof criticalLineAlgorithm>,
  target: number
): Float64Array {
  for (let s = 0; s + 1 < points.length; s++) {
    const hi = points[s];
    const lo = points[s + 1];
    if (target <= hi.expectedReturn + 1e-12 && target >= lo.expectedReturn - 1e-12) {
      const t = Math.min(
        1,
        Math.max(0, (hi.expectedReturn - target) / (hi.expectedReturn - lo.expectedReturn))
      );
      return hi.weights.map((w, i) => (1 - t) * w + t * lo.weights[i]);
    }
  }
  return points[0].weights;
}

describe("criticalLineAlgorithm", () => {
  it("traces two uncorrelated assets by hand", () => {
    // μ = (0.1, 0.2), Σ = diag(0.04, 0.09), 0 ≤ w ≤ 1.
    // Start: all in B (highest μ), F = {B}. A's multiplier g_A(λ) = (Σw)_A − (Σw)_B − λ(μ_A − μ_B)
    //   = 0 − 0.09 + 0.1λ hits 0 at λ = 0.9: first turning point (0, 1), λ = 0.9.
    // Then F = {A, B}: 0.04 w_A − 0.1λ = 0.09 w_B − 0.2λ, w_A + w_B = 1 ⇒ w_A = (0.09 − 0.1λ)/0.13;
    //   at λ = 0: w = (9/13, 4/13), variance 0.04·81/169 + 0.09·16/169 = 4.68/169.
    const points = criticalLineAlgorithm([0.1, 0.2], uncorrelatedPair());
    expect(points).toHaveLength(2);
    expect(Array.from(points[0].weights)).toEqual([0, expect.closeTo(1, 15)]);
    expect(points[0].lambda).toBeCloseTo(0.9, 14);
    expect(points[0].expectedReturn).toBeCloseTo(0.2, 14);
    expect(points[1].weights[0]).toBeCloseTo(9 / 13, 14);
    expect(points[1].weights[1]).toBeCloseTo(4 / 13, 14);
    expect(points[1].lambda).toBe(0);
    expect(points[1].variance).toBeCloseTo(4.68 / 169, 15);
    expect(points[1].volatility).toBeCloseTo(Math.sqrt(4.68 / 169), 15);
  });

  it("splits assets with equal expected returns by variance (PyPortfolioOpt's tie bug)", () => {
    // μ = (0.2, 0.2, 0.1), Σ = diag(0.04, 0.09, 0.01). At λ = ∞ any split of A and B has the top
    // return; the limit is the least-variance split: 0.04 w_A = 0.09 w_B ⇒ (9/13, 4/13, 0).
    // γ = 0.04·9/13 − 0.2λ; C frees when g_C = −0.1λ − γ = 0.1λ − 0.36/13 = 0 ⇒ λ = 3.6/13.
    // Minimum variance: inverse-variance weights (25, 11.1̄, 100)/136.1̄.
    const points = criticalLineAlgorithm(
      [0.2, 0.2, 0.1],
      squareMatrix([
        [0.04, 0, 0],
        [0, 0.09, 0],
        [0, 0, 0.01],
      ])
    );
    expect(points).toHaveLength(2);
    expect(points[0].weights[0]).toBeCloseTo(9 / 13, 14);
    expect(points[0].weights[1]).toBeCloseTo(4 / 13, 14);
    expect(points[0].weights[2]).toBe(0);
    expect(points[0].lambda).toBeCloseTo(3.6 / 13, 13);
    const total = 25 + 100 / 9 + 100;
    [25 / total, 100 / 9 / total, 100 / total].forEach((w, i) =>
      expect(points[1].weights[i]).toBeCloseTo(w, 13)
    );
  });

  it("gives the single portfolio when all expected returns are equal", () => {
    const points = criticalLineAlgorithm([0.1, 0.1], uncorrelatedPair());
    expect(points).toHaveLength(1);
    expect(points[0].weights[0]).toBeCloseTo(9 / 13, 14);
    expect(points[0].lambda).toBe(0);
  });

  it("gives the trivial frontier for one asset", () => {
    const points = criticalLineAlgorithm([0.3], squareMatrix([[0.04]]));
    expect(points).toHaveLength(1);
    expect(Array.from(points[0].weights)).toEqual([1]);
    expect(points[0].volatility).toBeCloseTo(0.2, 15);
  });

  it("returns the only feasible portfolio when the bounds fix it", () => {
    const cov = squareMatrix([
      [0.04, 0.01],
      [0.01, 0.09],
    ]);
    const points = criticalLineAlgorithm([0.1, 0.2], cov, { lower: [0.4, 0.6] });
    expect(points).toHaveLength(1);
    expect(Array.from(points[0].weights)).toEqual([0.4, 0.6]);
    expect(criticalLineAlgorithm([0.1, 0.2], cov, { upper: 0.5 })[0].weights[0]).toBe(0.5);
  });

  it("reproduces the published turning points of the paper's ten-asset example", () => {
    // Fixture: scripts/fixtures/frontier.py (header names numpy/scipy versions and the sources).
    const cov = squareMatrix(paper.cov, paper.labels);
    const points = criticalLineAlgorithm(paper.mu, cov, { lower: paper.lower, upper: paper.upper });
    expect(points).toHaveLength(paper.publishedTurningPoints.length);
    points.forEach((point, k) => {
      const published = paper.publishedTurningPoints[k];
      published.weights.forEach((w, i) => expect(point.weights[i]).toBeCloseTo(w, 12));
      expect(point.lambda).toBeCloseTo(published.lambda, 10);
    });
    // The paper's minimum-variance corner: return 0.8032153598765337, volatility 0.20523761981386526.
    expect(points[points.length - 1].expectedReturn).toBeCloseTo(0.8032153598765337, 13);
    expect(points[points.length - 1].volatility).toBeCloseTo(0.20523761981386526, 13);
  });

  it("matches the SLSQP+KKT oracle on the paper's example and random problems", () => {
    for (const problem of oracleProblems) {
      const cov = squareMatrix(problem.cov);
      const points = criticalLineAlgorithm(problem.mu, cov, {
        lower: problem.lower,
        upper: problem.upper,
      });
      expect(points[0].expectedReturn).toBeCloseTo(problem.maximumReturn, 12);
      const last = points[points.length - 1];
      expect(last.variance).toBeCloseTo(problem.minimumVariance.variance, 12);
      problem.minimumVariance.weights.forEach((w, i) => expect(last.weights[i]).toBeCloseTo(w, 9));
      for (const target of problem.targets) {
        const w = interpolateAtReturn(points, target.target);
        expect(quadratic(cov, w)).toBeCloseTo(target.variance, 11);
        target.weights.forEach((x, i) => expect(w[i]).toBeCloseTo(x, 8));
      }
    }
  });

  it("has feasible, KKT-optimal corners with decreasing λ, return and variance (property)", () => {
    fc.assert(
      fc.property(randomProblem(), ({ mu, cov, lower, upper }) => {
        const points = criticalLineAlgorithm(mu, cov, { lower, upper });
        // The last corner is the minimum-variance portfolio: KKT with λ = 0 hold there too.
        const last = points[points.length - 1];
        expect(last.lambda).toBeGreaterThanOrEqual(0);
        expect(kktViolation(mu, cov, lower, upper, last.weights, 0)).toBeLessThan(1e-8);
        points.forEach((point, k) => {
          expect(Math.abs(sum(point.weights) - 1)).toBeLessThan(1e-9);
          point.weights.forEach((w, i) => {
            expect(w).toBeGreaterThanOrEqual(lower[i]);
            expect(w).toBeLessThanOrEqual(upper[i]);
          });
          expect(kktViolation(mu, cov, lower, upper, point.weights, point.lambda)).toBeLessThan(
            1e-8
          );
          if (k > 0) {
            const previous = points[k - 1];
            expect(point.lambda).toBeLessThan(previous.lambda);
            expect(point.expectedReturn).toBeLessThanOrEqual(previous.expectedReturn + 1e-12);
            expect(point.variance).toBeLessThanOrEqual(previous.variance + 1e-12);
          }
        });
      }),
      { numRuns: 100 }
    );
  });

  it("does not depend on the order of the assets (property)", () => {
    fc.assert(
      fc.property(
        randomProblem().chain((problem) =>
          fc.tuple(
            fc.constant(problem),
            fc.shuffledSubarray(
              Array.from({ length: problem.mu.length }, (_, i) => i),
              { minLength: problem.mu.length, maxLength: problem.mu.length }
            )
          )
        ),
        ([problem, order]) => {
          const original = criticalLineAlgorithm(problem.mu, problem.cov, problem);
          const shuffled = permuteProblem(problem, order);
          const permuted = criticalLineAlgorithm(shuffled.mu, shuffled.cov, shuffled);
          // Same corners up to degenerate repeats: compare both ends and the return range.
          const ends = (points: typeof original) => [points[0], points[points.length - 1]];
          ends(original).forEach((point, k) => {
            const other = ends(permuted)[k];
            expect(other.expectedReturn).toBeCloseTo(point.expectedReturn, 9);
            expect(other.variance).toBeCloseTo(point.variance, 9);
            order.forEach((from, i) =>
              expect(other.weights[i]).toBeCloseTo(point.weights[from], 7)
            );
          });
        }
      ),
      { numRuns: 60 }
    );
  });

  it("throws one specific CoreError per precondition", () => {
    const cov = squareMatrix(
      [
        [0.04, 0.01],
        [0.01, 0.09],
      ],
      ["BTC", "ETH"]
    );
    expectCode(() => criticalLineAlgorithm([], squareMatrix([])), "TOO_FEW_POINTS");
    expectCode(() => criticalLineAlgorithm([0.1, 0.2, 0.3], cov), "LENGTH_MISMATCH");
    expectCode(
      () => criticalLineAlgorithm([0.1, 0.2], cov, { lower: [0, 0, 0] }),
      "LENGTH_MISMATCH"
    );
    expectCode(() => criticalLineAlgorithm([0.1, NaN], cov), "NON_FINITE", /mu: column 2 \(ETH\)/);
    expectCode(
      () =>
        criticalLineAlgorithm(
          [0.1, 0.2],
          squareMatrix([
            [0.04, Infinity],
            [Infinity, 0.09],
          ])
        ),
      "NON_FINITE"
    );
    expectCode(() => criticalLineAlgorithm([0.1, 0.2], cov, { upper: [1, NaN] }), "NON_FINITE");
    expectCode(
      () =>
        criticalLineAlgorithm(
          [0.1, 0.2],
          squareMatrix([
            [0.04, 0.01],
            [0.02, 0.09],
          ])
        ),
      "INVALID_ARGUMENT",
      /not symmetric/
    );
    expectCode(
      () =>
        criticalLineAlgorithm(
          [0.1, 0.2],
          squareMatrix([
            [-0.04, 0],
            [0, 0.09],
          ])
        ),
      "INVALID_ARGUMENT",
      /negative variance/
    );
    expectCode(
      () =>
        criticalLineAlgorithm(
          [0.1, 0.2],
          squareMatrix(
            [
              [0.04, 0],
              [0, 0],
            ],
            ["BTC", "SOL"]
          )
        ),
      "ZERO_VARIANCE",
      /column 2 \(SOL\) has zero variance/
    );
    expectCode(
      () => criticalLineAlgorithm([0.1, 0.2], cov, { lower: [0.5, 0], upper: [0.3, 1] }),
      "INFEASIBLE",
      /lower bound 0\.5 above upper bound 0\.3 \(by 0\.2\)/
    );
    expectCode(
      () => criticalLineAlgorithm([0.1, 0.2], cov, { lower: 0.6 }),
      "INFEASIBLE",
      /sum to 1\.2, 0\.2 above 1/
    );
    expectCode(
      () => criticalLineAlgorithm([0.1, 0.2], cov, { upper: 0.4 }),
      "INFEASIBLE",
      /sum to 0\.8, 0\.2 below 1/
    );
    const duplicate = squareMatrix(
      [
        [0.04, 0.01, 0.04],
        [0.01, 0.09, 0.01],
        [0.04, 0.01, 0.04],
      ],
      ["BTC", "ETH", "WBTC"]
    );
    expectCode(
      () => criticalLineAlgorithm([0.1, 0.2, 0.1], duplicate),
      "SINGULAR_MATRIX",
      /remove duplicate asset WBTC or use estimator=ledoitwolf/
    );
  });

  it("leaves its inputs unchanged", () => {
    const mu = Object.freeze([0.1, 0.2, 0.15]);
    const lower = Object.freeze([0, 0.1, 0]);
    const upper = Object.freeze([0.8, 0.8, 0.8]);
    const cov = squareMatrix([
      [0.04, 0.01, 0.0],
      [0.01, 0.09, 0.02],
      [0.0, 0.02, 0.05],
    ]);
    const before = snapshot({ mu: [...mu], cov, lower: [...lower], upper: [...upper] });
    criticalLineAlgorithm(mu, cov, { lower, upper });
    expect(snapshot({ mu: [...mu], cov, lower: [...lower], upper: [...upper] })).toBe(before);
  });
});

describeWithSharedData("criticalLineAlgorithm on real crypto prices", () => {
  it("gives a KKT-optimal frontier for 14 assets over two years, capped at 30 %", () => {
    const symbols = [
      "BTC",
      "ETH",
      "BNB",
      "XRP",
      "ADA",
      "SOL",
      "DOGE",
      "TRX",
      "DOT",
      "LTC",
      "LINK",
      "AVAX",
      "ATOM",
      "PAXG",
    ];
    const n = symbols.length;
    // Two years of daily simple returns, annualised with periodsPerYear = 365, sample covariance.
    const { mu, cov } = realCryptoProblem(readSharedCsv("crypto-daily-close.csv"), symbols, 730);
    const upper = 0.3;
    const points = criticalLineAlgorithm(mu, cov, { upper });
    expect(points.length).toBeGreaterThan(3);
    for (const point of points) {
      expect(Math.abs(sum(point.weights) - 1)).toBeLessThan(1e-9);
      expect(Math.max(...point.weights)).toBeLessThanOrEqual(upper);
      expect(
        kktViolation(
          mu,
          cov,
          new Array(n).fill(0),
          new Array(n).fill(upper),
          point.weights,
          point.lambda
        )
      ).toBeLessThan(1e-8);
    }
    // PAXG (tokenised gold) barely moves with crypto: the minimum-variance portfolio holds its cap.
    expect(points[points.length - 1].weights[symbols.indexOf("PAXG")]).toBeCloseTo(upper, 9);
  });
});
