import fc from "fast-check";
import { drawdownSeries } from "../../../src/core/drawdown/drawdownSeries";
import { maxDrawdown } from "../../../src/core/drawdown/maxDrawdown";
import {
  PROPERTY_RUNS,
  expectClose,
  expectCoreError,
  frozen,
  pricesArbitrary,
} from "../stats/helpers";
import { randomDrawdownCases } from "./helpers";

describe("drawdownSeries", () => {
  it("is each price over its running peak, minus 1", () => {
    // peaks 100, 120, 120, 130: [100/100 − 1, 0, 90/120 − 1 = −0.25, 0].
    expect(Array.from(drawdownSeries([100, 120, 90, 130]))).toEqual([0, 0, -0.25, 0]);
  });

  it("matches p / np.maximum.accumulate(p) − 1 on the random fixtures", () => {
    for (const c of randomDrawdownCases()) {
      const series = drawdownSeries(c.prices);
      expect(series).toHaveLength(c.prices.length);
      c.drawdownSeries.forEach((d, t) => expectClose(series[t], d, 1e-14));
    }
  });

  it("is ≤ 0, 0 at every new high, and its minimum is minus the max drawdown", () => {
    fc.assert(
      fc.property(pricesArbitrary(), (p) => {
        const series = drawdownSeries(p);
        let peak = -Infinity;
        series.forEach((d, t) => {
          expect(d).toBeLessThanOrEqual(0);
          expect(d).toBeGreaterThan(-1);
          if (p[t] >= peak) {
            expect(d).toBe(0);
            peak = p[t];
          }
        });
        expect(-Math.min(...series)).toBeCloseTo(maxDrawdown(p), 14);
      }),
      PROPERTY_RUNS
    );
  });

  it("does not change when all prices are scaled", () => {
    fc.assert(
      fc.property(pricesArbitrary(), fc.double({ min: 0.01, max: 100, noNaN: true }), (p, c) => {
        const a = drawdownSeries(p);
        const b = drawdownSeries(p.map((x) => x * c));
        a.forEach((d, t) => expectClose(b[t], d, 1e-12));
      }),
      PROPERTY_RUNS
    );
  });

  it("throws TOO_FEW_POINTS, NON_FINITE and NON_POSITIVE_PRICE", () => {
    expectCoreError(() => drawdownSeries([]), "TOO_FEW_POINTS", /prices is empty/);
    expectCoreError(() => drawdownSeries([100]), "TOO_FEW_POINTS");
    expectCoreError(() => drawdownSeries([100, NaN]), "NON_FINITE", /row 2/);
    expectCoreError(() => drawdownSeries([100, -5]), "NON_POSITIVE_PRICE", /row 2 is -5/);
  });

  it("returns a new array and leaves its input unchanged", () => {
    const input = frozen([100, 120, 90]);
    drawdownSeries(input);
    expect(input).toEqual([100, 120, 90]);
    const typed = new Float64Array([100, 90]);
    expect(drawdownSeries(typed)).not.toBe(typed);
    expect(Array.from(typed)).toEqual([100, 90]);
  });
});
