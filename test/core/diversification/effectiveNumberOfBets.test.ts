import fc from "fast-check";
import { effectiveNumberOfBets } from "../../../src/core/diversification/effectiveNumberOfBets";
import {
  copyMatrix,
  covArbitrary,
  covFromCorrelation,
  covWithPerAsset,
  perAsset,
  squareMatrix,
  sum,
} from "../allocation/testMatrices";
import { diagnostics } from "./diagnosticsFixture";

const methods = ["pca", "minimumtorsion"] as const;

describe("effectiveNumberOfBets", () => {
  it("counts two equal uncorrelated bets as 2 (hand-worked)", () => {
    // Σ = I, w = (½, ½): principal portfolios are the assets; p = (¼·1, ¼·1)/½ = (½, ½);
    // exp(−2·½ ln ½) = 2. Minimum torsion: C = I is already uncorrelated, same p.
    for (const method of methods) {
      expect(effectiveNumberOfBets([0.5, 0.5], squareMatrix([1, 0, 0, 1]), { method })).toBeCloseTo(
        2,
        12
      );
    }
  });

  it("is N for equal risk in N uncorrelated equal-volatility assets, and 1 for one asset", () => {
    for (const method of methods) {
      for (const n of [1, 3, 7]) {
        const cov = squareMatrix(
          Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 0.09 : 0))
        );
        const w = new Array<number>(n).fill(1 / n);
        expect(effectiveNumberOfBets(w, cov, { method })).toBeCloseTo(n, 10);
      }
      expect(effectiveNumberOfBets([2], squareMatrix([0.3]), { method })).toBe(1);
    }
  });

  it("is 1 when everything is in one of several uncorrelated assets", () => {
    const cov = covFromCorrelation(
      [0.1, 0.2, 0.3],
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]
    );
    for (const method of methods) {
      expect(effectiveNumberOfBets([0, 1, 0], cov, { method })).toBeCloseTo(1, 12);
    }
  });

  it("gives repeated eigenvalues a canonical basis, so PCA ENB survives rescaling and rounding", () => {
    // Found by fast-check: three equal variances with off-diagonals of 1e-208. Any rotation inside
    // the repeated eigenspace is valid; the canonical basis is the coordinate axes, so
    // p ∝ (w_i² σ_i²) = (1, 1, 1, 1.1736) for w = 0.01 each → ENB = exp(entropy) ≈ 3.99.
    const cov = squareMatrix([
      0.000125, -5.8e-208, 0, -2e-293, -5.8e-208, 0.000125, 0, 5.4e-309, 0, 0, 0.000125, 0, -2e-293,
      5.4e-309, 0, 0.0001467013888888886,
    ]);
    const w = [0.01, 0.01, 0.01, 0.01];
    const v = [1, 1, 1, 0.0001467013888888886 / 0.000125];
    const total = sum(v);
    const expected = Math.exp(-v.reduce((acc, x) => acc + (x / total) * Math.log(x / total), 0));
    expect(effectiveNumberOfBets(w, cov)).toBeCloseTo(expected, 12);
    const scaled = squareMatrix(Array.from(cov.data, (x) => x * 52));
    expect(effectiveNumberOfBets([0.02, 0.02, 0.02, 0.02], scaled)).toBeCloseTo(expected, 12);
  });

  it(`matches numpy eigh (PCA) and a port of Meucci's torsion.m (${diagnostics.header.generator})`, () => {
    for (const c of diagnostics.cases) {
      const cov = squareMatrix(c.cov);
      expect(Math.abs(effectiveNumberOfBets(c.weights, cov) - c.enbPca)).toBeLessThan(1e-9);
      const mt = effectiveNumberOfBets(c.weights, cov, { method: "minimumTorsion" });
      expect(Math.abs(mt - c.enbMinimumTorsion)).toBeLessThan(1e-9);
    }
  });

  it("lies in [1, N] and is scale-free (property)", () => {
    fc.assert(
      fc.property(
        covArbitrary(1, 6).chain((cov) =>
          fc.tuple(fc.constant(cov), perAsset(cov.size, 0.01, 1), fc.constantFrom(...methods))
        ),
        ([cov, w, method]) => {
          const enb = effectiveNumberOfBets(w, cov, { method });
          expect(enb).toBeGreaterThanOrEqual(1);
          expect(enb).toBeLessThanOrEqual(cov.size);
          const scaled = effectiveNumberOfBets(
            w.map((x) => 2 * x),
            squareMatrix(Array.from(cov.data, (v) => v * 52)),
            { method }
          );
          expect(Math.abs(scaled - enb)).toBeLessThan(1e-8 * enb);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("gives the same minimum-torsion ENB whatever the order of the assets (property)", () => {
    fc.assert(
      fc.property(covWithPerAsset(2, 6, 0.01, 1), ([cov, w]) => {
        const n = cov.size;
        const reversed = squareMatrix(
          Array.from(
            { length: n * n },
            (_, k) => cov.data[(n - 1 - Math.floor(k / n)) * n + (n - 1 - (k % n))]
          )
        );
        const a = effectiveNumberOfBets(w, cov, { method: "minimumtorsion" });
        const b = effectiveNumberOfBets([...w].reverse(), reversed, { method: "minimumtorsion" });
        expect(Math.abs(a - b)).toBeLessThan(1e-8 * a);
      }),
      { numRuns: 40 }
    );
  });

  it("reads the method case- and separator-insensitively", () => {
    const cov = covFromCorrelation(
      [0.1, 0.2],
      [
        [1, 0.3],
        [0.3, 1],
      ]
    );
    const expected = effectiveNumberOfBets([0.4, 0.6], cov, { method: "minimumtorsion" });
    for (const method of ["Minimum-Torsion", "minimum_torsion", "MINIMUM TORSION"]) {
      expect(effectiveNumberOfBets([0.4, 0.6], cov, { method })).toBe(expected);
    }
    expect(effectiveNumberOfBets([0.4, 0.6], cov, "Minimum torsion")).toBe(expected);
    expect(effectiveNumberOfBets([0.4, 0.6], cov, null)).toBe(
      effectiveNumberOfBets([0.4, 0.6], cov, "pca")
    );
    expect(effectiveNumberOfBets([0.4, 0.6], cov, { method: "PCA" })).toBe(
      effectiveNumberOfBets([0.4, 0.6], cov)
    );
  });

  it("leaves its inputs unchanged", () => {
    const cov = squareMatrix([0.04, 0.01, 0.01, 0.09]);
    const copy = copyMatrix(cov);
    const w = Object.freeze([0.3, 0.7]);
    for (const method of methods) effectiveNumberOfBets(w, cov, { method });
    expect(cov).toEqual(copy);
    expect(w).toEqual([0.3, 0.7]);
  });

  describe("preconditions", () => {
    const cov = squareMatrix([0.04, 0, 0, 0.01]);
    it("rejects an unknown method, listing the choices (INVALID_ARGUMENT)", () => {
      expect(() => effectiveNumberOfBets([0.5, 0.5], cov, { method: "entropy" })).toThrow(
        expect.objectContaining({
          code: "INVALID_ARGUMENT",
          message: 'method must be "pca" or "minimumtorsion"; got "entropy"',
        })
      );
    });
    it("rejects weights of the wrong length (LENGTH_MISMATCH)", () => {
      expect(() => effectiveNumberOfBets([1], cov)).toThrow(
        expect.objectContaining({ code: "LENGTH_MISMATCH" })
      );
    });
    it("rejects NaN weights (NON_FINITE)", () => {
      expect(() => effectiveNumberOfBets([NaN, 1], cov)).toThrow(
        expect.objectContaining({ code: "NON_FINITE" })
      );
    });
    it("rejects a zero-variance portfolio (ZERO_VARIANCE)", () => {
      expect(() => effectiveNumberOfBets([0, 0], cov)).toThrow(
        expect.objectContaining({ code: "ZERO_VARIANCE" })
      );
    });
    it("rejects a zero-variance asset for minimum torsion (ZERO_VARIANCE)", () => {
      expect(() =>
        effectiveNumberOfBets([0.5, 0.5], squareMatrix([0.04, 0, 0, 0]), {
          method: "minimumtorsion",
        })
      ).toThrow(expect.objectContaining({ code: "ZERO_VARIANCE", column: 1 }));
    });
    it("rejects a singular correlation matrix for minimum torsion (SINGULAR_MATRIX)", () => {
      expect(() =>
        effectiveNumberOfBets([0.5, 0.5], squareMatrix([1, 1, 1, 1]), { method: "minimumtorsion" })
      ).toThrow(expect.objectContaining({ code: "SINGULAR_MATRIX" }));
    });
    it("rejects a non-PSD cov (SINGULAR_MATRIX)", () => {
      expect(() => effectiveNumberOfBets([0.5, 0.5], squareMatrix([1, 2, 2, 1]))).toThrow(
        expect.objectContaining({ code: "SINGULAR_MATRIX" })
      );
    });
    it("reports NOT_CONVERGED when the iteration budget is too small", () => {
      const correlated = covFromCorrelation(
        [0.1, 0.2, 0.3],
        [
          [1, 0.5, 0.2],
          [0.5, 1, 0.4],
          [0.2, 0.4, 1],
        ]
      );
      expect(() =>
        effectiveNumberOfBets([0.3, 0.3, 0.4], correlated, {
          method: "minimumtorsion",
          maxIterations: 1,
        })
      ).toThrow(expect.objectContaining({ code: "NOT_CONVERGED" }));
    });
  });
});
