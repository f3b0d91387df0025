import fc from "fast-check";
import { cagr } from "../../../src/core/stats/cagr";
import { cagrFromReturns } from "../../../src/core/stats/cagrFromReturns";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  pricesArbitrary,
  randomCases,
} from "./helpers";

describe("cagr", () => {
  it("compounds the price ratio over years = periods / ppy", () => {
    // 100 → 121 over 2 periods at 2 per year = 1 year: 1.21^(1/1) − 1 = 0.21.
    expect(cagr([100, 110, 121], 2)).toBeCloseTo(0.21, 14);
    // 100 → 121 over 2 periods at 1 per year = 2 years: 1.21^(1/2) − 1 = 0.1.
    expect(cagr([100, 50, 121], 1)).toBeCloseTo(0.1, 14);
  });

  it("matches empyrical annual_return of the prices' returns (random fixtures)", () => {
    for (const c of randomCases()) {
      const prices = [1];
      for (const r of c.returns) prices.push(prices[prices.length - 1] * (1 + r));
      expectClose(cagr(prices, c.periodsPerYear), c.expected.cagr, 1e-9);
    }
  });

  it("agrees with cagrFromReturns of the same path", () => {
    fc.assert(
      fc.property(pricesArbitrary(2, 40), (p) => {
        const r = p.slice(1).map((x, t) => x / p[t] - 1);
        expectClose(cagr(p, 52), cagrFromReturns(r, 52), 1e-8);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS on fewer than two prices", () => {
    expectCoreError(() => cagr([100]), "TOO_FEW_POINTS", /prices has 1 value/);
    expectCoreError(() => cagr([]), "TOO_FEW_POINTS", /prices is empty/);
  });

  it("throws NON_FINITE and NON_POSITIVE_PRICE with the row", () => {
    expectCoreError(() => cagr([100, NaN, 90]), "NON_FINITE", /row 2/);
    expectCoreError(
      () => cagr([100, 0, 90]),
      "NON_POSITIVE_PRICE",
      /row 2 is 0; prices must be above 0/
    );
  });

  it("throws INVALID_ARGUMENT on a bad periodsPerYear", () => {
    expectCoreError(() => cagr([100, 110], Infinity), "INVALID_ARGUMENT");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([100, 110, 99]);
    cagr(input);
    expect(input).toEqual([100, 110, 99]);
  });
});
