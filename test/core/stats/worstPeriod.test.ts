import fc from "fast-check";
import { worstPeriod } from "../../../src/core/stats/worstPeriod";
import { PROPERTY_RUNS, expectCoreError, frozen, randomCases, returnsArbitrary } from "./helpers";

describe("worstPeriod", () => {
  it("is the smallest return, signed", () => {
    // min(0.01, −0.05, 0.03) = −0.05.
    expect(worstPeriod([0.01, -0.05, 0.03])).toBe(-0.05);
  });

  it("matches np.min on the random fixtures", () => {
    for (const c of randomCases()) expect(worstPeriod(c.returns)).toBe(c.expected.worstPeriod);
  });

  it("is an element of the series, not above any other", () => {
    fc.assert(
      fc.property(returnsArbitrary(1, 40), (r) => {
        const worst = worstPeriod(r);
        expect(r).toContain(worst);
        for (const x of r) expect(x).toBeGreaterThanOrEqual(worst);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS on empty and NON_FINITE on Infinity", () => {
    expectCoreError(() => worstPeriod([]), "TOO_FEW_POINTS");
    expectCoreError(() => worstPeriod([-Infinity]), "NON_FINITE", /row 1/);
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.01, -0.05]);
    worstPeriod(input);
    expect(input).toEqual([0.01, -0.05]);
  });
});
