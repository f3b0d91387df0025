import fc from "fast-check";
import { crossProduct } from "../../../src/core/covariance/crossProduct";
import { crossProductRows } from "../../../src/core/covariance/crossProductRows";

/** Whether two arrays hold the same doubles (Object.is entrywise). */
function sameDoubles(actual: Float64Array, expected: Float64Array): boolean {
  return actual.length === expected.length && actual.every((v, k) => Object.is(v, expected[k]));
}

describe.each(["auto", "js"] as const)("crossProductRows (%s kernel)", (kernel) => {
  it("matches the hand-worked 2 × 2 case", () => {
    // Columns [1, 2] and [3, 4]: row 0 of XᵀX is 1 + 4 = 5, 3 + 8 = 11.
    expect(Array.from(crossProductRows(new Float64Array([1, 2, 3, 4]), 2, 2, 1, kernel))).toEqual([
      5, 11,
    ]);
    expect(crossProductRows(new Float64Array([1, 2, 3, 4]), 2, 2, 0, kernel)).toHaveLength(0);
  });

  it("gives exactly crossProduct's doubles in its rows, for every tile remainder and row block", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(),
        (rows, cols, seed, pick) => {
          const x = Float64Array.from({ length: rows * cols }, (_, k) =>
            Math.sin(seed * 7.1 + k * 0.37)
          );
          const k = pick % (cols + 1);
          const whole = crossProduct(x, rows, cols, kernel);
          return sameDoubles(
            crossProductRows(x, rows, cols, k, kernel),
            whole.subarray(0, k * cols)
          );
        }
      ),
      { numRuns: 80 }
    );
  });

  it("does not modify its (frozen-shape) input", () => {
    const x = Float64Array.from({ length: 60 }, (_, k) => Math.cos(k));
    const before = Array.from(x);
    crossProductRows(x, 12, 5, 3, kernel);
    expect(Array.from(x)).toEqual(before);
  });
});
