import fc from "fast-check";
import { checkExpectedReturns } from "../../../src/core/optimize/checkExpectedReturns";

describe("checkExpectedReturns", () => {
  it("accepts one finite value per asset (hand-worked)", () => {
    // Two assets, two finite values: nothing to report.
    expect(checkExpectedReturns([0.1, -0.2], 2, ["BTC", "ETH"])).toBeUndefined();
  });

  it("accepts every finite vector of the right length", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 20,
        }),
        (mu) => {
          expect(() =>
            checkExpectedReturns(
              mu,
              mu.length,
              mu.map((_, i) => `A${i}`)
            )
          ).not.toThrow();
        }
      ),
      { numRuns: 100 }
    );
  });

  describe("throws", () => {
    it("LENGTH_MISMATCH when the lengths differ", () => {
      expect(() => checkExpectedReturns([0.1], 2, ["BTC", "ETH"])).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH", argument: "mu" })
      );
    });
    it("NON_FINITE with the asset and the argument name", () => {
      expect(() => checkExpectedReturns([0.1, NaN], 2, ["BTC", "ETH"], "excess")).toThrow(
        expect.objectContaining({
          code: "NON_FINITE",
          argument: "excess",
          label: "ETH",
          message: "excess: asset ETH is NaN; every entry must be a finite number",
        })
      );
    });
  });

  it("leaves its input unchanged", () => {
    const mu = Object.freeze([0.1, 0.2]);
    checkExpectedReturns(mu, 2, ["A", "B"]);
    expect(mu).toEqual([0.1, 0.2]);
  });
});
