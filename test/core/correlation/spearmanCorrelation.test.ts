import fc from "fast-check";
import { spearmanCorrelation } from "../../../src/core/correlation/spearmanCorrelation";
import { averageRanks } from "../../../src/core/ranks/averageRanks";
import { directPearson, loadFixture } from "./correlationTestKit";

describe("spearmanCorrelation", () => {
  it("matches a hand-worked case", () => {
    // ranks x = 1, 2, 3, 4; y = 1, 3, 2, 4 → d² = 0, 1, 1, 0 → 1 − 6·2 / (4 · 15) = 0.8 (no ties)
    expect(spearmanCorrelation([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 15);
  });

  it("matches scipy.stats.spearmanr(nan_policy='omit') (fixture, 1e-13)", () => {
    const fx = loadFixture("series.json");
    expect(spearmanCorrelation(fx.x, fx.y)).toBeCloseTo(fx.spearman, 13);
  });

  it("equals Pearson of the average ranks and is symmetric (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), {
          minLength: 4,
          maxLength: 40,
        }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          if (new Set(x).size < 2 || new Set(y).size < 2) return;
          const rho = spearmanCorrelation(x, y);
          expect(rho).toBeCloseTo(directPearson(averageRanks(x), averageRanks(y)), 13);
          expect(spearmanCorrelation(y, x)).toBeCloseTo(rho, 14);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("throws LENGTH_MISMATCH, TOO_FEW_POINTS, ZERO_VARIANCE, NON_FINITE and INVALID_ARGUMENT", () => {
    expect(() => spearmanCorrelation([1, 2], [1, 2, 3])).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH" })
    );
    expect(() => spearmanCorrelation([1, 2], [1, 2])).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    expect(() => spearmanCorrelation([5, 5, 5], [1, 2, 3])).toThrow(
      expect.objectContaining({ code: "ZERO_VARIANCE" })
    );
    expect(() => spearmanCorrelation([1, 2, 3], [1, -Infinity, 3])).toThrow(
      expect.objectContaining({ code: "NON_FINITE" })
    );
    expect(() => spearmanCorrelation([1, 2, 3], [1, 2, 3], { minOverlap: NaN })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("leaves its inputs unchanged", () => {
    const x = Object.freeze([3, 1, 2, 5, 4]);
    const y = Object.freeze([1, 2, 3, NaN, 5]);
    spearmanCorrelation(x, y);
    expect(x).toEqual([3, 1, 2, 5, 4]);
    expect(y).toEqual([1, 2, 3, NaN, 5]);
  });
});
