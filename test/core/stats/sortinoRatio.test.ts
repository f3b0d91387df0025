import fc from "fast-check";
import { sortinoRatio } from "../../../src/core/stats/sortinoRatio";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("sortinoRatio", () => {
  it("uses the downside deviation over all periods (divisor n)", () => {
    // r = [0.02, −0.01], ppy 1, MAR 0: mean 0.005; downside √((0² + 0.01²)/2) = √0.00005 = 0.0070711;
    // Sortino = 0.005 / 0.0070711 = 0.7071068.
    expect(sortinoRatio([0.02, -0.01], { periodsPerYear: 1 })).toBeCloseTo(Math.SQRT1_2, 14);
    // MAR 0.12 a year at 12 a year = 0.01 a period: excess [0.01, −0.02]: mean −0.005 × 12 = −0.06;
    // downside √(0.0004/2) × √12 = 0.0489898; Sortino = −1.2247449.
    expect(sortinoRatio([0.02, -0.01], { periodsPerYear: 12, mar: 0.12 })).toBeCloseTo(
      -0.06 / (Math.sqrt(0.0002) * Math.sqrt(12)),
      12
    );
  });

  it("matches empyrical sortino_ratio(required_return = mar / ppy) on the random fixtures", () => {
    for (const c of randomCases()) {
      expectClose(
        sortinoRatio(c.returns, { periodsPerYear: c.periodsPerYear, mar: c.mar }),
        c.expected.sortinoRatio,
        1e-10
      );
    }
  });

  it("is invariant to scaling by c > 0 when MAR = 0", () => {
    fc.assert(
      fc.property(returnsArbitrary(), fc.double({ min: 0.01, max: 100, noNaN: true }), (r, c) => {
        fc.pre(r.some((x) => x < -1e-6));
        expectClose(sortinoRatio(r.map((x) => c * x)), sortinoRatio(r), 1e-8);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws ZERO_VARIANCE when no period is below the MAR", () => {
    expectCoreError(
      () => sortinoRatio([0.01, 0.02, 0.0]),
      "ZERO_VARIANCE",
      /no period is below the minimum acceptable return/
    );
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and INVALID_ARGUMENT on bad input", () => {
    expectCoreError(() => sortinoRatio([-0.01]), "TOO_FEW_POINTS");
    expectCoreError(() => sortinoRatio([-0.01, NaN]), "NON_FINITE");
    expectCoreError(
      () => sortinoRatio([-0.01, 0.02], { mar: Infinity }),
      "INVALID_ARGUMENT",
      /mar/
    );
    expectCoreError(() => sortinoRatio([-0.01, 0.02], { periodsPerYear: -1 }), "INVALID_ARGUMENT");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.01, -0.02, 0.03]);
    sortinoRatio(input);
    expect(input).toEqual([0.01, -0.02, 0.03]);
  });
});
