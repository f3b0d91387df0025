import fc from "fast-check";
import { gaussianVaR } from "../../../src/core/stats/gaussianVaR";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("gaussianVaR", () => {
  it("is −(μ + σ z) with the sample σ", () => {
    // r = [−0.01, 0.01]: μ = 0, σ = √(0.0002 / 1) = 0.0141421; z_0.05 = −1.6448536;
    // VaR = 0.0141421 × 1.6448536 = 0.0232617.
    expect(gaussianVaR([-0.01, 0.01], 0.95)).toBeCloseTo(
      Math.sqrt(0.0002) * 1.6448536269514729,
      14
    );
  });

  it("matches scipy norm.ppf(1 − c, mean, std(ddof=1)) on the random fixtures", () => {
    for (const c of randomCases()) {
      for (const row of c.expected.var) {
        expectClose(gaussianVaR(c.returns, row.confidence), row.gaussianVaR, 1e-12);
      }
    }
  });

  it("is increasing in the confidence level and gives −μ for a constant series", () => {
    fc.assert(
      fc.property(returnsArbitrary(2, 40), (r) => {
        expect(gaussianVaR(r, 0.99)).toBeGreaterThan(gaussianVaR(r, 0.95));
        expect(gaussianVaR(r, 0.95)).toBeGreaterThan(gaussianVaR(r, 0.9));
      }),
      PROPERTY_RUNS
    );
    expect(gaussianVaR([0.01, 0.01, 0.01])).toBeCloseTo(-0.01, 15);
  });

  it("throws INVALID_ARGUMENT, TOO_FEW_POINTS and NON_FINITE on bad input", () => {
    expectCoreError(() => gaussianVaR([0.1, -0.1], 0), "INVALID_ARGUMENT", /confidence/);
    expectCoreError(() => gaussianVaR([0.1]), "TOO_FEW_POINTS");
    expectCoreError(() => gaussianVaR([0.1, NaN]), "NON_FINITE");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.03, -0.02, 0.01]);
    gaussianVaR(input);
    expect(input).toEqual([0.03, -0.02, 0.01]);
  });
});
