import fc from "fast-check";
import {
  ZERO_SPREAD_RELATIVE,
  standardiseColumn,
} from "../../../src/core/correlation/standardiseColumn";

const fresh = () => ({ mean: 0, scale: 0 });

describe("standardiseColumn", () => {
  it("works the two-value example by hand", () => {
    // max |x| = 3 → scaled by 2⁻² to (0.25, 0.75): mean 0.5, Σ(x − mean)² = 0.125, scale = 1/√0.125.
    const x = Float64Array.of(1, 3);
    const out = standardiseColumn(x, 2, undefined, fresh());
    expect(Array.from(x)).toEqual([0.25, 0.75]);
    expect(out.mean).toBe(0.5);
    expect(out.scale).toBeCloseTo(1 / Math.sqrt(0.125), 14);
  });

  it("gives z = (x − mean)·scale with weighted mean 0 and weighted sum of squares 1 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.boolean(),
        (values, weighted) => {
          const n = values.length;
          const weights = weighted
            ? Float64Array.from({ length: n }, (_, k) => 0.97 ** (n - 1 - k))
            : undefined;
          const x = Float64Array.from(values);
          const { mean, scale } = standardiseColumn(x, n, weights, fresh());
          if (scale === 0) return;
          let sumW = 0;
          let sumZ = 0;
          let sumZ2 = 0;
          for (let k = 0; k < n; k++) {
            const w = weights ? weights[k] : 1;
            const z = (x[k] - mean) * scale;
            sumW += w;
            sumZ += w * z;
            sumZ2 += w * z * z;
          }
          expect(Math.abs(sumZ / sumW)).toBeLessThan(1e-9);
          expect(sumZ2).toBeCloseTo(1, 9);
        }
      )
    );
  });

  it("calls a constant column flat (scale 0), and only the first n entries count", () => {
    expect(standardiseColumn(Float64Array.of(7, 7, 7, 100), 3, undefined, fresh()).scale).toBe(0);
    // A spread of one ulp on 1e6 (≈ 5e-17 relative) is rounding, below ZERO_SPREAD_RELATIVE × max.
    const y = Float64Array.of(1e6, 1e6 + 1.2e-10, 1e6);
    expect((1.2e-10 / 3) * Math.SQRT2).toBeLessThan(ZERO_SPREAD_RELATIVE * 1e6);
    expect(standardiseColumn(y, 3, undefined, fresh()).scale).toBe(0);
  });

  it("handles values near 1e±200 without overflow or underflow", () => {
    for (const size of [1e200, 1e-200]) {
      const x = Float64Array.of(1 * size, 2 * size, 4 * size);
      const { mean, scale } = standardiseColumn(x, 3, undefined, fresh());
      expect(Number.isFinite(mean) && scale > 0 && Number.isFinite(scale)).toBe(true);
      const z = Array.from(x, (v) => (v - mean) * scale);
      expect(z.reduce((a, b) => a + b * b, 0)).toBeCloseTo(1, 12);
    }
  });
});
