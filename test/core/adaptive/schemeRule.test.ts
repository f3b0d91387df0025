import fc from "fast-check";
import { schemeRule, SCHEME_RULES } from "../../../src/core/adaptive/schemeRule";
import { inverseVolatilityWeights } from "../../../src/core/allocation/inverseVolatilityWeights";
import { riskBudgetingWeights } from "../../../src/core/allocation/riskBudgetingWeights";
import { covarianceMatrix } from "../../../src/core/covariance/covarianceMatrix";
import { windowOf } from "./adaptiveTestKit";

describe("schemeRule", () => {
  it("weights only the assets with a return on every row; equal gives them 1/k (hand-worked)", () => {
    // Column 1 lacks its first return (listed late): equal → 1/2 to columns 0 and 2, 0 to it.
    const window = windowOf([
      [0.01, NaN, -0.02],
      [0.02, 0.01, 0.01],
      [-0.01, 0.03, 0.0],
    ]);
    expect(Array.from(schemeRule("equal", "sample")(window))).toEqual([0.5, 0, 0.5]);
    // invvol with one live asset: all of it.
    const lone = windowOf([
      [0.01, NaN],
      [0.03, 0.02],
    ]);
    expect(Array.from(schemeRule("invvol", "sample")(lone))).toEqual([1, 0]);
  });

  it("gives all zeros when no asset is live", () => {
    expect(Array.from(schemeRule("erc", "sample")(windowOf([[NaN, NaN]])))).toEqual([0, 0]);
  });

  it("erc and invvol equal the core schemes on the sample covariance of the live assets", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 3, maxLength: 3 }),
          { minLength: 8, maxLength: 30 }
        ),
        (rows) => {
          const window = windowOf(rows);
          let cov;
          try {
            cov = covarianceMatrix(window, { estimator: "sample", periodsPerYear: 1 }).matrix;
            riskBudgetingWeights(cov);
          } catch {
            return; // a degenerate random window (constant column): the core's own refusal
          }
          expect(Array.from(schemeRule("erc", "sample")(window))).toEqual(
            Array.from(riskBudgetingWeights(cov))
          );
          expect(Array.from(schemeRule("invvol", "sample")(window))).toEqual(
            Array.from(inverseVolatilityWeights(cov))
          );
        }
      ),
      { numRuns: 40 }
    );
  });

  it.each(SCHEME_RULES.map((name) => [name]))(
    "%s: long only, sums to 1, does not modify the window",
    (name) => {
      const rows = Array.from({ length: 40 }, (_, t) => [
        0.02 * Math.sin(t),
        0.03 * Math.cos(t / 2),
        0.01 * Math.sin(t / 3 + 1),
      ]);
      const window = windowOf(rows);
      const copy = Float64Array.from(window.data);
      const w = schemeRule(name, "sample")(window);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
      w.forEach((x) => expect(x).toBeGreaterThanOrEqual(-1e-12));
      expect(window.data).toEqual(copy);
    }
  );
});
