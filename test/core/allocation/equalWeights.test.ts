import fc from "fast-check";
import { equalWeights } from "../../../src/core/allocation/equalWeights";
import { sum } from "./testMatrices";

describe("equalWeights", () => {
  it("gives 1/N to each asset (hand-worked)", () => {
    // N = 4 → 1/4 each.
    expect(Array.from(equalWeights(4))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(Array.from(equalWeights(1))).toEqual([1]);
  });

  it("matches numpy np.full(n, 1 / n)", () => {
    // Oracle: the IEEE quotient 1/n, which is what numpy stores; no fixture file is needed for it.
    expect(equalWeights(3)[0]).toBe(1 / 3);
    expect(equalWeights(7)[6]).toBe(1 / 7);
  });

  it("sums to 1 and returns a fresh array each call (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        const w = equalWeights(n);
        expect(w.length).toBe(n);
        expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
        expect(equalWeights(n)).not.toBe(w);
      }),
      { numRuns: 50 }
    );
  });

  it("has no input to mutate: a caller's change to one result does not leak into the next", () => {
    const w = equalWeights(2);
    w[0] = 9;
    expect(Array.from(equalWeights(2))).toEqual([0.5, 0.5]);
  });

  describe("preconditions", () => {
    it.each([0, -1, 2.5, NaN, Infinity])("rejects n = %p (INVALID_ARGUMENT)", (n) => {
      expect(() => equalWeights(n)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "n" })
      );
    });
  });
});
