import fc from "fast-check";
import { Matrix, solve } from "ml-matrix";
import { criticalLineAlgorithm } from "../../../src/core/frontier/criticalLineAlgorithm";
import { minimumVariancePortfolio } from "../../../src/core/frontier/minimumVariancePortfolio";
import {
  codeOf,
  expectInputsUnchanged,
  kktViolation,
  oracleProblems,
  paper,
  permuteProblem,
  quadratic,
  randomProblem,
  squareMatrix,
  sum,
  uncorrelatedPair,
} from "./frontierTestKit";

describe("minimumVariancePortfolio", () => {
  it("weights two uncorrelated assets by inverse variance, by hand", () => {
    // Σ = diag(0.04, 0.09): w ∝ (1/0.04, 1/0.09) = (25, 11.1̄) ⇒ (9/13, 4/13);
    // variance 0.04·81/169 + 0.09·16/169 = 4.68/169; return 0.1·9/13 + 0.2·4/13 = 1.7/13.
    const best = minimumVariancePortfolio([0.1, 0.2], uncorrelatedPair(), {
      riskFree: 0.03,
    });
    expect(best.weights[0]).toBeCloseTo(9 / 13, 15);
    expect(best.weights[1]).toBeCloseTo(4 / 13, 15);
    expect(best.variance).toBeCloseTo(4.68 / 169, 15);
    expect(best.expectedReturn).toBeCloseTo(1.7 / 13, 15);
    expect(best.sharpe).toBeCloseTo((1.7 / 13 - 0.03) / Math.sqrt(4.68 / 169), 13);
    expect(best.lambda).toBe(0);
    expect(best.isTurningPoint).toBe(true);
  });

  it("matches the paper's minimum-variance corner and the SLSQP+KKT oracle", () => {
    for (const problem of oracleProblems) {
      const best = minimumVariancePortfolio(problem.mu, squareMatrix(problem.cov), {
        lower: problem.lower,
        upper: problem.upper,
      });
      expect(best.variance).toBeCloseTo(problem.minimumVariance.variance, 13);
      problem.minimumVariance.weights.forEach((w, i) => expect(best.weights[i]).toBeCloseTo(w, 10));
    }
    // Published: volatility 0.20523761981386526 (the paper's last turning point).
    expect(minimumVariancePortfolio(paper.mu, squareMatrix(paper.cov)).volatility).toBeCloseTo(
      0.20523761981386526,
      13
    );
  });

  it("equals Σ⁻¹1 / 1ᵀΣ⁻¹1 when the bounds do not bind (property)", () => {
    fc.assert(
      fc.property(randomProblem(6), ({ mu, cov }) => {
        const n = mu.length;
        const sigma = new Matrix(
          Array.from({ length: n }, (_, i) => Array.from(cov.data.subarray(i * n, (i + 1) * n)))
        );
        const raw = solve(sigma, Matrix.columnVector(new Array<number>(n).fill(1))).to1DArray();
        const closedForm = raw.map((x) => x / sum(raw));
        fc.pre(closedForm.every((w) => Math.abs(w) < 50));
        const best = minimumVariancePortfolio(mu, cov, { lower: -100, upper: 100 });
        closedForm.forEach((w, i) => expect(best.weights[i]).toBeCloseTo(w, 8));
      }),
      { numRuns: 100 }
    );
  });

  it("satisfies the minimum-variance KKT conditions and ignores μ and asset order (property)", () => {
    fc.assert(
      fc.property(randomProblem(), fc.integer({ min: 0, max: 1000 }), (problem, seed) => {
        const { mu, cov, lower, upper } = problem;
        const best = minimumVariancePortfolio(mu, cov, { lower, upper });
        expect(kktViolation(mu, cov, lower, upper, best.weights, 0)).toBeLessThan(1e-8);
        expect(Math.abs(sum(best.weights) - 1)).toBeLessThan(1e-9);
        // Other expected returns do not change the minimum-variance portfolio.
        const otherMu = mu.map((_, i) => ((seed * (i + 7)) % 13) / 10);
        const other = minimumVariancePortfolio(otherMu, cov, { lower, upper });
        best.weights.forEach((w, i) => expect(other.weights[i]).toBeCloseTo(w, 8));
        // Reversed asset order gives the reversed weights.
        const order = mu.map((_, i) => mu.length - 1 - i);
        const reversed = permuteProblem(problem, order);
        const flipped = minimumVariancePortfolio(reversed.mu, reversed.cov, reversed);
        order.forEach((from, i) => expect(flipped.weights[i]).toBeCloseTo(best.weights[from], 8));
        // No corner of the frontier has less variance.
        for (const corner of criticalLineAlgorithm(mu, cov, { lower, upper })) {
          expect(quadratic(cov, corner.weights)).toBeGreaterThanOrEqual(best.variance - 1e-15);
        }
      }),
      { numRuns: 100 }
    );
  });

  it("throws one specific CoreError per precondition", () => {
    const cov = uncorrelatedPair();
    expect(codeOf(() => minimumVariancePortfolio([0.1, 0.2], cov, { riskFree: Infinity }))).toBe(
      "NON_FINITE"
    );
    expect(codeOf(() => minimumVariancePortfolio([0.1, 0.2], cov, { lower: [0.7, 0.7] }))).toBe(
      "INFEASIBLE"
    );
    expect(codeOf(() => minimumVariancePortfolio([], squareMatrix([])))).toBe("TOO_FEW_POINTS");
    expect(codeOf(() => minimumVariancePortfolio([0.1, NaN], cov))).toBe("NON_FINITE");
  });

  it("leaves its inputs unchanged", () => {
    expectInputsUnchanged((mu, cov, bounds) => minimumVariancePortfolio(mu, cov, bounds));
  });
});
