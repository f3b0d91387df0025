import fc from "fast-check";
import { scaledCopy } from "../../../src/core/correlation/scaledCopy";

describe("scaledCopy", () => {
  it("scales by the power of two that puts the largest magnitude in [0.5, 1]", () => {
    // max |v| = 6 → 2^3 = 8 → 3/8, −6/8
    expect(Array.from(scaledCopy([3, -6, NaN]))).toEqual([0.375, -0.75, NaN]);
  });

  it("is exact: a power-of-two factor that restores every normal value (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 }),
        (values) => {
          const out = scaledCopy(values);
          const k = values.reduce(
            (best, v, t) => (Math.abs(v) > Math.abs(values[best]) ? t : best),
            0
          );
          if (Math.abs(values[k]) < 1e-290) return; // subnormal territory: no exactness promised
          const factor = out[k] / values[k];
          expect(Number.isInteger(Math.log2(factor))).toBe(true);
          expect(Math.abs(out[k])).toBeGreaterThanOrEqual(0.5);
          expect(Math.abs(out[k])).toBeLessThanOrEqual(1);
          values.forEach((v, t) => {
            if (Math.abs(v) > 1e-290 && Math.abs(v * factor) > 1e-300)
              expect(out[t] / factor).toBe(v);
          });
        }
      ),
      { numRuns: 100 }
    );
  });

  it("copies an all-zero series unchanged (no throw)", () => {
    expect(Array.from(scaledCopy([0, 0]))).toEqual([0, 0]);
  });

  it("leaves its input unchanged", () => {
    const values = Object.freeze([1e200, -3e200]);
    scaledCopy(values);
    expect(values).toEqual([1e200, -3e200]);
  });
});
