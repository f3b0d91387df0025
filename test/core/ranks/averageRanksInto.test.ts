import fc from "fast-check";
import { averageRanksInto } from "../../../src/core/ranks/averageRanksInto";
import { loadFixture } from "../correlation/correlationTestKit";

describe("averageRanksInto", () => {
  it("ranks the leading count values into out, using sorted as scratch", () => {
    // first three of [5, 1, 5, 0]: sorted 1, 5, 5 → 5s share (2 + 3) / 2 = 2.5
    const out = new Float64Array(4);
    const sorted = new Float64Array(4);
    averageRanksInto([5, 1, 5, 0], 3, sorted, out);
    expect(Array.from(out.subarray(0, 3))).toEqual([2.5, 1, 2.5]);
    expect(Array.from(sorted.subarray(0, 3))).toEqual([1, 5, 5]);
    expect(out[3]).toBe(0);
  });

  it("matches scipy.stats.rankdata (fixture, exact)", () => {
    const fx = loadFixture("ranks.json");
    const n = fx.values.length;
    const out = averageRanksInto(fx.values, n, new Float64Array(n), new Float64Array(n));
    expect(Array.from(out)).toEqual(fx.rankdataAverage);
  });

  it("agrees with an O(n²) count of smaller and equal values (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (values) => {
          const n = values.length;
          const out = averageRanksInto(values, n, new Float64Array(n), new Float64Array(n));
          values.forEach((v, i) => {
            const below = values.filter((w) => w < v).length;
            const equal = values.filter((w) => w === v).length;
            expect(out[i]).toBe(below + (equal + 1) / 2);
          });
        }
      ),
      { numRuns: 100 }
    );
  });

  it("does not throw on count 0 (internal kernel: callers validate)", () => {
    expect(averageRanksInto([], 0, new Float64Array(0), new Float64Array(0)).length).toBe(0);
  });

  it("leaves its input unchanged", () => {
    const values = Object.freeze([2, 1, 2]);
    averageRanksInto(values, 3, new Float64Array(3), new Float64Array(3));
    expect(values).toEqual([2, 1, 2]);
  });
});
