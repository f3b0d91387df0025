import fc from "fast-check";
import { bestPeriod } from "../../../src/core/stats/bestPeriod";
import { PROPERTY_RUNS, expectCoreError, frozen, randomCases, returnsArbitrary } from "./helpers";

describe("bestPeriod", () => {
  it("is the largest return", () => {
    // max(0.01, −0.05, 0.03) = 0.03.
    expect(bestPeriod([0.01, -0.05, 0.03])).toBe(0.03);
  });

  it("matches np.max on the random fixtures", () => {
    for (const c of randomCases()) expect(bestPeriod(c.returns)).toBe(c.expected.bestPeriod);
  });

  it("is an element of the series, not below any other", () => {
    fc.assert(
      fc.property(returnsArbitrary(1, 40), (r) => {
        const best = bestPeriod(r);
        expect(r).toContain(best);
        for (const x of r) expect(x).toBeLessThanOrEqual(best);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS on empty and NON_FINITE on NaN", () => {
    expectCoreError(() => bestPeriod([]), "TOO_FEW_POINTS", /returns is empty/);
    expectCoreError(() => bestPeriod([0.1, NaN]), "NON_FINITE", /row 2/);
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.01, -0.05]);
    bestPeriod(input);
    expect(input).toEqual([0.01, -0.05]);
  });
});
