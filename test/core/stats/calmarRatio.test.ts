import fc from "fast-check";
import { calmarRatio } from "../../../src/core/stats/calmarRatio";
import { cagrFromReturns } from "../../../src/core/stats/cagrFromReturns";
import { maxDrawdownFromReturns } from "../../../src/core/drawdown/maxDrawdownFromReturns";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("calmarRatio", () => {
  it("divides the CAGR by the maximum drawdown", () => {
    // wealth 1 → 1.1 → 0.55 → 0.66: CAGR over 1 year = −0.34; drawdown 1 − 0.55/1.1 = 0.5;
    // Calmar = −0.34 / 0.5 = −0.68.
    expect(calmarRatio([0.1, -0.5, 0.2], 3)).toBeCloseTo(-0.68, 14);
  });

  it("matches empyrical calmar_ratio on the random fixtures", () => {
    for (const c of randomCases()) {
      expectClose(calmarRatio(c.returns, c.periodsPerYear), c.expected.calmarRatio, 1e-9);
    }
  });

  it("has the sign of the CAGR and equals CAGR / MDD", () => {
    fc.assert(
      fc.property(returnsArbitrary(), (r) => {
        fc.pre(r.some((x) => x < -1e-6));
        const ratio = calmarRatio(r, 365);
        expectClose(ratio, cagrFromReturns(r, 365) / maxDrawdownFromReturns(r), 1e-12);
        expect(Math.sign(ratio)).toBe(Math.sign(cagrFromReturns(r, 365)));
      }),
      PROPERTY_RUNS
    );
  });

  it("throws ZERO_VARIANCE when the equity curve never falls", () => {
    expectCoreError(() => calmarRatio([0.01, 0.02, 0]), "ZERO_VARIANCE", /never falls/);
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and INVALID_ARGUMENT on bad input", () => {
    expectCoreError(() => calmarRatio([]), "TOO_FEW_POINTS");
    expectCoreError(() => calmarRatio([-0.1]), "TOO_FEW_POINTS");
    expectCoreError(() => calmarRatio([-0.1, NaN]), "NON_FINITE");
    expectCoreError(() => calmarRatio([-0.1, -2]), "INVALID_ARGUMENT", /below −100 %/);
    expectCoreError(() => calmarRatio([-0.1, 0.2], 0), "INVALID_ARGUMENT");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.1, -0.5, 0.2]);
    calmarRatio(input);
    expect(input).toEqual([0.1, -0.5, 0.2]);
  });
});
