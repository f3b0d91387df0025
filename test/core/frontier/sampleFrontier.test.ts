import { sampleFrontier, checkFrontierSampling } from "../../../src/core/frontier/sampleFrontier";
import { traceCriticalLine } from "../../../src/core/frontier/traceCriticalLine";
import { validateFrontierInputs } from "../../../src/core/frontier/validateFrontierInputs";
import { squareMatrix } from "./frontierTestKit";

describe("sampleFrontier", () => {
  // Three uncorrelated assets, long only: Σ = diag(0.04, 0.09, 0.16), μ = (0.1, 0.2, 0.3).
  const cov = squareMatrix([
    [0.04, 0, 0],
    [0, 0.09, 0],
    [0, 0, 0.16],
  ]);
  const inputs = validateFrontierInputs([0.1, 0.2, 0.3], cov);
  const corners = traceCriticalLine(inputs);

  it("spaces the points equally in return from minimum variance to the top corner", () => {
    const points = sampleFrontier(inputs, corners, { points: 5 });
    // Minimum variance ∝ 1/σ²: (25, 11.1̄, 6.25)/42.36̄ ⇒ return = (2.5 + 2.2̄ + 1.875)/42.36̄.
    const precision = 25 + 100 / 9 + 6.25;
    const lowest = (2.5 + 20 / 9 + 1.875) / precision;
    expect(points[0].expectedReturn).toBeCloseTo(lowest, 14);
    expect(points[4].expectedReturn).toBeCloseTo(0.3, 14);
    for (let k = 0; k < 5; k++) {
      expect(points[k].expectedReturn).toBeCloseTo(lowest + ((0.3 - lowest) * k) / 4, 13);
    }
  });

  it("merges every corner, flagged, when asked", () => {
    const plain = sampleFrontier(inputs, corners, { points: 3 });
    const merged = sampleFrontier(inputs, corners, { points: 3, includeTurningPoints: true });
    expect(merged.filter((p) => p.isTurningPoint).length).toBe(corners.length);
    expect(merged.length).toBeGreaterThanOrEqual(plain.length);
    for (let k = 1; k < merged.length; k++) {
      expect(merged[k].expectedReturn).toBeGreaterThan(merged[k - 1].expectedReturn);
    }
  });

  it("defaults to 50 points and no risk-free rate, and rejects bad options", () => {
    expect(checkFrontierSampling({})).toEqual({ count: 50, riskFree: 0 });
    expect(() => checkFrontierSampling({ points: 2.5 })).toThrow("points: must be a whole number");
    expect(() => checkFrontierSampling({ riskFree: Infinity })).toThrow("riskFree: is Infinity");
  });
});
