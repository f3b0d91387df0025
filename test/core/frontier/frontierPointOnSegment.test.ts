import fc from "fast-check";
import { frontierPointOnSegment } from "../../../src/core/frontier/frontierPointOnSegment";
import { traceCriticalLine } from "../../../src/core/frontier/traceCriticalLine";
import { validateFrontierInputs } from "../../../src/core/frontier/validateFrontierInputs";
import { dot, kktViolation, quadratic, randomProblem, squareMatrix } from "./frontierTestKit";

describe("frontierPointOnSegment", () => {
  it("mixes two corners linearly, by hand", () => {
    // Corners (0, 1) at λ = 0.9 and (9/13, 4/13) at λ = 0: halfway is (9/26, 17/26) at λ = 0.45,
    // return 0.1·9/26 + 0.2·17/26 = 4.3/26, variance (0.04·81 + 0.09·289)/676.
    const inputs = validateFrontierInputs(
      [0.1, 0.2],
      squareMatrix([
        [0.04, 0],
        [0, 0.09],
      ])
    );
    const [top, bottom] = traceCriticalLine(inputs);
    const point = frontierPointOnSegment(inputs, top, bottom, 0.5, 0.01, false);
    expect(point.weights[0]).toBeCloseTo(9 / 26, 15);
    expect(point.weights[1]).toBeCloseTo(17 / 26, 15);
    expect(point.lambda).toBeCloseTo(0.45, 14);
    expect(point.expectedReturn).toBeCloseTo(4.3 / 26, 15);
    expect(point.variance).toBeCloseTo((0.04 * 81 + 0.09 * 289) / 676, 15);
    expect(point.sharpe).toBeCloseTo(
      (4.3 / 26 - 0.01) / Math.sqrt((0.04 * 81 + 0.09 * 289) / 676),
      13
    );
  });

  it("gives KKT-optimal points with recomputed statistics on every segment (property)", () => {
    fc.assert(
      fc.property(randomProblem(), fc.double({ min: 0, max: 1, noNaN: true }), (problem, t) => {
        const { mu, cov, lower, upper } = problem;
        const inputs = validateFrontierInputs(mu, cov, { lower, upper });
        const corners = traceCriticalLine(inputs);
        for (let s = 0; s + 1 < corners.length; s++) {
          const before = Array.from(corners[s].weights);
          const point = frontierPointOnSegment(inputs, corners[s], corners[s + 1], t, 0, false);
          expect(point.expectedReturn).toBeCloseTo(dot(mu, point.weights), 14);
          expect(point.variance).toBeCloseTo(quadratic(cov, point.weights), 14);
          expect(kktViolation(mu, cov, lower, upper, point.weights, point.lambda)).toBeLessThan(
            1e-8
          );
          expect(Array.from(corners[s].weights)).toEqual(before);
        }
      }),
      { numRuns: 60 }
    );
  });
});
