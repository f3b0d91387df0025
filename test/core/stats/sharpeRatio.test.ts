import fc from "fast-check";
import { sharpeRatio } from "../../../src/core/stats/sharpeRatio";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("sharpeRatio", () => {
  it("divides the annualised excess mean by the annualised volatility", () => {
    // mean 0.02 × 4 = 0.08; vol √0.0002 × 2 = 0.0282843; 0.08 / 0.0282843 = 2.8284271.
    expect(sharpeRatio([0.01, 0.03], { periodsPerYear: 4 })).toBeCloseTo(2 * Math.SQRT2, 12);
    // with rf = 0.04 a year: (0.08 − 0.04) / 0.0282843 = 1.4142136.
    expect(sharpeRatio([0.01, 0.03], { periodsPerYear: 4, riskFree: 0.04 })).toBeCloseTo(
      Math.SQRT2,
      12
    );
  });

  it("matches empyrical sharpe_ratio(risk_free = rf / ppy) on the random fixtures", () => {
    for (const c of randomCases()) {
      expectClose(
        sharpeRatio(c.returns, { periodsPerYear: c.periodsPerYear, riskFree: c.riskFree }),
        c.expected.sharpeRatio,
        1e-10
      );
    }
  });

  it("is invariant to scaling the returns by c > 0 when rf = 0", () => {
    fc.assert(
      fc.property(returnsArbitrary(), fc.double({ min: 0.01, max: 100, noNaN: true }), (r, c) => {
        expectClose(sharpeRatio(r.map((x) => c * x)), sharpeRatio(r), 1e-8);
      }),
      PROPERTY_RUNS
    );
  });

  it("flips sign when the returns do (rf = 0)", () => {
    fc.assert(
      fc.property(returnsArbitrary(), (r) => {
        expectClose(sharpeRatio(r.map((x) => -x)), -sharpeRatio(r), 1e-9);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws ZERO_VARIANCE on a constant series", () => {
    expectCoreError(
      () => sharpeRatio([0.1, 0.1, 0.1, 0.1, 0.1]),
      "ZERO_VARIANCE",
      /constant.*Sharpe ratio is undefined/
    );
    expectCoreError(() => sharpeRatio([0, 0, 0]), "ZERO_VARIANCE");
  });

  it("throws TOO_FEW_POINTS on empty and one-point series", () => {
    expectCoreError(() => sharpeRatio([]), "TOO_FEW_POINTS");
    expectCoreError(() => sharpeRatio([0.01]), "TOO_FEW_POINTS", /at least 2/);
  });

  it("throws NON_FINITE on NaN and Infinity", () => {
    expectCoreError(() => sharpeRatio([0.01, NaN, 0.02]), "NON_FINITE", /row 2/);
    expectCoreError(() => sharpeRatio([0.01, Infinity]), "NON_FINITE");
  });

  it("throws INVALID_ARGUMENT on bad options", () => {
    expectCoreError(() => sharpeRatio([0.01, 0.02], { periodsPerYear: 0 }), "INVALID_ARGUMENT");
    expectCoreError(
      () => sharpeRatio([0.01, 0.02], { riskFree: NaN }),
      "INVALID_ARGUMENT",
      /riskFree/
    );
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.01, -0.02, 0.03]);
    sharpeRatio(input, { riskFree: 0.02 });
    expect(input).toEqual([0.01, -0.02, 0.03]);
  });
});
