import fc from "fast-check";
import { kendallCorrelationMatrix } from "../../../src/core/correlation/kendallCorrelationMatrix";
import {
  arbitraryPanel,
  at,
  expectMatrixClose,
  loadFixture,
  panelOf,
  snapshot,
} from "./correlationTestKit";

/** O(n²) tau-b straight from the definition: an independent reference. */
function naiveTauB(x: number[], y: number[]): number {
  let s = 0;
  let tx = 0;
  let ty = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = Math.sign(x[i] - x[j]);
      const b = Math.sign(y[i] - y[j]);
      s += a * b;
      if (a === 0) tx++;
      if (b === 0) ty++;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  return s / Math.sqrt((n0 - tx) * (n0 - ty));
}

describe("kendallCorrelationMatrix", () => {
  it("matches a hand-worked case with ties", () => {
    // x = 1, 2, 2, 3; y = 1, 3, 2, 3. Pairs (6): (1,2) C, (1,3) C, (1,4) C, (2,3) x-tie,
    // (2,4) y-tie, (3,4) C → n_c − n_d = 4; n₀ = 6, n₁ = 1, n₂ = 1 → τ_b = 4 / √(5 · 5) = 0.8
    const m = kendallCorrelationMatrix(
      panelOf([
        [1, 1],
        [2, 3],
        [2, 2],
        [3, 3],
      ])
    );
    expect(at(m, 0, 1)).toBeCloseTo(0.8, 15);
    expect(at(m, 0, 0)).toBe(1);
  });

  it("matches scipy.stats.kendalltau (tau-b) per pair, with and without ties (fixture, 1e-14)", () => {
    const fx = loadFixture("matrices.json");
    for (const name of ["complete", "ties"]) {
      expectMatrixClose(kendallCorrelationMatrix(panelOf(fx[name].data)), fx[name].kendall, 1e-14);
    }
  });

  it("uses each pair's overlap, as pandas DataFrame.corr('kendall') (fixture, 1e-14)", () => {
    const fx = loadFixture("pairwise.json");
    expectMatrixClose(kendallCorrelationMatrix(panelOf(fx.data)), fx.kendall, 1e-14);
  });

  it("equals the O(n²) definition on tie-heavy random data (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 3,
          maxLength: 70,
        }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          if (x.every((v) => v === x[0]) || y.every((v) => v === y[0])) return;
          const m = kendallCorrelationMatrix(panelOf(pairs.map((p) => [p[0], p[1]])));
          expect(at(m, 0, 1)).toBeCloseTo(naiveTauB(x, y), 13);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("equals the O(n²) definition per pair with late listings, gaps and ties (property)", () => {
    // Several availability masks, so pairs of different groups rank each column on their overlap.
    const panel = fc
      .record({
        rows: fc.integer({ min: 3, max: 90 }),
        cols: fc.integer({ min: 1, max: 5 }),
        levels: fc.constantFrom(2, 4, 1000),
        seed: fc.nat(),
      })
      .map(({ rows, cols, levels, seed }) => {
        let s = seed + 1;
        const next = () => ((s = Math.imul(s ^ (s >>> 13), 0x5bd1e995) + 12345) >>> 0) / 2 ** 32;
        const lead = Array.from({ length: cols }, () => Math.floor(next() * rows * 0.4));
        return Array.from({ length: rows }, (_, t) =>
          lead.map((l) => (t < l || next() < 0.05 ? NaN : Math.floor(next() * levels)))
        );
      });
    fc.assert(
      fc.property(panel, (values) => {
        const cols = values[0].length;
        const m = kendallCorrelationMatrix(panelOf(values), { onUndefinedPair: "nan" });
        for (let i = 0; i < cols; i++) {
          for (let j = i + 1; j < cols; j++) {
            const both = values.filter((r) => !Number.isNaN(r[i]) && !Number.isNaN(r[j]));
            const want = naiveTauB(
              both.map((r) => r[i]),
              both.map((r) => r[j])
            );
            if (both.length >= 3 && Number.isFinite(want))
              expect(at(m, i, j)).toBeCloseTo(want, 13);
            else expect(at(m, i, j)).toBeNaN();
          }
        }
      }),
      { numRuns: 150 }
    );
  });

  it("is symmetric, unit-diagonal, bounded and invariant to asset order (property)", () => {
    fc.assert(
      fc.property(arbitraryPanel(5, 30), ({ rows }) => {
        const cols = rows[0].length;
        const m = kendallCorrelationMatrix(panelOf(rows));
        const reversed = kendallCorrelationMatrix(panelOf(rows.map((r) => [...r].reverse())));
        for (let i = 0; i < cols; i++) {
          expect(at(m, i, i)).toBe(1);
          for (let j = 0; j < cols; j++) {
            expect(at(m, i, j)).toBe(at(m, j, i));
            expect(Math.abs(at(m, i, j))).toBeLessThanOrEqual(1);
            expect(at(reversed, cols - 1 - i, cols - 1 - j)).toBeCloseTo(at(m, i, j), 14);
          }
        }
      }),
      { numRuns: 40 }
    );
  });

  it("throws TOO_FEW_POINTS naming both assets", () => {
    expect(() =>
      kendallCorrelationMatrix(
        panelOf(
          [
            [1, NaN],
            [2, 1],
            [3, 2],
          ],
          ["BTC", "SOL"]
        )
      )
    ).toThrow(/column 1 \(BTC\) and column 2 \(SOL\) have 2 rows in common/);
  });

  it("throws ZERO_VARIANCE naming the constant asset", () => {
    expect(() =>
      kendallCorrelationMatrix(
        panelOf(
          [
            [1, 0],
            [2, 0],
            [3, 0],
          ],
          ["BTC", "USDC"]
        )
      )
    ).toThrow(expect.objectContaining({ code: "ZERO_VARIANCE", label: "USDC" }));
  });

  it("throws NON_FINITE and INVALID_ARGUMENT", () => {
    expect(() =>
      kendallCorrelationMatrix(
        panelOf([
          [1, 0],
          [Infinity, 1],
          [3, 2],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "NON_FINITE" }));
    expect(() => kendallCorrelationMatrix(panelOf([[1], [2], [3]]), { minOverlap: 0 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("gives NaN for undefined pairs only under onUndefinedPair = 'nan'", () => {
    const m = kendallCorrelationMatrix(
      panelOf([
        [1, NaN, 3],
        [2, 1, 1],
        [3, 2, 2],
        [4, NaN, 5],
      ]),
      { onUndefinedPair: "nan" }
    );
    expect(at(m, 0, 1)).toBeNaN();
    expect(at(m, 1, 1)).toBeNaN();
    expect(at(m, 0, 2)).toBeCloseTo(naiveTauB([1, 2, 3, 4], [3, 1, 2, 5]), 15);
  });

  it("leaves its input unchanged", () => {
    const fx = loadFixture("pairwise.json");
    const panel = Object.freeze(panelOf(fx.data));
    const before = snapshot(panel);
    kendallCorrelationMatrix(panel);
    expect(snapshot(panel)).toEqual(before);
  });
});
