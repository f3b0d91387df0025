import fc from "fast-check";
import { shareOfPositivePeriods } from "../../../src/core/stats/shareOfPositivePeriods";
import { PROPERTY_RUNS, expectCoreError, frozen, randomCases, returnsArbitrary } from "./helpers";

describe("shareOfPositivePeriods", () => {
  it("counts strictly positive returns over all periods", () => {
    // [0.01, −0.05, 0, 0.03]: two of four are > 0 (the flat period is not) → 0.5.
    expect(shareOfPositivePeriods([0.01, -0.05, 0, 0.03])).toBe(0.5);
  });

  it("matches np.mean(r > 0) on the random fixtures", () => {
    for (const c of randomCases()) {
      expect(shareOfPositivePeriods(c.returns)).toBeCloseTo(c.expected.shareOfPositivePeriods, 15);
    }
  });

  it("lies in [0, 1] and complements the share of r < 0 and r = 0", () => {
    fc.assert(
      fc.property(returnsArbitrary(1, 40), (r) => {
        const up = shareOfPositivePeriods(r);
        const down = shareOfPositivePeriods(r.map((x) => -x));
        const flat = r.filter((x) => x === 0).length / r.length;
        expect(up).toBeGreaterThanOrEqual(0);
        expect(up).toBeLessThanOrEqual(1);
        expect(up + down + flat).toBeCloseTo(1, 12);
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS on empty and NON_FINITE on NaN", () => {
    expectCoreError(() => shareOfPositivePeriods([]), "TOO_FEW_POINTS");
    expectCoreError(() => shareOfPositivePeriods([NaN]), "NON_FINITE");
  });

  it("leaves its input unchanged", () => {
    const input = frozen([0.01, -0.05]);
    shareOfPositivePeriods(input);
    expect(input).toEqual([0.01, -0.05]);
  });
});
