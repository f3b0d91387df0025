import fc from "fast-check";
import { maximumDiversification } from "../../../src/core/optimize/maximumDiversification";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
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
const ratio = (cov: ReturnType<typeof matrix>, w: ArrayLike<number>) => {
  let num = 0;
  for (let i = 0; i < cov.size; i++) num += w[i] * Math.sqrt(cov.data[i * cov.size + i]);
  return num / Math.sqrt(quadratic(cov, w));
};

describe("maximumDiversification", () => {
  it("weights uncorrelated assets by inverse volatility (hand-worked)", () => {
    // Uncorrelated: Σ⁻¹σ = (σ1/σ1², σ2/σ2²) = (1/0.2, 1/0.1) = (5, 10) ⇒ w = (1/3, 2/3).
    // DR = (0.2/3 + 0.2/3) / sqrt(0.04/9 + 0.04/9) = (0.4/3)/(0.2·√2/3) = √2.
    const result = maximumDiversification(matrix([0.04, 0, 0, 0.01]));
    expect(result.weights[0]).toBeCloseTo(1 / 3, 14);
    expect(result.weights[1]).toBeCloseTo(2 / 3, 14);
    expect(result.ratio).toBeCloseTo(Math.SQRT2, 14);
  });

  it(`matches a direct SLSQP maximisation of the diversification ratio on ${fixture.cases.length} problems`, () => {
    for (const c of fixture.cases) {
      const constraints = { upper: c.upper, groups: c.groups };
      const result = maximumDiversification(matrix(c.cov), constraints);
      expect(Math.abs(result.ratio! / c.maximumDiversification.ratio - 1)).toBeLessThan(1e-10);
      c.maximumDiversification.weights.forEach((v, i) =>
        expect(Math.abs(result.weights[i] - v)).toBeLessThan(1e-7)
      );
    }
  });

  it("is feasible, has DR ≥ 1 and at least the DR of random feasible portfolios", () => {
    fc.assert(
      fc.property(portfolioProblem, ({ cov, constraints, centre }) => {
        const result = maximumDiversification(cov, constraints);
        expectFeasible(result.weights, constraints);
        expect(result.ratio!).toBeGreaterThanOrEqual(1 - 1e-12);
        const other = randomFeasiblePortfolio(constraints, cov.size, centre);
        expect(result.ratio!).toBeGreaterThanOrEqual(ratio(cov, other) - 1e-9);
      }),
      { numRuns: 100 }
    );
  });

  it("does not change when the covariance is rescaled (annualising)", () => {
    const cov = [0.04, 0.01, 0.005, 0.01, 0.09, 0.02, 0.005, 0.02, 0.0625];
    const a = maximumDiversification(matrix(cov), { upper: 0.5 }).weights;
    const b = maximumDiversification(matrix(cov.map((v) => v * 365)), { upper: 0.5 }).weights;
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
  });

  it("holds a single asset when N = 1, with DR = 1", () => {
    const result = maximumDiversification(matrix([0.04]));
    expect(Array.from(result.weights)).toEqual([1]);
    expect(result.ratio).toBeCloseTo(1, 15);
  });

  describe("throws", () => {
    it("INFEASIBLE for infeasible groups, naming them", () => {
      expect(() =>
        maximumDiversification(
          matrix([0.04, 0, 0, 0, 0.04, 0, 0, 0, 0.04], ["BTC", "UNI", "SOL"]),
          {
            groups: [
              { name: "DeFi", members: [1], min: 0.6 },
              { name: "L1", members: [0, 2], min: 0.5 },
            ],
          }
        )
      ).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: "group DeFi floor 0.6 + group L1 floor 0.5 exceed 1: lower them by 0.1",
        })
      );
    });
    it("SINGULAR_MATRIX for a singular covariance", () => {
      expect(() => maximumDiversification(matrix([0.04, 0.04, 0.04, 0.04]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
    it("NON_FINITE for Infinity in the covariance", () => {
      expect(() => maximumDiversification(matrix([Infinity, 0, 0, 1]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
    it("LENGTH_MISMATCH for a non-square covariance", () => {
      expect(() =>
        maximumDiversification({ size: 2, data: Float64Array.from([1, 0, 1]), labels: ["A", "B"] })
      ).toThrow(expect.objectContaining({ code: "LENGTH_MISMATCH" }));
    });
  });

  it("leaves its inputs unchanged", () => {
    const data = Float64Array.from([0.04, 0.01, 0.01, 0.09]);
    maximumDiversification(
      { size: 2, data, labels: Object.freeze(["A", "B"]) },
      Object.freeze({ upper: 0.8 })
    );
    expect(Array.from(data)).toEqual([0.04, 0.01, 0.01, 0.09]);
  });
});

describeWithSharedData("maximumDiversification on real crypto prices", () => {
  it("diversifies more than equal weights under a 35 % cap and a BTC-like group cap", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const symbols = ["BTC", "ETH", "BNB", "XRP", "ADA", "DOGE", "LTC", "BCH", "PAXG"];
    const columns = symbols.map((s) => csv.symbols.indexOf(s));
    const cov = matrix(sampleCovarianceOfReturns(csv.rows, columns), symbols);
    // "False diversification": BTC, LTC and BCH move together; cap them as one group.
    const btcLike = ["BTC", "LTC", "BCH"].map((s) => symbols.indexOf(s));
    const constraints = { upper: 0.35, groups: [{ name: "BTC-like", members: btcLike, max: 0.3 }] };
    const result = maximumDiversification(cov, constraints);
    expectFeasible(result.weights, constraints);
    const equal = new Array<number>(symbols.length).fill(1 / symbols.length);
    expect(result.ratio!).toBeGreaterThan(ratio(cov, equal));
    expect(result.ratio).toBeCloseTo(ratio(cov, result.weights), 12);
  });
});
