import fc from "fast-check";
import { checkViews } from "../../../src/core/bayesian/checkViews";
import { parseViews } from "../../../src/core/bayesian/parseViews";
import { makeViews } from "./bayesianTestUtils";

describe("checkViews", () => {
  it("accepts one absolute and one relative view on two assets (hand-worked)", () => {
    expect(
      checkViews(
        makeViews(2, [
          { asset: 0, q: 0.1 },
          { asset: 1, over: 0, q: 0.05 },
        ]),
        2
      )
    ).toBeUndefined();
  });
  it("accepts whatever parseViews builds", () => {
    const labels = ["A", "B", "C", "D"];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (assets, c) => {
          const views = parseViews(
            assets.map((a) => [labels[a], "", 0.1, c]),
            labels
          );
          expect(() => checkViews(views, 4)).not.toThrow();
        }
      ),
      { numRuns: 50 }
    );
  });
  describe("throws", () => {
    const good = makeViews(2, [{ asset: 0, q: 0.1, confidence: 0.5 }]);
    it("LENGTH_MISMATCH for P, Q, names, rows or confidences of the wrong size", () => {
      expect(() => checkViews(good, 3)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
      expect(() => checkViews({ ...good, P: new Float64Array(3) }, 2)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
      expect(() => checkViews({ ...good, Q: new Float64Array(2) }, 2)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
      expect(() => checkViews({ ...good, names: [] }, 2)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
      expect(() => checkViews({ ...good, rows: [] }, 2)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
      expect(() => checkViews({ ...good, confidences: new Float64Array(2) }, 2)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("INVALID_ARGUMENT for a negative count, a zero P row or a confidence outside [0, 1]", () => {
      expect(() => checkViews({ ...good, count: -1 }, 2)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
      expect(() => checkViews({ ...good, P: new Float64Array(2) }, 2)).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "views: P row 1 (A1) is all zeros, so the view is on no asset; remove it",
        })
      );
      expect(() => checkViews({ ...good, confidences: Float64Array.of(2) }, 2)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("NON_FINITE for NaN in P, Q or the confidences", () => {
      expect(() => checkViews({ ...good, P: Float64Array.of(NaN, 0) }, 2)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", column: 0 })
      );
      expect(() => checkViews({ ...good, Q: Float64Array.of(Infinity) }, 2)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
      expect(() => checkViews({ ...good, confidences: Float64Array.of(NaN) }, 2)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
  });
  it("leaves its input unchanged", () => {
    const views = makeViews(2, [{ asset: 0, q: 0.1 }]);
    checkViews(views, 2);
    expect(Array.from(views.P)).toEqual([1, 0]);
  });
});
