import fc from "fast-check";
import { portfolioCorrelationTo } from "../../../src/core/diversification/portfolioCorrelationTo";
import { copyMatrix, covArbitrary, perAsset, squareMatrix } from "../allocation/testMatrices";
import { diagnostics } from "./diagnosticsFixture";

describe("portfolioCorrelationTo", () => {
  it("is 1/√2 for half in each of two uncorrelated unit-variance assets (hand-worked)", () => {
    // (Σw)_0 = 0.5; σ_p = √(0.25 + 0.25) = √0.5; σ_b = 1 → 0.5/√0.5 = √0.5.
    expect(portfolioCorrelationTo([0.5, 0.5], squareMatrix([1, 0, 0, 1]), 0)).toBeCloseTo(
      Math.SQRT1_2,
      15
    );
  });

  it(`matches numpy (${diagnostics.header.generator})`, () => {
    for (const c of diagnostics.cases) {
      const rho = portfolioCorrelationTo(c.weights, squareMatrix(c.cov), c.benchmark);
      expect(Math.abs(rho - c.correlationToBenchmark)).toBeLessThan(1e-12);
    }
  });

  it("is 1 for the benchmark itself and lies in [−1, 1] (property)", () => {
    fc.assert(
      fc.property(
        covArbitrary(1, 8).chain((cov) =>
          fc.tuple(
            fc.constant(cov),
            perAsset(cov.size, -1, 1),
            fc.integer({ min: 0, max: cov.size - 1 })
          )
        ),
        ([cov, w, b]) => {
          fc.pre(w.some((x) => Math.abs(x) > 1e-3));
          const rho = portfolioCorrelationTo(w, cov, b);
          expect(Math.abs(rho)).toBeLessThanOrEqual(1);
          const alone = new Array<number>(cov.size).fill(0);
          alone[b] = 1;
          expect(portfolioCorrelationTo(alone, cov, b)).toBeCloseTo(1, 12);
        }
      ),
      { numRuns: 80 }
    );
  });

  it("leaves its inputs unchanged", () => {
    const cov = squareMatrix([0.04, 0.01, 0.01, 0.09]);
    const copy = copyMatrix(cov);
    const w = Object.freeze([0.3, 0.7]);
    portfolioCorrelationTo(w, cov, 1);
    expect(cov).toEqual(copy);
    expect(w).toEqual([0.3, 0.7]);
  });

  describe("preconditions", () => {
    const cov = squareMatrix([0.04, 0, 0, 0]);
    it.each([-1, 2, 0.5, NaN])("rejects benchmark index %p (INVALID_ARGUMENT)", (b) => {
      expect(() => portfolioCorrelationTo([0.5, 0.5], cov, b)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT", argument: "benchmark" })
      );
    });
    it("rejects a zero-variance benchmark (ZERO_VARIANCE)", () => {
      expect(() => portfolioCorrelationTo([0.5, 0.5], cov, 1)).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE", argument: "benchmark" })
      );
    });
    it("rejects a zero-variance portfolio (ZERO_VARIANCE)", () => {
      expect(() => portfolioCorrelationTo([0, 1], cov, 0)).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE", argument: "weights" })
      );
    });
    it("rejects weights of the wrong length (LENGTH_MISMATCH)", () => {
      expect(() => portfolioCorrelationTo([1], cov, 0)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("rejects a non-PSD cov (SINGULAR_MATRIX)", () => {
      expect(() => portfolioCorrelationTo([0.5, 0.5], squareMatrix([1, 2, 2, 1]), 0)).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
  });
});
