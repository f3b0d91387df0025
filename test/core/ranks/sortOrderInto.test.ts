import fc from "fast-check";
import { sortOrderInto } from "../../../src/core/ranks/sortOrderInto";
import { loadFixture } from "../correlation/correlationTestKit";

function order(values: readonly number[]): number[] {
  const n = values.length;
  return Array.from(
    sortOrderInto(values, n, new Float64Array(n), new Int32Array(n), new Int32Array(n))
  );
}

describe("sortOrderInto", () => {
  it("orders a small case stably", () => {
    // values 3, 1, 2, 1 → smallest are the two 1s (indices 1 then 3), then 2 (index 2), then 3 (index 0)
    expect(order([3, 1, 2, 1])).toEqual([1, 3, 2, 0]);
  });

  it("matches numpy.argsort(kind='stable') (fixture, exact)", () => {
    const fx = loadFixture("ranks.json");
    expect(order(fx.values)).toEqual(fx.argsortStable);
  });

  it("is a permutation that sorts the values, ties in index order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 60 }), (values) => {
        const o = order(values);
        expect([...o].sort((a, b) => a - b)).toEqual(values.map((_, i) => i));
        for (let k = 1; k < o.length; k++) {
          expect(values[o[k - 1]]).toBeLessThanOrEqual(values[o[k]]);
          if (values[o[k - 1]] === values[o[k]]) expect(o[k - 1]).toBeLessThan(o[k]);
        }
      }),
      { numRuns: 100 }
    );
  });

  it("reuses dirty scratch buffers (internal kernel: no validation, no throw)", () => {
    const filled = Int32Array.of(7, 7, 7);
    const out = sortOrderInto([2, 1, 0], 3, new Float64Array(3), filled, new Int32Array(3));
    expect(Array.from(out)).toEqual([2, 1, 0]);
  });

  it("leaves its input unchanged", () => {
    const values = Object.freeze([2, 1, 2]);
    order(values);
    expect(values).toEqual([2, 1, 2]);
  });
});
