import fc from "fast-check";
import { exponentialDecay } from "../../../src/core/correlation/exponentialDecay";

describe("exponentialDecay", () => {
  it("halves the weight after one half-life; span s gives 1 − 2/(s + 1)", () => {
    // halfLife 1 → λ = exp(−ln 2) = 0.5; span 3 → α = 2/4 = 0.5 → λ = 0.5
    expect(exponentialDecay({ halfLife: 1 })).toBeCloseTo(0.5, 15);
    expect(exponentialDecay({ span: 3 })).toBe(0.5);
  });

  it("matches pandas' α: 1 − exp(−ln 2 / h) and 2 / (s + 1) (property: λ^h = 1/2)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1000, noNaN: true }), (h) => {
        expect(exponentialDecay({ halfLife: h }) ** h).toBeCloseTo(0.5, 12);
        expect(exponentialDecay({ span: h + 1 })).toBeCloseTo(1 - 2 / (h + 2), 15);
      }),
      { numRuns: 100 }
    );
  });

  it("throws INVALID_ARGUMENT for none, both, or out-of-range values", () => {
    const bad = expect.objectContaining({ code: "INVALID_ARGUMENT" });
    expect(() => exponentialDecay({} as { span: number })).toThrow(bad);
    expect(() => exponentialDecay({ span: 3, halfLife: 2 } as unknown as { span: number })).toThrow(
      bad
    );
    expect(() => exponentialDecay({ halfLife: -1 })).toThrow(
      "halfLife must be a finite number of rows above 0; got -1"
    );
    expect(() => exponentialDecay({ halfLife: Infinity })).toThrow(bad);
    expect(() => exponentialDecay({ halfLife: 1e-6 })).toThrow(/too short/);
    expect(() => exponentialDecay({ span: 1 })).toThrow(
      "span must be a finite number of rows above 1; got 1"
    );
  });

  it("leaves its input unchanged", () => {
    const spec = Object.freeze({ halfLife: 30 });
    exponentialDecay(spec);
    expect(spec).toEqual({ halfLife: 30 });
  });
});
