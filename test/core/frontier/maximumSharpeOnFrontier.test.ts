import fc from "fast-check";
import { CoreError } from "../../../src/core/errors";
import { frontierPointOnSegment } from "../../../src/core/frontier/frontierPointOnSegment";
import { maximumSharpeOnFrontier } from "../../../src/core/frontier/maximumSharpeOnFrontier";
import { traceCriticalLine } from "../../../src/core/frontier/traceCriticalLine";
import { validateFrontierInputs } from "../../../src/core/frontier/validateFrontierInputs";
import { randomProblem, squareMatrix } from "./frontierTestKit";

describe("maximumSharpeOnFrontier", () => {
  it("finds the interior optimum of a segment in closed form, by hand", () => {
    // Segment from (0, 1) to (9/13, 4/13) with μ = (0.1, 0.2), Σ = diag(0.04, 0.09), r_f = 0:
    // the tangency (0.5294…, 0.4705…) lies on it, at t = 0.5294… / (9/13) = 0.7647….
    const inputs = validateFrontierInputs(
      [0.1, 0.2],
      squareMatrix([
        [0.04, 0],
        [0, 0.09],
      ])
    );
    const best = maximumSharpeOnFrontier(inputs, traceCriticalLine(inputs), 0);
    expect(best.weights[0]).toBeCloseTo(2.5 / (2.5 + 20 / 9), 14);
    expect(best.lambda).toBeCloseTo(0.9 * (1 - (2.5 / (2.5 + 20 / 9)) * (13 / 9)), 12);
  });

  it("is at least as good as a dense scan of every segment (property)", () => {
    fc.assert(
      fc.property(
        randomProblem(),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (problem, gap) => {
          const inputs = validateFrontierInputs(problem.mu, problem.cov, problem);
          const corners = traceCriticalLine(inputs);
          const riskFree = corners[0].expectedReturn - gap;
          const best = maximumSharpeOnFrontier(inputs, corners, riskFree);
          let scanned = -Infinity;
          for (let s = 0; s + 1 < corners.length; s++) {
            for (let k = 0; k <= 200; k++) {
              scanned = Math.max(
                scanned,
                frontierPointOnSegment(inputs, corners[s], corners[s + 1], k / 200, riskFree, false)
                  .sharpe
              );
            }
          }
          if (corners.length === 1)
            scanned = (corners[0].expectedReturn - riskFree) / corners[0].volatility;
          expect(best.sharpe).toBeGreaterThanOrEqual(scanned - 1e-12 * Math.abs(scanned));
          // The scan gets within O(1/200²) of the exact maximum.
          expect(best.sharpe - scanned).toBeLessThan(1e-3 * Math.max(1, Math.abs(best.sharpe)));
        }
      ),
      { numRuns: 60 }
    );
  });

  it("throws INFEASIBLE when no portfolio beats the risk-free rate", () => {
    const inputs = validateFrontierInputs(
      [0.1, 0.2],
      squareMatrix([
        [0.04, 0],
        [0, 0.09],
      ])
    );
    const corners = traceCriticalLine(inputs);
    expect(() => maximumSharpeOnFrontier(inputs, corners, 0.2)).toThrow(CoreError);
    expect(() => maximumSharpeOnFrontier(inputs, corners, 0.2)).toThrow(
      /riskFree: 0\.2 is not below/
    );
  });
});
