import fc from "fast-check";
import { intersectSortedRows } from "../../../src/core/correlation/intersectSortedRows";

describe("intersectSortedRows", () => {
  it("finds the common rows of a small case", () => {
    // {1, 2, 5} ∩ {2, 5, 7} = {2, 5}
    const out = new Int32Array(3);
    expect(intersectSortedRows(Int32Array.of(1, 2, 5), Int32Array.of(2, 5, 7), out)).toBe(2);
    expect(Array.from(out.subarray(0, 2))).toEqual([2, 5]);
  });

  it("equals a set intersection (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(40)), fc.uniqueArray(fc.nat(40)), (a, b) => {
        const sa = Int32Array.from(a.sort((x, y) => x - y));
        const sb = Int32Array.from(b.sort((x, y) => x - y));
        const out = new Int32Array(41);
        const n = intersectSortedRows(sa, sb, out);
        expect(Array.from(out.subarray(0, n))).toEqual(a.filter((v) => b.includes(v)));
      }),
      { numRuns: 100 }
    );
  });

  it("returns 0 for an empty list (no throw)", () => {
    expect(intersectSortedRows(new Int32Array(0), Int32Array.of(1), new Int32Array(1))).toBe(0);
  });

  it("leaves its inputs unchanged", () => {
    const a = Int32Array.of(1, 3);
    const b = Int32Array.of(3, 4);
    intersectSortedRows(a, b, new Int32Array(2));
    expect(Array.from(a)).toEqual([1, 3]);
    expect(Array.from(b)).toEqual([3, 4]);
  });
});
