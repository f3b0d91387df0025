import fc from "fast-check";
import { checkWeights } from "../../../src/core/diversification/checkWeights";

describe("checkWeights", () => {
  it("accepts finite weights of the right length, shorts included (hand-worked)", () => {
    // Length 3 = n, all finite: no throw, whatever the sum (−0.5 + 1 + 0.5 = 1, or 7).
    expect(() => checkWeights([-0.5, 1, 0.5], 3, ["A", "B", "C"])).not.toThrow();
    expect(() => checkWeights([3, 2, 2], 3, ["A", "B", "C"])).not.toThrow();
  });

  it("accepts any finite vector of the right length (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 20,
        }),
        (w) => {
          expect(() => checkWeights(w, w.length, [])).not.toThrow();
        }
      ),
      { numRuns: 50 }
    );
  });

  it("leaves its input unchanged", () => {
    const w = Object.freeze([0.5, 0.5]);
    checkWeights(w, 2, ["A", "B"]);
    expect(w).toEqual([0.5, 0.5]);
  });

  describe("preconditions", () => {
    it("rejects empty weights (INVALID_ARGUMENT)", () => {
      expect(() => checkWeights([], 0, [])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("rejects the wrong length (LENGTH_MISMATCH)", () => {
      expect(() => checkWeights([1, 2], 3, ["A", "B", "C"])).toThrow(
        expect.objectContaining({
          code: "LENGTH_MISMATCH",
          message: "weights has 2 values but cov has 3 assets; give one weight per asset",
        })
      );
    });
    it("rejects NaN, naming the asset (NON_FINITE)", () => {
      expect(() => checkWeights([0.5, NaN], 2, ["BTC", "ETH"])).toThrow(
        expect.objectContaining({
          code: "NON_FINITE",
          label: "ETH",
          message: "weights: value 2 (ETH) is not a finite number; fix the weight",
        })
      );
    });
  });
});
