import fc from "fast-check";
import { checkRiskAversion } from "../../../src/core/bayesian/checkRiskAversion";

describe("checkRiskAversion", () => {
  it("accepts a positive δ (hand-worked: 2.5)", () => {
    expect(checkRiskAversion(2.5)).toBeUndefined();
  });
  it("accepts every positive finite δ", () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }), (d) => {
        expect(() => checkRiskAversion(d)).not.toThrow();
      }),
      { numRuns: 100 }
    );
  });
  describe("throws", () => {
    it("INVALID_ARGUMENT for δ ≤ 0 and NON_FINITE for NaN or ±Infinity", () => {
      expect(() => checkRiskAversion(0)).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: "riskAversion must be above 0 (2 to 3 is usual); got 0",
        })
      );
      expect(() => checkRiskAversion(-1)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
      expect(() => checkRiskAversion(NaN)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "riskAversion" })
      );
      expect(() => checkRiskAversion(Infinity)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
  });
  it("leaves its input unchanged (a number: nothing to mutate)", () => {
    const delta = 2;
    checkRiskAversion(delta);
    expect(delta).toBe(2);
  });
});
