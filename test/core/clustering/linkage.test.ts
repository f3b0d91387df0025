import fc from "fast-check";
import { linkage } from "../../../src/core/clustering/linkage";
import { maxAbsDiff, readFixture } from "../allocation/testMatrices";

interface Case {
  name: string;
  n: number;
  method: string;
  distances: number[];
  linkage: number[];
  leaves: number[];
}
const fixture = readFixture<{ header: { generator: string; scipy: string }; cases: Case[] }>(
  "allocation",
  "linkage.json"
);

const condensedLength = (n: number) => (n * (n - 1)) / 2;

describe("linkage", () => {
  it("merges the closest pair first (hand-worked, three points)", () => {
    // d01 = 1, d02 = 4, d12 = 2. Single: {0,1} at 1 → cluster 3; then {2, 3} at min(4, 2) = 2.
    // Complete: {0,1} at 1; then max(4, 2) = 4. Average: (4 + 2)/2 = 3.
    // Ward: √(((1+1)·16 + (1+1)·4 − 1·1)/3) = √(39/3) = √13.
    const d = Float64Array.of(1, 4, 2);
    expect(Array.from(linkage(d, "single").data)).toEqual([0, 1, 1, 2, 2, 3, 2, 3]);
    expect(Array.from(linkage(d, "complete").data)).toEqual([0, 1, 1, 2, 2, 3, 4, 3]);
    expect(Array.from(linkage(d, "average").data)).toEqual([0, 1, 1, 2, 2, 3, 3, 3]);
    const ward = linkage(d, "ward").data;
    expect(ward[6]).toBeCloseTo(Math.sqrt(13), 14);
  });

  it(`matches scipy ${fixture.header.scipy} linkage for all four methods, ties included (${fixture.header.generator})`, () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(40);
    for (const c of fixture.cases) {
      const z = linkage(Float64Array.from(c.distances), c.method);
      expect(z.leaves).toBe(c.n);
      // Cluster ids and sizes exactly; distances to rounding.
      for (let r = 0; r < c.n - 1; r++) {
        expect([z.data[r * 4], z.data[r * 4 + 1], z.data[r * 4 + 3]]).toEqual([
          c.linkage[r * 4],
          c.linkage[r * 4 + 1],
          c.linkage[r * 4 + 3],
        ]);
      }
      const distances = Array.from({ length: c.n - 1 }, (_, r) => z.data[r * 4 + 2]);
      const expected = Array.from({ length: c.n - 1 }, (_, r) => c.linkage[r * 4 + 2]);
      expect(maxAbsDiff(distances, expected)).toBeLessThan(1e-12);
    }
  });

  it("produces a valid tree with non-decreasing heights and full final size (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: 0, max: 10, noNaN: true }), {
              minLength: condensedLength(n),
              maxLength: condensedLength(n),
            }),
            fc.constantFrom("single", "average", "complete", "ward")
          )
        ),
        ([n, d, method]) => {
          const z = linkage(d, method).data;
          const used = new Set<number>();
          for (let r = 0; r < n - 1; r++) {
            const [a, b, h] = [z[r * 4], z[r * 4 + 1], z[r * 4 + 2]];
            expect(a).toBeLessThan(b);
            expect(b).toBeLessThan(n + r);
            expect(used.has(a) || used.has(b)).toBe(false);
            used.add(a).add(b);
            // Single/average/complete/Ward are monotone: no inversions in the dendrogram.
            if (r > 0) expect(h).toBeGreaterThanOrEqual(z[(r - 1) * 4 + 2] - 1e-12);
          }
          expect(z[(n - 2) * 4 + 3]).toBe(n);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("gives single-linkage heights equal to the minimum spanning tree's edges (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
              minLength: condensedLength(n),
              maxLength: condensedLength(n),
            })
          )
        ),
        ([n, d]) => {
          // Kruskal on all edges, written independently.
          const edges: [number, number, number][] = [];
          let k = 0;
          for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push([d[k++], i, j]);
          edges.sort((x, y) => x[0] - y[0]);
          const parent = Array.from({ length: n }, (_, i) => i);
          const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
          const mst: number[] = [];
          for (const [w, i, j] of edges) {
            if (find(i) !== find(j)) {
              parent[find(i)] = find(j);
              mst.push(w);
            }
          }
          const z = linkage(d, "single").data;
          const heights = Array.from({ length: n - 1 }, (_, r) => z[r * 4 + 2]);
          expect(heights).toEqual(mst);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("reads the method case-insensitively, null meaning single", () => {
    const d = Float64Array.of(1, 4, 2);
    expect(linkage(d, "AVERAGE").data).toEqual(linkage(d, "average").data);
    expect(linkage(d, null).data).toEqual(linkage(d, "single").data);
  });

  it("leaves its input unchanged", () => {
    const d = Float64Array.of(0.3, 0.1, 0.7, 0.2, 0.5, 0.4);
    const copy = Float64Array.from(d);
    for (const method of ["single", "average", "complete", "ward"]) linkage(d, method);
    expect(d).toEqual(copy);
  });

  describe("preconditions", () => {
    it("rejects an unknown method, listing the choices (INVALID_ARGUMENT)", () => {
      expect(() => linkage(Float64Array.of(1), "centroid")).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: 'linkage must be "single", "average", "complete" or "ward"; got "centroid"',
        })
      );
    });
    it("rejects a length that is not n(n−1)/2 (INVALID_ARGUMENT)", () => {
      expect(() => linkage(Float64Array.of(1, 2))).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("rejects fewer than two observations (TOO_FEW_POINTS)", () => {
      expect(() => linkage(new Float64Array(0))).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS" })
      );
    });
    it("rejects NaN and Infinity (NON_FINITE)", () => {
      expect(() => linkage(Float64Array.of(1, NaN, 2))).toThrow(
        expect.objectContaining({ code: "NON_FINITE", row: 1 })
      );
      expect(() => linkage(Float64Array.of(1, 2, Infinity))).toThrow(
        expect.objectContaining({ code: "NON_FINITE", row: 2 })
      );
    });
    it("rejects a negative distance (INVALID_ARGUMENT)", () => {
      expect(() => linkage(Float64Array.of(1, -2, 2))).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", row: 1 })
      );
    });
  });
});
