import fc from "fast-check";
import { cutTree } from "../../../src/core/allocation/cutTree";
import { silhouetteScore } from "../../../src/core/allocation/silhouetteScore";
import { linkage } from "../../../src/core/clustering/linkage";
import { fixtureTree, hierarchicalFixture, REAL } from "./hierarchicalFixture";

const condensed = (n: number) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
    minLength: (n * (n - 1)) / 2,
    maxLength: (n * (n - 1)) / 2,
  });

describe("silhouetteScore", () => {
  it("scores two tight pairs (hand-worked)", () => {
    // d01 = d23 = 1, cross distances 4: every point has a = 1, b = 4, s = (4 − 1)/4 = 0.75.
    expect(
      silhouetteScore(Float64Array.of(1, 4, 4, 4, 4, 1), Int32Array.of(0, 0, 1, 1))
    ).toBeCloseTo(0.75, 15);
  });

  it("counts a singleton as 0 (hand-worked)", () => {
    // Clusters {0, 1}, {2}: s0 = (b − a)/max = (4 − 1)/4, s1 = (2 − 1)/2, s2 = 0 → (0.75 + 0.5)/3.
    expect(silhouetteScore(Float64Array.of(1, 4, 2), [0, 0, 1])).toBeCloseTo(1.25 / 3, 15);
  });

  it(`matches sklearn silhouette_score on every cut the k search scores (${hierarchicalFixture.header.generator})`, () => {
    const cases = hierarchicalFixture.silhouette.filter((c) => c.matrix !== REAL);
    expect(cases.length).toBeGreaterThanOrEqual(28);
    for (const c of cases) {
      const { distances, tree } = fixtureTree(c.matrix, c.method);
      c.scores.forEach((score, i) => {
        expect(Math.abs(silhouetteScore(distances, cutTree(tree, i + 2)) - score)).toBeLessThan(
          1e-12
        );
      });
    }
  });

  it("lies in [−1, 1] and does not depend on how the clusters are numbered (property)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 20 })
          .chain((n) =>
            fc.tuple(
              condensed(n),
              fc.integer({ min: 2, max: n - 1 }),
              fc.constantFrom("single", "ward")
            )
          ),
        ([d, k, method]) => {
          const labels = cutTree(linkage(d, method), k);
          const s = silhouetteScore(d, labels);
          expect(s).toBeGreaterThanOrEqual(-1);
          expect(s).toBeLessThanOrEqual(1);
          const renamed = Array.from(labels, (c) => k - 1 - c);
          expect(Math.abs(silhouetteScore(d, renamed) - s)).toBeLessThan(1e-14);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("leaves its inputs unchanged", () => {
    const d = Float64Array.of(1, 4, 4, 4, 4, 1);
    const labels = Int32Array.of(0, 0, 1, 1);
    silhouetteScore(d, labels);
    expect(Array.from(d)).toEqual([1, 4, 4, 4, 4, 1]);
    expect(Array.from(labels)).toEqual([0, 0, 1, 1]);
  });

  describe("preconditions", () => {
    it("rejects distances of the wrong length (INVALID_ARGUMENT)", () => {
      expect(() => silhouetteScore(Float64Array.of(1, 2), [0, 1, 1])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "distances" })
      );
    });
    it("rejects one cluster and all singletons (INVALID_ARGUMENT)", () => {
      expect(() => silhouetteScore(Float64Array.of(1, 4, 2), [0, 0, 0])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "labels" })
      );
      expect(() => silhouetteScore(Float64Array.of(1, 4, 2), [0, 1, 2])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "labels" })
      );
    });
    it("rejects a label that is not a cluster number (INVALID_ARGUMENT)", () => {
      expect(() => silhouetteScore(Float64Array.of(1, 4, 2), [0, -1, 1])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "labels", row: 1 })
      );
    });
  });
});
