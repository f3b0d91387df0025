import fc from "fast-check";
import { twoDifferenceGapStatistic } from "../../../src/core/allocation/twoDifferenceGapStatistic";
import { linkage } from "../../../src/core/clustering/linkage";
import { fixtureTree, hierarchicalFixture, REAL } from "./hierarchicalFixture";

describe("twoDifferenceGapStatistic", () => {
  it("sums the within-cluster std of the distances and takes the largest second difference (hand-worked)", () => {
    // d01 = 0.1, d02 = 0.2, d12 = 0.3, point 3 at 0.9 from all: single linkage merges {0,1}, then 2, then 3.
    // n = 4 → kMax = ⌊min(10, 2) + 2⌋ = 4. W2 = std{0.1, 0.2, 0.3} = √(0.02/3) ({3} alone adds 0);
    // W3 = std{0.1} = 0; W4 = 0. gap2 = W4 + W2 − 2·W3 = √(0.02/3) is the only finite gap → k = 2.
    const d = Float64Array.of(0.1, 0.2, 0.9, 0.3, 0.9, 0.9);
    const result = twoDifferenceGapStatistic(d, linkage(d, "single"));
    expect(result.clusters).toBe(2);
    expect(result.dispersion[0]).toBe(-Infinity);
    expect(result.dispersion[1]).toBeCloseTo(Math.sqrt(0.02 / 3), 15);
    expect(result.dispersion[2]).toBe(0);
    expect(result.dispersion[3]).toBe(0);
  });

  it("returns one cluster for three assets, where no finite gap exists (as Riskfolio)", () => {
    const d = Float64Array.of(0.1, 0.5, 0.4);
    expect(twoDifferenceGapStatistic(d, linkage(d, "ward")).clusters).toBe(1);
    const two = Float64Array.of(0.3);
    expect(twoDifferenceGapStatistic(two, linkage(two, "ward")).clusters).toBe(1);
  });

  it(`matches Riskfolio-Lib's rule re-derived in numpy/scipy (${hierarchicalFixture.header.generator})`, () => {
    const cases = hierarchicalFixture.gap.filter((c) => c.matrix !== REAL);
    expect(cases.length).toBeGreaterThanOrEqual(28);
    for (const c of cases) {
      const { distances, tree } = fixtureTree(c.matrix, c.method);
      const result = twoDifferenceGapStatistic(distances, tree);
      expect(result.clusters).toBe(c.k);
      expect(result.dispersion.length).toBe(c.dispersion.length);
      for (let k = 2; k <= c.dispersion.length; k++) {
        expect(Math.abs(result.dispersion[k - 1] - (c.dispersion[k - 1] as number))).toBeLessThan(
          1e-12
        );
      }
    }
  });

  it("chooses k within [1, maxClusters] (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
              minLength: (n * (n - 1)) / 2,
              maxLength: (n * (n - 1)) / 2,
            }),
            fc.constantFrom("single", "average", "complete", "ward"),
            fc.integer({ min: 1, max: 12 })
          )
        ),
        ([d, method, maxClusters]) => {
          const { clusters, dispersion } = twoDifferenceGapStatistic(
            d,
            linkage(d, method),
            maxClusters
          );
          expect(clusters).toBeGreaterThanOrEqual(1);
          expect(clusters).toBeLessThanOrEqual(maxClusters);
          for (let k = 2; k <= dispersion.length; k++)
            expect(dispersion[k - 1]).toBeGreaterThanOrEqual(0);
        }
      ),
      { numRuns: 60 }
    );
  });

  describe("preconditions", () => {
    const d = Float64Array.of(0.1, 0.5, 0.4);
    it("rejects distances that do not fit the tree (INVALID_ARGUMENT)", () => {
      expect(() => twoDifferenceGapStatistic(Float64Array.of(0.1), linkage(d, "ward"))).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "distances" })
      );
    });
    it.each([0, 2.5])("rejects maxClusters = %p (INVALID_ARGUMENT)", (m) => {
      expect(() => twoDifferenceGapStatistic(d, linkage(d, "ward"), m)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "maxClusters" })
      );
    });
  });
});
