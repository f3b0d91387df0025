import fc from "fast-check";
import { criticalLineAlgorithm } from "../../../src/core/frontier/criticalLineAlgorithm";
import { traceCriticalLine } from "../../../src/core/frontier/traceCriticalLine";
import { validateFrontierInputs } from "../../../src/core/frontier/validateFrontierInputs";
import { randomProblem, readFixture, squareMatrix, type PaperFixture } from "./frontierTestKit";

const paper = readFixture<PaperFixture>("claPaperTenAsset.json");

describe("traceCriticalLine", () => {
  it("returns the paper's ten λ values on validated inputs", () => {
    const inputs = validateFrontierInputs(paper.mu, squareMatrix(paper.cov));
    const lambdas = traceCriticalLine(inputs).map((p) => p.lambda);
    // Published: 58.303, 4.174, 1.946, 0.1646, 0.1474, 0.0562, 0.0520, 0.0365, 0.0310, 0.
    paper.publishedTurningPoints.forEach((p, k) => expect(lambdas[k]).toBeCloseTo(p.lambda, 10));
  });

  it("returns the single feasible portfolio when Σ lower = 1, by hand", () => {
    const inputs = validateFrontierInputs(
      [0.1, 0.2],
      squareMatrix([
        [0.04, 0],
        [0, 0.09],
      ]),
      { lower: [0.3, 0.7] }
    );
    const [only, ...rest] = traceCriticalLine(inputs);
    expect(rest).toHaveLength(0);
    expect(Array.from(only.weights)).toEqual([0.3, 0.7]);
    // variance 0.04·0.09 + 0.09·0.49 = 0.0477
    expect(only.variance).toBeCloseTo(0.0477, 15);
  });

  it("agrees with criticalLineAlgorithm and leaves the inputs untouched (property)", () => {
    fc.assert(
      fc.property(randomProblem(), ({ mu, cov, lower, upper }) => {
        const inputs = validateFrontierInputs(mu, cov, { lower, upper });
        const mu0 = Array.from(inputs.mu);
        const cov0 = Array.from(inputs.cov);
        const traced = traceCriticalLine(inputs);
        expect(traced).toEqual(criticalLineAlgorithm(mu, cov, { lower, upper }));
        expect(Array.from(inputs.mu)).toEqual(mu0);
        expect(Array.from(inputs.cov)).toEqual(cov0);
      }),
      { numRuns: 50 }
    );
  });
});
