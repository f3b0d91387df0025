import fc from "fast-check";
import { cagrFromReturns } from "../../../src/core/stats/cagrFromReturns";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  randomCases,
  returnsArbitrary,
} from "./helpers";

describe("cagrFromReturns", () => {
  it("compounds the returns and annualises by n / ppy years", () => {
    // (1.1)(1.1) = 1.21 over 2 periods at 2 per year = 1 year → 0.21.
    expect(cagrFromReturns([0.1, 0.1], 2)).toBeCloseTo(0.21, 14);
    // 1.1 × 0.5 × 1.2 = 0.66 over 3 periods at 3 per year → −0.34.
    expect(cagrFromReturns([0.1, -0.5, 0.2], 3)).toBeCloseTo(-0.34, 14);
  });

  it("matches empyrical annual_return on the random fixtures", () => {
    for (const c of randomCases()) {
      expectClose(cagrFromReturns(c.returns, c.periodsPerYear), c.expected.cagr, 1e-10);
    }
  });

  it("gives −1 after a total loss", () => {
    expect(cagrFromReturns([0.5, -1, 0.2], 365)).toBe(-1);
  });

  it("is above −1 and ordered like total growth", () => {
    fc.assert(
      fc.property(returnsArbitrary(), (r) => {
        const g = cagrFromReturns(r, 365);
        expect(g).toBeGreaterThanOrEqual(-1);
        const better = r.map((x, t) => (t === 0 ? x + 0.1 : x));
        expect(cagrFromReturns(better, 365)).toBeGreaterThanOrEqual(g);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS on an empty series", () => {
    expectCoreError(() => cagrFromReturns([]), "TOO_FEW_POINTS");
  });

  it("throws NON_FINITE on NaN", () => {
    expectCoreError(() => cagrFromReturns([0.1, NaN]), "NON_FINITE", /row 2/);
  });

  it("throws INVALID_ARGUMENT on a return below −100 % and on a bad ppy", () => {
    expectCoreError(
      () => cagrFromReturns([0.1, -1.5]),
      "INVALID_ARGUMENT",
      /row 2 is -1.5, below −100 %/
    );
    expectCoreError(() => cagrFromReturns([0.1], 0), "INVALID_ARGUMENT", /periodsPerYear/);
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.1, -0.05]);
    cagrFromReturns(input);
    expect(input).toEqual([0.1, -0.05]);
  });
});
