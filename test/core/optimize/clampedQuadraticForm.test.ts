import fc from "fast-check";
import { clampedQuadraticForm } from "../../../src/core/optimize/clampedQuadraticForm";

const diag = { size: 2, data: Float64Array.from([0.04, 0, 0, 0.01]), labels: ["A", "B"] };

describe("clampedQuadraticForm", () => {
  it("is wᵀΣw on a hand-worked case: 0.04·0.25 + 0.01·0.25 = 0.0125", () => {
    expect(clampedQuadraticForm(diag, [0.5, 0.5])).toBeCloseTo(0.0125, 15);
  });

  it("clamps a negative form (an indefinite matrix) to 0", () => {
    const indefinite = { size: 2, data: Float64Array.from([0, 1, 1, 0]), labels: ["A", "B"] };
    expect(clampedQuadraticForm(indefinite, [1, -1])).toBe(0);
  });

  it("equals ‖Lᵀw‖² for Σ = LLᵀ (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
              minLength: n * n,
              maxLength: n * n,
            }),
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n })
          )
        ),
        ([l, w]) => {
          const n = w.length;
          const data = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++)
              for (let k = 0; k < n; k++) data[i * n + j] += l[i * n + k] * l[j * n + k];
          let expected = 0;
          for (let k = 0; k < n; k++) {
            let s = 0;
            for (let i = 0; i < n; i++) s += l[i * n + k] * w[i];
            expected += s * s;
          }
          const cov = { size: n, data, labels: w.map((_, i) => `A${i}`) };
          expect(Math.abs(clampedQuadraticForm(cov, w) - expected)).toBeLessThanOrEqual(1e-12);
        }
      ),
      { numRuns: 200 }
    );
  });
});
