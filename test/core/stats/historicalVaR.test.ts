import fc from "fast-check";
import { quantile } from "simple-statistics";
import { historicalVaR } from "../../../src/core/stats/historicalVaR";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("historicalVaR", () => {
  it("is minus the type-7 quantile at 1 − c (losses positive)", () => {
    // sorted [−0.1, 0, 0.1], c = 0.75: h = (3 − 1)(0.25) = 0.5 → halfway from −0.1 to 0 = −0.05 → VaR 0.05.
    expect(historicalVaR([0.1, -0.1, 0], 0.75)).toBeCloseTo(0.05, 15);
    // 1..10 % gains and losses: sorted [−0.05, −0.04, …], c = 0.9: h = 9 × 0.1 = 0.9 (snapped exactly);
    // q = −0.05 + 0.9 × 0.01 = −0.041 → VaR 0.041.
    const r = [-0.05, -0.04, -0.03, -0.02, -0.01, 0.01, 0.02, 0.03, 0.04, 0.05];
    expect(historicalVaR(r, 0.9)).toBeCloseTo(0.041, 15);
  });

  it("matches empyrical value_at_risk (np.percentile, linear) on the random fixtures", () => {
    for (const c of randomCases()) {
      for (const row of c.expected.var) {
        expectClose(historicalVaR(c.returns, row.confidence), row.historicalVaR, 1e-12);
      }
    }
  });

  it("matches simple-statistics quantile (R type 7), sign flipped", () => {
    fc.assert(
      fc.property(
        returnsArbitrary(2, 50),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (r, c) => {
          expectClose(historicalVaR(r, c), -quantile(r, 1 - c), 1e-12);
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("is non-decreasing in the confidence level", () => {
    fc.assert(
      fc.property(
        returnsArbitrary(2, 50),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (r, a, b) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          expect(historicalVaR(r, high)).toBeGreaterThanOrEqual(historicalVaR(r, low) - 1e-15);
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("does not depend on the order of the returns", () => {
    fc.assert(
      fc.property(returnsArbitrary(2, 40), (r) => {
        expect(historicalVaR([...r].reverse(), 0.95)).toBe(historicalVaR(r, 0.95));
      }),
      PROPERTY_RUNS
    );
  });

  it("throws INVALID_ARGUMENT on a confidence outside (0, 1)", () => {
    for (const c of [0, 1, 95, -0.5, NaN]) {
      expectCoreError(() => historicalVaR([0.1, -0.1], c), "INVALID_ARGUMENT", /confidence/);
    }
  });

  it("throws TOO_FEW_POINTS and NON_FINITE on bad returns", () => {
    expectCoreError(() => historicalVaR([]), "TOO_FEW_POINTS");
    expectCoreError(() => historicalVaR([0.1]), "TOO_FEW_POINTS");
    expectCoreError(() => historicalVaR([0.1, NaN]), "NON_FINITE");
  });

  it("leaves its input unchanged (it sorts a copy)", () => {
    const input = frozen([0.03, -0.02, 0.01]);
    historicalVaR(input);
    expect(input).toEqual([0.03, -0.02, 0.01]);
    const typed = new Float64Array([0.03, -0.02, 0.01]);
    historicalVaR(typed);
    expect(Array.from(typed)).toEqual([0.03, -0.02, 0.01]);
  });
});
