import fc from "fast-check";
import { activeRisk } from "../../../src/core/diversification/activeRisk";
import type { SquareMatrix } from "../../../src/core/types";

const diag = (...v: number[]): SquareMatrix => {
  const n = v.length;
  const data = new Float64Array(n * n);
  v.forEach((x, i) => (data[i * n + i] = x));
  return { size: n, data, labels: v.map((_, i) => `A${i + 1}`) };
};

describe("activeRisk", () => {
  it("computes overlap, active share and tracking error (hand-worked)", () => {
    // a = (0.1, −0.1); TE² = 0.01·0.04 + 0.01·0.09 = 0.0013.
    const r = activeRisk([0.6, 0.4], [0.5, 0.5], diag(0.04, 0.09));
    expect(r.overlap).toBeCloseTo(0.9, 15);
    expect(r.activeShare).toBeCloseTo(0.1, 15);
    expect(r.trackingError).toBeCloseTo(Math.sqrt(0.0013), 15);
    expect(Array.from(r.activeWeights)).toEqual([
      expect.closeTo(0.1, 15),
      expect.closeTo(-0.1, 15),
    ]);
  });

  it("rejects mismatched lengths and non-finite weights", () => {
    expect(() => activeRisk([1], [0.5, 0.5], diag(1, 1))).toThrow(
      expect.objectContaining({ code: "LENGTH_MISMATCH" })
    );
    expect(() => activeRisk([NaN, 1], [0.5, 0.5], diag(1, 1))).toThrow(
      expect.objectContaining({ code: "NON_FINITE" })
    );
  });

  it("overlap = 1 − active share for weights summing to 1; identical portfolios have zero tracking error (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 0, max: 1000 }),
        (raw, shift) => {
          const n = raw.length;
          const total = raw.reduce((a, b) => a + b);
          const w = raw.map((x) => x / total);
          const b = w.map((_, i) => w[(i + shift) % n]);
          const cov = diag(...w.map((_, i) => 0.01 * (i + 1)));
          const r = activeRisk(w, b, cov);
          expect(r.overlap + r.activeShare).toBeCloseTo(1, 12);
          expect(activeRisk(w, w, cov).trackingError).toBe(0);
        }
      ),
      { numRuns: 100 }
    );
  });
});
