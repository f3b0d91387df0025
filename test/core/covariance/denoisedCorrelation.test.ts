import fc from "fast-check";
import { correlationFromCovariance } from "../../../src/core/covariance/correlationFromCovariance";
import { denoisedCorrelation } from "../../../src/core/covariance/denoisedCorrelation";
import { sampleCovariance } from "../../../src/core/covariance/sampleCovariance";
import { symmetricEigen } from "../../../src/core/linalg/symmetricEigen";
import type { SquareMatrix } from "../../../src/core/types";
import {
  arbitraryPanel,
  asymmetry,
  coreErrorOf,
  flat,
  minEigenvalue,
  relativeError,
} from "./covarianceTestKit";
import { robustCases, robustPanel } from "./robustTestKit";

function matrixOf(rows: number[][]): SquareMatrix {
  return {
    size: rows.length,
    data: flat(rows),
    labels: rows.map((_, i) => `Asset ${i + 1}`),
  };
}

/** Correlations of generated panels with more rows than assets, and their row counts. */
const arbitraryCorrelation = arbitraryPanel(2, 8).map((panel) => ({
  correlation: correlationFromCovariance(sampleCovariance(panel, 1)),
  observations: panel.rows,
}));

/**
 * The denoised M = Σ λ'_k v_k v_kᵀ rebuilt from the input's eigenpairs and the result's K and λ̄ (and
 * detoning), so that the tests can check what the rescaling to unit diagonal must preserve.
 */
function rebuilt(
  correlation: SquareMatrix,
  factors: number,
  residual: number,
  detone: boolean
): { values: number[]; vectors: Float64Array; diagonal: number[] } {
  const n = correlation.size;
  const { lambda, vectors } = symmetricEigen(correlation.data, n);
  const values = Array.from(lambda, (v, k) => (k >= n - factors ? v : residual));
  if (detone) values[n - 1] = 0;
  const diagonal = Array.from({ length: n }, (_, i) => {
    let d = 0;
    for (let k = 0; k < n; k++) d += values[k] * vectors[i * n + k] ** 2;
    return d;
  });
  return { values, vectors, diagonal };
}

describe("denoisedCorrelation", () => {
  const strong = matrixOf([
    [1, 0.9],
    [0.9, 1],
  ]);

  it("keeps a 2 × 2 correlation whose one factor is signal, and detones it to perfect opposition", () => {
    // Eigenvalues 0.1 and 1.9 with v = (1, ∓1)/√2; λ₊ ≤ (1 + √(2/1000))² ≈ 1.09 < 1.9, so K = 1 and
    // the one noise eigenvalue is its own average: M = C. Detoning leaves 0.1·uuᵀ, u = (1, −1)/√2,
    // i.e. [[0.05, −0.05], [−0.05, 0.05]], which rescales to [[1, −1], [−1, 1]].
    const plain = denoisedCorrelation(strong, 1000);
    expect(plain.factors).toBe(1);
    expect(plain.residualEigenvalue).toBeCloseTo(0.1, 14);
    expect(relativeError(plain.matrix.data, strong.data)).toBeLessThan(1e-14);
    const detoned = denoisedCorrelation(strong, 1000, { detone: true });
    expect(relativeError(detoned.matrix.data, [1, -1, -1, 1])).toBeLessThan(1e-12);
  });

  it("replaces a pure-noise spectrum by its mean: the identity", () => {
    // A weak correlation (0.02) of 2 assets over 5,000 rows is noise: K = 0, M = mean(λ)·I = I.
    const weak = matrixOf([
      [1, 0.02],
      [0.02, 1],
    ]);
    const result = denoisedCorrelation(weak, 5000);
    expect(result.factors).toBe(0);
    expect(result.residualEigenvalue).toBeCloseTo(1, 14);
    expect(relativeError(result.matrix.data, [1, 0, 0, 1])).toBeLessThan(1e-14);
  });

  it("returns C unchanged when every eigenvalue is signal (the book would divide by N − K = 0)", () => {
    // ρ = 0.3 over 4 rows: the fit puts λ₊ ≈ 0.68 below both eigenvalues 0.7 and 1.3, so K = N = 2.
    const c = matrixOf([
      [1, 0.3],
      [0.3, 1],
    ]);
    const result = denoisedCorrelation(c, 4);
    expect(result.factors).toBe(2);
    expect(result.lambdaPlus).toBeLessThan(0.7);
    expect(result.residualEigenvalue).toBe(0);
    expect(Array.from(result.matrix.data)).toEqual([1, 0.3, 0.3, 1]);
  });

  it("matches the numpy re-derivation of the book's algorithm on random panels", () => {
    for (const c of robustCases("random")) {
      const panel = robustPanel(c);
      const correlation = correlationFromCovariance(sampleCovariance(panel, 1));
      for (const oracle of c.denoised) {
        const result = denoisedCorrelation(correlation, c.rowsUsed, {
          bandwidth: oracle.bandwidth,
          detone: oracle.detone,
        });
        expect(result.factors).toBe(oracle.factors);
        expect(Math.abs(result.variance / oracle.variance - 1)).toBeLessThan(1e-7);
        const expected = correlationFromCovariance({
          size: panel.cols,
          data: flat(oracle.matrix),
          labels: panel.labels,
        });
        expect(relativeError(result.matrix.data, expected.data)).toBeLessThan(1e-12);
      }
    }
  });

  it("is symmetric PSD with a unit diagonal and trace N", () => {
    fc.assert(
      fc.property(arbitraryCorrelation, fc.boolean(), ({ correlation, observations }, detone) => {
        const { matrix } = denoisedCorrelation(correlation, observations, { detone });
        const n = matrix.size;
        expect(asymmetry(matrix)).toBe(0);
        let trace = 0;
        for (let i = 0; i < n; i++) {
          expect(matrix.data[i * n + i]).toBe(1);
          trace += matrix.data[i * n + i];
        }
        expect(trace).toBe(n);
        for (const v of matrix.data) expect(Math.abs(v)).toBeLessThanOrEqual(1);
        expect(minEigenvalue(matrix)).toBeGreaterThan(-1e-10);
      }),
      { numRuns: 50 }
    );
  });

  it("keeps the signal eigenpairs: D^½ C̃ D^½ v_k = λ_k v_k for every λ_k ≥ λ₊", () => {
    fc.assert(
      fc.property(arbitraryCorrelation, ({ correlation, observations }) => {
        const result = denoisedCorrelation(correlation, observations);
        const n = correlation.size;
        const { values, vectors, diagonal } = rebuilt(
          correlation,
          result.factors,
          result.residualEigenvalue,
          false
        );
        const root = diagonal.map(Math.sqrt);
        for (let k = n - result.factors; k < n; k++) {
          expect(values[k]).toBeGreaterThanOrEqual(result.lambdaPlus);
          for (let i = 0; i < n; i++) {
            let mv = 0;
            for (let j = 0; j < n; j++) {
              mv += root[i] * result.matrix.data[i * n + j] * root[j] * vectors[j * n + k];
            }
            expect(mv).toBeCloseTo(values[k] * vectors[i * n + k], 10);
          }
        }
        // The noise eigenvalues sum to what they replaced: the trace of M stays N.
        expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(n, 10);
      }),
      { numRuns: 50 }
    );
  });

  it("detoning removes the market eigenvalue: C̃ · D^½ v₁ = 0 (singular)", () => {
    fc.assert(
      fc.property(arbitraryCorrelation, ({ correlation, observations }) => {
        const result = denoisedCorrelation(correlation, observations, { detone: true });
        const n = correlation.size;
        const { vectors, diagonal } = rebuilt(
          correlation,
          result.factors,
          result.residualEigenvalue,
          true
        );
        const u = Array.from(
          { length: n },
          (_, i) => Math.sqrt(diagonal[i]) * vectors[i * n + n - 1]
        );
        for (let i = 0; i < n; i++) {
          let cu = 0;
          for (let j = 0; j < n; j++) cu += result.matrix.data[i * n + j] * u[j];
          expect(Math.abs(cu)).toBeLessThan(1e-9);
        }
        expect(minEigenvalue(result.matrix)).toBeLessThan(1e-9);
      }),
      { numRuns: 50 }
    );
  });

  it("throws TOO_FEW_POINTS unless there are more observations than assets", () => {
    for (const bad of [2, 1.5, NaN]) {
      const error = coreErrorOf(() => denoisedCorrelation(strong, bad));
      expect(error.code).toBe("TOO_FEW_POINTS");
      expect(error.message).toContain("more observations than assets");
    }
  });

  it("throws INVALID_ARGUMENT for a bad bandwidth, detone, size or diagonal", () => {
    expect(coreErrorOf(() => denoisedCorrelation(strong, 100, { bandwidth: 0 })).code).toBe(
      "INVALID_ARGUMENT"
    );
    expect(
      coreErrorOf(() => denoisedCorrelation(strong, 100, { detone: "yes" as unknown as boolean }))
        .code
    ).toBe("INVALID_ARGUMENT");
    expect(coreErrorOf(() => denoisedCorrelation(matrixOf([[1]]), 100)).code).toBe(
      "INVALID_ARGUMENT"
    );
    const error = coreErrorOf(() =>
      denoisedCorrelation(
        matrixOf([
          [2, 0.5],
          [0.5, 1],
        ]),
        100
      )
    );
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toContain("not 1");
    expect(
      coreErrorOf(() =>
        denoisedCorrelation(
          matrixOf([
            [1, 0.5],
            [0.2, 1],
          ]),
          100
        )
      ).code
    ).toBe("INVALID_ARGUMENT");
  });

  it("throws NON_FINITE for a NaN entry", () => {
    expect(
      coreErrorOf(() =>
        denoisedCorrelation(
          matrixOf([
            [1, NaN],
            [NaN, 1],
          ]),
          100
        )
      ).code
    ).toBe("NON_FINITE");
  });

  it("leaves its input unchanged", () => {
    const input = matrixOf([
      [1, 0.3, 0.2],
      [0.3, 1, 0.6],
      [0.2, 0.6, 1],
    ]);
    const before = Float64Array.from(input.data);
    denoisedCorrelation(Object.freeze(input), 50, { detone: true });
    expect(input.data).toEqual(before);
  });
});
