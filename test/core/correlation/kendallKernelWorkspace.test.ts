import fc from "fast-check";
import { kendallCorrelationMatrix } from "../../../src/core/correlation/kendallCorrelationMatrix";
import { kendallKernelWorkspace } from "../../../src/core/correlation/wasm/kendallKernelWorkspace";
import { at, panelOf } from "./correlationTestKit";

/** O(n²) tau-b straight from the definition: an independent reference. */
function naiveTauB(x: readonly number[], y: readonly number[]): number {
  let s = 0;
  let tx = 0;
  let ty = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = x[i] < x[j] ? -1 : x[i] > x[j] ? 1 : 0;
      const b = y[i] < y[j] ? -1 : y[i] > y[j] ? 1 : 0;
      s += a * b;
      if (a === 0) tx++;
      if (b === 0) ty++;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  return s / Math.sqrt((n0 - tx) * (n0 - ty));
}

/** A seeded generator in [0, 1) (the tests need inputs far larger than fast-check shrinks well). */
function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/**
 * Ordinal ranks and tie ends of y (stable by index), as ordinalRanksOnRowsInto writes them, by an
 * independent sort.
 */
function ranksOf(y: readonly number[]): { ordinal: number[]; tieEnd: number[] } {
  const order = y.map((_, i) => i).sort((a, b) => y[a] - y[b] || a - b);
  const ordinal: number[] = new Array(y.length);
  const tieEnd: number[] = new Array(y.length);
  order.forEach((p, k) => (ordinal[p] = k));
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    if (k === order.length || y[order[k]] !== y[order[start]]) {
      for (let m = start; m < k; m++) tieEnd[order[m]] = k - 1;
      start = k;
    }
  }
  return { ordinal, tieEnd };
}

const workspaceOrSkip = kendallKernelWorkspace(1, 1) === undefined ? it.skip : it;

describe("kendallKernelWorkspace", () => {
  workspaceOrSkip("is available under Node (WebAssembly SIMD), so the tests below run", () => {
    expect(kendallKernelWorkspace(2, 10)).toBeDefined();
    // Beyond the i16 counts' range the caller keeps the JS kernel.
    expect(kendallKernelWorkspace(2, 16385)).toBeUndefined();
  });

  workspaceOrSkip(
    "counts the hand-worked case: x = 1, 2, 3; y = 1, 3, 2 has 1 discordant pair",
    () => {
      const w = kendallKernelWorkspace(2, 3)!;
      w.orders.set([0, 1, 2], 0);
      w.ordinals.set([0, 2, 1], 3);
      w.tieEnds.set([0, 2, 1], 3);
      expect(w.discordant(0, 1, 3)).toBe(1);
      // Reversed y: all 3 pairs discordant.
      w.ordinals.set([2, 1, 0], 3);
      w.tieEnds.set([2, 1, 0], 3);
      expect(w.discordant(0, 1, 3)).toBe(3);
    }
  );

  workspaceOrSkip(
    "equals the O(n²) discordant count for y with ties, both layouts (≤ 2,048 and beyond) (property)",
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 4200 }),
          fc.constantFrom(3, 50, 1e9),
          fc.integer(),
          (n, levels, seed) => {
            const next = generator(seed);
            const y = Array.from({ length: n }, () => Math.floor(next() * levels));
            // x: a random permutation of the points (x has no ties).
            const xOrder = Array.from({ length: n }, (_, i) => i);
            for (let i = n - 1; i > 0; i--) {
              const j = Math.floor(next() * (i + 1));
              [xOrder[i], xOrder[j]] = [xOrder[j], xOrder[i]];
            }
            const { ordinal, tieEnd } = ranksOf(y);
            const w = kendallKernelWorkspace(2, n)!;
            w.orders.set(xOrder, 0);
            w.ordinals.set(ordinal, n);
            w.tieEnds.set(tieEnd, n);
            let want = 0;
            for (let s = 0; s < n; s++) {
              for (let t = s + 1; t < n; t++) if (y[xOrder[s]] > y[xOrder[t]]) want++;
            }
            expect(w.discordant(0, 1, n)).toBe(want);
          }
        ),
        { numRuns: 60 }
      );
    }
  );
});

describe("kendallCorrelationMatrix through the WebAssembly kernel", () => {
  /** Checks every pair of a random panel against the O(n²) definition (1e-12). */
  function checkAgainstDefinition(
    rows: number,
    kinds: readonly number[],
    nanRate: number,
    leadMax: number,
    seed: number
  ): void {
    const next = generator(seed);
    const lead = kinds.map(() => Math.floor(next() * rows * leadMax));
    // Per column: continuous (no ties), a few levels (ties), or mostly one value.
    const values = Array.from({ length: rows }, (_, t) =>
      kinds.map((kind, j) => {
        if (t < lead[j] || next() < nanRate) return NaN;
        if (kind === 0) return next() - 0.5;
        if (kind === 1) return Math.floor(next() * 5);
        return next() < 0.9 ? 0 : next();
      })
    );
    const m = kendallCorrelationMatrix(panelOf(values), { onUndefinedPair: "nan" });
    for (let i = 0; i < kinds.length; i++) {
      for (let j = i + 1; j < kinds.length; j++) {
        const both = values.filter((r) => !Number.isNaN(r[i]) && !Number.isNaN(r[j]));
        const want = naiveTauB(
          both.map((r) => r[i]),
          both.map((r) => r[j])
        );
        if (both.length >= 3 && Number.isFinite(want)) {
          expect(Math.abs(at(m, i, j) - want)).toBeLessThanOrEqual(1e-12);
        } else {
          expect(at(m, i, j)).toBeNaN();
        }
      }
    }
  }

  it("equals the O(n²) tau-b per pair, columns with and without ties, NaNs (property, 1e-12)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 200 }),
        fc.array(fc.constantFrom(0, 1, 2), { minLength: 2, maxLength: 5 }),
        fc.constantFrom(0, 0, 0.05),
        fc.constantFrom(0, 0.3),
        fc.integer(),
        checkAgainstDefinition
      ),
      { numRuns: 80 }
    );
  });

  it("equals the O(n²) tau-b around and beyond 2,048 rows (the 3-level layout) (property, 1e-12)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 2040, max: 2060 }), fc.integer({ min: 2500, max: 2600 })),
        fc.array(fc.constantFrom(0, 1), { minLength: 2, maxLength: 3 }),
        fc.constantFrom(0, 0.02),
        fc.integer(),
        (rows, kinds, nanRate, seed) => checkAgainstDefinition(rows, kinds, nanRate, 0.1, seed)
      ),
      { numRuns: 4 }
    );
  });

  it("gives the same doubles as the JS kernel (no WebAssembly), ties and NaNs included (property)", () => {
    let jsOnly: typeof kendallCorrelationMatrix | undefined;
    jest.isolateModules(() => {
      jest.doMock("../../../src/core/correlation/wasm/kendallKernelWorkspace", () => ({
        kendallKernelWorkspace: () => undefined,
      }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      jsOnly = require("../../../src/core/correlation/kendallCorrelationMatrix")
        .kendallCorrelationMatrix as typeof kendallCorrelationMatrix;
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 400 }),
        fc.array(fc.constantFrom(0, 1), { minLength: 2, maxLength: 6 }),
        fc.integer(),
        (rows, kinds, seed) => {
          const next = generator(seed);
          const values = Array.from({ length: rows }, (_, t) =>
            kinds.map((kind, j) => {
              if (t < j * 3 || next() < 0.03) return NaN;
              return kind === 0 ? next() : Math.floor(next() * 4);
            })
          );
          const panel = panelOf(values);
          const fast = kendallCorrelationMatrix(panel, { onUndefinedPair: "nan" });
          const plain = jsOnly!(panel, { onUndefinedPair: "nan" });
          expect(Array.from(fast.data)).toEqual(Array.from(plain.data));
        }
      ),
      { numRuns: 60 }
    );
  });
});
