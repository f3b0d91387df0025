import fc from "fast-check";
import { averageRanks } from "../../../src/core/ranks/averageRanks";
import { loadFixture } from "../correlation/correlationTestKit";

describe("averageRanks", () => {
  it("gives tied values the mean of their positions", () => {
    // sorted 10, 20, 30, 30 → positions 1, 2, 3, 4; the two 30s share (3 + 4) / 2 = 3.5
    expect(Array.from(averageRanks([10, 30, 20, 30]))).toEqual([1, 3.5, 2, 3.5]);
  });

  it("matches scipy.stats.rankdata(method='average') (fixture, exact)", () => {
    const fx = loadFixture("ranks.json");
    expect(Array.from(averageRanks(fx.values))).toEqual(fx.rankdataAverage);
  });

  it("sums to n(n+1)/2, preserves order, and is invariant to monotone transforms (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 50 }),
        (values) => {
          const r = averageRanks(values);
          const n = values.length;
          expect(r.reduce((s, v) => s + v, 0)).toBeCloseTo((n * (n + 1)) / 2, 10);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              if (values[i] < values[j]) expect(r[i]).toBeLessThan(r[j]);
              if (values[i] === values[j]) expect(r[i]).toBe(r[j]);
            }
          }
          expect(Array.from(averageRanks(values.map((v) => 2 * v ** 3 + 1)))).toEqual(
            Array.from(r)
          );
        }
      ),
      { numRuns: 100 }
    );
  });

  it("treats −0 and +0 as a tie", () => {
    expect(Array.from(averageRanks([0, -0, 1]))).toEqual([1.5, 1.5, 3]);
  });

  it("throws TOO_FEW_POINTS on empty input and NON_FINITE on NaN or Infinity", () => {
    expect(() => averageRanks([])).toThrow(expect.objectContaining({ code: "TOO_FEW_POINTS" }));
    expect(() => averageRanks([1, NaN], "returns")).toThrow(
      "returns: row 2 is NaN; ranks need finite numbers (remove or fill it)"
    );
    expect(() => averageRanks([Infinity])).toThrow(
      expect.objectContaining({ code: "NON_FINITE", row: 0 })
    );
  });

  it("leaves its input unchanged", () => {
    const values = Object.freeze([3, 1, 2, 1]);
    averageRanks(values);
    expect(values).toEqual([3, 1, 2, 1]);
  });
});
