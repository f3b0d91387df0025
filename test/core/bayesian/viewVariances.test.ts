import fc from "fast-check";
import { viewVariances } from "../../../src/core/bayesian/viewVariances";
import { makeViews, matrix, problemArbitrary } from "./bayesianTestUtils";

describe("viewVariances", () => {
  it("is pΣpᵀ per view (hand-worked)", () => {
    // A over B: 0.04 + 0.09 − 2·0.01 = 0.11; absolute B: 0.09.
    const d = viewVariances(
      makeViews(2, [
        { asset: 0, over: 1, q: 0 },
        { asset: 1, q: 0 },
      ]),
      matrix([0.04, 0.01, 0.01, 0.09])
    );
    expect(d[0]).toBeCloseTo(0.11, 16);
    expect(d[1]).toBeCloseTo(0.09, 16);
  });
  it("equals the dense product for arbitrary (dense) P rows", () => {
    fc.assert(
      fc.property(
        problemArbitrary,
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        ({ n, cov }, p) => {
          const row = Float64Array.from(p.slice(0, n));
          const views = {
            count: 1,
            assets: n,
            P: row,
            Q: Float64Array.of(0),
            names: ["v"],
            rows: [0],
          };
          let dense = 0;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) dense += row[i] * cov.data[i * n + j] * row[j];
          expect(viewVariances(views, cov)[0]).toBeCloseTo(Math.max(0, dense), 14);
        }
      ),
      { numRuns: 100 }
    );
  });
  it("throws nothing for checked inputs (its callers check them): no views give an empty result", () => {
    expect(viewVariances(makeViews(2, []), matrix([1, 0, 0, 1])).length).toBe(0);
  });
  it("leaves its inputs unchanged", () => {
    const views = makeViews(2, [{ asset: 0, over: 1, q: 0 }]);
    const cov = matrix([1, 0.5, 0.5, 1]);
    viewVariances(views, cov);
    expect(Array.from(views.P)).toEqual([1, -1]);
    expect(Array.from(cov.data)).toEqual([1, 0.5, 0.5, 1]);
  });
});
