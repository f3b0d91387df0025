import fc from "fast-check";
import { solutionWeights } from "../../../src/core/downside/solutionWeights";

describe("solutionWeights", () => {
  it("divides by κ (the JSDoc example)", () => {
    const w = solutionWeights([0.2, 0.6, 0.8], [0, 1], 2, [0, 0], [1, 1]);
    expect(w[0]).toBeCloseTo(0.25, 15);
    expect(w[1]).toBeCloseTo(0.75, 15);
  });

  it("snaps solver residue to the bounds and keeps Σw = 1", () => {
    const w = solutionWeights(
      [3e-10, 0.3 - 2e-10, 0.7],
      [0, 1, 2],
      undefined,
      [0, 0, 0],
      [1, 0.3, 1]
    );
    expect(w[0]).toBe(0);
    expect(w[1]).toBe(0.3);
    expect(w[0] + w[1] + w[2]).toBeCloseTo(1, 15);
  });

  it("sums to 1 within rounding for any near-feasible solution (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 10 }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (raw, kappa) => {
          const s = raw.reduce((a, b) => a + b, 0);
          fc.pre(s > 1e-3);
          const x = [...raw.map((v) => (v / s) * kappa), kappa];
          const n = raw.length;
          const w = solutionWeights(
            x,
            Array.from({ length: n }, (_, j) => j),
            n,
            new Array(n).fill(0),
            new Array(n).fill(1)
          );
          expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
          for (const v of w) expect(v).toBeGreaterThanOrEqual(0);
        }
      )
    );
  });
});
