import fc from "fast-check";
import { maxDrawdown } from "../../../src/core/drawdown/maxDrawdown";
import { maxDrawdownFromReturns } from "../../../src/core/drawdown/maxDrawdownFromReturns";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  pricesArbitrary,
  randomCases,
} from "../stats/helpers";
import { randomDrawdownCases } from "./helpers";

describe("maxDrawdownFromReturns", () => {
  it("compounds from 1 and counts the start as a peak", () => {
    // wealth 1 → 1.2 → 0.9 → 1.3: 1 − 0.9/1.2 = 0.25.
    expect(maxDrawdownFromReturns([0.2, -0.25, 0.4444444444444444])).toBeCloseTo(0.25, 15);
    // a first return of −10 % is a 10 % drawdown from the start value.
    expect(maxDrawdownFromReturns([-0.1, 0.05])).toBeCloseTo(0.1, 15);
    expect(maxDrawdownFromReturns([0.1, -1, 0.5])).toBe(1);
  });

  it("matches empyrical max_drawdown (sign flipped) on the fixtures", () => {
    for (const c of randomCases())
      expectClose(maxDrawdownFromReturns(c.returns), c.expected.maxDrawdown, 1e-12);
    for (const c of randomDrawdownCases()) {
      const r = c.prices.slice(1).map((p, t) => p / c.prices[t] - 1);
      expectClose(maxDrawdownFromReturns(r), c.maxDrawdownFromReturns, 1e-12);
    }
  });

  it("equals maxDrawdown of the prices that produced the returns", () => {
    fc.assert(
      fc.property(pricesArbitrary(), (p) => {
        const r = p.slice(1).map((x, t) => x / p[t] - 1);
        expectClose(maxDrawdownFromReturns(r), maxDrawdown(p), 1e-12);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and INVALID_ARGUMENT", () => {
    expectCoreError(() => maxDrawdownFromReturns([]), "TOO_FEW_POINTS");
    expectCoreError(() => maxDrawdownFromReturns([0.1, NaN]), "NON_FINITE", /row 2/);
    expectCoreError(() => maxDrawdownFromReturns([0.1, -1.01]), "INVALID_ARGUMENT", /below −100 %/);
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.2, -0.25]);
    maxDrawdownFromReturns(input);
    expect(input).toEqual([0.2, -0.25]);
  });
});
