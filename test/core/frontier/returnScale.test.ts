import fc from "fast-check";
import { returnScale } from "../../../src/core/frontier/returnScale";
import { validateFrontierInputs } from "../../../src/core/frontier/validateFrontierInputs";
import { randomProblem, squareMatrix } from "./frontierTestKit";

describe("returnScale", () => {
  it("is the larger of max |μ| and max σ, by hand", () => {
    // σ = (0.2, 0.3), max |μ| = 0.2 ⇒ 0.3; with μ = (−0.5, 0.1) ⇒ 0.5.
    const cov = squareMatrix([
      [0.04, 0],
      [0, 0.09],
    ]);
    expect(returnScale(validateFrontierInputs([0.1, 0.2], cov))).toBeCloseTo(0.3, 15);
    expect(returnScale(validateFrontierInputs([-0.5, 0.1], cov))).toBe(0.5);
  });

  it("equals max |μ| when the returns dominate the volatilities (property)", () => {
    fc.assert(
      fc.property(randomProblem(), ({ mu, cov }) => {
        const big = mu.map((m) => (m < 0 ? -1 : 1) * 1e6 * (1 + Math.abs(m)));
        const scale = returnScale(validateFrontierInputs(big, cov));
        expect(scale).toBe(Math.max(...big.map(Math.abs)));
      }),
      { numRuns: 50 }
    );
  });
});
