import fc from "fast-check";
import { averagePairwiseCorrelation } from "../../../src/core/correlation/averagePairwiseCorrelation";
import { pearsonCorrelationMatrix } from "../../../src/core/correlation/pearsonCorrelationMatrix";
import { arbitraryPanel, at, loadFixture, matrixOf, panelOf } from "./correlationTestKit";

describe("averagePairwiseCorrelation", () => {
  it("averages the upper triangle of a hand-written matrix", () => {
    // (0.5 + 0.2 + 0.8) / 3 = 0.5
    const m = matrixOf([
      [1, 0.5, 0.2],
      [0.5, 1, 0.8],
      [0.2, 0.8, 1],
    ]);
    expect(averagePairwiseCorrelation(m)).toBeCloseTo(0.5, 15);
  });

  it("matches numpy C[triu_indices(N, 1)].mean() on the fixture's Pearson matrix (1e-14)", () => {
    const fx = loadFixture("matrices.json");
    const expected = fx.complete.pearson as number[][];
    let sum = 0;
    let count = 0;
    for (let i = 0; i < expected.length; i++) for (let j = i + 1; j < expected.length; j++) { sum += expected[i][j]; count++; } // prettier-ignore
    expect(
      averagePairwiseCorrelation(pearsonCorrelationMatrix(panelOf(fx.complete.data)))
    ).toBeCloseTo(sum / count, 14);
  });

  it("lies in [−1, 1], is invariant to asset order and is at least −1/(N−1) for a valid matrix (property)", () => {
    fc.assert(
      fc.property(arbitraryPanel(), ({ rows }) => {
        const m = pearsonCorrelationMatrix(panelOf(rows));
        const avg = averagePairwiseCorrelation(m);
        expect(avg).toBeLessThanOrEqual(1);
        // A PSD unit-diagonal matrix has 1ᵀC1 ≥ 0 ⇒ mean off-diagonal ≥ −1/(N−1) (complete data).
        if (rows.every((r) => r.every((v) => !Number.isNaN(v))))
          expect(avg).toBeGreaterThanOrEqual(-1 / (m.size - 1) - 1e-12);
        const reversed = pearsonCorrelationMatrix(panelOf(rows.map((r) => [...r].reverse())));
        expect(averagePairwiseCorrelation(reversed)).toBeCloseTo(avg, 13);
        expect(at(m, 0, 0)).toBe(1);
      }),
      { numRuns: 50 }
    );
  });

  it("throws TOO_FEW_POINTS, INVALID_ARGUMENT and NON_FINITE", () => {
    expect(() => averagePairwiseCorrelation(matrixOf([[1]]))).toThrow(
      expect.objectContaining({ code: "TOO_FEW_POINTS" })
    );
    expect(() =>
      averagePairwiseCorrelation(
        matrixOf(
          [
            [1, 1.5],
            [1.5, 1],
          ],
          ["A", "B"]
        )
      )
    ).toThrow("matrix: entry (1, 2) (A, B) is 1.5; correlations lie in [−1, 1]");
    expect(() =>
      averagePairwiseCorrelation(
        matrixOf([
          [1, 0.5],
          [0.2, 1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() =>
      averagePairwiseCorrelation(
        matrixOf([
          [1, NaN],
          [NaN, 1],
        ])
      )
    ).toThrow(expect.objectContaining({ code: "NON_FINITE" }));
  });

  it("leaves its input unchanged", () => {
    const m = Object.freeze(
      matrixOf([
        [1, 0.3],
        [0.3, 1],
      ])
    );
    averagePairwiseCorrelation(m);
    expect(Array.from(m.data)).toEqual([1, 0.3, 0.3, 1]);
  });
});
