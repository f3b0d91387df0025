import fc from "fast-check";
import { selectKthInPlace } from "../../../src/core/stats/selectKthInPlace";
import { PROPERTY_RUNS } from "./helpers";

describe("selectKthInPlace", () => {
  it("puts the k-th smallest value at k, smaller before and larger after", () => {
    // [5, 1, 4, 2, 3] sorted is [1, 2, 3, 4, 5]: rank 1 is 2.
    const values = new Float64Array([5, 1, 4, 2, 3]);
    expect(selectKthInPlace(values, 1)).toBe(2);
    expect(values[1]).toBe(2);
    expect(Math.max(values[0])).toBeLessThanOrEqual(2);
    expect(Math.min(...values.subarray(2))).toBeGreaterThanOrEqual(2);
  });

  it("agrees with a full sort (as np.partition), with duplicates, for every rank", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (raw, r) => {
          const k = r % raw.length;
          const values = Float64Array.from(raw);
          const sorted = [...raw].sort((a, b) => a - b);
          expect(selectKthInPlace(values, k)).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(values[i]).toBeLessThanOrEqual(sorted[k]);
          for (let i = k + 1; i < values.length; i++)
            expect(values[i]).toBeGreaterThanOrEqual(sorted[k]);
          expect(Array.from(values).sort((a, b) => a - b)).toEqual(sorted);
        }
      ),
      PROPERTY_RUNS
    );
  });

  it("handles sorted, reversed and constant inputs of 10,000 values", () => {
    const n = 10000;
    const ascending = Float64Array.from({ length: n }, (_, i) => i);
    const descending = Float64Array.from({ length: n }, (_, i) => n - i);
    expect(selectKthInPlace(ascending, 500)).toBe(500);
    expect(selectKthInPlace(descending, 500)).toBe(501);
    expect(selectKthInPlace(new Float64Array(n).fill(0.5), 9999)).toBe(0.5);
  });
});
