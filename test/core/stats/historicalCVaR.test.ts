import fc from "fast-check";
import { historicalCVaR } from "../../../src/core/stats/historicalCVaR";
import { historicalVaR } from "../../../src/core/stats/historicalVaR";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("historicalCVaR", () => {
  it("averages the returns at or below the VaR order statistic", () => {
    // sorted [−0.1, −0.05, 0, 0.1, 0.2], c = 0.6: k = ⌊4 × 0.4⌋ = 1 → mean(−0.1, −0.05) = −0.075 → 0.075.
    expect(historicalCVaR([0.2, -0.05, 0.1, -0.1, 0], 0.6)).toBeCloseTo(0.075, 15);
    // c = 0.9 on ten returns: k = ⌊9 × 0.1⌋ = 0 (1 − 0.9 = 0.0999… is snapped to 0.1 first: 0.9 → 0) → −min.
    const r = [-0.05, -0.04, -0.03, -0.02, -0.01, 0.01, 0.02, 0.03, 0.04, 0.05];
    expect(historicalCVaR(r, 0.9)).toBeCloseTo(0.05, 15);
  });

  it("snaps (n − 1)(1 − c) to the whole number empyrical's cutoff gives", () => {
    // 11 returns, c = 0.9: empyrical k = int(10 × 0.1) = 1, while 10 × (1 − 0.9) = 0.9999999999999998.
    const r = [-0.1, -0.08, -0.06, -0.04, -0.02, 0, 0.02, 0.04, 0.06, 0.08, 0.1];
    expect(historicalCVaR(r, 0.9)).toBeCloseTo(0.09, 15);
  });

  it("matches empyrical conditional_value_at_risk on the random fixtures", () => {
    for (const c of randomCases()) {
      for (const row of c.expected.var) {
        expectClose(historicalCVaR(c.returns, row.confidence), row.historicalCVaR, 1e-12);
      }
    }
  });

  it("is at least the VaR (as losses) and at most the worst loss", () => {
    fc.assert(
      fc.property(
        returnsArbitrary(2, 50),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (r, c) => {
          const cvar = historicalCVaR(r, c);
          expect(cvar).toBeGreaterThanOrEqual(historicalVaR(r, c) - 1e-15);
          expect(cvar).toBeLessThanOrEqual(-Math.min(...r) + 1e-15);
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("throws INVALID_ARGUMENT, TOO_FEW_POINTS and NON_FINITE on bad input", () => {
    expectCoreError(() => historicalCVaR([0.1, -0.1], 1), "INVALID_ARGUMENT", /confidence/);
    expectCoreError(() => historicalCVaR([0.1]), "TOO_FEW_POINTS");
    expectCoreError(() => historicalCVaR([0.1, -Infinity]), "NON_FINITE");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.03, -0.02, 0.01]);
    // sorted [−0.02, 0.01, 0.03], c = 0.5: k = ⌊2 × 0.5⌋ = 1 → −mean(−0.02, 0.01) = 0.005.
    expectClose(historicalCVaR(input, 0.5), 0.005, 1e-15);
    expect(input).toEqual([0.03, -0.02, 0.01]);
  });
});
