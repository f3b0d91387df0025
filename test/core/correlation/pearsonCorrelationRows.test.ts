import fc from "fast-check";
import { pearsonCorrelationMatrix } from "../../../src/core/correlation/pearsonCorrelationMatrix";
import { pearsonCorrelationRows } from "../../../src/core/correlation/pearsonCorrelationRows";
import type { ReturnsPanel } from "../../../src/core/types";
import { coreErrorOf } from "../covariance/covarianceTestKit";
import { loadFixture, panelOf } from "./correlationTestKit";

const nan = { onUndefinedPair: "nan" as const };

/** A complete panel of smooth pseudo-random returns (deterministic in the seed). */
function completePanel(rows: number, cols: number, seed: number): ReturnsPanel {
  const data = Float64Array.from(
    { length: rows * cols },
    (_, k) => 0.02 * Math.sin(seed * 7.1 + k * 0.37) + 0.01 * Math.cos(k * (seed % 5) * 0.11)
  );
  const labels = Array.from({ length: cols }, (_, j) => `A${j + 1}`);
  return { kind: "returns", rows, cols, data, labels };
}

/** Whether two numbers are the same double (NaN equal to NaN, +0 and −0 apart). */
function sameDoubles(actual: Float64Array, expected: Float64Array): boolean {
  return actual.length === expected.length && actual.every((v, k) => Object.is(v, expected[k]));
}

describe("pearsonCorrelationRows", () => {
  it("matches a hand-worked 3-row case", () => {
    // x = 1, 2, 3; y = 2, 4, 5: Σdxdy = 3, Σdx² = 2, Σdy² = 42/9 → ρ = 3 / √(2 · 42/9) = 0.98198…
    const rows = pearsonCorrelationRows(
      panelOf([
        [1, 2],
        [2, 4],
        [3, 5],
      ]),
      1
    )!;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(1);
    expect(rows[1]).toBeCloseTo(3 / Math.sqrt((2 * 42) / 9), 15);
  });

  it("matches numpy.corrcoef's first rows on the complete fixture (1e-13)", () => {
    const fx = loadFixture("matrices.json");
    const panel = panelOf(fx.complete.data);
    const k = 2;
    const rows = pearsonCorrelationRows(panel, k)!;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < panel.cols; j++) {
        expect(Math.abs(rows[i * panel.cols + j] - fx.complete.pearson[i][j])).toBeLessThan(1e-13);
      }
    }
  });

  it("gives exactly the doubles of pearsonCorrelationMatrix's first rows (random complete panels)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 300 }),
        fc.integer({ min: 1, max: 23 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.nat(),
        (rows, cols, seed, pick) => {
          const panel = completePanel(rows, cols, seed);
          const k = pick % (cols + 1);
          const whole = pearsonCorrelationMatrix(panel, nan).data;
          const strip = pearsonCorrelationRows(panel, k, nan)!;
          return sameDoubles(strip, whole.subarray(0, k * cols));
        }
      ),
      { numRuns: 60 }
    );
  });

  it("puts NaN in the pairs of a constant column, as the matrix does (onUndefinedPair nan)", () => {
    const panel = completePanel(40, 6, 3);
    panel.data.fill(0.01, 2 * 40, 3 * 40);
    const strip = pearsonCorrelationRows(panel, 4, nan)!;
    expect(sameDoubles(strip, pearsonCorrelationMatrix(panel, nan).data.subarray(0, 24))).toBe(
      true
    );
    expect(strip[2]).toBeNaN();
    expect(strip[2 * 6 + 2]).toBeNaN();
  });

  it("leaves the whole matrix to the caller when a value is missing, or a constant column must throw", () => {
    const panel = completePanel(40, 5, 4);
    const withHole = { ...panel, data: panel.data.slice() };
    withHole.data[7] = NaN;
    expect(pearsonCorrelationRows(withHole, 2, nan)).toBeUndefined();
    const flat = { ...panel, data: panel.data.slice() };
    flat.data.fill(0, 0, 40);
    expect(pearsonCorrelationRows(flat, 2)).toBeUndefined();
    expect(pearsonCorrelationRows(completePanel(2, 3, 1), 1)).toBeUndefined();
  });

  it("refuses ±Infinity with its position, an inconsistent panel and a rowCount outside 0…cols", () => {
    const panel = completePanel(10, 3, 5);
    const infinite = { ...panel, data: panel.data.slice() };
    infinite.data[13] = Infinity;
    const error = coreErrorOf(() => pearsonCorrelationRows(infinite, 1));
    expect(error.code).toBe("NON_FINITE");
    expect(error.message).toBe(coreErrorOf(() => pearsonCorrelationMatrix(infinite)).message);
    expect(coreErrorOf(() => pearsonCorrelationRows({ ...panel, labels: [] }, 1)).code).toBe(
      "INVALID_ARGUMENT"
    );
    for (const bad of [-1, 4, 1.5, NaN]) {
      expect(coreErrorOf(() => pearsonCorrelationRows(panel, bad)).code).toBe("INVALID_ARGUMENT");
    }
  });

  it("does not modify its (frozen) input", () => {
    const panel = completePanel(30, 4, 6);
    const before = Array.from(panel.data);
    Object.freeze(panel);
    pearsonCorrelationRows(panel, 2);
    expect(Array.from(panel.data)).toEqual(before);
  });
});
