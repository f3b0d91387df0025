import fc from "fast-check";
import { leavesList } from "../../../src/core/clustering/leavesList";
import { linkage } from "../../../src/core/clustering/linkage";
import { readFixture } from "../allocation/testMatrices";

interface Case {
  n: number;
  method: string;
  distances: number[];
  linkage: number[];
  leaves: number[];
}
const fixture = readFixture<{ header: { generator: string }; cases: Case[] }>(
  "allocation",
  "linkage.json"
);

describe("leavesList", () => {
  it("walks the dendrogram left to right (hand-worked)", () => {
    // Rows: [0, 1] → 3; [2, 3] → 4. Root 4 = (2, 3): leaf 2 first, then 3 = (0, 1).
    const z = { leaves: 3, data: Float64Array.of(0, 1, 1, 2, 2, 3, 2, 3) };
    expect(Array.from(leavesList(z))).toEqual([2, 0, 1]);
  });

  it(`matches scipy leaves_list (${fixture.header.generator})`, () => {
    for (const c of fixture.cases) {
      const order = leavesList({ leaves: c.n, data: Float64Array.from(c.linkage) });
      expect(Array.from(order)).toEqual(c.leaves);
    }
  });

  it("is a permutation of the leaves (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 15 }).chain((n) =>
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
            minLength: (n * (n - 1)) / 2,
            maxLength: (n * (n - 1)) / 2,
          })
        ),
        (d) => {
          const z = linkage(d, "average");
          const order = Array.from(leavesList(z)).sort((a, b) => a - b);
          expect(order).toEqual(Array.from({ length: z.leaves }, (_, i) => i));
        }
      ),
      { numRuns: 100 }
    );
  });

  it("leaves its input unchanged", () => {
    const z = linkage(Float64Array.of(0.3, 0.1, 0.7, 0.2, 0.5, 0.4), "ward");
    const copy = Float64Array.from(z.data);
    leavesList(z);
    expect(z.data).toEqual(copy);
  });

  describe("preconditions", () => {
    it("rejects a matrix of the wrong length (INVALID_ARGUMENT)", () => {
      expect(() => leavesList({ leaves: 3, data: Float64Array.of(0, 1, 1, 2) })).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("rejects a row that refers to a later cluster (INVALID_ARGUMENT)", () => {
      expect(() =>
        leavesList({ leaves: 3, data: Float64Array.of(0, 4, 1, 2, 2, 3, 2, 3) })
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    });
    it("rejects a cluster used twice (INVALID_ARGUMENT)", () => {
      expect(() =>
        leavesList({ leaves: 3, data: Float64Array.of(0, 1, 1, 2, 0, 3, 2, 3) })
      ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    });
  });
});
