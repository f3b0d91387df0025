import fc from "fast-check";
import { minimumVarianceConstrained } from "../../../src/core/optimize/minimumVarianceConstrained";
import { describeWithSharedData, readSharedCsv } from "../../helpers/sharedData";
import {
  expectFeasible,
  matrix,
  portfolioProblem,
  quadratic,
  randomFeasiblePortfolio,
  readFixture,
  type ConstrainedCase,
  sampleCovarianceOfReturns,
} from "./portfolioTestUtils";

const fixture = readFixture<ConstrainedCase>("minimumVarianceConstrained");

describe("minimumVarianceConstrained", () => {
  it("matches the two-asset closed form (hand-worked)", () => {
    // σ1² = 0.04, σ2² = 0.09, σ12 = 0.012: w1 = (σ2² − σ12)/(σ1² + σ2² − 2σ12)
    // = (0.09 − 0.012)/(0.04 + 0.09 − 0.024) = 0.078/0.106 = 0.7358490566…
    const result = minimumVarianceConstrained(matrix([0.04, 0.012, 0.012, 0.09]));
    expect(result.weights[0]).toBeCloseTo(0.078 / 0.106, 14);
    expect(result.weights[1]).toBeCloseTo(0.028 / 0.106, 14);
    // Variance w1²σ1² + w2²σ2² + 2w1w2σ12 = (σ1²σ2² − σ12²)/(σ1² + σ2² − 2σ12) = 0.003456/0.106.
    expect(result.volatility).toBeCloseTo(Math.sqrt(0.003456 / 0.106), 14);
    expect(result.binding).toEqual([]);
  });

  it("stops at a cap that cuts the closed form, and reports it as binding", () => {
    // The variance is convex in w1 with its minimum at 0.7358 > 0.6, so the cap binds: w = (0.6, 0.4).
    const result = minimumVarianceConstrained(matrix([0.04, 0.012, 0.012, 0.09], ["BTC", "ETH"]), {
      upper: [0.6, 1],
    });
    expect(Array.from(result.weights).map((v) => +v.toFixed(12))).toEqual([0.6, 0.4]);
    expect(result.binding).toEqual(["asset BTC: max 0.6"]);
  });

  it(`matches R quadprog solve.QP on ${fixture.cases.length} problems with bounds and group constraints`, () => {
    expect(fixture.header.script).toBe("scripts/fixtures/optimize.R");
    for (const c of fixture.cases) {
      const constraints = { upper: c.upper, groups: c.groups };
      const result = minimumVarianceConstrained(matrix(c.cov), constraints);
      c.minimumVariance.forEach((v, i) =>
        expect(Math.abs(result.weights[i] - v)).toBeLessThan(1e-8)
      );
      expectFeasible(result.weights, constraints);
    }
  });

  it("is feasible and has no more variance than random feasible portfolios", () => {
    fc.assert(
      fc.property(portfolioProblem, ({ cov, constraints, centre }) => {
        const result = minimumVarianceConstrained(cov, constraints);
        expectFeasible(result.weights, constraints);
        const other = randomFeasiblePortfolio(constraints, cov.size, centre);
        expect(quadratic(cov, result.weights)).toBeLessThanOrEqual(quadratic(cov, other) + 1e-12);
        expect(result.volatility).toBeCloseTo(Math.sqrt(quadratic(cov, result.weights)), 12);
      }),
      { numRuns: 100 }
    );
  });

  it("is invariant to the order of the assets", () => {
    fc.assert(
      fc.property(portfolioProblem, ({ cov, constraints }) => {
        const n = cov.size;
        const p = Array.from({ length: n }, (_, i) => n - 1 - i); // new i ← old p[i]
        const where = new Array<number>(n);
        p.forEach((old, i) => (where[old] = i));
        const permuted = matrix(
          Array.from({ length: n * n }, (_, k) => cov.data[p[Math.floor(k / n)] * n + p[k % n]])
        );
        const groups = (constraints.groups ?? []).map((g) => ({
          ...g,
          members: g.members.map((m) => where[m]),
        }));
        const a = minimumVarianceConstrained(cov, constraints).weights;
        const b = minimumVarianceConstrained(permuted, { ...constraints, groups }).weights;
        for (let i = 0; i < n; i++) expect(Math.abs(b[i] - a[p[i]])).toBeLessThan(1e-8);
      }),
      { numRuns: 50 }
    );
  });

  it("does not depend on the scale of the covariance (daily vs annualised, 1e-8 to 1e4)", () => {
    fc.assert(
      fc.property(portfolioProblem, fc.integer({ min: -8, max: 4 }), ({ cov, constraints }, e) => {
        const scaled = matrix(Array.from(cov.data, (v) => v * 10 ** e));
        const a = minimumVarianceConstrained(cov, constraints).weights;
        const b = minimumVarianceConstrained(scaled, constraints).weights;
        a.forEach((v, i) => expect(Math.abs(b[i] - v)).toBeLessThan(1e-8));
      }),
      { numRuns: 50 }
    );
  });

  it("treats denormal covariances (5e-324) like the zeros they round from", () => {
    // Found by a property test: Givens rotations on J columns this small computed √(a² + b²) = 0
    // and the QP declared the feasible box infeasible ("A1: max 0.6 … misses it by 0.134").
    const exact = [
      [0.01, 0, 0, 0],
      [0, 0.1461670817691481, 0.05916141113432573, 0],
      [0, 0.05916141113432573, 0.03570424894130136, 0],
      [0, 0, 0, 0.26],
    ];
    const denormal = exact.map((row) => [...row]);
    denormal[0][1] = denormal[1][0] = 5e-324;
    const labels = ["A1", "A2", "A3", "A4"];
    const solve = (rows: number[][]) =>
      minimumVarianceConstrained(
        { size: 4, data: Float64Array.from(rows.flat()), labels },
        { upper: 0.6, groups: [{ name: "g", members: [0, 1], max: 0.7 }] }
      ).weights;
    const reference = solve(exact);
    expect(reference[0]).toBeCloseTo(0.6, 12);
    const weights = solve(denormal);
    reference.forEach((w, i) => expect(weights[i]).toBeCloseTo(w, 12));
  });

  it("returns the single asset when N = 1", () => {
    const result = minimumVarianceConstrained(matrix([0.09], ["BTC"]));
    expect(Array.from(result.weights)).toEqual([1]);
    expect(result.volatility).toBeCloseTo(0.3, 15);
  });

  describe("throws", () => {
    const cov = matrix([0.04, 0.01, 0.01, 0.09], ["BTC", "SOL"]);
    it("INFEASIBLE with the binding constraint and the amount", () => {
      expect(() => minimumVarianceConstrained(cov, { lower: 0.6 })).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: "lower bounds sum to 1.2 > 1: lower them by 0.2 in total",
        })
      );
      expect(() => minimumVarianceConstrained(cov, { lower: [0.3, 0], upper: [0.2, 1] })).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(/asset BTC: min 0.3 > max 0.2/),
        })
      );
    });
    it("INFEASIBLE for overlapping groups that clash only three at a time", () => {
      // G1 = {1,2} ≥ 1 forces w0 = 0; G2 = {0,1} ≥ 0.8 then forces w2 ≤ 0.2 < G0's 0.35.
      expect(() =>
        minimumVarianceConstrained(matrix([0.04, 0, 0, 0, 0.09, 0, 0, 0, 0.16]), {
          groups: [
            { name: "G0", members: [0, 2], min: 0.35 },
            { name: "G1", members: [1, 2], min: 1 },
            { name: "G2", members: [0, 1], min: 0.8 },
          ],
        })
      ).toThrow(
        expect.objectContaining({
          code: "INFEASIBLE",
          message: expect.stringMatching(/cannot all hold.*group G0: floor 0.35/),
        })
      );
    });
    it("SINGULAR_MATRIX on a singular covariance, with the fix", () => {
      expect(() => minimumVarianceConstrained(matrix([1, 1, 1, 1]))).toThrow(
        expect.objectContaining({
          code: "SINGULAR_MATRIX",
          message: expect.stringMatching(/shrinkage/),
        })
      );
    });
    it("INVALID_ARGUMENT on an asymmetric covariance or a negative lower bound", () => {
      expect(() => minimumVarianceConstrained(matrix([1, 0.5, 0, 1]))).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
      expect(() => minimumVarianceConstrained(cov, { lower: -0.1 })).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: expect.stringMatching(/long-only/),
        })
      );
    });
    it("NON_FINITE on NaN in the covariance or the bounds", () => {
      expect(() => minimumVarianceConstrained(matrix([0.04, NaN, NaN, 0.09]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
      expect(() => minimumVarianceConstrained(cov, { upper: [NaN, 1] })).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
    it("LENGTH_MISMATCH on a bound array of the wrong length", () => {
      expect(() => minimumVarianceConstrained(cov, { upper: [0.5] })).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
  });

  it("leaves its inputs unchanged", () => {
    const data = Float64Array.from([0.04, 0.012, 0.012, 0.09]);
    const cov = Object.freeze({ size: 2, data, labels: Object.freeze(["A", "B"]) });
    const constraints = Object.freeze({
      upper: Object.freeze([0.6, 1]),
      groups: Object.freeze([Object.freeze({ name: "G", members: Object.freeze([0, 1]), max: 1 })]),
    });
    const before = JSON.stringify({ data: Array.from(data), constraints });
    minimumVarianceConstrained(cov, constraints);
    expect(JSON.stringify({ data: Array.from(data), constraints })).toBe(before);
  });
});

describeWithSharedData("minimumVarianceConstrained on real crypto prices", () => {
  it("respects a 30 % cap per asset and a 40 % cap on the Layer 1 group", () => {
    const csv = readSharedCsv("crypto-daily-close.csv");
    const symbols = ["BTC", "ETH", "BNB", "XRP", "ADA", "SOL", "DOGE", "LINK", "PAXG"];
    const columns = symbols.map((s) => csv.symbols.indexOf(s));
    const cov = matrix(sampleCovarianceOfReturns(csv.rows, columns), symbols);
    const layer1 = ["ETH", "BNB", "ADA", "SOL"].map((s) => symbols.indexOf(s));
    const constraints = { upper: 0.3, groups: [{ name: "Layer 1", members: layer1, max: 0.4 }] };
    const result = minimumVarianceConstrained(cov, constraints);
    expectFeasible(result.weights, constraints);
    // PAXG (gold) is by far the least volatile and least correlated: it takes the whole 30 % cap.
    expect(result.weights[symbols.indexOf("PAXG")]).toBeCloseTo(0.3, 9);
    expect(result.binding).toContain("asset PAXG: max 0.3");
    const equal = new Array<number>(symbols.length).fill(1 / symbols.length);
    expect(result.volatility ** 2).toBeLessThan(quadratic(cov, equal));
  });
});
