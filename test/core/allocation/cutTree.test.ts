import fc from "fast-check";
import { cutTree } from "../../../src/core/allocation/cutTree";
import { linkage } from "../../../src/core/clustering/linkage";
import { fixtureTree, hierarchicalFixture, REAL } from "./hierarchicalFixture";

describe("cutTree", () => {
  it("undoes the last merges (hand-worked)", () => {
    // d01 = 1, d02 = 4, d12 = 2, single linkage: {0,1} at 1, then {0,1,2} at 2.
    const tree = linkage(Float64Array.of(1, 4, 2), "single");
    expect(Array.from(cutTree(tree, 1))).toEqual([0, 0, 0]);
    expect(Array.from(cutTree(tree, 2))).toEqual([0, 0, 1]);
    expect(Array.from(cutTree(tree, 3))).toEqual([0, 1, 2]);
  });

  it(`matches scipy cut_tree for every linkage (${hierarchicalFixture.header.generator})`, () => {
    const cases = hierarchicalFixture.cut.filter((c) => c.matrix !== REAL);
    expect(cases.length).toBeGreaterThanOrEqual(100);
    for (const c of cases) {
      const { tree } = fixtureTree(c.matrix, c.method);
      expect(Array.from(cutTree(tree, c.k))).toEqual(c.labels);
    }
  });

  it("gives k clusters numbered by first appearance, each a union of clusters of the cut at k + 1 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 14 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
              minLength: (n * (n - 1)) / 2,
              maxLength: (n * (n - 1)) / 2,
            }),
            fc.constantFrom("single", "average", "complete", "ward")
          )
        ),
        ([n, d, method]) => {
          const tree = linkage(d, method);
          let finer = cutTree(tree, n);
          for (let k = n - 1; k >= 1; k--) {
            const labels = cutTree(tree, k);
            expect(new Set(labels).size).toBe(k);
            let next = 0;
            for (const c of labels) {
              expect(c).toBeLessThanOrEqual(next);
              if (c === next) next++;
            }
            // Nested: points together at k + 1 stay together at k.
            for (let i = 0; i < n; i++)
              for (let j = 0; j < n; j++)
                if (finer[i] === finer[j]) expect(labels[i]).toBe(labels[j]);
            finer = labels;
          }
        }
      ),
      { numRuns: 60 }
    );
  });

  it("leaves the linkage unchanged", () => {
    const tree = linkage(Float64Array.of(1, 4, 2), "single");
    const copy = Float64Array.from(tree.data);
    cutTree(tree, 2);
    expect(tree.data).toEqual(copy);
  });

  describe("preconditions", () => {
    const tree = linkage(Float64Array.of(1, 4, 2), "single");
    it.each([0, 4, 1.5, NaN])("rejects k = %p (INVALID_ARGUMENT)", (k) => {
      expect(() => cutTree(tree, k)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "clusters" })
      );
    });
    it("rejects a matrix that is not a linkage (INVALID_ARGUMENT)", () => {
      expect(() => cutTree({ leaves: 3, data: new Float64Array(5) }, 2)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "linkage" })
      );
      expect(() =>
        cutTree({ leaves: 3, data: Float64Array.of(0, 7, 1, 2, 2, 3, 2, 3) }, 1)
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "linkage" }));
    });
  });
});
