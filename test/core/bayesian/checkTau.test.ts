import fc from "fast-check";
import { checkTau } from "../../../src/core/bayesian/checkTau";

describe("checkTau", () => {
  it("accepts 0.05 and 1 (hand-worked: the bounds of (0, 1])", () => {
    expect(checkTau(0.05)).toBeUndefined();
    expect(checkTau(1)).toBeUndefined();
  });
  it("accepts every τ in (0, 1]", () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), (tau) => {
        expect(() => checkTau(tau)).not.toThrow();
      }),
      { numRuns: 100 }
    );
  });
  describe("throws", () => {
    it("INVALID_ARGUMENT outside (0, 1] and NON_FINITE for NaN", () => {
      expect(() => checkTau(0)).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "tau must be in (0, 1] (0.05 is usual); got 0",
        })
      );
      expect(() => checkTau(1.01)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "tau" })
      );
      expect(() => checkTau(NaN)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "tau" })
      );
    });
  });
  it("leaves its input unchanged (a number: nothing to mutate)", () => {
    const tau = 0.05;
    checkTau(tau);
    expect(tau).toBe(0.05);
  });
});
