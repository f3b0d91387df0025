import { clusterCount } from "../../../src/core/allocation/clusterCount";
import { linkage } from "../../../src/core/clustering/linkage";
import { fixtureTree, hierarchicalFixture, REAL } from "./hierarchicalFixture";

describe("clusterCount", () => {
  const d = Float64Array.of(1, 4, 4, 4, 4, 1); // two tight pairs
  const tree = linkage(d, "ward");

  it("returns a given count unchanged", () => {
    expect(clusterCount(d, tree, 3)).toBe(3);
  });

  it("finds the two pairs by silhouette and by the gap statistic (hand-worked)", () => {
    // k = 2 is the only silhouette candidate (2 … n − 1 = 3 gives 2 or 3): s(2) = 0.75, s(3) = 0.5·(4 − 1)/4 = 0.375.
    expect(clusterCount(d, tree, "silhouette")).toBe(2);
    expect(clusterCount(d, tree, "Gap")).toBe(2);
  });

  it("returns one cluster for two assets by silhouette", () => {
    const two = Float64Array.of(0.3);
    expect(clusterCount(two, linkage(two, "ward"), "silhouette")).toBe(1);
  });

  it(`matches the numpy/sklearn k for both rules (${hierarchicalFixture.header.generator})`, () => {
    for (const c of hierarchicalFixture.silhouette.filter((x) => x.matrix !== REAL)) {
      const { distances, tree: t } = fixtureTree(c.matrix, c.method);
      expect(clusterCount(distances, t, "silhouette")).toBe(c.k);
    }
    for (const c of hierarchicalFixture.gap.filter((x) => x.matrix !== REAL)) {
      const { distances, tree: t } = fixtureTree(c.matrix, c.method);
      expect(clusterCount(distances, t, "gap")).toBe(c.k);
    }
  });

  it("bounds the silhouette search by maxClusters", () => {
    const c = hierarchicalFixture.silhouette.find((x) => x.name === "sectors n=60 single")!;
    const { distances, tree: t } = fixtureTree(c.matrix, c.method);
    expect(c.k).toBeGreaterThan(3);
    const best = c.scores.slice(0, 2).indexOf(Math.max(...c.scores.slice(0, 2))) + 2;
    expect(clusterCount(distances, t, "silhouette", 3)).toBe(best);
  });

  describe("preconditions", () => {
    it.each([0, 5, 2.5])("rejects the count %p (INVALID_ARGUMENT)", (k) => {
      expect(() => clusterCount(d, tree, k)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "clusters" })
      );
    });
    it("rejects an unknown rule, listing the choices (INVALID_ARGUMENT)", () => {
      expect(() => clusterCount(d, tree, "elbow")).toThrow(/"gap" or "silhouette"/);
    });
    it("rejects maxClusters below 1 (INVALID_ARGUMENT)", () => {
      expect(() => clusterCount(d, tree, "silhouette", 0)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "maxClusters" })
      );
    });
  });
});
