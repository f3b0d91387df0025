import fc from "fast-check";
import { correlationDistance } from "../../../src/core/clustering/correlationDistance";
import {
  copyMatrix,
  covArbitrary,
  readFixture,
  squareMatrix,
  maxAbsDiff,
} from "../allocation/testMatrices";

interface Case {
  size: number;
  cov: number[];
  distances: number[];
}
const fixture = readFixture<{ header: { generator: string }; cases: Case[] }>(
  "allocation",
  "hierarchicalRiskParity.json"
);

describe("correlationDistance", () => {
  it("maps correlations to √((1 − ρ)/2) (hand-worked)", () => {
    // σ = 0.1, 0.2, 0.3; ρ12 = 0.5 → 0.5; ρ13 = −0.5 → √0.75; ρ23 = −1 → 1 (asset 3 = −asset 2:
    // singular but PSD, which is accepted).
    const cov = squareMatrix([0.01, 0.01, -0.015, 0.01, 0.04, -0.06, -0.015, -0.06, 0.09]);
    const d = correlationDistance(cov);
    expect(d[0]).toBeCloseTo(0.5, 15);
    expect(d[1]).toBeCloseTo(Math.sqrt(0.75), 15);
    expect(d[2]).toBeCloseTo(1, 15);
  });

  it(`matches PyPortfolioOpt's squareform(((1 − corr)/2) ** 0.5) (${fixture.header.generator})`, () => {
    for (const c of fixture.cases) {
      expect(maxAbsDiff(correlationDistance(squareMatrix(c.cov)), c.distances)).toBeLessThan(1e-14);
    }
  });

  it("lies in [0, 1] and is scale-invariant (property)", () => {
    fc.assert(
      fc.property(
        covArbitrary(2, 7),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (cov, k) => {
          const d = correlationDistance(cov);
          const scaled = correlationDistance(squareMatrix(Array.from(cov.data, (v) => v * k)));
          for (const x of d) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
          }
          expect(maxAbsDiff(d, scaled)).toBeLessThan(1e-12);
        }
      ),
      { numRuns: 50 }
    );
  });

  it("leaves its input unchanged", () => {
    const cov = squareMatrix([1, 0.3, 0.3, 2]);
    const copy = copyMatrix(cov);
    correlationDistance(cov);
    expect(cov).toEqual(copy);
  });

  describe("preconditions", () => {
    it("rejects a single asset (TOO_FEW_POINTS)", () => {
      expect(() => correlationDistance(squareMatrix([1]))).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS" })
      );
    });
    it("rejects a zero-variance asset (ZERO_VARIANCE)", () => {
      expect(() => correlationDistance(squareMatrix([1, 0, 0, 0]))).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE", column: 1 })
      );
    });
    it("rejects NaN (NON_FINITE)", () => {
      expect(() => correlationDistance(squareMatrix([1, NaN, NaN, 1]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
    it("rejects a matrix that is not PSD (SINGULAR_MATRIX)", () => {
      expect(() => correlationDistance(squareMatrix([1, 2, 2, 1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });
});
