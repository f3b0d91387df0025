import fc from "fast-check";
import { maximumSharpeConstrained } from "../../../src/core/optimize/maximumSharpeConstrained";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
  dot,
  expectFeasible,
  matrix,
  portfolioProblem,
  quadratic,
  randomFeasiblePortfolio,
  readFixture,
  type MaximumRatioCase,
  sampleCovarianceOfReturns,
} from "./portfolioTestUtils";

const fixture = readFixture<MaximumRatioCase>("maximumRatio");
const sharpe = (
  mu: ArrayLike<number>,
  cov: ReturnType<typeof matrix>,
  rf: number,
  w: ArrayLike<number>
) => (dot(mu, w) - rf) / Math.sqrt(quadratic(cov, w));

describe("maximumSharpeConstrained", () => {
  it("is the tangency portfolio Σ⁻¹(μ − rf), normalised, when no bound binds (hand-worked)", () => {
    // Σ = diag(0.04, 0.09), μ − rf = (0.08, 0.18) − 0.02 = (0.06, 0.16).
    // Σ⁻¹(μ − rf) = (1.5, 1.777…) ⇒ w = (1.5, 16/9)/(1.5 + 16/9) = (27/59, 32/59).
    const result = maximumSharpeConstrained([0.08, 0.18], matrix([0.04, 0, 0, 0.09]), 0.02);
    expect(result.weights[0]).toBeCloseTo(27 / 59, 14);
    expect(result.weights[1]).toBeCloseTo(32 / 59, 14);
    // Sharpe of the tangency portfolio = sqrt((μ − rf)ᵀΣ⁻¹(μ − rf)) = sqrt(0.09 + 0.2844…) = sqrt(0.37444…).
    expect(result.ratio).toBeCloseTo(Math.sqrt(0.0036 / 0.04 + 0.0256 / 0.09), 13);
    expect(result.expectedReturn).toBeCloseTo((27 * 0.08 + 32 * 0.18) / 59, 14);
  });

  it(`matches a direct SLSQP maximisation of the Sharpe ratio (scipy ${fixture.header.scipy}) on ${fixture.cases.length} problems`, () => {
    expect(fixture.header.script).toBe("scripts/fixtures/optimize.py");
    for (const c of fixture.cases) {
      const constraints = { upper: c.upper, groups: c.groups };
      const result = maximumSharpeConstrained(c.mu, matrix(c.cov), c.riskFree, constraints);
      expect(Math.abs(result.ratio! / c.maximumSharpe.ratio - 1)).toBeLessThan(1e-10);
      c.maximumSharpe.weights.forEach((v, i) =>
        expect(Math.abs(result.weights[i] - v)).toBeLessThan(1e-7)
      );
      expectFeasible(result.weights, constraints);
    }
  });

  it("has a Sharpe ratio at least that of random feasible portfolios, and respects group caps", () => {
    fc.assert(
      fc.property(
        portfolioProblem,
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (problem, c2) => {
          const { cov, mu, constraints, centre } = problem;
          const riskFree = 0;
          const candidates = [centre, c2.slice(0, cov.size)].map((c) =>
            randomFeasiblePortfolio(constraints, cov.size, c)
          );
          fc.pre(candidates.some((w) => dot(mu, w) > riskFree + 1e-6));
          const result = maximumSharpeConstrained(mu, cov, riskFree, constraints);
          expectFeasible(result.weights, constraints);
          for (const w of candidates) {
            expect(result.ratio!).toBeGreaterThanOrEqual(sharpe(mu, cov, riskFree, w) - 1e-9);
          }
          expect(result.ratio).toBeCloseTo(sharpe(mu, cov, riskFree, result.weights), 10);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("holds a single asset when N = 1", () => {
    const result = maximumSharpeConstrained([0.2], matrix([0.04], ["BTC"]), 0.05);
    expect(Array.from(result.weights)).toEqual([1]);
    expect(result.ratio).toBeCloseTo(0.75, 14);
  });

  describe("throws", () => {
    const cov = matrix([0.04, 0, 0, 0.04], ["BTC", "ETH"]);
    it("INFEASIBLE when no asset beats the risk-free rate, naming the best asset", () => {
      expect(() => maximumSharpeConstrained([0.01, 0.03], cov, 0.05)).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(
            /no asset's expected return exceeds riskFree 0\.05 \(the highest is ETH at 0\.03\)/
          ),
        })
      );
    });
    it("INFEASIBLE when the constraints keep every portfolio below the risk-free rate", () => {
      // Best return with ETH ≤ 0.3: 0.7·0.1 + 0.3·0.2 = 0.13 < 0.15.
      expect(() => maximumSharpeConstrained([0.1, 0.2], cov, 0.15, { upper: [1, 0.3] })).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(/above riskFree 0\.15/),
        })
      );
    });
    it("INFEASIBLE for infeasible constraints, naming them", () => {
      expect(() => maximumSharpeConstrained([0.1, 0.2], cov, 0, { upper: 0.4 })).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: "upper bounds sum to 0.8 < 1: raise them by 0.2 in total",
        })
      );
    });
    it("NON_FINITE for NaN in mu or riskFree", () => {
      expect(() => maximumSharpeConstrained([NaN, 0.2], cov)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
      expect(() => maximumSharpeConstrained([0.1, 0.2], cov, NaN)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "riskFree" })
      );
    });
    it("LENGTH_MISMATCH when mu has the wrong length", () => {
      expect(() => maximumSharpeConstrained([0.1, 0.2, 0.3], cov)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("SINGULAR_MATRIX for an indefinite covariance", () => {
      expect(() => maximumSharpeConstrained([0.1, 0.2], matrix([0.04, 0.05, 0.05, 0.04]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });

  it("leaves its inputs unchanged", () => {
    const mu = Object.freeze([0.08, 0.18]);
    const data = Float64Array.from([0.04, 0, 0, 0.09]);
    const constraints = Object.freeze({ upper: Object.freeze([0.9, 0.9]) });
    maximumSharpeConstrained(mu, { size: 2, data, labels: ["A", "B"] }, 0.02, constraints);
    expect([mu, Array.from(data), constraints.upper]).toEqual([
      [0.08, 0.18],
      [0.04, 0, 0, 0.09],
      [0.9, 0.9],
    ]);
  });
});

describeWithSharedData("maximumSharpeConstrained on real crypto prices", () => {
  it("beats the Sharpe ratio of equal weights under a 25 % cap and a DeFi cap", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const symbols = ["BTC", "ETH", "BNB", "SOL", "LINK", "UNI", "AAVE", "PAXG"];
    const columns = symbols.map((s) => csv.symbols.indexOf(s));
    const cov = matrix(sampleCovarianceOfReturns(csv.rows, columns), symbols);
    // Mean daily simple return over the same complete rows.
    const mu = new Array<number>(symbols.length).fill(0);
    let count = 0;
    for (let t = 1; t < csv.rows.length; t++) {
      const r = columns.map((j) => csv.rows[t][j] / csv.rows[t - 1][j] - 1);
      if (!r.every(Number.isFinite)) continue;
      r.forEach((v, i) => (mu[i] += v));
      count++;
    }
    for (let i = 0; i < mu.length; i++) mu[i] /= count;
    const defi = ["LINK", "UNI", "AAVE"].map((s) => symbols.indexOf(s));
    const constraints = { upper: 0.25, groups: [{ name: "DeFi", members: defi, max: 0.3 }] };
    const result = maximumSharpeConstrained(mu, cov, 0, constraints);
    expectFeasible(result.weights, constraints);
    const equal = new Array<number>(symbols.length).fill(1 / symbols.length);
    expect(result.ratio!).toBeGreaterThan(sharpe(mu, cov, 0, equal));
  });
});
