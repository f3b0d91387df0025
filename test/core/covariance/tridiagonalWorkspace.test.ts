import fc from "fast-check";
import { tridiagonalWorkspace } from "../../../src/core/covariance/tridiagonalWorkspace";

/** A seeded uniform generator on [−1, 1) (LCG), so a failing case can be replayed. */
function uniformFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (2 * state) / 4294967296 - 1;
  };
}

/**
 * Collects element checks and asserts them once (an expect per element makes a 200-run property
 * slow): `same` for entries that must not change, `sum` for |got − want| ≤ terms · ε · magnitude
 * (a different grouping of the same sum: rounding only).
 */
function checker() {
  const failures: string[] = [];
  return {
    same(label: string, got: number, want: number) {
      if (!Object.is(got, want)) failures.push(`${label}: ${got} changed from ${want}`);
    },
    sum(label: string, got: number, want: number, magnitude: number, terms: number) {
      if (!(Math.abs(got - want) <= terms * Number.EPSILON * magnitude)) {
        failures.push(`${label}: ${got}, expected ${want} (magnitude ${magnitude})`);
      }
    },
    done() {
      expect(failures).toEqual([]);
    },
  };
}

const sizes = fc.record({
  n: fc.integer({ min: 1, max: 45 }),
  panel: fc.integer({ min: 1, max: 9 }),
  start: fc.integer({ min: 0, max: 44 }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

describe("tridiagonalWorkspace (WebAssembly SIMD kernels of the blocked tridiagonalisation)", () => {
  it("multiplies the hand-worked 2 × 2 and 5 × 5 cases (product, upper triangle only)", () => {
    const two = tridiagonalWorkspace(2, 1)!;
    // [[2, 1], [1, 3]] (1, 1) = (3, 4); the lower entry is never read, so a NaN there is harmless.
    two.matrix.set([2, 1, NaN, 3]);
    two.v.set([1, 1]);
    two.product(0);
    expect(Array.from(two.p)).toEqual([3, 4]);
    // One 4-row block with one odd column left over (5 = 4 + 1), and the scalar last row.
    const five = tridiagonalWorkspace(5, 2)!;
    // B_ij = i + j + 1 (upper triangle), v = (1, 0, 2, 0, 1): p_i = Σ_j (i + j + 1) v_j
    // = 4(i + 1) + (0 + 4 + 4) = 4i + 12.
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) five.matrix[i * 5 + j] = j >= i ? i + j + 1 : NaN;
    }
    five.v.set([1, 0, 2, 0, 1]);
    five.product(0);
    expect(Array.from(five.p)).toEqual([12, 16, 20, 24, 28]);
    // From 2: rows and columns 2 … 4, p_i = (i + 3)·2 + (i + 5)·1 = 3i + 11 for i ≥ 2.
    five.p.fill(-7);
    five.product(2);
    expect(Array.from(five.p)).toEqual([-7, -7, 17, 20, 23]);
  });

  it("works the hand cases of rowUpdate, panelCorrection and trailingUpdate", () => {
    // n = 3, one reflector: V_0 = (0, 1, 2), W_0 = (0, 3, 1).
    const w = tridiagonalWorkspace(3, 2)!;
    w.matrix.set([9, 9, 9, 9, 10, 20, 9, 9, 30]);
    w.vs.set([0, 1, 2, 0, 0, 0]);
    w.ws.set([0, 3, 1, 0, 0, 0]);
    // Row 1 from column 1: minus V_0[1] W_0[j] + W_0[1] V_0[j] = (1·3 + 3·1, 1·1 + 3·2) = (6, 7).
    w.rowUpdate(1, 1);
    expect(Array.from(w.matrix)).toEqual([9, 9, 9, 9, 4, 13, 9, 9, 30]);
    // p from 1 minus V_0 (W_0ᵀv) + W_0 (V_0ᵀv), v = (·, 1, 1): W_0ᵀv = 4, V_0ᵀv = 3.
    w.v.set([5, 1, 1]);
    w.p.set([100, 100, 100]);
    w.panelCorrection(1, 1);
    expect(Array.from(w.p)).toEqual([100, 100 - (1 * 4 + 3 * 3), 100 - (2 * 4 + 1 * 3)]);
    // Trailing block from 1 (m = 2): packs [V W] and [W V], ld = 4, upper triangle only:
    // (1,1) −= 2·1·3 = 6, (1,2) −= 1·1 + 3·2 = 7, (2,2) −= 2·2·1 = 4; (2,1) is left alone.
    w.packA.set([1, 3, 0, 0, 2, 1, 0, 0]);
    w.packB.set([3, 1, 0, 0, 1, 2, 0, 0]);
    w.matrix.set([9, 9, 9, 9, 10, 20, 9, 9, 30]);
    w.trailingUpdate(1);
    expect(Array.from(w.matrix)).toEqual([9, 9, 9, 9, 4, 13, 9, 9, 26]);
  });

  it("product equals the sum over the full symmetric block for every size and start (property)", () => {
    fc.assert(
      fc.property(sizes, ({ n, panel, start, seed }) => {
        const from = start % n;
        const uniform = uniformFrom(seed);
        const check = checker();
        const w = tridiagonalWorkspace(n, panel)!;
        const full = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = i; j < n; j++) {
            const value = uniform();
            full[i * n + j] = value;
            full[j * n + i] = value;
            w.matrix[i * n + j] = value;
            // The lower triangle is stale in the tridiagonalisation: it must not be read.
            if (j > i) w.matrix[j * n + i] = NaN;
          }
        }
        for (let i = 0; i < n; i++) w.v[i] = uniform();
        w.p.fill(5);
        w.product(from);
        for (let i = 0; i < from; i++) check.same(`p ${i}`, w.p[i], 5);
        for (let i = from; i < n; i++) {
          let sum = 0;
          let magnitude = 0;
          for (let j = from; j < n; j++) {
            sum += full[i * n + j] * w.v[j];
            magnitude += Math.abs(full[i * n + j] * w.v[j]);
          }
          check.sum(`p ${i}`, w.p[i], sum, magnitude, n);
        }
        check.done();
      }),
      { numRuns: 200 }
    );
  });

  it("rowUpdate, panelCorrection and trailingUpdate equal their definitions (property)", () => {
    fc.assert(
      fc.property(sizes, fc.integer({ min: 0, max: 9 }), ({ n, panel, start, seed }, count) => {
        const from = start % n;
        const c = count % (panel + 1);
        const uniform = uniformFrom(seed);
        const check = checker();
        const w = tridiagonalWorkspace(n, panel)!;
        for (let i = 0; i < n * n; i++) w.matrix[i] = uniform();
        for (let i = 0; i < panel * n; i++) {
          w.vs[i] = uniform();
          w.ws[i] = uniform();
        }
        for (let i = 0; i < n; i++) {
          w.v[i] = uniform();
          w.p[i] = uniform();
        }
        const a = Float64Array.from(w.matrix);
        const p = Float64Array.from(w.p);
        const vs = Float64Array.from(w.vs);
        const ws = Float64Array.from(w.ws);
        const v = Float64Array.from(w.v);

        // rowUpdate of row `from`: only entries j ≥ from of that row change.
        w.rowUpdate(from, c);
        for (let i = 0; i < n * n; i++) {
          const row = Math.floor(i / n);
          const j = i % n;
          if (row !== from || j < from) {
            check.same(`row ${i}`, w.matrix[i], a[i]);
            continue;
          }
          let sum = 0;
          let magnitude = Math.abs(a[i]);
          for (let q = 0; q < c; q++) {
            const term = vs[q * n + from] * ws[q * n + j] + ws[q * n + from] * vs[q * n + j];
            sum += term;
            magnitude += Math.abs(vs[q * n + from] * ws[q * n + j]);
            magnitude += Math.abs(ws[q * n + from] * vs[q * n + j]);
          }
          check.sum(`row ${i}`, w.matrix[i], a[i] - sum, magnitude, 2 * c + 2);
        }

        // panelCorrection from `from`: p[j] for j < from unchanged.
        w.panelCorrection(c, from);
        const dotW: number[] = [];
        const dotV: number[] = [];
        const dotMagnitude: number[] = [];
        for (let q = 0; q < c; q++) {
          let wv = 0;
          let vv = 0;
          let magnitude = 0;
          for (let j = from; j < n; j++) {
            wv += ws[q * n + j] * v[j];
            vv += vs[q * n + j] * v[j];
            magnitude += Math.abs(ws[q * n + j] * v[j]) + Math.abs(vs[q * n + j] * v[j]);
          }
          dotW.push(wv);
          dotV.push(vv);
          dotMagnitude.push(magnitude);
        }
        for (let j = 0; j < n; j++) {
          if (j < from) {
            check.same(`p ${j}`, w.p[j], p[j]);
            continue;
          }
          let sum = 0;
          let magnitude = Math.abs(p[j]);
          for (let q = 0; q < c; q++) {
            sum += vs[q * n + j] * dotW[q] + ws[q * n + j] * dotV[q];
            // Each dot product carries its own rounding, about (n − from) ε of its magnitude.
            magnitude += (Math.abs(vs[q * n + j]) + Math.abs(ws[q * n + j])) * dotMagnitude[q];
          }
          check.sum(`p ${j}`, w.p[j], p[j] - sum, magnitude, n + 2 * c + 2);
        }

        // trailingUpdate from `from`: the upper triangle of the trailing block only.
        const ld = 2 * panel;
        const m = n - from;
        for (let i = 0; i < m * ld; i++) {
          w.packA[i] = uniform();
          w.packB[i] = uniform();
        }
        const packA = Float64Array.from(w.packA);
        const packB = Float64Array.from(w.packB);
        const before = Float64Array.from(w.matrix);
        w.trailingUpdate(from);
        for (let row = 0; row < n; row++) {
          for (let j = 0; j < n; j++) {
            const at = row * n + j;
            if (row < from || j < row) {
              check.same(`trailing ${at}`, w.matrix[at], before[at]);
              continue;
            }
            let sum = 0;
            let magnitude = Math.abs(before[at]);
            for (let t = 0; t < ld; t++) {
              const term = packA[(row - from) * ld + t] * packB[(j - from) * ld + t];
              sum += term;
              magnitude += Math.abs(term);
            }
            check.sum(`trailing ${at}`, w.matrix[at], before[at] - sum, magnitude, ld + 2);
          }
        }
        check.done();
      }),
      { numRuns: 200 }
    );
  });

  it("rejects indices outside the matrix or the panel, and sizes it cannot hold", () => {
    const w = tridiagonalWorkspace(3, 2)!;
    const invalid = expect.objectContaining({ code: "INVALID_ARGUMENT" });
    expect(() => w.product(3)).toThrow(invalid);
    expect(() => w.product(-1)).toThrow(invalid);
    expect(() => w.product(0.5)).toThrow(invalid);
    expect(() => w.rowUpdate(3, 0)).toThrow(invalid);
    expect(() => w.rowUpdate(0, 3)).toThrow(invalid);
    expect(() => w.panelCorrection(3, 0)).toThrow(invalid);
    expect(() => w.panelCorrection(0, 3)).toThrow(invalid);
    expect(() => w.trailingUpdate(3)).toThrow(invalid);
    expect(tridiagonalWorkspace(0, 1)).toBeUndefined();
    expect(tridiagonalWorkspace(1.5, 1)).toBeUndefined();
    expect(tridiagonalWorkspace(3, 0)).toBeUndefined();
    // 8 · 20,000² bytes is past the 2 GiB address range the kernels assume.
    expect(tridiagonalWorkspace(20000, 32)).toBeUndefined();
  });
});
