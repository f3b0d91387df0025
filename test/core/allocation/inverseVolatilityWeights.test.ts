import fc from "fast-check";
import { inverseVolatilityWeights } from "../../../src/core/allocation/inverseVolatilityWeights";
import {
  copyMatrix,
  covArbitrary,
  maxAbsDiff,
  permuteMatrix,
  readFixture,
  squareMatrix,
  sum,
} from "./testMatrices";

const fixture = readFixture<{
  header: { generator: string };
  cases: { size: number; cov: number[]; weights: number[] }[];
}>("allocation", "inverseVolatilityWeights.json");

describe("inverseVolatilityWeights", () => {
  it("weights by 1/σ (hand-worked)", () => {
    // σ = 0.1, 0.2, 0.4 → 1/σ = 10, 5, 2.5 (sum 17.5) → 4/7, 2/7, 1/7. Correlations are ignored.
    const cov = squareMatrix([0.01, 0.01, 0, 0.01, 0.04, 0, 0, 0, 0.16]);
    const w = inverseVolatilityWeights(cov);
    expect(w[0]).toBeCloseTo(4 / 7, 15);
    expect(w[1]).toBeCloseTo(2 / 7, 15);
    expect(w[2]).toBeCloseTo(1 / 7, 15);
  });

  it(`matches numpy 1/sqrt(diag(S)) normalised (${fixture.header.generator})`, () => {
    for (const c of fixture.cases) {
      expect(maxAbsDiff(inverseVolatilityWeights(squareMatrix(c.cov)), c.weights)).toBeLessThan(
        1e-15
      );
    }
  });

  it("sums to 1, is positive and follows the assets when reordered (property)", () => {
    fc.assert(
      fc.property(covArbitrary(1, 8), (cov) => {
        const w = inverseVolatilityWeights(cov);
        expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-12);
        for (const x of w) expect(x).toBeGreaterThan(0);
        const perm = Array.from({ length: cov.size }, (_, i) => cov.size - 1 - i);
        const reversed = inverseVolatilityWeights(permuteMatrix(cov, perm));
        for (let i = 0; i < cov.size; i++) expect(reversed[i]).toBeCloseTo(w[perm[i]], 14);
      }),
      { numRuns: 50 }
    );
  });

  it("leaves its input unchanged", () => {
    const cov = squareMatrix([0.01, 0.002, 0.002, 0.04]);
    const copy = copyMatrix(cov);
    inverseVolatilityWeights(cov);
    expect(cov).toEqual(copy);
  });

  describe("preconditions", () => {
    it("rejects a zero-volatility asset, naming it (ZERO_VARIANCE)", () => {
      expect(() =>
        inverseVolatilityWeights(squareMatrix([0.04, 0, 0, 0], ["BTC", "USDC"]))
      ).toThrow(
        expect.objectContaining({
          code: "ZERO_VARIANCE",
          message: "cov: column 2 (USDC) has zero variance; remove it or use a longer window",
        })
      );
    });
    it("rejects NaN (NON_FINITE)", () => {
      expect(() => inverseVolatilityWeights(squareMatrix([NaN, 0, 0, 1]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
    it("rejects an empty matrix (TOO_FEW_POINTS)", () => {
      expect(() => inverseVolatilityWeights(squareMatrix([]))).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS" })
      );
    });
    it("rejects a matrix that is not PSD (SINGULAR_MATRIX)", () => {
      expect(() => inverseVolatilityWeights(squareMatrix([1, 3, 3, 1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });
});
