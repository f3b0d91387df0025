import fc from "fast-check";
import { riskContributions } from "../../../src/core/diversification/riskContributions";
import {
  copyMatrix,
  covWithPerAsset,
  maxAbsDiff,
  squareMatrix,
  sum,
} from "../allocation/testMatrices";
import { diagnostics } from "./diagnosticsFixture";

describe("riskContributions", () => {
  it("decomposes volatility (hand-worked)", () => {
    // Σ = diag(0.04, 0.01), w = (0.5, 0.5): Σw = (0.02, 0.005), σ_p² = 0.0125, σ_p = 0.111803.
    // marginal = Σw/σ_p; component = w·marginal = (0.089443, 0.022361); percentage = (0.8, 0.2).
    const rc = riskContributions([0.5, 0.5], squareMatrix([0.04, 0, 0, 0.01]));
    expect(rc.volatility).toBeCloseTo(Math.sqrt(0.0125), 15);
    expect(rc.marginal[0]).toBeCloseTo(0.02 / Math.sqrt(0.0125), 15);
    expect(rc.component[1]).toBeCloseTo(0.0025 / Math.sqrt(0.0125), 15);
    expect(Array.from(rc.percentage).map((p) => Math.round(p * 1e12) / 1e12)).toEqual([0.8, 0.2]);
  });

  it(`matches numpy (${diagnostics.header.generator})`, () => {
    for (const c of diagnostics.cases) {
      const rc = riskContributions(c.weights, squareMatrix(c.cov));
      expect(Math.abs(rc.volatility - c.volatility)).toBeLessThan(1e-15);
      expect(maxAbsDiff(rc.marginal, c.marginal)).toBeLessThan(1e-13);
      expect(maxAbsDiff(rc.component, c.component)).toBeLessThan(1e-15);
      expect(maxAbsDiff(rc.percentage, c.percentage)).toBeLessThan(1e-12);
    }
  });

  it("has components summing to σ_p and percentages to 1, shorts included (property)", () => {
    fc.assert(
      fc.property(covWithPerAsset(1, 8, -1, 1), ([cov, w]) => {
        fc.pre(w.some((x) => Math.abs(x) > 1e-3));
        const rc = riskContributions(w, cov);
        expect(Math.abs(sum(rc.component) - rc.volatility)).toBeLessThan(1e-12 * rc.volatility);
        expect(Math.abs(sum(rc.percentage) - 1)).toBeLessThan(1e-10);
      }),
      { numRuns: 80 }
    );
  });

  it("accepts a zero-variance (cash) asset", () => {
    const rc = riskContributions([0.5, 0.5], squareMatrix([0.04, 0, 0, 0]));
    expect(Array.from(rc.percentage)).toEqual([1, 0]);
  });

  it("leaves its inputs unchanged", () => {
    const cov = squareMatrix([0.04, 0.01, 0.01, 0.09]);
    const copy = copyMatrix(cov);
    const w = Object.freeze([0.3, 0.7]);
    riskContributions(w, cov);
    expect(cov).toEqual(copy);
    expect(w).toEqual([0.3, 0.7]);
  });

  describe("preconditions", () => {
    const cov = squareMatrix([0.04, 0, 0, 0.01]);
    it("rejects weights of the wrong length (LENGTH_MISMATCH)", () => {
      expect(() => riskContributions([1], cov)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("rejects a NaN weight (NON_FINITE)", () => {
      expect(() => riskContributions([NaN, 1], cov)).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "weights", row: 0 })
      );
    });
    it("rejects an empty cov (TOO_FEW_POINTS)", () => {
      expect(() => riskContributions([], squareMatrix([]))).toThrow(
        expect.objectContaining({ code: "TOO_FEW_POINTS" })
      );
    });
    it("rejects a portfolio with zero variance (ZERO_VARIANCE)", () => {
      expect(() => riskContributions([0, 0], cov)).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE" })
      );
    });
    it("rejects a non-PSD cov (SINGULAR_MATRIX)", () => {
      expect(() => riskContributions([0.5, 0.5], squareMatrix([1, 2, 2, 1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
    it("rejects NaN in cov (NON_FINITE)", () => {
      expect(() => riskContributions([0.5, 0.5], squareMatrix([1, 0, 0, NaN]))).toThrow(
        expect.objectContaining({ code: "NON_FINITE", argument: "cov" })
      );
    });
  });
});
