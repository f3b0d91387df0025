import fc from "fast-check";
import { symmetricSpectrum } from "../../../src/core/covariance/symmetricSpectrum";
import { symmetricEigen } from "../../../src/core/linalg/symmetricEigen";
import { readRobustFixture } from "./robustTestKit";

/** A random symmetric matrix (entries in [−1, 1]) from a seed, and optionally a few repeated eigenvalues. */
const arbitrarySymmetric = fc
  .record({ n: fc.integer({ min: 1, max: 24 }), seed: fc.integer({ min: 1, max: 2 ** 30 }) })
  .map(({ n, seed }) => {
    let state = seed;
    const uniform = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296 - 0.5;
    };
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const v = 2 * uniform();
        a[i * n + j] = v;
        a[j * n + i] = v;
      }
    }
    return { a, n };
  });

/** Largest ‖A v − λ v‖∞ and largest |vᵢᵀvⱼ − δᵢⱼ| over the returned leading vectors. */
function residuals(a: Float64Array, n: number, count: number) {
  const spectrum = symmetricSpectrum(a, n);
  const vectors = spectrum.leadingVectors(count);
  let residual = 0;
  let orthogonality = 0;
  for (let r = 0; r < count; r++) {
    const mu = spectrum.lambda[n - 1 - r];
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j] * vectors[r * n + j];
      residual = Math.max(residual, Math.abs(s - mu * vectors[r * n + i]));
    }
    for (let q = 0; q <= r; q++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += vectors[r * n + i] * vectors[q * n + i];
      orthogonality = Math.max(orthogonality, Math.abs(dot - (q === r ? 1 : 0)));
    }
  }
  return { spectrum, residual, orthogonality };
}

describe("symmetricSpectrum", () => {
  it("solves the hand-worked 2 × 2 case", () => {
    // [[2, 1], [1, 2]]: eigenvalues 1 and 3, the top eigenvector (1, 1)/√2 up to sign.
    const spectrum = symmetricSpectrum(Float64Array.of(2, 1, 1, 2), 2);
    expect(spectrum.lambda[0]).toBeCloseTo(1, 15);
    expect(spectrum.lambda[1]).toBeCloseTo(3, 15);
    const top = spectrum.leadingVectors(1);
    expect(Math.abs(top[0])).toBeCloseTo(Math.SQRT1_2, 15);
    expect(top[1] / top[0]).toBeCloseTo(1, 14);
  });

  it("handles 1 × 1, diagonal and repeated eigenvalues (orthogonal vectors for the identity)", () => {
    expect(Array.from(symmetricSpectrum(Float64Array.of(-4), 1).lambda)).toEqual([-4]);
    const diagonal = symmetricSpectrum(Float64Array.of(3, 0, 0, 0, 1, 0, 0, 0, 2), 3);
    expect(Array.from(diagonal.lambda)).toEqual([1, 2, 3]);
    const identity = residuals(Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1), 3, 3);
    expect(Array.from(identity.spectrum.lambda)).toEqual([1, 1, 1]);
    expect(identity.orthogonality).toBeLessThan(1e-14);
    // Equicorrelation 0.3 of 40 assets: one eigenvalue 1 + 39·0.3 = 12.7, and 0.7 repeated 39 times.
    const n = 40;
    const equi = Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0.3));
    const result = residuals(equi, n, 4);
    expect(result.spectrum.lambda[n - 1]).toBeCloseTo(12.7, 12);
    for (let k = 0; k < n - 1; k++) expect(result.spectrum.lambda[k]).toBeCloseTo(0.7, 12);
    expect(result.residual).toBeLessThan(1e-12);
    expect(result.orthogonality).toBeLessThan(1e-12);
  });

  it("agrees with ml-matrix's full decomposition (linalg/symmetricEigen) on random matrices", () => {
    fc.assert(
      fc.property(arbitrarySymmetric, ({ a, n }) => {
        const expected = symmetricEigen(a, n).lambda;
        const { spectrum, residual, orthogonality } = residuals(a, n, Math.min(n, 4));
        for (let k = 0; k < n; k++) {
          expect(Math.abs(spectrum.lambda[k] - expected[k])).toBeLessThan(1e-13 * n);
        }
        expect(residual).toBeLessThan(1e-13 * n);
        expect(orthogonality).toBeLessThan(1e-10);
      }),
      { numRuns: 80 }
    );
  });

  it("agrees with ml-matrix at sizes tridiagonalised by panels (SIMD trailing updates), n = 128, 161, 257", () => {
    // From 128 assets the reflectors go in panels of 32 and the trailing block is updated once per
    // panel; a size that is not a multiple of 32 leaves a narrower last panel.
    for (const [n, seed] of [
      [128, 3],
      [161, 5],
      [257, 7],
    ]) {
      let state = seed;
      const uniform = () => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state / 4294967296 - 0.5;
      };
      const m = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
          const v = 2 * uniform();
          m[i * n + j] = v;
          m[j * n + i] = v;
        }
      }
      const expected = symmetricEigen(m, n).lambda;
      const { spectrum, residual, orthogonality } = residuals(m, n, 4);
      for (let k = 0; k < n; k++) {
        expect(Math.abs(spectrum.lambda[k] - expected[k])).toBeLessThan(1e-13 * n);
      }
      expect(residual).toBeLessThan(1e-13 * n);
      expect(orthogonality).toBeLessThan(1e-10);
    }
  });

  it("recovers a known spectrum: the fixture's 200 numpy eigenvalues from Q diag(λ) Qᵀ", () => {
    // The fixture holds the spectra, not the matrices: rebuild a matrix with that spectrum.
    const fit = readRobustFixture().fits[2];
    const n = fit.eigenvalues.length;
    // Q diag(λ) Qᵀ with Q a product of two Householder reflectors (exactly orthogonal up to rounding).
    const u = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const w = Float64Array.from({ length: n }, (_, i) => Math.cos(3 * i + 2));
    const reflect = (x: Float64Array, h: Float64Array) => {
      let hh = 0;
      let hx = 0;
      for (let i = 0; i < n; i++) {
        hh += h[i] * h[i];
        hx += h[i] * x[i];
      }
      return x.map((value, i) => value - (2 * hx * h[i]) / hh);
    };
    const columns = Array.from({ length: n }, (_, k) => {
      const e = new Float64Array(n);
      e[k] = 1;
      return reflect(reflect(e, w), u);
    });
    const a = new Float64Array(n * n);
    for (let k = 0; k < n; k++) {
      const q = columns[k];
      const value = fit.eigenvalues[k];
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] += value * q[i] * q[j];
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[i * n + j] = a[j * n + i];
    const spectrum = symmetricSpectrum(a, n);
    for (let k = 0; k < n; k++) {
      expect(Math.abs(spectrum.lambda[k] - fit.eigenvalues[k])).toBeLessThan(1e-13);
    }
  });

  it("leaves its input unchanged", () => {
    const a = Float64Array.of(2, 1, 0, 1, 3, 1, 0, 1, 4);
    const before = Float64Array.from(a);
    symmetricSpectrum(a, 3).leadingVectors(3);
    expect(a).toEqual(before);
  });
});
