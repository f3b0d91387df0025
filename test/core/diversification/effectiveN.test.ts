import fc from "fast-check";
import { effectiveN } from "../../../src/core/diversification/effectiveN";
import { diagnostics } from "./diagnosticsFixture";

describe("effectiveN", () => {
  it("is the inverse Herfindahl index (hand-worked)", () => {
    // w = (0.5, 0.25, 0.25): Σw² = 0.25 + 0.0625 + 0.0625 = 0.375 → 1/0.375 = 8/3.
    expect(effectiveN([0.5, 0.25, 0.25])).toBeCloseTo(8 / 3, 15);
    expect(effectiveN([1])).toBe(1);
  });

  it(`matches numpy 1 / sum(w ** 2) (${diagnostics.header.generator})`, () => {
    for (const c of diagnostics.cases) {
      expect(Math.abs(effectiveN(c.weights) - c.effectiveN)).toBeLessThan(1e-12 * c.effectiveN);
    }
  });

  it("is N for equal weights and between 1 and N for long-only weights summing to 1 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (raw) => {
          const total = raw.reduce((a, b) => a + b, 0);
          const w = raw.map((x) => x / total);
          const n = effectiveN(w);
          expect(n).toBeGreaterThanOrEqual(1 - 1e-12);
          expect(n).toBeLessThanOrEqual(w.length * (1 + 1e-12));
          expect(effectiveN(new Array<number>(w.length).fill(1 / w.length))).toBeCloseTo(
            w.length,
            10
          );
        }
      ),
      { numRuns: 100 }
    );
  });

  it("leaves its input unchanged", () => {
    const w = Object.freeze([0.2, 0.8]);
    effectiveN(w);
    expect(w).toEqual([0.2, 0.8]);
  });

  describe("preconditions", () => {
    it("rejects empty weights (INVALID_ARGUMENT)", () => {
      expect(() => effectiveN([])).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    });
    it("rejects all-zero weights (INVALID_ARGUMENT)", () => {
      expect(() => effectiveN([0, 0])).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" })
      );
    });
    it("rejects NaN (NON_FINITE)", () => {
      expect(() => effectiveN([0.5, NaN])).toThrow(
        expect.objectContaining({ code: "NON_FINITE", row: 1 })
      );
    });
  });
});
