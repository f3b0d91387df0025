import fc from "fast-check";
import { radixSortOrderInto } from "../../../src/core/correlation/radixSortOrderInto";
import { sortOrderInto } from "../../../src/core/ranks/sortOrderInto";

function order(values: readonly number[]): number[] {
  const n = values.length;
  return Array.from(
    radixSortOrderInto(
      values,
      n,
      new Float64Array(n),
      new Int32Array(n),
      new Int32Array(256),
      new Int32Array(n)
    )
  );
}

describe("radixSortOrderInto", () => {
  it("orders a hand-worked case with negatives and a tie, ties by index", () => {
    // 3, −1, 2, −1: the −1s (indices 1 and 3, in that order), then 2 (index 2), then 3 (index 0)
    expect(order([3, -1, 2, -1])).toEqual([1, 3, 2, 0]);
  });

  it("orders across signs, magnitudes, subnormals and infinities", () => {
    const values = [1e-310, -Infinity, 5e300, -2.5, 0, -1e-320, Infinity, 1, -5e300];
    // −∞, −5e300, −2.5, −1e-320, 0, 1e-310, 1, 5e300, ∞
    expect(order(values)).toEqual([1, 8, 3, 5, 4, 0, 7, 2, 6]);
  });

  it("puts −0 right before +0, so the two stay one tie group under ===", () => {
    expect(order([0, -0, 1, -0, -1])).toEqual([4, 1, 3, 0, 2]);
  });

  it("sorts ascending and stably, like sortOrderInto (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true }),
            fc.integer({ min: -3, max: 3 }),
            fc.constantFrom(0, -0)
          ),
          { maxLength: 300 }
        ),
        (values) => {
          const n = values.length;
          const got = order(values);
          const want = Array.from(
            sortOrderInto(values, n, new Float64Array(n), new Int32Array(n), new Int32Array(n))
          );
          // The same values in the same sequence; indices may differ only inside a −0/+0 group.
          expect(got.map((k) => values[k] + 0)).toEqual(want.map((k) => values[k] + 0));
          expect([...got].sort((a, b) => a - b)).toEqual(values.map((_, k) => k));
          for (let k = 1; k < n; k++) {
            const [a, b] = [values[got[k - 1]], values[got[k]]];
            if (Object.is(a, b)) expect(got[k - 1]).toBeLessThan(got[k]);
          }
        }
      ),
      { numRuns: 200 }
    );
  });

  it("handles an empty and a one-value input (no throw)", () => {
    expect(order([])).toEqual([]);
    expect(order([7])).toEqual([0]);
  });

  it("leaves its values unchanged", () => {
    const values = Object.freeze([2, -1, 0.5]);
    order(values);
    expect(values).toEqual([2, -1, 0.5]);
  });
});
