import fc from "fast-check";
import { correlationByOverlap } from "../../../src/core/correlation/correlationByOverlap";
import { pearsonByOverlapOwner } from "../../../src/core/correlation/pearsonByOverlapOwner";
import type { ReturnsPanel } from "../../../src/core/types";
import {
  at,
  columnOf,
  directPearson,
  expectMatrixClose,
  loadFixture,
  panelOf,
  snapshot,
} from "./correlationTestKit";

/** The matrix, or the error message, so that errors can be compared as values. */
function outcome(compute: () => { data: Float64Array }): number[] | string {
  try {
    return Array.from(compute().data);
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Panels with late listings (nested masks), and on request delistings and holes (masks that do not
 * nest), constant stretches and few distinct values.
 */
const awkwardPanel = fc
  .record({
    rows: fc.integer({ min: 2, max: 50 }),
    cols: fc.integer({ min: 1, max: 9 }),
    seed: fc.nat(),
    delistings: fc.boolean(),
    holes: fc.boolean(),
    grid: fc.boolean(),
  })
  .map(({ rows, cols, seed, delistings, holes, grid }) => {
    let s = seed + 1;
    const next = () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    const values: number[][] = Array.from({ length: rows }, () => []);
    for (let j = 0; j < cols; j++) {
      const lead = next() < 0.7 ? Math.floor(next() * rows * 0.6) : 0;
      const end = delistings && next() < 0.4 ? rows - Math.floor(next() * rows * 0.3) : rows;
      const flatFrom = next() < 0.15 ? Math.floor(next() * rows) : rows;
      for (let t = 0; t < rows; t++) {
        const missing = t < lead || t >= end || (holes && next() < 0.05);
        const v = t >= flatFrom ? 0.25 : grid ? Math.floor(next() * 3) : next() - 0.5;
        values[t].push(missing ? NaN : v);
      }
    }
    return panelOf(values);
  });

describe("pearsonByOverlapOwner", () => {
  it("matches a hand-worked case with a late listing", () => {
    // Rows 1–3 only: x = 1, 2, 4 (mean 7/3), y = 2, 4, 5 (mean 11/3); deviations −4/3, −1/3, 5/3
    // and −5/3, 1/3, 4/3 → Σdxdy = (20 − 1 + 20)/9 = 13/3, Σdx² = Σdy² = 42/9 → ρ = 39/42 = 13/14
    const m = pearsonByOverlapOwner(
      panelOf([
        [NaN, 9],
        [1, 2],
        [2, 4],
        [4, 5],
      ])
    );
    expect(at(m, 0, 1)).toBeCloseTo(13 / 14, 15);
    expect(at(m, 1, 0)).toBe(at(m, 0, 1));
    expect(at(m, 0, 0)).toBe(1);
  });

  it("matches pandas' pairwise rule with listings, delistings and holes (fixture, 1e-13)", () => {
    const fx = loadFixture("pairwise.json");
    expectMatrixClose(pearsonByOverlapOwner(panelOf(fx.data)), fx.pearson, 1e-13);
  });

  it("gives correlationByOverlap's exact matrix, or its exact error (property)", () => {
    fc.assert(
      fc.property(awkwardPanel, fc.integer({ min: 2, max: 5 }), (panel, minOverlap) => {
        for (const options of [{ minOverlap }, { minOverlap, onUndefinedPair: "nan" as const }]) {
          expect(outcome(() => pearsonByOverlapOwner(panel, options))).toEqual(
            outcome(() => correlationByOverlap(panel, options, { kind: "pearson" }))
          );
        }
      }),
      { numRuns: 300 }
    );
  });

  it("equals the direct pairwise formula across 40 listing dates (property)", () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        let s = seed + 1;
        const next = () =>
          ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
        const rows = 90;
        const cols = 60;
        const data = new Float64Array(rows * cols);
        for (let j = 0; j < cols; j++) {
          for (let t = 0; t < rows; t++) data[j * rows + t] = t < (j % 40) * 2 ? NaN : next() - 0.5;
        }
        const panel: ReturnsPanel = {
          kind: "returns",
          rows,
          cols,
          data,
          labels: Array.from({ length: cols }, (_, j) => `A${j}`),
        };
        const m = pearsonByOverlapOwner(panel);
        for (let i = 0; i < cols; i += 7) {
          for (let j = 0; j < cols; j++) {
            if (i === j) continue;
            const direct = directPearson(columnOf(panel, i), columnOf(panel, j));
            expect(Math.abs(at(m, i, j) - direct)).toBeLessThan(1e-13);
          }
        }
      }),
      { numRuns: 10 }
    );
  });

  it("throws TOO_FEW_POINTS naming both assets, as correlationByOverlap does", () => {
    const panel = panelOf(
      [
        [0.1, NaN],
        [0.2, NaN],
        [0.4, 0.1],
        [0.3, 0.3],
      ],
      ["BTC", "SOL"]
    );
    expect(() => pearsonByOverlapOwner(panel)).toThrow(
      'returns: column 1 (BTC) and column 2 (SOL) have 2 rows in common; correlation needs at least 3; use a longer range or pass onUndefinedPair="nan"'
    );
  });

  it("throws ZERO_VARIANCE naming the asset constant over the overlap", () => {
    // SOL moves before BTC lists and is flat after: constant over their 3 common rows.
    const panel = panelOf(
      [
        [NaN, 0.5],
        [0.1, 0.2],
        [0.2, 0.2],
        [0.4, 0.2],
      ],
      ["BTC", "SOL"]
    );
    expect(() => pearsonByOverlapOwner(panel)).toThrow(
      expect.objectContaining({ code: "ZERO_VARIANCE", label: "SOL" })
    );
    expect(at(pearsonByOverlapOwner(panel, { onUndefinedPair: "nan" }), 0, 1)).toBeNaN();
  });

  it("throws NON_FINITE on ±Infinity and INVALID_ARGUMENT on a bad option", () => {
    expect(() =>
      pearsonByOverlapOwner(
        panelOf([
          [1, Infinity],
          [2, 3],
          [3, 1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "NON_FINITE" }));
    expect(() => pearsonByOverlapOwner(panelOf([[1], [2], [3]]), { minOverlap: 1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" })
    );
  });

  it("leaves its input unchanged", () => {
    const fx = loadFixture("pairwise.json");
    const panel = Object.freeze(panelOf(fx.data));
    const before = snapshot(panel);
    pearsonByOverlapOwner(panel);
    expect(snapshot(panel)).toEqual(before);
  });
});
