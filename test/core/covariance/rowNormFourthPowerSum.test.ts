import fc from "fast-check";
import { rowNormFourthPowerSum } from "../../../src/core/covariance/rowNormFourthPowerSum";

describe("rowNormFourthPowerSum", () => {
  it("matches the hand-worked 2 × 2 case", () => {
    // Rows (1, 3) and (2, 4): (1 + 9)² + (4 + 16)² = 100 + 400 = 500.
    expect(rowNormFourthPowerSum(Float64Array.of(1, 2, 3, 4), 2, 2)).toBe(500);
  });

  it("equals Σ_k (Σ_j x_kj²)² and the total of (X²)ᵀX², sklearn's form (random matrices)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 1000 }),
        (n, p, seed) => {
          const x = Float64Array.from({ length: n * p }, (_, k) => Math.sin(seed + k * 0.71));
          let viaGram = 0;
          for (let i = 0; i < p; i++) {
            for (let j = 0; j < p; j++) {
              for (let k = 0; k < n; k++) viaGram += x[i * n + k] ** 2 * x[j * n + k] ** 2;
            }
          }
          const sum = rowNormFourthPowerSum(x, n, p);
          return sum >= 0 && Math.abs(sum - viaGram) <= 1e-12 * Math.max(1, viaGram);
        }
      )
    );
  });

  it("is 0 for no rows and does not modify its input", () => {
    expect(rowNormFourthPowerSum(new Float64Array(0), 0, 3)).toBe(0);
    const x = Float64Array.of(0.5, -1, 2);
    rowNormFourthPowerSum(x, 3, 1);
    expect(Array.from(x)).toEqual([0.5, -1, 2]);
  });
});
