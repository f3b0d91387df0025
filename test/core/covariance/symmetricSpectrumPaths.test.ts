import type { symmetricSpectrum as SymmetricSpectrumFn } from "../../../src/core/covariance/symmetricSpectrum";

/** symmetricSpectrum loaded afresh, with WebAssembly SIMD reported available or not. */
function loadSpectrum(simd: boolean): typeof SymmetricSpectrumFn {
  let loaded: typeof SymmetricSpectrumFn | undefined;
  jest.isolateModules(() => {
    if (!simd) {
      jest.doMock("../../../src/core/correlation/wasm/wasmSimdAvailable", () => ({
        wasmSimdAvailable: () => false,
      }));
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require("../../../src/core/covariance/symmetricSpectrum")
      .symmetricSpectrum as typeof SymmetricSpectrumFn;
  });
  jest.dontMock("../../../src/core/correlation/wasm/wasmSimdAvailable");
  return loaded!;
}

/** A correlation matrix of `assets` columns of `rows` seeded returns with a common factor. */
function correlation(assets: number, rows: number, seed: number): Float64Array {
  let state = seed;
  const uniform = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const x = new Float64Array(assets * rows);
  for (let t = 0; t < rows; t++) {
    const market = uniform();
    for (let j = 0; j < assets; j++) x[j * rows + t] = 0.5 * market + uniform();
  }
  const c = new Float64Array(assets * assets);
  const norm = new Float64Array(assets);
  for (let j = 0; j < assets; j++) {
    let s = 0;
    let ss = 0;
    for (let t = 0; t < rows; t++) s += x[j * rows + t];
    const mean = s / rows;
    for (let t = 0; t < rows; t++) {
      x[j * rows + t] -= mean;
      ss += x[j * rows + t] ** 2;
    }
    norm[j] = Math.sqrt(ss);
  }
  for (let i = 0; i < assets; i++) {
    for (let j = i; j < assets; j++) {
      let s = 0;
      for (let t = 0; t < rows; t++) s += x[i * rows + t] * x[j * rows + t];
      const value = i === j ? 1 : s / (norm[i] * norm[j]);
      c[i * assets + j] = value;
      c[j * assets + i] = value;
    }
  }
  return c;
}

describe("symmetricSpectrum: blocked path (SIMD kernels) against the fused JS sweep", () => {
  const blocked = loadSpectrum(true);
  const fused = loadSpectrum(false);

  it.each([
    [128, 300, 11],
    [161, 400, 12],
    [257, 600, 13],
    [500, 1825, 14],
  ])("n = %i (%i rows): same eigenvalues and leading vectors up to rounding", (n, rows, seed) => {
    const c = correlation(n, rows, seed);
    const a = blocked(c, n);
    const b = fused(c, n);
    // ‖C‖ ≤ n for a correlation; both are backward stable, so they agree to a small multiple of ε‖C‖.
    const scale = b.lambda[n - 1];
    for (let k = 0; k < n; k++) {
      expect(Math.abs(a.lambda[k] - b.lambda[k])).toBeLessThan(64 * Number.EPSILON * scale);
    }
    const count = 3;
    const va = a.leadingVectors(count);
    const vb = b.leadingVectors(count);
    for (let r = 0; r < count; r++) {
      // The same unit vector up to sign: |⟨a, b⟩| = 1 to rounding (gaps ≫ ε‖C‖ at the top).
      let dot = 0;
      for (let i = 0; i < n; i++) dot += va[r * n + i] * vb[r * n + i];
      expect(Math.abs(Math.abs(dot) - 1)).toBeLessThan(1e-12);
    }
  });

  it("handles rows with nothing to reflect (β = 0) inside the panels: known eigenvalues, n = 200", () => {
    // diag(1, 2, …, 50) ⊕ the 150-asset equicorrelation 0.3: the first 50 rows are zero right of
    // the diagonal, so those reflectors are skipped. Eigenvalues 1 … 50, 1 + 149·0.3 = 45.7, and
    // 0.7 repeated 149 times.
    const n = 200;
    const a = new Float64Array(n * n);
    for (let i = 0; i < 50; i++) a[i * n + i] = i + 1;
    for (let i = 50; i < n; i++) for (let j = 50; j < n; j++) a[i * n + j] = i === j ? 1 : 0.3;
    const expected = [
      ...Array.from({ length: 149 }, () => 0.7),
      ...Array.from({ length: 50 }, (_, i) => i + 1),
      45.7,
    ].sort((x, y) => x - y);
    for (const spectrum of [blocked(a, n), fused(a, n)]) {
      for (let k = 0; k < n; k++) {
        expect(Math.abs(spectrum.lambda[k] - expected[k])).toBeLessThan(64 * Number.EPSILON * 50);
      }
      // The top eigenvector is e₄₉ (eigenvalue 50), up to sign.
      const top = spectrum.leadingVectors(1);
      expect(Math.abs(top[49])).toBeCloseTo(1, 12);
    }
  });
});
