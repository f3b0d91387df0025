import fc from "fast-check";
import { gaussianCVaR } from "../../../src/core/stats/gaussianCVaR";
import { gaussianVaR } from "../../../src/core/stats/gaussianVaR";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("gaussianCVaR", () => {
  it("is −μ + σ φ(z) / α", () => {
    // r = [−0.01, 0.01]: μ = 0, σ = √0.0002 = 0.0141421; α = 0.05, z = −1.6448536,
    // φ(z) = e^(−z²/2)/√(2π) = 0.1031356; φ/α = 2.0627128; CVaR = 0.0141421 × 2.0627128 = 0.0291712.
    const phi = Math.exp(-0.5 * 1.6448536269514729 ** 2) / Math.sqrt(2 * Math.PI);
    expect(gaussianCVaR([-0.01, 0.01], 0.95)).toBeCloseTo((Math.sqrt(0.0002) * phi) / 0.05, 14);
  });

  it("matches the scipy formula on the random fixtures", () => {
    for (const c of randomCases()) {
      for (const row of c.expected.var) {
        expectClose(gaussianCVaR(c.returns, row.confidence), row.gaussianCVaR, 1e-12);
      }
    }
  });

  it("is at least the Gaussian VaR and increasing in the confidence level", () => {
    fc.assert(
      fc.property(
        returnsArbitrary(2, 40),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (r, c) => {
          expect(gaussianCVaR(r, c)).toBeGreaterThanOrEqual(gaussianVaR(r, c));
          expect(gaussianCVaR(r, Math.min(0.9999, c + 0.0005))).toBeGreaterThanOrEqual(
            gaussianCVaR(r, c)
          );
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("throws INVALID_ARGUMENT, TOO_FEW_POINTS and NON_FINITE on bad input", () => {
    expectCoreError(() => gaussianCVaR([0.1, -0.1], 1), "INVALID_ARGUMENT", /confidence/);
    expectCoreError(() => gaussianCVaR([0.1]), "TOO_FEW_POINTS");
    expectCoreError(() => gaussianCVaR([0.1, NaN]), "NON_FINITE");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.03, -0.02, 0.01]);
    gaussianCVaR(input);
    expect(input).toEqual([0.03, -0.02, 0.01]);
  });
});
