import fc from "fast-check";
import { conditionalDrawdownAtRisk } from "../../../src/core/downside/conditionalDrawdownAtRisk";
import { plainCdar } from "./downsideTestKit";

describe("conditionalDrawdownAtRisk", () => {
  it("hand-worked: the mean of the worst half", () => {
    // T = 4, α = 0.5: k = 2, the worst two are 0.4 and 0.2 → 0.3.
    expect(conditionalDrawdownAtRisk([0, 0.2, 0.1, 0.4], 0.5)).toBeCloseTo(0.3, 15);
  });

  it("hand-worked: a fractional tail counts the boundary drawdown partly", () => {
    // T = 4, α = 0.625: k = 1.5 → (0.4 + 0.5·0.2) / 1.5 = 1/3.
    expect(conditionalDrawdownAtRisk([0, 0.2, 0.1, 0.4], 0.625)).toBeCloseTo(1 / 3, 15);
  });

  it("is the maximum drawdown when (1 − α)T ≤ 1", () => {
    expect(conditionalDrawdownAtRisk([0.1, 0.3, 0.2], 0.9)).toBe(0.3);
  });

  it("equals the Rockafellar–Uryasev minimum over ζ (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (d, alpha) => {
          const k = (1 - alpha) * d.length;
          const expected = k <= 1 ? Math.max(...d) : plainCdar(d, alpha);
          expect(conditionalDrawdownAtRisk(d, alpha)).toBeCloseTo(expected, 12);
        }
      )
    );
  });

  it("does not modify its input", () => {
    const d = Object.freeze([0.3, 0.1, 0.2]);
    conditionalDrawdownAtRisk(d, 0.5);
    expect(d).toEqual([0.3, 0.1, 0.2]);
  });
});
